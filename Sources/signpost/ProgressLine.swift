import Foundation
import SignpostModel
import Synchronization

/// Shows a build's progress on standard error. On a terminal: one line, rewritten in place
/// (at most ten times a second) and left showing the stage's total when it ends. Elsewhere (CI
/// logs): a plain line when the stage starts, then one every `interval` seconds, and its total.
final class ProgressLine: Sendable {
    private struct State {
        var lastShown = Date.distantPast
        var shownOnce = false
    }

    private let terminal: Bool
    private let interval: Double
    private let state = Mutex(State())

    init(terminal: Bool = isatty(STDERR_FILENO) != 0, interval: Double = 5) {
        self.terminal = terminal
        self.interval = interval
    }

    var handler: BuildProgressHandler { { [self] progress in self.show(progress) } }

    func show(_ progress: BuildProgress) {
        let text: String? = state.withLock { state in
            let now = Date()
            let due = progress.finished || !state.shownOnce
                || now.timeIntervalSince(state.lastShown) >= (terminal ? 0.1 : interval)
            guard due else { return nil }
            state.lastShown = now
            state.shownOnce = !progress.finished
            if terminal { return "\r\u{1B}[K" + progress.line + (progress.finished ? "\n" : "") }
            return progress.line + "\n"
        }
        if let text { FileHandle.standardError.write(Data(text.utf8)) }
    }
}
