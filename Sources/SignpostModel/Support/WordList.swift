/// Items listed in a sentence as an office or a family reads them: "a, b and c", "a, b or c".
package enum WordList {
    package static func joined(_ items: [String], last word: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(word) " + items[items.count - 1]
    }
}
