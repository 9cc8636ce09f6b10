import Foundation
import SignpostWrite
import Testing

/// Logos go through libraries, never a hand-made cleaner (issue 22, and issue 25 finding 6: a
/// UTF-16 SVG with `<!ENTITY>` was accepted silently, and an SVG with script saved as
/// `logo.png` was published as it was). An SVG is published drawn as a PNG by librsvg; a PNG
/// or JPEG is published only once it decodes.
@Suite("Logos")
struct LogoFileTests {
    static let png = try! Data(contentsOf: County.content.appendingPathComponent("schools/oak-first/logo.png"))

    static func isPNGThatDecodes(_ data: Data) -> Bool {
        data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && (try? LogoFile.publishable(data, ext: "png").get()) == data
    }

    func published(_ data: Data, ext: String) throws -> Data { try LogoFile.publishable(data, ext: ext).get() }

    func problem(_ data: Data, ext: String) -> String {
        if case let .failure(problem) = LogoFile.publishable(data, ext: ext) { return problem.message }
        return "published"
    }

    @Test func aPNGThatDecodesIsPublishedAsItIs() throws {
        #expect(try published(Self.png, ext: "png") == Self.png)
    }

    @Test func anSVGWithScriptIsPublishedAsAPictureOnly() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10" onload="alert(1)"><script>alert(2)</script><rect width="20" height="10" fill="navy"/></svg>"#
        let png = try published(Data(svg.utf8), ext: "svg")
        #expect(Self.isPNGThatDecodes(png))
        #expect(!String(decoding: png, as: UTF8.self).contains("alert"))
    }

    @Test func aUTF16SVGWithEntitiesIsDrawnWithoutReadingOtherFiles() throws {
        let svg = """
        <?xml version="1.0" encoding="UTF-16"?>
        <!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text x="0" y="15">&secret;&b;</text><script>alert(1)</script></svg>
        """
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(svg.data(using: .utf16LittleEndian)!)
        switch LogoFile.publishable(utf16, ext: "svg") {
        case let .success(png):
            #expect(Self.isPNGThatDecodes(png))
            #expect(!String(decoding: png, as: UTF8.self).contains("root:"))
        case let .failure(problem):
            #expect(problem.message.contains("not an SVG picture"))
        }
    }

    @Test func anSVGSavedAsPNGIsRefused() {
        let svg = Data(#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.utf8)
        #expect(problem(svg, ext: "png").contains("it is not a PNG picture that can be read"))
    }

    @Test func aTruncatedPNGIsRefused() {
        #expect(problem(Self.png.prefix(Self.png.count * 2 / 3), ext: "png").contains("it is not a PNG picture that can be read"))
        #expect(problem(Self.png.prefix(40), ext: "png").contains("it is not a PNG picture that can be read"))
    }

    @Test func aPNGSavedAsJPEGAndATruncatedJPEGAreRefused() {
        #expect(problem(Self.png, ext: "jpg").contains("it is not a JPEG picture that can be read"))
        #expect(problem(Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0]), ext: "jpeg").contains("it is not a JPEG picture that can be read"))
    }

    @Test func anSVGThatIsNotOneIsRefused() {
        #expect(problem(Data("not a picture".utf8), ext: "svg").contains("it is not an SVG picture that can be drawn"))
    }

    @Test func aSchoolsSVGLogoIsPublishedAsPNGAndShownAsOne() throws {
        let dir = TempDir("signpost-logo")
        let content = try County.copy(dir)
        try #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 10"><script>alert(1)</script><circle cx="5" cy="5" r="4"/></svg>"#
            .write(to: content.appendingPathComponent("schools/oak-first/acorn.svg"), atomically: true, encoding: .utf8)
        try County.edit(content.appendingPathComponent("schools/oak-first/school.md")) { $0.replacingOccurrences(of: "logo: logo.png", with: "logo: acorn.svg") }
        let result = County.build(content: content, output: dir.path("Site"))
        #expect(result.wrote, "\(result.errors)")
        let site = snapshot(dir.path("Site"))
        #expect(site.keys.filter { $0.hasSuffix(".svg") }.isEmpty)
        #expect(Self.isPNGThatDecodes(try #require(site["oak-first/logo.png"])))
        #expect(County.page(dir.path("Site"), "oak-first/index.html").contains(#"src="../oak-first/logo.png""#)
                || County.page(dir.path("Site"), "oak-first/index.html").contains(#"logo.png""#))
    }
}
