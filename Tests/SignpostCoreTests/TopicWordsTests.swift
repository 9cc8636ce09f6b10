import Foundation
import SignpostLoad
import SignpostModel
import SignpostValidate
import Testing

/// The words families use for a topic (`also:` in topics.yml): read with their lines, shown on
/// the topic's page, given to the search, and a word two topics claim is a warning.
@Suite("Topic words")
struct TopicWordsTests {
    static let fixture = Paths.fixtures.appendingPathComponent("topic-words/topics.yml")

    func tree() throws -> ContentTree {
        let tree = ContentTree()
        tree.write("topics.yml", try String(contentsOf: Self.fixture, encoding: .utf8))
        return tree
    }

    @Test func alsoIsReadAsAListWithEachWordsLine() throws {
        let (content, log) = try tree().load()
        let topics = Dictionary(uniqueKeysWithValues: content.topics.map { ($0.id, $0) })
        #expect(topics["mental-health"]?.also.map(\.value) == ["anxious", "worried", "panic attacks", "can't sleep"])
        #expect(topics["mental-health"]?.also.allSatisfy { $0.line == 6 && $0.file == "Content/topics.yml" } == true)
        #expect(topics["bullying"]?.also.map(\.value) == ["picked on", "Worried"])
        #expect(topics["bullying"]?.also.map(\.line) == [10, 11])
        // One word on its own is a list of one; a topic without `also:` has none.
        #expect(topics["send"]?.also.map(\.value) == ["autism"])
        #expect(topics["safeguarding"]?.also.isEmpty == true)
        // An item that is not a word is an error on its line; the others are kept.
        #expect(topics["domestic-abuse"]?.also.map(\.value) == ["hits me", "Panic Attacks"])
        let error = try #require(log.errors(containing: "each word of `also`").first, "\(log.summary)")
        #expect(error.file == "Content/topics.yml" && error.line == 17)
        #expect(error.suggestion?.contains("also: [") == true)
        #expect(log.errors.count == 1, "\(log.summary)")
    }

    @Test func aWordTwoTopicsClaimIsAWarningWithBothPlaces() throws {
        let (content, _) = try tree().load()
        let log = DiagnosticLog()
        TopicWords.check(content.topics, log: log)
        #expect(log.errors.isEmpty)
        #expect(log.warnings.count == 2, "\(log.summary)")
        let worried = try #require(log.warnings(containing: "Worried").first, "\(log.summary)")
        #expect(worried.file == "Content/topics.yml" && worried.line == 11)
        #expect(worried.message.contains("\"Mental health and wellbeing\" (line 6)") && worried.message.contains("\"Bullying\""))
        #expect(worried.suggestion?.contains("keep it on the topic it fits best") == true)
        // Letters and spaces do not make two words different.
        let panic = try #require(log.warnings(containing: "Panic Attacks").first, "\(log.summary)")
        #expect(panic.line == 17 && panic.message.contains("\"Domestic abuse\""))
        #expect(panic.description.hasPrefix("Content/topics.yml:17:"))
    }

    @Test func aWordListedTwiceOnOneTopicIsAWarning() {
        let log = DiagnosticLog()
        let word = { (text: String, line: Int) in Located(text, file: "Content/topics.yml", line: line) }
        let topic = Topic(id: "grief", name: "Bereavement", description: nil, sensitive: false, line: 1,
                          also: [word("grief", 2), word("loss", 2), word("Grief", 3)])
        TopicWords.check([topic], log: log)
        #expect(log.warnings.count == 1)
        #expect(log.warnings.first?.line == 3 && log.warnings.first?.message.contains("listed twice") == true)
    }

    @Test func wordsAreComparedWithoutCaseAccentsOrApostrophes() {
        #expect(TopicWords.key("Can't  sleep") == TopicWords.key("cant sleep"))
        #expect(TopicWords.key("Café – naïve") == "cafe naive")
        #expect(TopicWords.key("self-harm") == "self harm")
    }

    @Test func checkGivesTheWarningThroughTheValidator() throws {
        // `check` runs the same check through the validator.
        let (site, log) = try tree().resolve()
        ReferenceValidator(today: ValidatorTests.today).validate(site, log: log)
        #expect(log.warnings(containing: "is listed under `also:` of both").count == 2, "\(log.summary)")
    }

    @Test func aCountysOrASchoolsOwnTopicIsCheckedAgainstTheListsItJoins() throws {
        let dir = TempDir()
        let content = dir.url.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("two-counties/Content"), to: content)
        try County.edit(content.appendingPathComponent("topics.yml")) {
            $0.replacingOccurrences(of: "  name: Mental health and wellbeing\n", with: "  name: Mental health and wellbeing\n  also: [worried, can't sleep]\n")
        }
        try County.edit(content.appendingPathComponent("areas/severnshire/topics.yml")) { $0 + "  also: [drinking, Worried]\n" }
        try County.edit(content.appendingPathComponent("schools/willow-primary/topics.yml")) { $0 + "  also: [drinking, looking after mum]\n" }
        let loaded = ContentLoader(root: content, displayRoot: "Content").load(log: DiagnosticLog())
        let log = DiagnosticLog()
        TopicWords.check(loaded, log: log)
        // Each clash once, in the list that made it: the county's "worried" against the shared
        // list, the school's "drinking" against its county's; nothing from the shared list again.
        #expect(log.warnings.count == 2, "\(log.summary)")
        let worried = try #require(log.warnings(containing: "\"Worried\"").first, "\(log.summary)")
        #expect(worried.file == "Content/areas/severnshire/topics.yml" && worried.message.contains("Content/topics.yml, line"))
        let drinking = try #require(log.warnings(containing: "\"drinking\"").first, "\(log.summary)")
        #expect(drinking.file == "Content/schools/willow-primary/topics.yml" && drinking.message.contains("\"Drugs and alcohol\""))
    }

    @Test func aTopicsPageSaysWhatElseItIsCalledAndTheAToZSearchesIt() throws {
        let dir = TempDir()
        let content = dir.url.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("two-counties/Content"), to: content)
        try County.edit(content.appendingPathComponent("topics.yml")) {
            $0.replacingOccurrences(of: "- id: domestic-abuse\n  name: Domestic abuse\n",
                                    with: "- id: domestic-abuse\n  name: Domestic abuse\n  also: [hits me, \"controlling partner\"]\n")
        }
        let result = County.build(content: content, output: dir.path("Site"))
        #expect(result.wrote)
        let topic = County.page(dir.path("Site"), "willow-primary/topics/domestic-abuse/index.html")
        #expect(topic.contains("<p class=\"also-called\">Also called: hits me, controlling partner.</p>"))
        let aToZ = County.page(dir.path("Site"), "willow-primary/a-z/index.html")
        #expect(aToZ.contains("[&quot;Domestic abuse&quot;,&quot;hits me, controlling partner&quot;,&quot;topic&quot;"))
        // An entry on the topic is found by the topic's words too, at its topics' weight.
        #expect(aToZ.contains("&quot;Domestic abuse, hits me, controlling partner&quot;"))
        // A topic without family words says nothing of them.
        #expect(!County.page(dir.path("Site"), "willow-primary/topics/mental-health/index.html").contains("Also called"))
    }
}
