import Foundation
import SignpostValidate
import Synchronization

/// How to start a Markdown worker process: the `signpost` program itself, with
/// `markdown-worker` (set by the command line; the library cannot know its own program).
public struct MarkdownWorkerCommand: Sendable {
    public var executable: URL
    public var arguments: [String]

    public init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }
}

/// Renders a build's Markdown texts in worker processes, one per core. cmark-gfm cannot
/// parse on two threads of one process at once (see `MarkdownRenderer`), and a parse cannot be
/// stopped from inside: in a process of its own, a text that takes longer than `timeLimit`
/// is stopped by ending its process, reported and left out, while the other workers go on
/// with every other school's texts.
public struct MarkdownWorkers: Sendable {
    public var command: MarkdownWorkerCommand
    public var count: Int
    public var timeLimit: Duration

    public init(command: MarkdownWorkerCommand, count: Int = ProcessInfo.processInfo.activeProcessorCount,
                timeLimit: Duration = MarkdownRenderer.defaultTimeLimit) {
        self.command = command
        self.count = max(1, count)
        self.timeLimit = timeLimit
    }

    /// Each text's rendering, in the order given.
    public func render(_ texts: [String]) -> [RenderedMarkdown] {
        guard !texts.isEmpty else { return [] }
        let next = Atomic<Int>(0)
        let results = Mutex<[RenderedMarkdown?]>(Array(repeating: nil, count: texts.count))
        DispatchQueue.concurrentPerform(iterations: min(count, texts.count)) { _ in
            var worker: Worker?
            let decoder = JSONDecoder()
            defer { worker?.stop() }
            while case let index = next.add(1, ordering: .relaxed).oldValue, index < texts.count {
                let rendered = render(texts[index], with: &worker, decoder: decoder)
                results.withLock { $0[index] = rendered }
            }
        }
        return results.withLock { $0.map { $0 ?? MarkdownWorkers.refused("it was not read") } }
    }

    private func render(_ text: String, with worker: inout Worker?, decoder: JSONDecoder) -> RenderedMarkdown {
        if worker == nil {
            do { worker = try Worker(command) } catch {
                return Self.refused("the Markdown reader (\(command.executable.path) \(command.arguments.joined(separator: " "))) could not be started: \(error.localizedDescription)")
            }
        }
        guard let running = worker else { return Self.refused("it was not read") }
        switch running.ask(Data(text.utf8), within: timeLimit) {
        case .success(let answer):
            if let rendered = try? decoder.decode(RenderedMarkdown.self, from: answer) { return rendered }
            running.stop()
            worker = nil
            return Self.refused("the Markdown reader gave an answer that could not be read")
        case .failure(.timedOut):
            running.stop()
            worker = nil
            var result = Self.empty
            result.refused = MarkdownRenderer.tooSlow(timeLimit)
            return result
        case .failure(.closed):
            running.stop()
            worker = nil
            return Self.refused("the Markdown reader stopped while reading it")
        }
    }

    static let empty = RenderedMarkdown(html: "", headings: [], links: [], removedLinks: [], imagesWithoutAlt: [])

    package static func refused(_ why: String) -> RenderedMarkdown {
        var result = empty
        result.refused = MarkdownBounds.Violation(line: 1, message: "this text could not be read, so it is left out: \(why)",
                                                  suggestion: "build again; if it happens again, report it with this file")
        return result
    }

    /// One worker process and its two pipes.
    final class Worker {
        let process = Process()
        let toWorker = Pipe()
        let fromWorker = Pipe()

        init(_ command: MarkdownWorkerCommand) throws {
            // A worker that has ended must not end the build when a text is written to it.
            signal(SIGPIPE, SIG_IGN)
            process.executableURL = command.executable
            process.arguments = command.arguments
            process.standardInput = toWorker
            process.standardOutput = fromWorker
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func ask(_ text: Data, within limit: Duration) -> Result<Data, MarkdownWorker.ReadFailure> {
            let deadline = ContinuousClock.now.advanced(by: limit)
            guard MarkdownWorker.writeMessage(text, to: toWorker.fileHandleForWriting.fileDescriptor) else { return .failure(.closed) }
            do { return .success(try MarkdownWorker.readMessage(from: fromWorker.fileHandleForReading.fileDescriptor, before: deadline)) } catch {
                return .failure(error)
            }
        }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try? toWorker.fileHandleForWriting.close()
            process.waitUntilExit()
            try? fromWorker.fileHandleForReading.close()
        }
    }
}
