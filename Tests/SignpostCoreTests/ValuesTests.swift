import Foundation
import Mustache
@testable import SignpostPipeline
@testable import SignpostRender
import Testing

/// Typed template values: what templates find by name, what counts as left out, and how
/// values are told apart (for sharing pieces and for incremental rebuilds).
@Suite("Template values")
struct ValuesTests {
    @Test func namesAreFoundInTheValuesThenInWhatTheyInherit() throws {
        var card = Values<CardKey>()
        card[.name] = "NSPCC"
        card[.summary] = "The children's charity."
        var listed = Values<CardKey>(inheriting: card)
        listed[.url] = "oak/agencies/nspcc/index.html"
        listed[.name] = "Renamed"
        let object = listed.object
        #expect((object.child(named: "name") as? TemplateText)?.text == "Renamed")
        #expect((object.child(named: "summary") as? TemplateText)?.text == "The children's charity.")
        #expect((object.child(named: "url") as? TemplateText)?.text == "oak/agencies/nspcc/index.html")
        #expect(object.child(named: "phones") == nil)
        #expect(object.child(named: "no_such_name") == nil)

        var layout = Values<LayoutKey>()
        layout[.root] = "../../"
        var page = Values<LevelPageKey>(inheriting: layout)
        page[.title] = "Universal"
        #expect((page.object.child(named: "root") as? TemplateText)?.text == "../../")
        #expect((page.object.child(named: "title") as? TemplateText)?.text == "Universal")
        #expect(page.object.child(named: "header_html") == nil)
    }

    @Test func nilAndFalseLeaveAKeyOut() {
        var values = Values<CardKey>()
        values[.summary] = nil as String?
        values[.is_service] = false
        #expect(values.object.child(named: "summary") == nil && values.object.child(named: "is_service") == nil)
        values[.is_service] = true
        values[.summary] = ""
        #expect(values.object.child(named: "is_service") as? Bool == true)
        #expect((values.object.child(named: "summary") as? TemplateText)?.text == "")
        // An empty list is kept: `{{^phones}}` treats it as it treats none.
        values[.phones] = [Values<PhoneKey>]()
        #expect((values.object.child(named: "phones") as? [TemplateObject])?.isEmpty == true)
    }

    @Test func nestedValuesReadBackAsTheirFamily() {
        var phone = Values<PhoneKey>()
        phone[.number] = "116 123"
        var card = Values<CardKey>()
        card[.phones] = [phone]
        card[.first_phone] = phone
        let list: [Values<PhoneKey>]? = card[.phones]
        let first: Values<PhoneKey>? = card[.first_phone]
        #expect(list?.first?[.number] == "116 123" && first?[.number] == "116 123")
    }

    /// A long text: hashed by its length, start and end, compared and fingerprinted in full.
    static func body(_ middle: String) -> String { String(repeating: "a", count: 100) + middle + String(repeating: "z", count: 100) }

    @Test func longTextsDifferingInTheMiddleAreUnequalAndFingerprintDifferently() {
        var a = Values<DetailsKey>(), b = Values<DetailsKey>()
        a[.body] = Self.body("one")
        b[.body] = Self.body("two")
        #expect(a.object.hashValue == b.object.hashValue)   // sampled: the same length, start and end
        #expect(a.object != b.object)
        #expect(ContextHash.of(a.object) != ContextHash.of(b.object))
        var c = Values<DetailsKey>()
        c[.body] = Self.body("one")
        #expect(a.object == c.object && ContextHash.of(a.object) == ContextHash.of(c.object))
    }

    @Test func aPieceCountsByWhatItIsMadeFromWithoutBeingRendered() throws {
        let templates = Templates(owner: nil, library: try PieceTests.library(["t": "<p>{{name}}</p>"]))
        func piece(_ name: String) -> Piece {
            var values = Values<CardKey>()
            values[.name] = name
            return Piece("t", from: values, templates: templates)
        }
        func page(_ piece: Piece) -> TemplateObject {
            var page = Values<EntryContentKey>()
            page[.content_html] = piece
            return page.object
        }
        let a = piece("a"), again = piece("a"), b = piece("b")
        #expect(a == again && a != b)
        #expect(ContextHash.of(page(a)) == ContextHash.of(page(again)))
        #expect(ContextHash.of(page(a)) != ContextHash.of(page(b)))
        #expect(!a.isRendered && !b.isRendered)
        #expect(a.renderText == "<p>a</p>" && a.isRendered)
    }

    /// A preview carries the whole offer's entries from one build to the next: a piece made
    /// from the same values and template is not rendered again, one made from others is.
    @Test func carriedPiecesAreReusedOnlyForWhatTheyAreMadeFrom() throws {
        let carried = Carried()
        let before = Templates(owner: nil, library: try PieceTests.library(["offer-document-entry": "A {{name}}", "t": "A {{name}}"]), carried: carried)
        let after = Templates(owner: nil, library: try PieceTests.library(["offer-document-entry": "B {{name}}", "t": "B {{name}}"]), carried: carried)
        var nspcc = Values<CardKey>()
        nspcc[.name] = "NSPCC"
        var kooth = nspcc
        kooth[.name] = "Kooth"
        #expect(Piece("offer-document-entry", from: nspcc, templates: before).renderText == "A NSPCC")
        #expect(Piece("t", from: nspcc, templates: before).renderText == "A NSPCC")
        #expect(carried.count == 1)
        #expect(Piece("offer-document-entry", from: nspcc, templates: after).renderText == "A NSPCC")
        #expect(Piece("offer-document-entry", from: kooth, templates: after).renderText == "B Kooth")
        #expect(Piece("offer-document-entry", from: nspcc, templates: after, ownLine: false).renderText == "B NSPCC")
        #expect(Piece("t", from: nspcc, templates: after).renderText == "B NSPCC")
        let school = Templates(owner: "oak", library: after.library, carried: carried)
        #expect(Piece("offer-document-entry", from: nspcc, templates: school).renderText == "B NSPCC")
    }

    /// An object's fingerprint is worked out once, and again after any change to it; a copy
    /// made before the change keeps its own.
    @Test func aFingerprintFollowsEveryChange() {
        var values = Values<CardKey>()
        values[.name] = "NSPCC"
        let first = ContextHash.of(values.object)
        let copy = values
        values[.summary] = "Help for children"
        #expect(ContextHash.of(values.object) != first)
        #expect(ContextHash.of(copy.object) == first)
        values[.summary] = String?.none
        #expect(ContextHash.of(values.object) == first)
        var page = Values<CardKey>(inheriting: copy)
        let inherited = ContextHash.of(page.object)
        page[.url] = "x/"
        #expect(ContextHash.of(page.object) != inherited)
    }

    @Test func aStoreKeepsTheFirstOfEqualPieces() throws {
        let templates = Templates(owner: nil, library: try PieceTests.library(["t": "{{name}}"]))
        var values = Values<CardKey>()
        values[.name] = "NSPCC"
        let store = PieceStore(templates: templates)
        let first = store.intern(Piece("t", from: values, templates: templates))
        #expect(store.intern(Piece("t", from: values, templates: templates)) === first)
        #expect(store.intern(Piece("t", from: values, templates: Templates(owner: "oak", library: templates.library))) !== first)
        #expect(store.intern(Piece("u", from: values, templates: templates)) !== first)
    }
}
