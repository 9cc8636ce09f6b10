import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes a built site atomically: everything goes into a fresh folder beside the
/// output, which replaces the old site only once it is complete. A failed build
/// therefore leaves the previous `Site/` exactly as it was.
public struct SiteWriter: Sendable {
    public let output: URL
    /// The lock of each staging folder this writer made and has not yet committed or discarded.
    private let locks = StagingLocks()

    public init(output: URL) { self.output = output.standardizedFileURL }

    public enum WriteError: Error, CustomStringConvertible {
        case unsafeOutput(String)
        case unsafePath(String)
        case io(String)

        public var description: String {
            switch self {
            case let .unsafeOutput(message), let .unsafePath(message), let .io(message): return message
            }
        }
    }

    /// Refuses to build over the content, the theme, the project itself or any of their parents,
    /// and over any folder that is not empty and was not made by Signpost (see `OutputGuard`).
    public func checkOutput(protecting protected: [URL]) throws {
        let target = output.resolvingSymlinksInPath().path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.resolvingSymlinksInPath().path
        if target == "/" || target == cwd || target == home {
            throw WriteError.unsafeOutput("refusing to write the site into \(output.path): it would replace the whole folder; use an output folder such as Site")
        }
        for folder in protected {
            let path = folder.standardizedFileURL.resolvingSymlinksInPath().path
            if target == path || path.hasPrefix(target + "/") || target.hasPrefix(path + "/") {
                throw WriteError.unsafeOutput("refusing to write the site into \(output.path): it is, or contains, \(folder.path), which holds your work")
            }
        }
        try OutputGuard.checkReplaceable(output, shown: output.lastPathComponent)
    }

    /// A page's place inside the site; rejects anything that could point outside it.
    public static func validate(relativePath: String) throws {
        // One pass over the bytes (it runs twice for every page): only ASCII letters, digits and
        // - _ . are allowed, in parts that are neither empty nor "." nor "..", between slashes.
        var plain = true
        var length = 0, dots = 0   // of the part being read
        func partIsPlain() -> Bool { length > 0 && !(dots == length && length <= 2) }
        for byte in relativePath.utf8 {
            if byte == UInt8(ascii: "/") {
                guard partIsPlain() else { plain = false; break }
                length = 0
                dots = 0
                continue
            }
            guard byte.isASCIIDigit || byte.isASCIILetter || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") else { plain = false; break }
            length += 1
            if byte == UInt8(ascii: ".") { dots += 1 }
        }
        guard plain, partIsPlain() else {
            throw WriteError.unsafePath("refusing to write \"\(relativePath)\": it is not a plain path inside the site")
        }
    }

    /// Removes the staging folders that killed builds left beside the output; returns their names.
    public func removeLeftovers() -> [String] { StagingFolder.removeLeftovers(beside: output) }

    /// Makes the staging folder for a new build, locked until `commit` or `discard`, with the marker in it.
    public func makeStaging() throws -> URL {
        let (url, lock) = try StagingFolder.make(beside: output)
        locks.hold(lock, for: url)
        return url
    }

    /// Writes a file that must not exist yet: in a fresh staging folder, a second write to the
    /// same path means two things were planned at one place, and is refused, not an overwrite.
    public static func write(_ data: Data, to relativePath: String, in staging: URL) throws {
        try validate(relativePath: relativePath)
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.withUnsafeBytes { try writeFile($0, to: url.path, exclusive: true, shown: relativePath) }
    }

    /// Writes a file that may exist already, for what is rewritten in place (a live site's
    /// PDF manifest, after `serve --pdf` remakes some of its PDFs).
    public static func replace(_ data: Data, at relativePath: String, in folder: URL) throws {
        try validate(relativePath: relativePath)
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.withUnsafeBytes { try writeFile($0, to: url.path, shown: relativePath) }
    }

    /// Plain open/write/close. Foundation's Data.write syncs every file to disk, which costs
    /// more than rendering the page; the build's durability comes from the final folder swap.
    static func writeFile(_ buffer: UnsafeRawBufferPointer, to path: String, exclusive: Bool = false, shown: String? = nil) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC) | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if exclusive && errno == EEXIST {
                throw WriteError.unsafePath("refusing to write \(shown ?? path) twice: two things were planned at the same place in the site")
            }
            throw WriteError.io("could not create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError.io("could not write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Creates the folders the pages share, once each, parents first: far cheaper than asking
    /// for intermediate folders on each of thousands of writes. A folder that holds one page
    /// and nothing else (`…/nspcc/` for `…/nspcc/index.html`) is left to `writePage`, so those
    /// thousands of folders are made in parallel with the pages rather than one by one first.
    /// Two pages planned at one path are refused here, before anything is written: one would
    /// silently replace the other.
    public static func makeFolders(for relativePaths: [String], in staging: URL) throws {
        var pagesIn: [String: Int] = [:]   // folder → pages directly inside it
        var parents = Set<String>()        // folders that hold other folders
        var planned = Set<String>(minimumCapacity: relativePaths.count)
        for path in relativePaths {
            try validate(relativePath: path)
            guard planned.insert(path).inserted else {
                throw WriteError.unsafePath("refusing to write two pages to \(path): one would replace the other")
            }
            // Over bytes ("/" is ASCII, so its index is a character boundary): splitting every
            // path into Characters and joining them again cost more than making the folders.
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            var folder = path[..<slash]
            pagesIn[String(folder), default: 0] += 1
            while let up = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<up]
                guard parents.insert(String(folder)).inserted else { break }
            }
        }
        let shared = parents.union(pagesIn.filter { $0.value > 1 }.keys)
        for folder in shared.sorted(by: { $0.count < $1.count }) {
            try makeFolder(staging.appendingPathComponent(folder).path, shown: folder)
        }
    }

    /// Writes one page, making its own folder first if `makeFolders` left it.
    public static func writePage(_ html: String, to relativePath: String, in stagingPath: String) throws {
        try validate(relativePath: relativePath)
        if let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try makeFolder(stagingPath + "/" + relativePath[..<slash], shown: String(relativePath[..<slash]))
        }
        // Straight from the text's own UTF-8 bytes: no copy of every page into a Data first.
        var html = html
        try html.withUTF8 { try writeFile(UnsafeRawBufferPointer($0), to: stagingPath + "/" + relativePath) }
    }

    static func makeFolder(_ path: String, shown: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw WriteError.io("could not create the folder \(shown): \(String(cString: strerror(errno)))")
        }
    }

    /// Swaps the finished staging folder in for the old site (atomically: see `FolderSwap`), then
    /// deletes the old site.
    public func commit(_ staging: URL) throws {
        defer { locks.release(staging) }
        if let old = try FolderSwap.replace(output, with: staging) { (try? TreeRemover.remove(old)) ?? (try? FileManager.default.removeItem(at: old)) }
    }

    public func discard(_ staging: URL) {
        defer { locks.release(staging) }
        (try? TreeRemover.remove(staging)) ?? (try? FileManager.default.removeItem(at: staging))
    }
}

/// Open descriptors holding the `flock` of staging folders, by path.
final class StagingLocks: Sendable {
    private let held = Mutex<[String: Int32]>([:])

    func hold(_ descriptor: Int32, for url: URL) { held.withLock { $0[url.path] = descriptor } }

    func release(_ url: URL) {
        if let descriptor = held.withLock({ $0.removeValue(forKey: url.path) }) { close(descriptor) }
    }
}
