import SignpostResolve
import SignpostRender

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
