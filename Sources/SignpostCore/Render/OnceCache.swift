import Foundation

/// Values by key, each made once however many threads ask for it, kept until `removeAll`:
/// a school's fragments and cards, and the entry details schools share.
final class OnceCache<Key: Hashable, Value>: @unchecked Sendable {
    private var made: [Key: Value] = [:]
    private let lock = NSLock()

    func value(_ key: Key, make: () -> Value) -> Value {
        lock.lock(); defer { lock.unlock() }
        if let existing = made[key] { return existing }
        let value = make()
        made[key] = value
        return value
    }

    func removeAll() {
        lock.lock(); defer { lock.unlock() }
        made.removeAll()
    }
}

/// An entry's details (body, contact details, referral, ages, cost): its values, wrapped for
/// the renderer, and `entry-details` rendered from them.
struct EntryDetails: @unchecked Sendable {
    let values: [String: Any]
    let html: Fragment
}
