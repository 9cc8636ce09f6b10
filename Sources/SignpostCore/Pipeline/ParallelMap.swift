import Dispatch

/// Maps over an array on all cores, keeping the order. Plain Dispatch rather than
/// task groups: the work is synchronous CPU and file work, not async.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], parallel: Bool = true, _ transform: @Sendable (T) -> R) -> [R] {
        guard parallel, items.count > 1 else { return items.map(transform) }
        let results = ResultBuffer<R>(count: items.count)
        items.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                results.set(index, transform(buffer[index]))
            }
        }
        return results.values
    }
}

/// Each slot is written by exactly one iteration, so no lock is needed. Raw memory
/// rather than an array property, which Swift's exclusivity checks would reject.
private final class ResultBuffer<R>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<R?>
    private let count: Int
    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }
    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
    func set(_ index: Int, _ value: R) { storage[index] = value }
    var values: [R] { (0..<count).map { storage[$0]! } }
}
