/// A document made as a PDF for every school from one of its pages. `all` is the one place
/// that lists them: the PDF stage makes each, and pages that link to one take its file name
/// from here.
public struct PrintDocument: Sendable, Hashable {
    /// What it is, in an office's words ("handout"), for messages and links ("Download the
    /// handout (PDF, 180 KB)").
    public let name: String
    /// The page it is made from, inside the school's folder.
    public let page: String
    /// Its file name after the school's id: `<school>-<suffix>.pdf`, so that a file uploaded
    /// to a school website's CMS still says whose it is and what it holds.
    public let suffix: String

    public init(name: String, page: String, suffix: String) {
        self.name = name
        self.page = page
        self.suffix = suffix
    }

    /// `westlands-first-early-help-handout.pdf`
    public func fileName(school: String) -> String { "\(school)-\(suffix).pdf" }

    /// The printable handout: "Get help now", key people and every entry's first contacts.
    public static let handout = PrintDocument(name: "handout", page: SiteURLs.Within.handout, suffix: "early-help-handout")

    /// The whole offer: every entry with all its contacts, the school's own words and pages.
    public static let wholeOffer = PrintDocument(name: "whole offer", page: SiteURLs.Within.wholeOffer, suffix: "early-help-offer")

    public static let all: [PrintDocument] = [.handout, .wholeOffer]
}
