import Foundation

/// One item of the A to Z: its name, the words the search finds it by, its letter.
struct AToZItem {
    let name: String
    /// The words, as a JSON string for the page's search index.
    let wordsJSON: String
    let make: () -> Values<LetterItemKey>
    /// The name as it sorts: lower case, without accents.
    let key: String
    let letter: String
    /// Other characters first, then digits, then letters, so each letter's items are together.
    let rank: Int

    /// `fields`: the name, the words families use, topics, summary and the words of its text.
    init(name: String, fields: [String], index: AToZIndex, make: @escaping () -> Values<LetterItemKey>) {
        self.name = name
        self.make = make
        wordsJSON = "[" + fields.map(index.json).joined(separator: ",") + "]"
        (key, letter, rank) = index.place(name)
    }
}

/// The sort key and letter of each name and the JSON of each item's words, worked out once
/// for the county: most schools list the same agencies, and folding and encoding them again
/// for every school's A to Z cost more than the rest of its values.
final class AToZIndex: Sendable {
    private let places = Memo<String, Sorting>()
    private let texts = Memo<String, String>()
    /// By `SampledText`: most entries' texts are looked up once a school, and hashing each
    /// whole text on every lookup costs more than it needs to.
    private let words = Memo<SampledText, String>()

    struct Sorting: Sendable {
        let key: String
        let letter: String
        let rank: Int
    }

    func place(_ name: String) -> (key: String, letter: String, rank: Int) {
        let place = places.value(name) {
            let key = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            let first = key.unicodeScalars.first { CharacterSet.alphanumerics.contains($0) }
            if let first, ("a"..."z").contains(first) { return Sorting(key: key, letter: String(first).uppercased(), rank: 2) }
            if let first, ("0"..."9").contains(first) { return Sorting(key: key, letter: "0–9", rank: 1) }
            return Sorting(key: key, letter: "#", rank: 0)
        }
        return (place.key, place.letter, place.rank)
    }

    /// The words of a Markdown text (`TextWords`): what the search needs of a text, at a
    /// fraction of its size.
    func textWords(_ markdown: String) -> String {
        guard !markdown.isEmpty else { return "" }
        return words.value(SampledText(markdown)) { TextWords.of(markdown) }
    }

    /// A text as a JSON string; a list of them joined with commas inside `[]` is the JSON list.
    func json(_ text: String) -> String {
        texts.value(text) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            guard let data = try? encoder.encode(text) else { return "\"\"" }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
