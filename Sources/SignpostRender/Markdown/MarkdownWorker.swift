import Foundation

/// A Markdown worker process's side of its pipes (`signpost markdown-worker`): it reads one
/// text at a time and answers with its rendering as JSON. Each message on either pipe is its
/// length as four bytes (big-endian) and then its bytes.
public enum MarkdownWorker {
    /// Answers every text on standard input until it closes.
    public static func serve(renderer: MarkdownRenderer = MarkdownRenderer()) {
        let encoder = JSONEncoder()
        while let request = try? readMessage(from: STDIN_FILENO, before: nil) {
            let rendered = renderer.render(String(decoding: request, as: UTF8.self))
            guard let answer = try? encoder.encode(rendered), writeMessage(answer, to: STDOUT_FILENO) else { return }
        }
    }

    /// Writes the whole message; false when the other side has gone.
    static func writeMessage(_ data: Data, to fd: Int32) -> Bool {
        let count = UInt32(data.count)
        var message = Data([UInt8(count >> 24 & 0xFF), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)])
        message.append(data)
        return message.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let wrote = write(fd, bytes.baseAddress! + done, bytes.count - done)
                if wrote < 0, errno == EINTR { continue }
                guard wrote > 0 else { return false }
                done += wrote
            }
            return true
        }
    }

    enum ReadFailure: Error {
        case timedOut
        case closed
    }

    /// One whole message; with a deadline, waits for it no longer than that.
    static func readMessage(from fd: Int32, before deadline: ContinuousClock.Instant?) throws(ReadFailure) -> Data {
        let header = try read(4, from: fd, before: deadline)
        let count = header.reduce(0) { $0 << 8 | Int($1) }
        return try read(count, from: fd, before: deadline)
    }

    private static func read(_ count: Int, from fd: Int32, before deadline: ContinuousClock.Instant?) throws(ReadFailure) -> Data {
        var data = Data(count: count)
        var done = 0
        while done < count {
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline)
                guard left > .zero else { throw .timedOut }
                let (seconds, attoseconds) = left.components
                let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, milliseconds)
                if ready < 0, errno == EINTR { continue }
                guard ready > 0 else { throw .timedOut }
            }
            let got = data.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + done, count - done) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw .closed }
            done += got
        }
        return data
    }
}
