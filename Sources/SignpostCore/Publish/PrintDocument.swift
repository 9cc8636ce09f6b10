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

/// One PDF to make: which page, where it goes, and what it needs to know.
public struct PDFJob: Sendable, Hashable {
    public var school: String
    public var schoolName: String
    public var document: PrintDocument
    /// The page, relative to the site's folder.
    public var page: String
    /// The PDF, relative to the site's folder.
    public var pdf: String
    /// The PDF's creation and modification date (ISO 8601): the offer's review date, so that
    /// the same content gives the same bytes whenever it is built.
    public var date: String?
    /// The site's web address (ending in "/"), so links between its pages work in the PDF.
    public var siteURL: String?

    public init(school: String, schoolName: String, document: PrintDocument, page: String, pdf: String,
                date: String? = nil, siteURL: String? = nil) {
        self.school = school
        self.schoolName = schoolName
        self.document = document
        self.page = page
        self.pdf = pdf
        self.date = date
        self.siteURL = siteURL
    }

    /// Every document of every school, in the school's folder: `folder` gives it, with its
    /// final "/" (a site of many schools: the school's id; a site of one school: "").
    public static func all(for site: ResolvedSite, urls: SiteURLs = SiteURLs(), documents: [PrintDocument] = PrintDocument.all) -> [PDFJob] {
        site.schools.filter { urls.includes(school: $0.school.id) }.flatMap { resolved in
            let school = resolved.school
            let inside = urls.folder(school.id)
            // Links resolve against the county site, where a school's site on its own is a folder.
            let siteURL = site.content.site.baseURL.map { $0 + (urls.onCountySite("") ?? "") }
            return documents.map { document in
                PDFJob(school: school.id, schoolName: school.name, document: document,
                       page: inside + document.page, pdf: inside + document.fileName(school: school.id),
                       date: school.reviewed?.value.iso, siteURL: siteURL)
            }
        }
    }
}
