import Foundation
@testable import SignpostLoad
import SignpostModel
import Testing

@Suite("Front matter (SourceFile.parse)")
struct FrontMatterTests {
    let url = URL(fileURLWithPath: "/tmp/test.md")
    let path = "Content/agencies/test.md"

    func parse(_ text: String) -> (SourceFile?, DiagnosticLog) {
        parse(Data(text.utf8))
    }

    func parse(_ data: Data) -> (SourceFile?, DiagnosticLog) {
        let log = DiagnosticLog()
        let file = SourceFile.parse(data, url: url, displayPath: path, log: log)
        return (file, log)
    }

    @Test func validFileGivesFieldsWithFileLines() throws {
        let (file, log) = parse("---\nname: Samaritans\nsummary: Talk to us\n---\nBody line one.\n")
        let parsed = try #require(file)
        #expect(log.all.isEmpty)
        #expect(parsed.hasFrontMatter)
        #expect(parsed.frontMatter?["name"]?.scalar == "Samaritans")
        #expect(parsed.frontMatter?["name"]?.line == 2)
        #expect(parsed.frontMatter?.entries?[1].keyLine == 3)
        #expect(parsed.bodyLine == 5)
        #expect(parsed.body.hasPrefix("Body line one."))
    }

    @Test func unclosedQuoteIsReportedOnItsFileLine() throws {
        let (file, log) = parse("---\nname: Test\nsummary: ok\ncost: \"Free\nages: All\n---\nBody\n")
        #expect(file == nil)
        let error = try #require(log.errors.first)
        #expect(error.file == path)
        #expect(error.line == 4, "\(log.summary)")
        #expect(error.message.contains("quote"), "\(log.summary)")
    }

    @Test(arguments: [("Call us phone: 0800", true), ("a\nweb_site:\tx", true), ("Ratio 3:1 today", false), ("x: y", false),
                      (" ab:c", false), ("tel: 0800", false), ("end with name:", false), ("  é: x", false)])
    func settingNamesInsideAValueAreFound(text: String, found: Bool) {
        #expect(SourceFile.containsSettingName(text) == found)
    }

    @Test func unclosedQuoteOnLastSettingLine() throws {
        let (_, log) = parse("---\nname: Test\nsummary: ok\ncost: \"Free\n---\n")
        let error = try #require(log.errors.first)
        #expect(error.line == 4, "\(log.summary)")
        #expect(error.message.contains("quote"))
    }

    @Test func tabIndentedLineGivesTabHint() throws {
        let (file, log) = parse("---\nname: Test\nphones:\n\t- number: \"116 123\"\n---\n")
        #expect(file == nil)
        let error = try #require(log.errors.first)
        #expect(error.line == 4, "\(log.summary)")
        #expect(error.message.contains("tab"), "\(log.summary)")
        #expect(error.suggestion?.contains("spaces") == true)
    }

    @Test func missingSpaceAfterColonOnLastLine() throws {
        let (file, log) = parse("---\nname: Test\nsummary: ok\ncost:Free\n---\n")
        #expect(file == nil)
        let error = try #require(log.errors.first)
        #expect(error.line == 4, "\(log.summary)")
        #expect(error.message.contains("no space after its colon"), "\(log.summary)")
    }

    /// The bad line is followed by another setting: libyaml reports the problem at the
    /// start of the next line, and the message must still point at file line 4.
    @Test func missingSpaceAfterColonInTheMiddle() throws {
        let (file, log) = parse("---\nname: Test\nsummary: ok\ncost:Free\nages: All ages\n---\n")
        #expect(file == nil)
        let error = try #require(log.errors.first)
        #expect(error.line == 4, "\(log.summary)")
        #expect(error.message.contains("no space after its colon"), "\(log.summary)")
    }

    @Test func badIndentationLaterInTheFileNamesTheRightLine() throws {
        // Line 6 is indented more than its siblings.
        let text = "---\nname: Test\nphones:\n  - number: \"116 123\"\n    label: Helpline\n     hours: always\n---\n"
        let (file, log) = parse(text)
        #expect(file == nil)
        let error = try #require(log.errors.first)
        #expect(error.line == 6, "\(log.summary)")
    }

    @Test func noClosingDashes() throws {
        let (file, log) = parse("---\nname: Test\nsummary: never closed\n\nSome body text\n")
        #expect(file == nil)
        let error = try #require(log.errors.first)
        #expect(error.line == 1)
        #expect(error.message.contains("never closed"))
    }

    @Test func duplicateKeys() throws {
        let (file, log) = parse("---\nname: One\nsummary: s\nname: Two\n---\n")
        #expect(file == nil)
        let error = try #require(log.errors.first)
        #expect(error.message.contains("`name`"))
        #expect(error.message.contains("more than once"))
        #expect([2, 4].contains(error.line), "\(log.summary)")
    }

    @Test func byteOrderMarkIsStripped() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("---\nname: With BOM\n---\nText\n".utf8))
        let (file, log) = parse(data)
        let parsed = try #require(file)
        #expect(log.all.isEmpty, "\(log.summary)")
        #expect(parsed.hasFrontMatter)
        #expect(parsed.frontMatter?["name"]?.scalar == "With BOM")
        #expect(!parsed.body.contains("\u{FEFF}"))
    }

    @Test func crlfIsNormalised() throws {
        let (file, log) = parse("---\r\nname: Windows\r\nsummary: Saved on Windows\r\n---\r\nLine one\r\nLine two\r\n")
        let parsed = try #require(file)
        #expect(log.all.isEmpty, "\(log.summary)")
        #expect(parsed.frontMatter?["name"]?.scalar == "Windows")
        #expect(parsed.frontMatter?["summary"]?.scalar == "Saved on Windows")
        #expect(!parsed.body.contains("\r"))
        #expect(parsed.body.hasPrefix("Line one\nLine two"))
        #expect(parsed.bodyLine == 5)
    }

    @Test func crlfErrorLinesStillMatchTheFile() throws {
        let (_, log) = parse("---\r\nname: Test\r\nphones:\r\n\t- number: \"116 123\"\r\nages: x\r\n---\r\n")
        let error = try #require(log.errors.first)
        #expect(error.line == 4, "\(log.summary)")
        #expect(error.message.contains("tab"), "\(log.summary)")
    }

    @Test func emptyFile() throws {
        let (file, log) = parse(Data())
        #expect(file == nil)
        let error = try #require(log.errors.first)
        #expect(error.message.contains("empty"))
        #expect(error.file == path)
    }

    @Test func binaryFileWithNUL() throws {
        var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        data.append(Data(repeating: 0x41, count: 100))
        let (file, log) = parse(data)
        #expect(file == nil)
        #expect(log.errors.count == 1)
        #expect(log.errors.first?.message.contains("not a text file") == true)
    }

    @Test func invalidUTF8NamesTheLine() throws {
        var data = Data("---\nname: Test\nsummary: caf".utf8)
        data.append(0xE9) // Latin-1 é
        data.append(Data(" au lait\n---\nBody\n".utf8))
        let (file, log) = parse(data)
        #expect(file == nil)
        let error = try #require(log.errors.first)
        #expect(error.line == 3, "\(log.summary)")
        #expect(error.message.contains("UTF-8"))
    }

    @Test func fileWithoutFrontMatterIsBodyOnly() throws {
        let (file, log) = parse("# Just a heading\n\nText.\n")
        let parsed = try #require(file)
        #expect(log.all.isEmpty)
        #expect(!parsed.hasFrontMatter)
        #expect(parsed.frontMatter == nil)
        #expect(parsed.body.hasPrefix("# Just a heading"))
        #expect(parsed.bodyLine == 1)
    }

    @Test func nonScalarKeyIsRejected() throws {
        let (file, log) = parse("---\nname: Test\n? [a, b]\n: value\n---\n")
        #expect(file == nil)
        let error = try #require(log.errors.first)
        #expect(error.line == 3, "\(log.summary)")
    }

    @Test(.timeLimit(.minutes(1)))
    func billionLaughsFailsFast() throws {
        var yaml = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        yaml += "---\n"
        let start = Date()
        let (file, log) = parse(yaml)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 2, "took \(elapsed) s")
        #expect(file == nil)
        #expect(log.hasErrors)
    }

    /// Under the alias-count limit, but still exponential if expanded: the node budget must stop it.
    @Test(.timeLimit(.minutes(1)))
    func smallAliasBombUnderTheAliasLimitFailsFast() throws {
        var yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        yaml += "---\n"
        let start = Date()
        let (file, log) = parse(yaml)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 2, "took \(elapsed) s")
        #expect(file == nil)
        #expect(log.hasErrors)
    }

    /// 61 aliases (under the limit of 64), but the last mapping key is an alias of 3²⁰ values:
    /// Yams hashes every key while it composes, so the budget must apply before Yams runs.
    @Test(.timeLimit(.minutes(1)))
    func aliasBombInAMappingKeyIsRefusedBeforeComposing() throws {
        var yaml = "---\nname: Key Bomb\na0: &a0 [x, x, x]\n"
        for level in 1..<20 { yaml += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1), *a\(level - 1)]\n" }
        yaml += "more: [*a0, *a0, *a0]\n? *a19\n: boom\n---\n"
        let (file, log) = parse(yaml)
        #expect(file == nil)
        let error = try #require(log.errors.first, "\(log.summary)")
        #expect(error.message.contains("repeat themselves through YAML aliases"), "\(log.summary)")
        // a8, on file line 11, is the first anchor over 20,000 values (it holds 29,524).
        #expect(error.line == 11, "\(log.summary)")
    }

    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}", "\t", " "])
    func aliasesAreCountedWhateverComesBeforeThem(separator: String) throws {
        let items = (0..<70).map { _ in separator + "*x" }.joined(separator: ",")
        let (file, log) = parse("---\nname: Hidden\nx: &x lol\nlots: [\(items)]\n---\n")
        #expect(file == nil)
        #expect(log.errors.first?.message.contains("more than 64 YAML aliases") == true, "\(log.summary)")
    }

    @Test func aFewAliasesStillWork() throws {
        let (file, log) = parse("---\nname: Shared\nphones: &p [\"0808 800 5000\"]\nsummary: 5 * 3 is *not* an alias\nother: *p\n---\n")
        #expect(!log.hasErrors, "\(log.summary)")
        #expect(file?.frontMatter?["other"]?.items?.first?.scalar == "0808 800 5000")
        #expect(file?.frontMatter?["summary"]?.scalar == "5 * 3 is *not* an alias")
    }

    @Test func twoMegabyteMarkdownFileIsRefused() throws {
        let dir = TempDir()
        var text = "---\nname: Huge\n---\n"
        text += String(repeating: "This line is padding for a very large file.\n", count: 2 * 1024 * 1024 / 44 + 10)
        dir.write("Content/agencies/huge.md", text)
        let log = DiagnosticLog()
        let file = SourceFile.read("agencies/huge.md", from: FileGate(root: dir.path("Content"), displayRoot: "Content"), log: log)
        #expect(file == nil)
        let error = try #require(log.errors.first)
        #expect(error.file == "Content/agencies/huge.md")
        #expect(error.message.contains("2 MB"), "\(log.summary)")
        #expect(error.message.contains("up to 1 MB"))
    }

    @Test func aFolderNamedLikeAPageIsReportedNotRead() throws {
        let dir = TempDir()
        try FileManager.default.createDirectory(at: dir.path("odd.md"), withIntermediateDirectories: true)
        let log = DiagnosticLog()
        #expect(SourceFile.read("odd.md", from: FileGate(root: dir.url, displayRoot: "Content"), log: log) == nil)
        #expect(log.errors.first?.message.contains("cannot read this file") == true, "\(log.summary)")
        #expect(log.errors.first?.file == "Content/odd.md")
    }

    @Test func aFileIsReadWhole() throws {
        let dir = TempDir()
        let body = String(repeating: "Ein Absatz über Hilfe für Familien. ", count: 3000)
        dir.write("long.md", "---\nname: Long\n---\n" + body)
        let log = DiagnosticLog()
        let file = try #require(SourceFile.read("long.md", from: FileGate(root: dir.url, displayRoot: "Content"), log: log))
        #expect(file.body == body)
        #expect(!log.hasErrors)
    }

    @Test func missingFileIsReportedNotThrown() throws {
        let dir = TempDir()
        let log = DiagnosticLog()
        let file = SourceFile.read("\(UUID().uuidString).md", from: FileGate(root: dir.url, displayRoot: "Content"), log: log)
        #expect(file == nil)
        #expect(log.errors.first?.message.contains("does not exist") == true, "\(log.summary)")
    }
}
