import Mustache
import SignpostModel
import SignpostResolve

/// What page values are built from, for the whole site: held once by reference, because
/// every page's builder captures it.
package final class RenderInputs: Sendable {
    let site: ResolvedSite
    let markdown: RenderedTexts
    let today: Day
    let brandColours: [String: BrandColour]
    let urls: SiteURLs
    let sharing: PieceSharing
    /// The theme's templates.
    let theme: Templates
    let topicsByID: [String: Topic]
    /// The PDFs made so far, for pages that link to them (filled in by the PDF stage).
    let downloads: PrintDownloads
    /// The A to Z's sort keys and search words, shared by every school's A to Z.
    let aToZ = AToZIndex()

    package init(site: ResolvedSite, markdown: RenderedTexts, today: Day, brandColours: [String: BrandColour],
         urls: SiteURLs = SiteURLs(), sharing: Bool = true, library: MustacheLibrary?,
         downloads: PrintDownloads = PrintDownloads(), carried: Carried? = nil) {
        self.site = site
        self.markdown = markdown
        self.today = today
        self.brandColours = brandColours
        self.urls = urls
        // Without a theme (a `check` whose theme failed) nothing is rendered; plans are still made.
        theme = Templates(owner: nil, library: library ?? MustacheLibrary(), carried: carried)
        self.sharing = PieceSharing(isOn: sharing, theme: theme)
        topicsByID = Dictionary(site.content.topics.map { ($0.id, $0) }) { first, _ in first }
        self.downloads = downloads
    }

    var config: SiteConfig { site.content.site }

    /// The HTML of a Markdown text (every text was rendered once, before planning).
    func html(_ text: String) -> String { markdown[text]?.html ?? "" }
}
