import Foundation
import SignpostModel

/// Decides whether a build may replace the folder named by `--output`. A build replaces the
/// whole folder, so it may only be a folder Signpost made (it holds `SiteLayout.markerName`),
/// an empty one, or one that does not exist yet. Anything else, such as `--output Sources`
/// or `--output .git`, is refused: it may hold someone's work.
enum OutputGuard {
    /// Throws when `output` exists and may not be replaced. Symbolic links are followed: a
    /// `Site` that links elsewhere is judged by the folder it leads to.
    static func checkReplaceable(_ output: URL, shown: String) throws {
        let path = output.resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw SiteWriter.WriteError.unsafeOutput("refusing to write the site into \(shown): it is a file, not a folder; choose a new folder for --output, such as Site")
        }
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw SiteWriter.WriteError.unsafeOutput("cannot look inside \(shown) to check that it is a site Signpost made: \(error.localizedDescription)")
        }
        if entries.isEmpty || isRegularFile(path + "/" + SiteLayout.markerName) || looksLikeUnmarkedSite(path, entries: entries) { return }
        throw SiteWriter.WriteError.unsafeOutput("refusing to replace \(shown): the folder is not empty and Signpost did not make it (it has no \(SiteLayout.markerName) file), so building would delete what is in it — choose an empty or new folder for --output, or delete \(shown) yourself if you are sure nothing in it is needed")
    }

    /// A site written by a Signpost from before the marker existed, recognised by its exact
    /// shape: the site-wide pages, and nothing else at the root but school folders, each with
    /// a home page and a handout. Hidden entries (`.git`, `.htaccess`) or any other file mean
    /// someone else keeps things there, and the folder is refused. The first build writes the
    /// marker, so this is only ever needed once.
    static func looksLikeUnmarkedSite(_ path: String, entries: [String]) -> Bool {
        guard isRegularFile(path + "/index.html"), isRegularFile(path + "/404.html"),
              isRegularFile(path + "/accessibility/index.html"), isDirectory(path + "/assets") else { return false }
        return entries.allSatisfy { name in
            if SiteLayout.siteWide.contains(name) { return true }
            return Slug.isValid(name) && isRegularFile("\(path)/\(name)/index.html") && isRegularFile("\(path)/\(name)/handout/index.html")
        }
    }

    /// Not following a final symbolic link: a link named like the marker does not count.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
