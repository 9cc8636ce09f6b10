import Foundation
import Glibc
import ZIPFoundation

/// One school's site on its own (`build --school`), as a zip to upload to a host or to a
/// school website's file manager that unpacks zips. Its files are at the top of the zip, so
/// unpacking it into the web folder puts `index.html` where the school's address leads.
///
/// The same folder gives the same bytes: the files go in sorted by path, each with one fixed
/// date and the same permissions, so an unchanged offer gives an unchanged zip.
public enum SchoolZip {
    /// `westlands-first-early-help-offer.zip`.
    public static func fileName(school: String) -> String { "\(school)-early-help-offer.zip" }

    /// 1 January 1980, the first date a zip can hold: no build date goes into the zip.
    static let date = Date(timeIntervalSince1970: 315_532_800)

    /// Every file of the folder, as a path inside it, sorted; the build's own records (files
    /// and folders whose names start with a dot) are left out, as they are not the site.
    public static func files(in folder: URL) throws -> [String] {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue,
              let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                        options: [.skipsHiddenFiles]) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
        }
        var paths: [String] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in walk where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(prefix) else { continue }
            paths.append(String(path.dropFirst(prefix.count)))
        }
        return paths.sorted()
    }

    /// Writes the zip of `folder` to `zip`: first beside it, then moved into place, so a zip
    /// that could not be written leaves the one before it as it was.
    public static func write(folder: URL, to zip: URL) throws {
        let partial = zip.deletingLastPathComponent().appendingPathComponent("." + zip.lastPathComponent + ".partial")
        try? FileManager.default.removeItem(at: partial)
        defer { try? FileManager.default.removeItem(at: partial) }
        let archive = try Archive(url: partial, accessMode: .create)
        for path in try files(in: folder) {
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        // One step that replaces the old zip, if any (rename(2)).
        guard rename(partial.path, zip.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: zip.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
        }
    }
}
