import Foundation
import Mustache

/// The values one template section sees. swift-mustache looks up every `{{name}}` by casting
/// the current object to `MustacheParent`; for `[String: Any]` that is a conditional
/// conformance, checked at run time on every lookup. A final class with a plain conformance
/// makes each lookup a dictionary read (about twice as fast over a whole build).
final class TemplateValues: MustacheParent, @unchecked Sendable {
    let values: [String: Any]
    /// `ContextHash` of the values, worked out once: the same card or contact list appears
    /// in many pages' values, and incremental rebuilds fingerprint every page that shows it.
    private var fingerprint: Int?
    private let lock = NSLock()

    init(_ values: [String: Any]) { self.values = values }

    func fingerprint(_ make: ([String: Any]) -> Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        if let fingerprint { return fingerprint }
        let value = make(values)
        fingerprint = value
        return value
    }

    func child(named name: String) -> Any? { values[name] }

    /// Wraps a context, every dictionary and every text inside it, once, before rendering.
    static func wrap(_ value: Any) -> Any {
        switch ValueKind(of: value) {
        case .string(let text): return TemplateText(text)
        case .dictionary(let dictionary): return TemplateValues(dictionary.mapValues(wrap))
        case .array(let items): return items.map(wrap)
        default: return value
        }
    }
}
