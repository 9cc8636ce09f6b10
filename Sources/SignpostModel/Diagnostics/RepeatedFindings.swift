/// Many findings of one kind in one text are listed up to a limit and the rest summed up in
/// one line, so a file with 15,000 of the same mistake gives a report an office can read
/// (and that takes no time to print).
package enum RepeatedFindings {
    static let shown = 20

    /// Calls `report` for the first `shown` items, then logs one line saying how many more
    /// there are (`what` names them: "links that are not published"), at the first one not shown.
    package static func report<T>(_ items: [T], what: String, severity: Diagnostic.Severity = .error, log: DiagnosticLog,
                          place: (T) -> (file: String, line: Int), _ report: (T) -> Void) {
        for item in items.prefix(shown) { report(item) }
        guard items.count > shown else { return }
        let first = place(items[shown])
        log.add(Diagnostic(severity, file: first.file, line: first.line,
                           "and \(grouped(items.count - shown)) more \(what) in this text, from this line on (only the first \(shown) are listed)",
                           suggestion: "fix the ones above the same way"))
    }

    /// 14990 → "14,990", as the county's office reads numbers.
    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }
}
