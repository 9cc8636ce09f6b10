import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a finished build in place of the old site so that the output path names a whole
/// site, old or new, at every instant: Linux's `renameat2(RENAME_EXCHANGE)` swaps the two
/// folders in one step. The old site then sits under the staging name and is deleted; if the
/// process dies first, the next build removes it as a leftover.
enum FolderSwap {
    /// From linux/fs.h: Glibc declares `renameat2` only for _GNU_SOURCE, which Swift's Glibc
    /// module is not built with, so the function is looked up at run time.
    static let renameNoReplace: UInt32 = 1
    static let renameExchange: UInt32 = 2

    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: Renameat2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
    }()

    /// Swaps what the two paths name, atomically. Returns false, changing nothing, when the
    /// system cannot (no `renameat2`, or a file system without RENAME_EXCHANGE).
    static func exchange(_ first: URL, _ second: URL) throws -> Bool {
        guard let renameat2 else { return false }
        if renameat2(AT_FDCWD, first.path, AT_FDCWD, second.path, renameExchange) == 0 { return true }
        switch errno {
        case EINVAL, ENOSYS, ENOTSUP: return false
        default: throw SiteWriter.WriteError.io("could not swap \(first.lastPathComponent) and \(second.lastPathComponent): \(String(cString: strerror(errno)))")
        }
    }

    /// Replaces `output` (if it exists) by `staging`; returns where the old site now is, for the
    /// caller to delete. `exchange: false` takes the way used where the system has no exchange.
    static func replace(_ output: URL, with staging: URL, exchange canExchange: Bool = true) throws -> URL? {
        var info = stat()
        guard lstat(output.path, &info) == 0 else {
            // No site yet: a plain rename (which fails rather than replace a folder with files in it).
            guard rename(staging.path, output.path) == 0 else {
                throw SiteWriter.WriteError.io("could not put the new site in place at \(output.lastPathComponent): \(String(cString: strerror(errno)))")
            }
            return nil
        }
        if canExchange, try exchange(staging, output) { return staging }
        // Without the exchange: two renames, the old site moved to a name the next build
        // recognises as a leftover and cleans up, and moved back if the second rename fails.
        let aside = staging.deletingLastPathComponent()
            .appendingPathComponent("\(StagingFolder.prefix(for: output))-\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8))")
        guard rename(output.path, aside.path) == 0 else {
            throw SiteWriter.WriteError.io("could not move the old site aside: \(String(cString: strerror(errno)))")
        }
        guard rename(staging.path, output.path) == 0 else {
            let problem = String(cString: strerror(errno))
            _ = rename(aside.path, output.path)
            throw SiteWriter.WriteError.io("could not put the new site in place at \(output.lastPathComponent): \(problem)")
        }
        return aside
    }
}
