import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One running engine process: it starts once (Python and WeasyPrint take about as long to
/// load as a handout takes to lay out) and then renders job after job. Used by one thread.
final class PDFWorker {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors: FileHandle?
    private let errorsPath: String
    private var buffer: [UInt8] = []
    private var nextID = 0

    /// What the engine called itself when it was ready ("WeasyPrint 70.0").
    private(set) var engineName = ""

    /// Starts the engine and waits for it to say it is ready. Loading does not depend on the
    /// content, so it has its own, generous limit (a busy machine can take seconds).
    init(engine: PDFEngine, startTimeout: Double = 120) throws(Failure) {
        // A job written to an engine that has just died must fail as a value, not end the
        // build: without this, writing to its closed pipe kills the whole process (SIGPIPE).
        signal(SIGPIPE, SIG_IGN)
        errorsPath = NSTemporaryDirectory() + "signpost-pdf-\(getpid())-\(UUID().uuidString.prefix(8)).log"
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        errors = FileHandle(forWritingAtPath: errorsPath)
        process.executableURL = URL(fileURLWithPath: engine.executable)
        process.arguments = engine.arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors ?? FileHandle.nullDevice
        do { try process.run() } catch {
            cleanUp()
            throw Failure(description: "\(engine.name) could not be started (\(engine.executable): \(error.localizedDescription))")
        }
        do throws(Failure) {
            let hello = try readAnswer(timeout: startTimeout)
            guard hello["ready"] as? Bool == true else {
                throw Failure(description: hello["error"] as? String ?? "no reason given")
            }
            engineName = hello["engine"] as? String ?? engine.name
        } catch {
            stop()
            throw Failure(description: "\(engine.name) could not start: \(error.description)")
        }
    }

    /// Renders one document; the number of pages it has.
    func render(_ job: [String: Any], timeout: Double) throws(Failure) -> Int {
        nextID += 1
        var job = job
        job["id"] = nextID
        guard let data = try? JSONSerialization.data(withJSONObject: job, options: [.sortedKeys]) else {
            throw Failure(description: "the job could not be written down")
        }
        try send(data + Data("\n".utf8))
        while true {
            let answer = try readAnswer(timeout: timeout)
            guard answer["id"] as? Int == nextID else { continue }
            if answer["ok"] as? Bool == true { return answer["pages"] as? Int ?? 0 }
            throw Failure(description: answer["error"] as? String ?? "no reason given")
        }
    }

    /// False once the engine has ended (it failed, or took too long): start another.
    var isRunning: Bool { process.isRunning }

    /// Ends the engine: closing its input ends a healthy one; one that does not end is killed.
    func stop() {
        end(within: 2)
        cleanUp()
    }

    private func end(within seconds: Double) {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { usleep(5_000) }
    }

    private func cleanUp() {
        try? errors?.close()
        try? FileManager.default.removeItem(atPath: errorsPath)
    }

    private func send(_ data: Data) throws(Failure) {
        let descriptor = input.fileHandleForWriting.fileDescriptor
        var failed = false
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                offset += written
            }
        }
        if failed { throw stopped() }
    }

    /// The next answer line that is a JSON object; lines that are not are skipped.
    private func readAnswer(timeout: Double) throws(Failure) -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        let descriptor = output.fileHandleForReading.fileDescriptor
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] { return object }
                continue
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                end(within: 0)
                throw Failure(description: "it took longer than \(Int(timeout)) seconds and was stopped")
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left * 1000, 1_000)))
            if ready < 0 && errno != EINTR { throw stopped() }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw stopped() }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// The engine ended without answering: its last words, for the message.
    private func stopped() -> Failure {
        end(within: 2)
        let log = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
        let last = log.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        let how = process.terminationReason == .uncaughtSignal ? "was stopped by signal \(process.terminationStatus)"
            : "stopped with exit code \(process.terminationStatus)"
        return Failure(description: "the engine \(how)" + (last.isEmpty ? "" : " (\(last))"))
    }
}
