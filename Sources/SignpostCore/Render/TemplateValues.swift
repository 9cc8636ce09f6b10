import Foundation
import Mustache
import Synchronization

/// The values one template section sees. swift-mustache looks up every `{{name}}` by casting
/// the current object to `MustacheParent`; for `[String: Any]` that is a conditional
/// conformance, checked at run time on every lookup. A type with a plain conformance makes
/// each lookup a dictionary read (about twice as fast over a whole build); a struct rather
/// than a class, because the runtime casts a class to a protocol it lacks at twice the cost.
struct TemplateValues: MustacheParent, @unchecked Sendable {
    let values: [String: Any]
    /// Values looked up when `values` lacks a name: what every page of a school at one depth
    /// shares (`SchoolFragments.pageLayout`), kept once instead of copied into each page's.
    let inherited: [String: Any]?
    /// `ContextHash` of the values, worked out once: the same card or contact list appears
    /// in many pages' values, and incremental rebuilds fingerprint every page that shows it.
    private let memo = FingerprintMemo()

    init(_ values: [String: Any], inheriting inherited: [String: Any]? = nil) {
        self.values = values
        self.inherited = inherited
    }

    /// The key under which a page's values carry the `TemplateValues` they inherit. A template
    /// cannot name it, and `wrap` takes it out.
    static let inheritedKey = "\u{0}inherits"

    func fingerprint(_ make: ([String: Any]) -> Int) -> Int {
        memo.value {
            guard let inherited else { return make(values) }
            var hasher = Hasher()
            hasher.combine(make(values))
            hasher.combine(make(inherited))
            return hasher.finalize()
        }
    }

    func child(named name: String) -> Any? { values[name] ?? inherited?[name] }

    /// Wraps a context, every dictionary and every text inside it, once, before rendering.
    static func wrap(_ value: Any) -> Any {
        switch ValueKind(of: value) {
        case .string(let text): return TemplateText(text)
        case .dictionary(var dictionary):
            guard case .templateValues(let base)? = dictionary.removeValue(forKey: inheritedKey).map(ValueKind.init) else {
                return TemplateValues(dictionary.mapValues(wrap))
            }
            return TemplateValues(dictionary.mapValues(wrap), inheriting: base.values)
        case .array(let items): return items.map(wrap)
        default: return value
        }
    }
}

/// A `TemplateValues` fingerprint once worked out, shared by every copy of the values. One
/// atomic word rather than a lock: every dictionary of every page is wrapped with one, and
/// most are never fingerprinted. Two threads may both work a fingerprint out; they agree.
final class FingerprintMemo: Sendable {
    /// 0 until known; the fingerprint with its lowest bit set, so that it is never 0.
    private let state = Atomic<Int>(0)

    func value(_ make: () -> Int) -> Int {
        let known = state.load(ordering: .acquiring)
        if known != 0 { return known }
        let value = make() | 1
        state.store(value, ordering: .releasing)
        return value
    }
}
