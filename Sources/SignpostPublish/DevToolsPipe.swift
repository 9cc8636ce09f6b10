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
    /// Bytes read and not yet taken as messages start at `start`; up to `scanned` they hold no NUL.
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    /// One read's bytes, allocated once.
    private var chunk = [UInt8](repeating: 0, count: 1 << 20)
    private var nextID = 0
    private var events: [[String: Any]] = []
    private var lastMemoryCheck = Date.distantPast
    /// The last proportional size worked out: when, the resident size then, and the size.
    private var lastProportional: (at: Date, resident: Int, used: Int)?
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
            // Only the bytes not yet looked at are searched: a PDF arrives in many reads.
            let from = scanned
            let end = buffer.withUnsafeBufferPointer { bytes -> Int? in
                guard from < bytes.count, let base = bytes.baseAddress,
                      let found = memchr(base + from, 0, bytes.count - from) else { return nil }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            }
            if let end {
                let data = Data(buffer[start..<end])
                start = end + 1
                scanned = start
                if start == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    start = 0
                    scanned = 0
                }
                if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] { return object }
                continue
            }
            scanned = buffer.count
            try checkLimits()
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            let left = deadline.timeIntervalSinceNow
            let ready = poll(&poller, 1, Int32(max(1, min(left * 1000, 200))))
            if ready < 0 && errno != EINTR { throw stopped() }
            guard ready > 0 else { continue }
            let count = read(fromBrowser, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw stopped() }
            if start > 0 {
                buffer.removeSubrange(..<start)
                scanned -= start
                start = 0
            }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    private func checkLimits() throws(Failure) {
        if deadline.timeIntervalSinceNow <= 0 {
            kill()
            throw Failure(description: deadlineReason)
        }
        guard let memoryLimit else { return }
        let now = Date()
        guard now.timeIntervalSince(lastMemoryCheck) >= 0.2 else { return }
        lastMemoryCheck = now
        // Summing the processes' resident sizes costs almost nothing, and it is never below what
        // they use together: only when it is over the limit is the proportional size worked out,
        // whose walk of every page table, done five times a second, was a large part of a build's
        // time. While over, it is worked out again after a second, or sooner when the resident
        // size has grown by more than was left under the limit.
        let group = ProcessGroupMemory.members(ofGroup: pid)
        let resident = ProcessGroupMemory.residentBytes(of: group)
        guard resident > memoryLimit else { return }
        if let last = lastProportional, now.timeIntervalSince(last.at) < 1, resident - last.resident < memoryLimit - last.used { return }
        let used = ProcessGroupMemory.proportionalBytes(of: group)
        lastProportional = (now, resident, used)
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

/// The memory a process group uses. Its processes' proportional set sizes add up to what the
/// group really costs the machine: processes that share pages (a browser's zygote and its
/// children) are each counted for their share only. Their resident set sizes count a shared page
/// once in every process that maps it, so their sum is never below that, and is read without
/// walking any page table.
enum ProcessGroupMemory {
    /// The processes in the group.
    static func members(ofGroup group: pid_t) -> [String] {
        guard let folder = opendir("/proc") else { return [] }
        defer { closedir(folder) }
        var found: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let first = name.utf8.first, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9") else { continue }
            guard let stat = read("/proc/\(name)/stat"), let close = stat.lastIndex(of: ")") else { continue }
            // After the command's closing parenthesis: state, ppid, pgrp, …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, Int(fields[2]) == Int(group) else { continue }
            found.append(name)
        }
        return found
    }

    /// The sum of the processes' proportional set sizes, in bytes.
    static func proportionalBytes(of processes: [String]) -> Int {
        var total = 0
        for process in processes {
            guard let rollup = read("/proc/\(process)/smaps_rollup") else { continue }
            for line in rollup.split(separator: "\n") where line.hasPrefix("Pss:") {
                total += (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
            }
        }
        return total
    }

    /// The sum of the processes' resident set sizes, in bytes (the second number of `statm`, in pages).
    static func residentBytes(of processes: [String]) -> Int {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var total = 0
        for process in processes {
            guard let statm = read("/proc/\(process)/statm") else { continue }
            let fields = statm.split(separator: " ")
            if fields.count > 1, let pages = Int(fields[1]) { total += pages * page }
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
