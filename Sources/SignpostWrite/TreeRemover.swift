import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Removes a folder tree the way `rm -rf` does (read each folder once, unlink its entries
/// relative to the open folder, then remove the folder), much faster than
/// FileManager.removeItem on a site of thousands of pages (Tests/bench/README.md). Symbolic
/// links are removed, never followed.
package enum TreeRemover {
    package static func remove(_ url: URL) throws {
        if let problem = removeTree(at: AT_FDCWD, name: url.path) {
            throw SiteWriter.WriteError.io("could not remove \(url.path): \(problem)")
        }
    }

    /// Removes `name` (relative to the open folder `parent`); returns a problem, or nil.
    private static func removeTree(at parent: Int32, name: String) -> String? {
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else {
            // Not a folder (or a link to one): remove it as a file.
            return unlinkat(parent, name, 0) == 0 || errno == ENOENT ? nil : String(cString: strerror(errno))
        }
        guard let stream = fdopendir(folder) else {
            close(folder)
            return String(cString: strerror(errno))
        }
        var problem: String?
        var subfolders: [String] = []
        while let entry = readdir(stream) {
            let child = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if child == "." || child == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) {
                subfolders.append(child)
            } else if unlinkat(folder, child, 0) != 0 && errno != ENOENT {
                if errno == EISDIR { subfolders.append(child) } else { problem = String(cString: strerror(errno)) }
            }
        }
        for child in subfolders {
            if let failed = removeTree(at: folder, name: child) { problem = failed }
        }
        closedir(stream)
        if unlinkat(parent, name, AT_REMOVEDIR) != 0 && errno != ENOENT { problem = String(cString: strerror(errno)) }
        return problem
    }
}
