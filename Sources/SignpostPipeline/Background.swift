import Dispatch
import Synchronization

/// Work started on a thread of its own and waited for where its result is first needed:
/// loading the theme shares no data with reading the content, and a build's Markdown phase
/// leaves a core partly idle (cmark-gfm's parser runs under a lock) that it can use.
final class Background<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let finished = DispatchGroup()

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: finished) { [self] in
            let value = work()
            result.withLock { $0 = value }
        }
    }

    /// Waits for the work to end, then gives what it made (every time it is asked).
    var value: Value {
        finished.wait()
        return result.withLock { $0! }
    }
}
