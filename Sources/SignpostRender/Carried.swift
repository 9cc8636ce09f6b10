import SignpostModel
import Synchronization

/// What a preview (`serve`) carries from one build to the next: the theme as loaded, with
/// what loading it found, and the HTML of the whole offer's entries. A saved agency changes
/// the whole offer of every school that lists it, and each of those pages shows the school's
/// own services whole: without this, every rebuild would load and check the theme and render
/// all of them again although only the saved file changed.
///
/// A piece is kept under its fingerprint, which counts every byte it is made from (its
/// values, the template's name and whose templates): a piece made from anything else has
/// another fingerprint, as a page does for `ContextHash`. The theme and templates do not
/// change between a preview's rebuilds: a change to any of them is a full build, which starts
/// with an empty `Carried`.
package final class Carried: Sendable {
    /// The templates whose pieces are carried: few pieces, each large and slow to render.
    static let templates: Set<String> = ["offer-document-entry"]

    private let loaded = Mutex<(theme: Theme?, findings: [Diagnostic])?>(nil)
    private let html = Mutex<[Int: String]>([:])

    package init() {}

    /// The theme loaded by the first build, its findings reported again in each build.
    package func theme(log: DiagnosticLog, load: (DiagnosticLog) -> Theme?) -> Theme? {
        if let kept = loaded.withLock({ $0 }) {
            kept.findings.forEach(log.add)
            return kept.theme
        }
        let own = DiagnosticLog()
        let theme = load(own)
        own.all.forEach(log.add)
        loaded.withLock { $0 = (theme, own.all) }
        return theme
    }

    func html(for fingerprint: Int) -> String? { html.withLock { $0[fingerprint] } }

    func keep(_ text: String, for fingerprint: Int) { html.withLock { $0[fingerprint] = text } }

    var count: Int { html.withLock { $0.count } }
}
