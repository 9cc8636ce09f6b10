import Foundation
import SignpostModel
import SignpostPipeline
import SignpostPublish
import SignpostRender
import Testing
import ZIPFoundation

/// One school's site on its own (`build --school`), and its zip (`--zip`).
@Suite("One school's site and its zip")
struct SchoolZipTests {
    static func oneSchool(_ id: String, in dir: TempDir, content: URL = County.content) -> BuildResult {
        var options = County.options(content: content, output: dir.path("Site"))
        options.urls = SiteURLs(.oneSchool(id))
        return SiteBuilder(options: options).build()
    }

    /// The zip's files, by path, with their bytes.
    static func unzipped(_ zip: URL) throws -> [String: Data] {
        let archive = try Archive(url: zip, accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = data
        }
        return files
    }

    @Test func theZipHoldsTheFolderAsItIsWithItsFilesAtTheTopAndTheSameBytesEachTime() throws {
        let dir = TempDir()
        #expect(Self.oneSchool("elm-high", in: dir).wrote)
        let site = dir.path("Site")
        let zip = dir.path(SchoolZip.fileName(school: "elm-high"))
        #expect(zip.lastPathComponent == "elm-high-early-help-offer.zip")
        try SchoolZip.write(folder: site, to: zip)
        let files = try Self.unzipped(zip)
        let folder = snapshot(site).filter { !$0.key.hasPrefix(".") }
        // The marker that lets the next build replace the folder is no part of the site to upload.
        #expect(snapshot(site).keys.contains(".signpost-site"))
        #expect(files.count == folder.count && files == folder, "\(Set(files.keys).symmetricDifference(folder.keys))")
        #expect(files["index.html"].map { String(decoding: $0, as: UTF8.self).contains("<h1>Elm High School Early Help Offer</h1>") } == true)
        #expect(try SchoolZip.files(in: site) == folder.keys.sorted())

        // Written again from the same folder, later: the same bytes (no date of the build inside).
        let first = try Data(contentsOf: zip)
        Thread.sleep(forTimeInterval: 2.1)
        try SchoolZip.write(folder: site, to: zip)
        #expect(try Data(contentsOf: zip) == first)
        #expect(!FileManager.default.fileExists(atPath: dir.path(".elm-high-early-help-offer.zip.partial").path))
    }

    @Test func aSchoolOnItsOwnHasNoLinkToAllSchools() throws {
        let alone = TempDir()
        #expect(Self.oneSchool("oak-first", in: alone).wrote)
        let pages = snapshot(alone.path("Site")).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 10)
        #expect(pages.filter { String(decoding: $0.value, as: UTF8.self).contains("All schools") }.isEmpty)
        let county = TempDir()
        _ = WholeOfferTests.built(county)
        #expect(County.page(county.path("Site"), "oak-first/index.html").contains(#"<a href="../index.html">All schools</a>"#))
    }

    @Test func addressesOnTheCountySiteLeadToTheSchoolsCopyThere() throws {
        let dir = TempDir()
        let content = try County.copy(dir)
        dir.write("Content/site.yml", "title: Early Help Offers for Shire schools\nbase_url: https://earlyhelp.example.org/\nlanguage: en-GB\n")
        #expect(Self.oneSchool("oak-first", in: dir, content: content).wrote)
        let site = dir.path("Site")
        // The offer's own page, its levels and its handout name their copy on the county site…
        #expect(County.page(site, "index.html").contains(#"<link rel="canonical" href="https://earlyhelp.example.org/oak-first/">"#))
        #expect(County.page(site, "levels/universal/index.html")
            .contains(#"<link rel="canonical" href="https://earlyhelp.example.org/oak-first/levels/universal/">"#))
        #expect(County.page(site, "handout/index.html").contains(#"<a class="url" href="https://earlyhelp.example.org/oak-first/">"#))
        // …its own accessibility statement is no copy of the county's, and a sitemap may list only its own addresses.
        #expect(!County.page(site, "accessibility/index.html").contains("rel=\"canonical\""))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("sitemap.xml").path))
        let log = DiagnosticLog()
        let resolved = SiteBuilder(options: County.options(content: content, output: dir.path("x"))).prepare(log: log).site
        #expect(PDFJob.all(for: resolved, urls: SiteURLs(.oneSchool("oak-first"))).map(\.siteURL) == Array(repeating: "https://earlyhelp.example.org/oak-first/", count: 2))
        #expect(PDFJob.all(for: resolved).map(\.siteURL).allSatisfy { $0 == "https://earlyhelp.example.org/" })
    }

    @Test func aZipThatCannotBeWrittenLeavesTheOneBefore() throws {
        let dir = TempDir()
        #expect(Self.oneSchool("oak-first", in: dir).wrote)
        let zip = dir.path("oak-first-early-help-offer.zip")
        try SchoolZip.write(folder: dir.path("Site"), to: zip)
        let before = try Data(contentsOf: zip)
        #expect(throws: (any Error).self) { try SchoolZip.write(folder: dir.path("no-such-folder"), to: zip) }
        #expect(try Data(contentsOf: zip) == before)
    }

    @Test func anUnknownSchoolIsAnErrorNamingTheSchoolsAndNothingIsWritten() throws {
        let dir = TempDir()
        let result = Self.oneSchool("oak-frist", in: dir)
        #expect(!result.wrote)
        #expect(result.errors.map(\.description).contains {
            $0.contains("there is no school called \"oak-frist\" to build on its own") && $0.contains("ash-first, elm-high, oak-first")
        }, "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("Site").path))
    }

    @Test func aDraftSchoolIsNamedAsADraft() throws {
        let dir = TempDir()
        let content = try County.copy(dir)
        try County.edit(content.appendingPathComponent("schools/ash-first/school.md")) { $0.replacingOccurrences(of: "\n---\n", with: "\ndraft: true\n---\n") }
        let result = Self.oneSchool("ash-first", in: dir, content: content)
        #expect(!result.wrote)
        #expect(result.errors.contains { $0.message == "ash-first is a draft, so it has no site to build yet" }, "\(result.errors)")
    }
}
