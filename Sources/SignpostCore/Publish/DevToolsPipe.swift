import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A browser started with `--remote-debugging-pipe`, spoken to over the Chrome DevTools
/// Protocol: JSON messages ending in a NUL byte, read by the browser from its fd 3 and written
/// to its fd 4. No websocket, no port: nothing else on the machine can talk to it.
///
/// The browser and every process it starts share one new process group, so that one signal
/// ends them all and their memory can be added up. While it waits for an answer, the pipe
/// checks that memory and the time allowed: either exceeded, the whole group is killed.
/// Used by one thread.
final class DevToolsPipe {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var buffer: [UInt8] = []
    private var nextID = 0
    private var events: [[String: Any]] = []
    private var lastMemoryCheck = Date.distantPast
    private var ended = false
    private let errorsPath: String

    /// Bytes the browser's processes may use together (proportional set size, so memory the
    /// processes share is counted once); nil: no limit.
    var memoryLimit: Int?
    /// When the current work must be done; reading past it kills the browser.
    var deadline = Date.distantFuture
    /// Said in the failure when the deadline passes ("it took longer than 180 seconds").
    var deadlineReason = "it took too long"

    init(executable: String, arguments: [String], environment: [String: String], errorsPath: String) throws(Failure) {
        // A message written to a browser that has just died must fail as a value, not end the
        // build: without this, writing to its closed pipe kills the whole process (SIGPIPE).
        signal(SIGPIPE, SIG_IGN)
        self.errorsPath = errorsPath
        // One spawn at a time: the pipes are marked close-on-exec only after they are made, and
        // a browser started in between by another worker must not inherit them.
        Self.spawning.lock()
        defer { Self.spawning.unlock() }
        var commands: [Int32] = [0, 0], answers: [Int32] = [0, 0]
        guard pipe(&commands) == 0 else { throw Failure(description: "no pipe: \(String(cString: strerror(errno)))") }
        guard pipe(&answers) == 0 else {
            Glibc.close(commands[0]); Glibc.close(commands[1])
            throw Failure(description: "no pipe: \(String(cString: strerror(errno)))")
        }
        for descriptor in commands + answers { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // dup2 clears close-on-exec on the copies: the browser keeps exactly fds 3 and 4.
        posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
        posix_spawn_file_actions_adddup2(&actions, answers[1], 4)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        Glibc.close(commands[0])
        Glibc.close(answers[1])
        guard status == 0 else {
            Glibc.close(commands[1]); Glibc.close(answers[0])
            throw Failure(description: "\(executable) could not be started: \(String(cString: strerror(status)))")
        }
        pid = child
        toBrowser = commands[1]
        fromBrowser = answers[0]
    }

    private static let spawning = NSLock()

    deinit { kill() }

    /// Sends a command and waits for its answer; events that arrive meanwhile are kept for
    /// `nextEvent`.
    @discardableResult
    func call(_ method: String, _ params: [String: Any] = [:], session: String? = nil) throws(Failure) -> [String: Any] {
        let id = try post(method, params, session: session)
        while true {
            let answer = try readMessage()
            guard let answerID = answer["id"] as? Int else {
                events.append(answer)
                continue
            }
            guard answerID == id else { continue }
            if let error = answer["error"] as? [String: Any] {
                throw Failure(description: "\(method) failed: \(error["message"] as? String ?? "no reason given")")
            }
            return answer["result"] as? [String: Any] ?? [:]
        }
    }

    /// Sends a command without waiting for its answer (one the browser answers only after
    /// events it needs handled first, such as a navigation whose requests are intercepted).
    @discardableResult
    func post(_ method: String, _ params: [String: Any] = [:], session: String? = nil) throws(Failure) -> Int {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        guard let data = try? JSONSerialization.data(withJSONObject: message) else {
            throw Failure(description: "the command \(method) could not be written down")
        }
        try send(data)
        return nextID
    }

    /// Forgets the events kept so far (those of the last document).
    func dropEvents() { events.removeAll() }

    /// The next event (a message with a `method` and no `id`), kept or read.
    func nextEvent() throws(Failure) -> [String: Any] {
        if !events.isEmpty { return events.removeFirst() }
        while true {
            let message = try readMessage()
            if message["id"] == nil { return message }
        }
    }

    var isRunning: Bool {
        guard !ended else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            finish()
            return false
        }
        return true
    }

    /// Ends the browser and every process it started.
    func kill() {
        guard !ended else { return }
        killGroup()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        finish()
    }

    /// After the browser has ended: whatever it started goes too, and the pipes are closed.
    private func finish() {
        guard !ended else { return }
        ended = true
        killGroup()
        Glibc.close(toBrowser)
        Glibc.close(fromBrowser)
    }

    private func killGroup() {
        Glibc.kill(-pid, SIGKILL)
    }

    /// Ends the browser politely (it removes its own temporary files), then by force.
    func close(within seconds: Double) {
        guard !ended else { return }
        _ = try? send(Data(#"{"id":0,"method":"Browser.close","params":{}}"#.utf8))
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                finish()
                return
            }
            usleep(10_000)
        }
        kill()
    }

    private func send(_ data: Data) throws(Failure) {
        var failed = false
        (data + Data([0])).withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(toBrowser, bytes.baseAddress! + offset, bytes.count - offset)
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

    private func readMessage() throws(Failure) -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let data = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] { return object }
                continue
            }
            try checkLimits()
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            let left = deadline.timeIntervalSinceNow
            let ready = poll(&poller, 1, Int32(max(1, min(left * 1000, 200))))
            if ready < 0 && errno != EINTR { throw stopped() }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            let count = read(fromBrowser, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw stopped() }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    private func checkLimits() throws(Failure) {
        if deadline.timeIntervalSinceNow <= 0 {
            kill()
            throw Failure(description: deadlineReason)
        }
        guard let memoryLimit, Date().timeIntervalSince(lastMemoryCheck) >= 0.2 else { return }
        lastMemoryCheck = Date()
        let used = ProcessGroupMemory.bytes(ofGroup: pid)
        if used > memoryLimit {
            kill()
            throw Failure(description: "it needed more than \(memoryLimit / (1024 * 1024)) MB of memory and was stopped")
        }
    }

    /// The browser ended without answering: its last words, for the message.
    private func stopped() -> Failure {
        var status: Int32 = 0
        var how = "stopped"
        if !ended {
            let deadline = Date().addingTimeInterval(2)
            while waitpid(pid, &status, WNOHANG) != pid && Date() < deadline { usleep(10_000) }
            if (status & 0x7f) == 0 { how = "stopped with exit code \((status >> 8) & 0xff)" }
            else { how = "was stopped by signal \(status & 0x7f)" }
            kill()
        }
        let log = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
        let last = log.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        return Failure(description: "the engine \(how)" + (last.isEmpty ? "" : " (\(last.prefix(300)))"))
    }
}

/// The memory a process group uses: the sum of its processes' proportional set sizes, in
/// bytes. Processes that share pages (a browser's zygote and its children) are each counted
/// for their share only, so the sum is what the group really costs the machine.
enum ProcessGroupMemory {
    static func bytes(ofGroup group: pid_t) -> Int {
        guard let folder = opendir("/proc") else { return 0 }
        defer { closedir(folder) }
        var total = 0
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let first = name.utf8.first, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9") else { continue }
            guard let stat = read("/proc/\(name)/stat"), let close = stat.lastIndex(of: ")") else { continue }
            // After the command's closing parenthesis: state, ppid, pgrp, …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, Int(fields[2]) == Int(group) else { continue }
            guard let rollup = read("/proc/\(name)/smaps_rollup") else { continue }
            for line in rollup.split(separator: "\n") where line.hasPrefix("Pss:") {
                total += (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
            }
        }
        return total
    }

    private static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        var used = 0
        while used < bytes.count {
            let count = Glibc.read(descriptor, &bytes[used], bytes.count - used)
            if count <= 0 { break }
            used += count
        }
        return String(decoding: bytes[..<used], as: UTF8.self)
    }
}
