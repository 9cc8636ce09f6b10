import Foundation
import Glibc
import SignpostModel
#if canImport(Glibc)
#endif

/// A school's folder in the live site, kept as it is: its pages, logo and PDFs are copied into
/// the new build when the school's own files have errors (`SchoolIsolation`). Only real files
/// and folders are taken, never a link; each file goes through `SiteWriter.write`, which
/// refuses a second write to one path, so a kept school can never also have been planned.
package enum KeptFolder {
    /// Whether `id` can name a kept folder: a school folder name, never a site-wide one.
    package static func canKeep(_ id: String) -> Bool {
        Slug.isValid(id) && !SiteLayout.reservedSchoolNames.contains(id)
    }

    /// The files of the school's folder in `site` (paths inside the site), or nil when the site
    /// has no such folder (the school was never published).
    package static func files(of id: String, in site: URL) -> [String]? {
        guard canKeep(id), isFolder(site.appendingPathComponent(id).path) else { return nil }
        var found: [String] = []
        collect(id, in: site, into: &found)
        return found.sorted()
    }

    /// The pages among `files`.
    package static func pages(_ files: [String]) -> [String] { files.filter { $0.hasSuffix(".html") } }

    /// Copies the school's files from `site` into `staging`.
    package static func copy(_ files: [String], from site: URL, to staging: URL) throws {
        for file in files {
            let data: Data
            do { data = try Data(contentsOf: site.appendingPathComponent(file)) } catch {
                throw SiteWriter.WriteError.io("could not keep \(file) from the last published site: \(error.localizedDescription)")
            }
            try SiteWriter.write(data, to: file, in: staging)
        }
    }

    private static func collect(_ relative: String, in site: URL, into found: inout [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent(relative).path) else { return }
        for name in names {
            let path = relative + "/" + name
            var info = stat()
            guard lstat(site.appendingPathComponent(path).path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: collect(path, in: site, into: &found)
            case S_IFREG: if (try? SiteWriter.validate(relativePath: path)) != nil { found.append(path) }
            default: continue
            }
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
