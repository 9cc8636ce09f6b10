import Mustache
import Synchronization

/// What one template section sees at run time: the values of one family (`table`), in slots
/// by key, and maybe the values it inherits (a page its school's layout, a card in a list
/// the card as every list shows it). Built through the typed `Values<Key>`.
///
/// swift-mustache looks a `{{name}}` up by casting the object to `MustacheParent` and calling
/// `child(named:)`: here one hash of the name in the family's table, then an array read. One
/// concrete type for every family keeps the runtime's conformance checks cached. It is one
/// reference: swift-mustache copies the objects on its stack for every section and lookup,
/// and a copy then costs one retain.
package struct TemplateObject: MustacheParent, Sendable, Hashable {
    private var storage: Storage

    init(table: KeyTable) {
        storage = Storage(table: table, slots: Array(repeating: .none, count: table.count), parent: nil)
    }

    var table: KeyTable { storage.table }
    var slots: [Slot] { storage.slots }
    /// The values below these, held once by reference: many pages share their school's layout.
    var parent: TemplateObject? { storage.parent }

    mutating func set(_ index: Int, _ slot: Slot) {
        let storage = unique()
        storage.slots[index] = slot
        storage.fingerprint.store(0, ordering: .relaxed)
    }

    mutating func inherit(_ parent: TemplateObject) {
        let storage = unique()
        storage.parent = parent
        storage.fingerprint.store(0, ordering: .relaxed)
    }

    /// Copy on write: values made once are shared by every page that shows them.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(table: storage.table, slots: storage.slots, parent: storage.parent)
        }
        return storage
    }

    // Written only through `unique()`, so never while another copy (or thread) can see it.
    final class Storage: @unchecked Sendable {
        let table: KeyTable
        var slots: [Slot]
        var parent: TemplateObject?
        /// Every value in full, hashed (see `fingerprint(into:)`); 0 until worked out. Values
        /// made once are in many pages (a school's layout, a card in every list): once each.
        let fingerprint = Atomic<Int>(0)

        init(table: KeyTable, slots: [Slot], parent: TemplateObject?) {
            self.table = table
            self.slots = slots
            self.parent = parent
        }
    }

    package func child(named name: String) -> Any? {
        let storage = storage
        let found = storage.table.lookup[name]
        if let found, found.own >= 0, let value = storage.slots[found.own].value { return value }
        guard let below = storage.parent?.storage else { return nil }
        // The family's own table knows where a name sits in the family it inherits: one hash.
        if below.table === storage.table { return found.flatMap { $0.own >= 0 ? below.slots[$0.own].value : nil } }
        if below.table === storage.table.inherits { return found.flatMap { $0.inherited >= 0 ? below.slots[$0.inherited].value : nil } }
        return storage.parent?.child(named: name)
    }

    package static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        a.storage === b.storage || (a.table === b.table && a.slots == b.slots && a.parent == b.parent)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(table))
        hasher.combine(slots)
        hasher.combine(parent)
    }
}

extension TemplateObject {
    /// Every value in full (`Hashable` samples long texts), for `ContextHash`.
    package func fingerprint(into hasher: inout Hasher) { hasher.combine(fingerprint) }

    /// Worked out once per object; two threads may both work it out, and agree.
    var fingerprint: Int {
        storage.fingerprint.memoised {
            var hasher = Hasher()
            hasher.combine(ObjectIdentifier(table))
            for slot in slots { slot.fingerprint(into: &hasher) }
            hasher.combine(parent != nil)
            parent?.fingerprint(into: &hasher)
            return hasher.finalize()
        }
    }
}

/// One value a template can receive. Absent values are `.none` (never `nil` text:
/// swift-mustache prints "nil"); a flag is only ever `true` (false leaves it out).
enum Slot: Sendable, Hashable {
    case none
    case text(TemplateText)
    case flag
    case object(TemplateObject)
    case list([TemplateObject])
    case piece(Piece)

    func fingerprint(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0)
        case .text(let text): hasher.combine(1); text.fingerprint(into: &hasher)
        case .flag: hasher.combine(2)
        case .object(let object): hasher.combine(3); object.fingerprint(into: &hasher)
        case .list(let items):
            hasher.combine(4)
            hasher.combine(items.count)
            for item in items { item.fingerprint(into: &hasher) }
        case .piece(let piece): hasher.combine(5); hasher.combine(piece.fingerprint)
        }
    }

    /// As swift-mustache receives it.
    var value: Any? {
        switch self {
        case .none: return nil
        case .text(let text): return text
        case .flag: return true
        case .object(let object): return object
        case .list(let items): return items
        case .piece(let piece): return piece
        }
    }
}
