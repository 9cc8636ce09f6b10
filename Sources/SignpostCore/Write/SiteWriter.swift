import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a built site atomically: everything goes into a fresh folder beside the
/// output, which replaces the old site only once it is complete. A failed build
/// therefore leaves the previous `Site/` exactly as it was.
public struct SiteWriter: Sendable {
    public let output: URL

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

    /// Refuses to build over the content, the theme, the project itself or any of their parents.
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
    }

    /// A page's place inside the site; rejects anything that could point outside it.
    public static func validate(relativePath: String) throws {
        // Byte by byte: it runs for every page, and only ASCII letters, digits, - _ . are allowed.
        let parts = relativePath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !parts.isEmpty, parts.allSatisfy({ part in
            !part.isEmpty && !part.elementsEqual(".".utf8) && !part.elementsEqual("..".utf8) &&
                part.allSatisfy { byte in
                    (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122)
                        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                }
        }) else {
            throw WriteError.unsafePath("refusing to write \"\(relativePath)\": it is not a plain path inside the site")
        }
    }

    /// Makes the staging folder for a new build.
    public func makeStaging() throws -> URL {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent)-building-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        return staging
    }

    public static func write(_ data: Data, to relativePath: String, in staging: URL, folderExists: Bool = false) throws {
        try validate(relativePath: relativePath)
        let url = staging.appendingPathComponent(relativePath)
        if !folderExists {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        try writeFile(data, to: url.path)
    }

    /// Plain open/write/close. Foundation's Data.write syncs every file to disk, which costs
    /// more than rendering the page; the build's durability comes from the final folder swap.
    static func writeFile(_ data: Data, to path: String) throws {
        try data.withUnsafeBytes { try writeFile($0, to: path) }
    }

    static func writeFile(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError.io("could not create \(path): \(String(cString: strerror(errno)))") }
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
    public static func makeFolders(for relativePaths: [String], in staging: URL) throws {
        var pagesIn: [String: Int] = [:]   // folder → pages directly inside it
        var parents = Set<String>()        // folders that hold other folders
        for path in relativePaths {
            try validate(relativePath: path)
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

    /// Swaps the finished staging folder in for the old site.
    public func commit(_ staging: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let old = parent.appendingPathComponent(".\(output.lastPathComponent)-old-\(UUID().uuidString.prefix(8))")
        var hadOld = false
        if fm.fileExists(atPath: output.path) {
            try fm.moveItem(at: output, to: old)
            hadOld = true
        }
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            if hadOld { try? fm.moveItem(at: old, to: output) }
            throw WriteError.io("could not put the new site in place: \(error.localizedDescription)")
        }
        if hadOld { (try? TreeRemover.remove(old)) ?? (try? fm.removeItem(at: old)) }
    }

    public func discard(_ staging: URL) {
        (try? TreeRemover.remove(staging)) ?? (try? FileManager.default.removeItem(at: staging))
    }
}
