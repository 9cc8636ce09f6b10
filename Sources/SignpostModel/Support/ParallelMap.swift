import Dispatch

/// Maps over an array on all cores, keeping the order. Plain Dispatch rather than
/// task groups: the work is synchronous CPU and file work, not async.
package enum ParallelMap {
    package static func map<T: Sendable, R: Sendable>(_ items: [T], parallel: Bool = true, _ transform: @Sendable (T) -> R) -> [R] {
        guard parallel, items.count > 1 else { return items.map(transform) }
        return [R](unsafeUninitializedCapacity: items.count) { output, initialized in
            items.withUnsafeBufferPointer { input in
                // Each slot is written by exactly one iteration, and read only after all have ended.
                nonisolated(unsafe) let input = input, output = output
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    (output.baseAddress! + index).initialize(to: transform(input[index]))
                }
            }
            initialized = items.count
        }
    }
}
