import Synchronization

extension Atomic where Value == Int {
    /// A hash worked out once and kept here: 0 means "not yet", so a kept hash is never 0.
    /// Two threads may both work it out; they agree.
    func memoised(_ make: () -> Int) -> Int {
        let known = load(ordering: .relaxed)
        if known != 0 { return known }
        let value = make() | 1
        store(value, ordering: .relaxed)
        return value
    }
}
