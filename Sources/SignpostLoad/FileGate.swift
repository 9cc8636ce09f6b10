import Foundation
import Glibc
import SignpostModel
#if canImport(Glibc)
#endif

/// The one way Signpost reads a file from `Content/` or a theme. Git stores symbolic links,
/// so one commit could otherwise publish any file the build machine can read; a named pipe
/// saved as `.md` would hang the build. So every path is walked from the root one folder at
/// a time with `openat` and `O_NOFOLLOW` (a link anywhere on the way is refused, not
/// followed), only regular files are opened (`O_NONBLOCK`, then `fstat`), `..` is refused,
/// and each kind of file has a size limit.
public struct FileGate: Sendable {
    /// What a file is for: each kind has its own size limit and wording.
    public enum Kind: Sendable {
        /// `.md` files: settings block and Markdown text.
        case markdown
        /// `site.yml`, `topics.yml`.
        case settings
        case logo
        /// Mustache templates, the theme's and a school's own.
        case template
        /// The theme's stylesheet, scripts, fonts and pictures.
        case asset

        /// Generous for real offers (the longest real policy page is about a fifth of the
        /// Markdown limit); the Markdown limit also bounds how long one file takes to render.
        public var limit: Int {
            switch self {
            case .markdown: return 1 << 20
            case .settings: return 1 << 20
            case .logo: return 5 << 20
            case .template: return 256 << 10
            case .asset: return 10 << 20
            }
        }

        var advice: String {
            switch self {
            case .markdown: return "split it into several pages, or put the document on the school's website and link to it"
            case .settings: return "is it the right file? These settings are normally a few KB"
            case .logo: return "save the logo smaller (a few hundred KB is plenty for a web page)"
            case .template: return "templates are normally a few KB: is it the right file?"
            case .asset: return "make the file smaller"
            }
        }
    }

    /// What a folder entry is, found without following links.
    public enum EntryType: Sendable, Equatable { case file, folder, link, other(String) }

    public struct Entry: Sendable, Equatable {
        public var name: String
        public var type: EntryType
    }

    /// Why a path was not read. `description` is written for the school office.
    public enum Refusal: Error, Sendable, Equatable {
        case missing
        case link(isFolder: Bool)
        case notRegular(String)
        case folder
        case notFolder
        case tooLarge(size: Int, kind: Kind)
        case outside
        case unreadable(Int32)
    }

    /// The root as given (for messages).
    public let displayRoot: String
    /// The root with links in it resolved once: the user chose it, so it may itself be a link.
    public let root: URL
    /// How messages name the place files must really be in ("Content/", "the theme folder").
    let place: String

    public init(root: URL, displayRoot: String, place: String? = nil) {
        let standard = root.standardizedFileURL
        self.root = standard.resolvingSymlinksInPath()
        self.displayRoot = displayRoot
        self.place = place ?? "\(displayRoot)/"
    }

    public func display(_ relative: String) -> String {
        relative.isEmpty ? displayRoot : "\(displayRoot)/\(relative)"
    }

    public func url(_ relative: String) -> URL {
        relative.isEmpty ? root : root.appendingPathComponent(relative)
    }

    // MARK: Walking

    /// The path's components, or `.outside` for anything that could leave the root.
    func components(_ relative: String) -> Result<[String], Refusal> {
        if relative.hasPrefix("/") { return .failure(.outside) }
        var parts: [String] = []
        for piece in relative.split(separator: "/", omittingEmptySubsequences: true) where piece != "." {
            if piece == ".." { return .failure(.outside) }
            parts.append(String(piece))
        }
        return .success(parts)
    }

    /// An open descriptor of the folder `parts` names, every step taken without following a link.
    func openFolder(_ parts: ArraySlice<String>) -> Result<Int32, Refusal> {
        var descriptor = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(errno == ENOENT ? .missing : .unreadable(errno)) }
        for name in parts {
            let next = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            // Linux says ENOTDIR (not ELOOP) for a link opened with O_DIRECTORY | O_NOFOLLOW: ask what it is.
            var info = stat()
            let isLink = next < 0 && fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
            close(descriptor)
            guard next >= 0 else {
                if isLink || code == ELOOP { return .failure(.link(isFolder: true)) }
                switch code {
                case ENOENT: return .failure(.missing)
                case ENOTDIR: return .failure(.notFolder)
                default: return .failure(.unreadable(code))
                }
            }
            descriptor = next
        }
        return .success(descriptor)
    }

    static func entryType(of mode: mode_t) -> EntryType {
        switch mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        case S_IFIFO: return .other("a named pipe (FIFO)")
        case S_IFSOCK: return .other("a socket")
        case S_IFCHR, S_IFBLK: return .other("a device")
        default: return .other("not an ordinary file")
        }
    }

    // MARK: Listing

    /// The entries of a folder, sorted by name, each with its own type (links are reported as
    /// links, never followed). Hidden names (starting with a dot) are left out.
    public func list(_ relative: String) -> Result<[Entry], Refusal> {
        let parts: [String]
        switch components(relative) {
        case let .success(value): parts = value
        case let .failure(refusal): return .failure(refusal)
        }
        let descriptor: Int32
        switch openFolder(parts[...]) {
        case let .success(value): descriptor = value
        case let .failure(refusal): return .failure(refusal)
        }
        guard let directory = fdopendir(descriptor) else {
            let code = errno
            close(descriptor)
            return .failure(.unreadable(code))
        }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let item = readdir(directory) {
            let name = withUnsafePointer(to: item.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            var type: EntryType
            switch Int32(item.pointee.d_type) {
            case Int32(DT_REG): type = .file
            case Int32(DT_DIR): type = .folder
            case Int32(DT_LNK): type = .link
            default:
                // Some file systems do not say: ask, still without following a link.
                var info = stat()
                guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                type = FileGate.entryType(of: info.st_mode)
            }
            entries.append(Entry(name: name, type: type))
        }
        return .success(entries.sorted { $0.name < $1.name })
    }

    // MARK: Reading

    public struct Status: Sendable, Equatable {
        public var type: EntryType
        public var size: Int
        /// Nanoseconds since 1970, for caches.
        public var modified: Int
    }

    /// What is at a path, without following a link at any step.
    public func status(_ relative: String) -> Result<Status, Refusal> {
        switch locate(relative) {
        case let .failure(refusal): return .failure(refusal)
        case let .success((descriptor, name)):
            defer { close(descriptor) }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                return .failure(errno == ENOENT ? .missing : .unreadable(errno))
            }
            return .success(Status(type: FileGate.entryType(of: info.st_mode), size: Int(info.st_size),
                                   modified: Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)))
        }
    }

    /// Why the file could not be read as `kind`, or nil when it could (checked without reading it).
    public func check(_ relative: String, kind: Kind) -> Refusal? {
        switch status(relative) {
        case let .failure(refusal): return refusal
        case let .success(status):
            switch status.type {
            case .file: return status.size > kind.limit ? .tooLarge(size: status.size, kind: kind) : nil
            case .folder: return .folder
            case .link: return .link(isFolder: false)
            case let .other(what): return .notRegular(what)
            }
        }
    }

    /// True when something (of any type) is at the path, so a reader should be asked to report on it.
    public func exists(_ relative: String) -> Bool {
        if case .failure(.missing) = status(relative) { return false }
        return true
    }

    /// The folder holding the path (open) and the last component's name.
    func locate(_ relative: String) -> Result<(Int32, String), Refusal> {
        let parts: [String]
        switch components(relative) {
        case let .success(value): parts = value
        case let .failure(refusal): return .failure(refusal)
        }
        guard let name = parts.last else { return .failure(.folder) }
        switch openFolder(parts.dropLast()) {
        case let .success(descriptor): return .success((descriptor, name))
        case let .failure(refusal): return .failure(refusal)
        }
    }

    /// The file's bytes, if it is a regular file really inside the root and within its kind's limit.
    public func read(_ relative: String, kind: Kind) -> Result<Data, Refusal> {
        let folder: Int32, name: String
        switch locate(relative) {
        case let .success((descriptor, last)): (folder, name) = (descriptor, last)
        case let .failure(refusal): return .failure(refusal)
        }
        defer { close(folder) }
        // Look before opening: opening a device or a pipe can itself have effects.
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            return .failure(errno == ENOENT ? .missing : .unreadable(errno))
        }
        if let refusal = FileGate.refusal(for: info, kind: kind) { return .failure(refusal) }
        // O_NOFOLLOW and O_NONBLOCK: if the file was swapped for a link or a pipe since, the
        // open fails or returns at once, and fstat below sees what was really opened.
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ELOOP ? .link(isFolder: false) : errno == ENOENT ? .missing : .unreadable(errno))
        }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(errno)) }
        if let refusal = FileGate.refusal(for: info, kind: kind) { return .failure(refusal) }
        return FileGate.readAll(descriptor, expected: Int(info.st_size), kind: kind)
    }

    static func refusal(for info: stat, kind: Kind) -> Refusal? {
        switch entryType(of: info.st_mode) {
        case .file: return Int(info.st_size) > kind.limit ? .tooLarge(size: Int(info.st_size), kind: kind) : nil
        case .folder: return .folder
        case .link: return .link(isFolder: false)
        case let .other(what): return .notRegular(what)
        }
    }

    /// Reads to the end, but never more than the kind's limit (a file may grow while being read).
    static func readAll(_ descriptor: Int32, expected: Int, kind: Kind) -> Result<Data, Refusal> {
        var bytes = [UInt8](repeating: 0, count: min(expected, kind.limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > kind.limit { return .failure(.tooLarge(size: count, kind: kind)) }
                bytes.append(contentsOf: repeatElement(0, count: min(max(4096, count), kind.limit + 1 - count)))
            }
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno))
            }
            if got == 0 { break }
            count += got
        }
        if count > kind.limit { return .failure(.tooLarge(size: count, kind: kind)) }
        return .success(Data(bytes[..<count]))
    }

    // MARK: Messages

    /// The message and suggestion for a refusal, naming where files must really be.
    public func explain(_ refusal: Refusal) -> (message: String, suggestion: String?) {
        FileGate.explain(refusal, place: place)
    }

    static func explain(_ refusal: Refusal, place: String) -> (message: String, suggestion: String?) {
        switch refusal {
        case .missing:
            return ("this file does not exist", nil)
        case let .link(isFolder):
            let what = isFolder ? "folder" : "file"
            return ("this \(what) is a link to another place on the computer; Signpost only publishes files that are really in \(place)",
                    "replace the link with the \(what) itself")
        case let .notRegular(what):
            return ("this is \(what), not an ordinary file, so Signpost does not read it", "delete it, and save the file again as an ordinary file")
        case .folder:
            return ("cannot read this file: it is a folder", "rename the folder, or move it out of the way")
        case .notFolder:
            return ("this should be a folder, but it is a file", "move the file into a folder of that name")
        case let .tooLarge(size, kind):
            return ("this file is \(FileGate.describe(size)); Signpost reads \(FileGate.name(of: kind)) of up to \(FileGate.describe(kind.limit))", kind.advice)
        case .outside:
            return ("this path leads outside \(place)", "name a file inside \(place)")
        case let .unreadable(code):
            return ("cannot read this file (\(String(cString: strerror(code))))", "check that the file can be opened")
        }
    }

    static func name(of kind: Kind) -> String {
        switch kind {
        case .markdown: return "Markdown files"
        case .settings: return "settings files"
        case .logo: return "logos"
        case .template: return "templates"
        case .asset: return "theme files"
        }
    }

    /// Sizes as an office reads them: "1.3 MB", "300 KB".
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 {
            let tenths = (bytes * 10 + (1 << 19)) >> 20
            return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
        }
        if bytes >= 1 << 10 { return "\((bytes + 512) >> 10) KB" }
        return "\(bytes) bytes"
    }

    /// Logs a refusal against the file it concerns.
    public func report(_ refusal: Refusal, _ relative: String, log: DiagnosticLog) {
        let (message, suggestion) = explain(refusal)
        log.error(display(relative), message, suggestion: suggestion)
    }

    /// The bytes, or nil after logging why not.
    public func read(_ relative: String, kind: Kind, log: DiagnosticLog) -> Data? {
        switch read(relative, kind: kind) {
        case let .success(data): return data
        case let .failure(refusal):
            report(refusal, relative, log: log)
            return nil
        }
    }
}

extension FileGate {
    /// A refusal as a thrown error, naming the file (for steps that throw, such as copying assets).
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var message: String

        public var description: String { "\(path): \(message)" }
    }

    /// The file's bytes, or a `Failure` naming the file and why it was refused.
    public func data(_ relative: String, kind: Kind) throws -> Data {
        switch read(relative, kind: kind) {
        case let .success(data): return data
        case let .failure(refusal):
            let (message, suggestion) = explain(refusal)
            throw Failure(path: display(relative), message: suggestion.map { "\(message) — \($0)" } ?? message)
        }
    }
}
