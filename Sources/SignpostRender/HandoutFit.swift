import Foundation

/// How large the handout's text can be so that it fills both sides of one A4 sheet without
/// needing a third page: a short offer printed at 10pt would leave page 2 mostly empty, so it
/// gets larger text instead; a long one stays at 10pt, the smallest a family should have to
/// read, and leaves out first what paper does worst (see `HandoutValues`).
///
/// The handout is laid out in columns of short lines, so the space it takes grows with the
/// number of characters it prints (`weight`), and faster than the text size (larger text has
/// taller lines and fewer characters to a line). The constants are fitted, on the safe side,
/// to the seed schools' handouts as Chromium and WeasyPrint print them at each size;
/// `Tests/browser/test_handout_print.py` fails when a seed school's handout needs a third
/// page or leaves its second mostly empty.
struct HandoutFit {
    /// Printed characters, headings and list items counted with the room they take.
    private(set) var weight = 0

    /// The text sizes a handout may have, in tenths of a point, largest first (the print style
    /// has a class for each but the smallest: `handout-size-115`).
    static let sizes = [120, 115, 110, 105, 100]
    /// The most of the two pages a handout may fill: the estimate is rough, so it leaves room.
    static let most = 1.85
    private static let fixedPages = 0.1
    private static let pagesPerCharacter = 0.000245
    private static let growth = 1.6

    mutating func text(_ text: String?) { weight += text?.count ?? 0 }
    /// A list item: its text and the space around it.
    mutating func item(_ texts: String?...) { weight += 6 + texts.reduce(0) { $0 + ($1?.count ?? 0) } }
    /// A heading: a short line with space above and a rule below.
    mutating func heading(_ text: String) { weight += 40 + text.count }

    /// Pages at `size` tenths of a point.
    func pages(at size: Int) -> Double {
        (HandoutFit.fixedPages + HandoutFit.pagesPerCharacter * Double(weight)) * pow(Double(size) / 100, HandoutFit.growth)
    }

    /// The largest size that fits, or nil when even 10pt would need more than `most` pages.
    var size: Int? { HandoutFit.sizes.first { pages(at: $0) <= HandoutFit.most } }
}
