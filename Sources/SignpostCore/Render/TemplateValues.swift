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

    /// Wraps a context, and every dictionary inside it, once, before rendering.
    static func wrap(_ value: Any) -> Any {
        // Most values are text or already wrapped: tell them by exact type, because a failed
        // cast (text to dictionary, say) still costs a search of the runtime's conformances.
        let type = Swift.type(of: value)
        if type == String.self || type == TemplateValues.self || type == Fragment.self || type == Bool.self { return value }
        switch value {
        case let dictionary as [String: Any]:
            return TemplateValues(dictionary.mapValues(wrap))
        case let array as [[String: Any]]:
            return array.map { TemplateValues($0.mapValues(wrap)) }
        case let array as [Any]:
            return array.map(wrap)
        default:
            return value
        }
    }
}
