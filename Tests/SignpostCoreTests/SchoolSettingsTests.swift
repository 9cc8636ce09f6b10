import Foundation
import SignpostModel
import SignpostPipeline
import SignpostRender
import Testing

/// What a school office may vary besides its colour and logo, as settings in `school.md`: a
/// short footer note in Markdown and a few links of the school's own. A school folder that
/// still has a `templates/` folder (school templates are retired) is told what to use instead.
@Suite("School settings")
struct SchoolSettingsTests {
    static let school = "Content/schools/oak-first/school.md"

    /// The county with these lines added to Oak First's settings (after `logo_alt:`, line 10), built.
    static func build(_ settings: String, _ dir: TempDir) throws -> (result: BuildResult, site: URL) {
        let content = try County.copy(dir)
        try County.edit(content.appendingPathComponent("schools/oak-first/school.md")) {
            $0.replacingOccurrences(of: "logo_alt: Oak First School's acorn\n", with: "logo_alt: Oak First School's acorn\n" + settings)
        }
        let site = dir.path("Site")
        return (County.build(content: content, output: site), site)
    }

    static let ownLinks = """
    footer_note: "Our wellbeing team is in school every day. Read [our wellbeing pages](https://www.oak.shire.sch.uk/wellbeing) & ask at the office."
    links:
      - label: School website
        url: https://www.oak.shire.sch.uk
      - label: SEND information report
        url: https://www.oak.shire.sch.uk/send-report.pdf
      - label: Safeguarding policy
        url: https://www.oak.shire.sch.uk/policies/safeguarding

    """

    @Test func theFooterNoteAndLinksAreOnEveryPageOfTheSchoolAndNoOther() throws {
        let dir = TempDir()
        let (result, site) = try Self.build(Self.ownLinks, dir)
        #expect(result.wrote, "\(result.errors)")
        for page in ["oak-first/index.html", "oak-first/a-z/index.html", "oak-first/agencies/nspcc/index.html"] {
            let html = County.page(site, page)
            #expect(html.contains("<h2 class=\"footer-heading\">More from Oak First School</h2>"), "\(page)")
            #expect(html.contains("<li><a href=\"https://www.oak.shire.sch.uk/send-report.pdf\">SEND information report</a></li>"), "\(page)")
            #expect(html.contains("<li><a href=\"https://www.oak.shire.sch.uk/policies/safeguarding\">Safeguarding policy</a></li>"), "\(page)")
            // Markdown, escaped as any text: the link is a link, `&` is `&amp;`.
            #expect(html.contains("<div class=\"footer-note\"><p>Our wellbeing team is in school every day. Read <a href=\"https://www.oak.shire.sch.uk/wellbeing\">our wellbeing pages</a> &amp; ask at the office.</p>"), "\(page)")
        }
        for page in ["elm-high/index.html", "ash-first/index.html", "index.html"] {
            let html = County.page(site, page)
            #expect(!html.contains("More from") && !html.contains("footer-note") && !html.contains("oak.shire.sch.uk/wellbeing"), "\(page)")
        }
    }

    @Test func withoutTheSettingsTheFooterIsAsBefore() throws {
        let dir = TempDir()
        let (result, site) = try Self.build("", dir)
        #expect(result.wrote, "\(result.errors)")
        let html = County.page(site, "oak-first/index.html")
        #expect(!html.contains("More from") && !html.contains("footer-note"))
        #expect(html.contains("<ul class=\"footer-links\">"))
    }

    /// Settings an office may get wrong, and a fragment of what it is told, on which line of school.md.
    static let mistakes: [(settings: String, line: Int, message: String, suggestion: String)] = [
        ("footer_note: \"" + String(repeating: "A long note. ", count: 30) + "\"\n", 11, "the footer note is 389 characters; it may be at most 300",
         "keep it to a sentence or two, and put the rest in the school's introduction or a further page"),
        ("footer_note: \"Read <b>this</b> <script>alert(1)</script>\"\n", 11, "the footer note has HTML in it, which is never published",
         "write it in Markdown: **bold**, [a link](https://…)"),
        ("footer_note: |\n  ## Our help\n  More text.\n", 11, "the footer note should be one short paragraph", "remove headings, lists, tables and blank lines"),
        ("footer_note: \"See [our policy](../policies/index.html).\"\n", 11, "the footer note links to \"../policies/index.html\"",
         "the footer is on every page, so write the whole web address, starting https://"),
        ("footer_note: \"[Click](javascript:alert(1))\"\n", 11, "the link \"javascript:alert(1)\" is", "link to a page on a public website instead"),
        ("links:\n  - label: Policy\n    url: javascript:alert(1)\n", 13, "javascript", ""),
        ("links:\n  - url: https://www.oak.shire.sch.uk\n", 12, "each link needs a `label:`", ""),
        ("links:\n  - label: \"" + String(repeating: "x", count: 81) + "\"\n    url: https://www.oak.shire.sch.uk\n", 12,
         "the link's label is 81 characters; it may be at most 80", ""),
        ("links:\n" + String(repeating: "  - label: Ours\n    url: https://www.oak.shire.sch.uk\n", count: 9), 11, "9 links; a school may list at most 8", ""),
        ("links: https://www.oak.shire.sch.uk\n", 11, "`links` should be a list of `- label:` and `url:`", ""),
    ]

    @Test(arguments: mistakes.indices)
    func aMistakeInTheSettingsIsAnErrorAtItsLineAndOnlyThatSchoolIsHeldBack(index: Int) throws {
        let mistake = Self.mistakes[index]
        let dir = TempDir()
        let (result, site) = try Self.build(mistake.settings, dir)
        let error = result.errors.first { $0.message.contains(mistake.message) }
        #expect(error != nil, "expected \"\(mistake.message)\"; got \(result.errors.map(\.description))")
        #expect(error?.file == Self.school)
        #expect(error?.line == mistake.line, "\(error?.description ?? "")")
        if !mistake.suggestion.isEmpty { #expect(error?.suggestion?.contains(mistake.suggestion) == true, "\(error?.description ?? "")") }
        // Per-school isolation: the other schools are built.
        #expect(result.errors.allSatisfy { $0.file.hasPrefix("Content/schools/oak-first/") }, "\(result.errors.map(\.description))")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("elm-high/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("oak-first/index.html").path))
    }

    @Test func aSchoolsTemplatesFolderIsAnErrorNamingTheFileAndTheSettingToUse() throws {
        let dir = TempDir()
        let content = try County.copy(dir)
        County.writeTemplates(["footer": "<footer>Ours</footer>\n", "header": "<header>Ours</header>\n", "entry-card": "x"], for: "oak-first", in: content)
        let site = dir.path("Site")
        let result = County.build(content: content, output: site)
        let footer = try #require(result.errors.first { $0.file == "Content/schools/oak-first/templates/footer.mustache" }, "\(result.errors)")
        #expect(footer.line == 1)
        #expect(footer.message == "schools no longer have their own templates, so footer.mustache is not used and Oak First School's pages are not built")
        #expect(footer.suggestion == "put the school's footer note in `footer_note:` and its own links in `links:` in Content/schools/oak-first/school.md, then delete the templates/ folder")
        let header = try #require(result.errors.first { $0.file == "Content/schools/oak-first/templates/header.mustache" })
        #expect(header.suggestion?.hasPrefix("set the school's colour with `colour:` and its logo with `logo:` in Content/schools/oak-first/school.md") == true, "\(header)")
        let card = try #require(result.errors.first { $0.file == "Content/schools/oak-first/templates/entry-card.mustache" })
        #expect(card.suggestion?.contains("`footer_note:`, `links:`, `colour:` and `logo:`") == true, "\(card)")
        #expect(result.errors.count == 3, "\(result.errors.map(\.description))")
        #expect(result.kept.map(\.id) == ["oak-first"])
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("elm-high/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("oak-first/index.html").path))
    }

    @Test func anEmptyTemplatesFolderIsNamedToo() throws {
        let dir = TempDir()
        let content = try County.copy(dir)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("schools/oak-first/templates"), withIntermediateDirectories: true)
        let result = County.build(content: content, output: dir.path("Site"))
        let error = try #require(result.errors.first { $0.file == "Content/schools/oak-first/templates" }, "\(result.errors)")
        #expect(error.message.hasPrefix("schools no longer have their own templates"))
    }
}
