import Synchronization

/// The PDFs a build has made, by path in the site, for the pages that link to them with
/// their size ("Download the handout (PDF, 180 KB)"). Pages are written before PDFs exist, so
/// the pages that show downloads (`PagePlan.showsDownloads`) are rendered after the PDF stage
/// has filled this in: until then it is empty, and a page rendered then links to no PDF.
package final class PrintDownloads: Sendable {
    package struct Made: Sendable, Hashable {
        var bytes: Int
        var pages: Int

        package init(bytes: Int, pages: Int) {
            self.bytes = bytes
            self.pages = pages
        }
    }

    private let made = Mutex<[String: Made]>([:])

    package init() {}

    /// What the PDF stage left in the site (made now or kept from the last build), by path; a
    /// PDF it could not make is not there, so nothing links to it.
    package func record(_ found: [String: Made]) {
        made.withLock { $0 = found }
    }

    func pdf(at path: String) -> Made? { made.withLock { $0[path] } }

    /// "180 KB", "1.2 MB": binary units, as GOV.UK writes them for attachments.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 * 1024 { return "\(max(1, Int((Double(bytes) / 1024).rounded()))) KB" }
        let megabytes = Double(bytes) / (1024 * 1024)
        let tenths = Int((megabytes * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    static func pages(_ count: Int) -> String? { count > 0 ? (count == 1 ? "1 page" : "\(count) pages") : nil }
}
