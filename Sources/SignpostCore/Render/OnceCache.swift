import Foundation

/// Values by key, each made once however many threads ask for it, kept until `removeAll`:
/// a school's fragments and cards, and the entry details schools share.
final class OnceCache<Key: Hashable, Value>: @unchecked Sendable {
    private var made: [Key: Value] = [:]
    /// Readers share the lock: after the first pages of a school nearly every call finds its
    /// value, and with a plain mutex the threads queued behind each other's lookups.
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = .allocate(capacity: 1)
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func value(_ key: Key, make: () -> Value) -> Value {
        pthread_rwlock_rdlock(lock)
        let found = made[key]
        pthread_rwlock_unlock(lock)
        if let found { return found }
        pthread_rwlock_wrlock(lock); defer { pthread_rwlock_unlock(lock) }
        if let existing = made[key] { return existing }
        let value = make()
        made[key] = value
        return value
    }

    func removeAll() {
        pthread_rwlock_wrlock(lock); defer { pthread_rwlock_unlock(lock) }
        made.removeAll()
    }
}

/// An entry's details (body, contact details, referral, ages, cost): its values, wrapped for
/// the renderer, and `entry-details` rendered from them.
struct EntryDetails: @unchecked Sendable {
    let values: [String: Any]
    let html: Fragment
}
