import Foundation

/// Maps a request path to a file inside the built site, and to nothing else: `..`,
/// encoded `%2e%2e`, NUL bytes and symlinks that lead outside the site are refused.
public struct SiteFileResolver: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL.resolvingSymlinksInPath() }

    /// `rawPath` is the path as it came in the request line (still percent-encoded).
    public func file(for rawPath: String) -> URL? {
        let pathOnly = rawPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard let decoded = pathOnly.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        var parts: [String] = []
        for part in decoded.split(separator: "/") {
            if part == "." { continue }
            if part == ".." || part.hasPrefix(".") { return nil } // no parent paths, no hidden files
            parts.append(String(part))
        }
        var url = root
        for part in parts { url.appendPathComponent(part) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        let real = url.resolvingSymlinksInPath().standardizedFileURL
        guard real.path.hasPrefix(root.path + "/"), FileManager.default.isReadableFile(atPath: real.path),
              FileManager.default.fileExists(atPath: real.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return real
    }

    public static func contentType(for url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "xml": return "application/xml"
        case "json": return "application/json"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
