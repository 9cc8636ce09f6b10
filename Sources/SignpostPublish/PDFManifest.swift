import Foundation
import SignpostModel

/// What the last build into an output folder made each of its PDFs from: a PDF whose page,
/// files and engine are unchanged is copied from the last build instead of being made again
/// (laying out a handout takes seconds; building every page, a fraction). It is build state,
/// kept beside the content folder (`.signpost/pdfs-<output>.json`), never in the site: a host
/// would serve it to anyone. It is saved only once the site it describes is in place.
package struct PDFManifest: Codable, Equatable {

    package struct Entry: Codable, Equatable {
        /// The fingerprint of the page and every file of the site it uses.
        var source: String
        /// The identity of the engine that made it.
        var engine: String
        var bytes: Int
        var pages: Int
    }

    var version = 1
    /// By the PDF's path inside the site.
    package var documents: [String: Entry] = [:]

    package init() {}

    package static func stateFile(content: URL, output: URL) -> URL {
        BuildStateFile.url("pdfs", content: content, output: output)
    }

    /// The record of the last build into `output` from `content`; empty when there is none.
    package static func read(content: URL, output: URL) -> PDFManifest {
        guard let data = try? Data(contentsOf: stateFile(content: content, output: output)),
              let manifest = try? JSONDecoder().decode(PDFManifest.self, from: data), manifest.version == 1 else { return PDFManifest() }
        return manifest
    }

    /// Saves the record; one that cannot be saved is a warning, not a failed build (the next
    /// build makes every PDF again).
    package func save(content: URL, output: URL, log: DiagnosticLog) {
        do { try save(content: content, output: output) } catch {
            log.warning(output.lastPathComponent, "could not record which PDFs were made, so every PDF will be made again next time: \(error.localizedDescription)")
        }
    }

    /// A build that made no PDFs and had no record leaves none.
    package func save(content: URL, output: URL) throws {
        let file = PDFManifest.stateFile(content: content, output: output)
        guard !documents.isEmpty || FileManager.default.fileExists(atPath: file.path) else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try BuildStateFile.save(encoder.encode(self) + Data("\n".utf8), to: file)
    }
}

/// Fingerprints of the pages PDFs are made from: the page's bytes, then each file of the site
/// it refers to (`href`, `src`) and every file in `assets/` (stylesheets can refer to more),
/// in a fixed order. Files shared by many pages are read once.
struct PDFSourceHasher {
    let root: URL
    private var files: [String: String] = [:]
    private let shared: [String]

    init(root: URL) {
        let root = root.standardizedFileURL
        self.root = root
        let found = FileManager.default.enumerator(at: root.appendingPathComponent("assets"), includingPropertiesForKeys: nil)?
            .compactMap { ($0 as? URL)?.standardizedFileURL.path } ?? []
        shared = found.filter { Self.isFile($0) && $0.hasPrefix(root.path + "/") }.map { String($0.dropFirst(root.path.count + 1)) }.sorted()
    }

    /// Nil when the page was not written.
    mutating func fingerprint(page: String) -> String? {
        guard let html = FileManager.default.contents(atPath: root.appendingPathComponent(page).path) else { return nil }
        var fingerprint = SourceFingerprint()
        fingerprint.add(html)
        let folder = root.appendingPathComponent(page).deletingLastPathComponent()
        var used = Set(shared)
        for reference in Set(Self.references(in: html)) {
            let path = folder.appendingPathComponent(reference).standardizedFileURL.path
            guard path.hasPrefix(root.path + "/"), !path.hasSuffix(".html"), Self.isFile(path) else { continue }
            used.insert(String(path.dropFirst(root.path.count + 1)))
        }
        for file in used.sorted() {
            fingerprint.add(file)
            fingerprint.add(hash(of: file))
        }
        return fingerprint.hex
    }

    private mutating func hash(of file: String) -> String {
        if let known = files[file] { return known }
        let hash = SourceFingerprint.of(FileManager.default.contents(atPath: root.appendingPathComponent(file).path) ?? Data())
        files[file] = hash
        return hash
    }

    /// The relative addresses in `href="…"` and `src="…"` (pages are written by our own
    /// templates, which always quote attributes with `"`); query and fragment dropped. Read as
    /// bytes: a whole offer holds thousands of links, and searching a `Substring` with
    /// Foundation copies the rest of the page on every search.
    static func references(in html: Data) -> [String] {
        let bytes = [UInt8](html)
        var result: [String] = []
        for marker in [Array(#" href=""#.utf8), Array(#" src=""#.utf8)] {
            var from = 0
            while let found = bytes.firstRange(of: marker, from: from) {
                guard let end = bytes[found.upperBound...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                from = end
                var value = bytes[found.upperBound..<end]
                if let cut = value.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) { value = value[..<cut] }
                guard !value.isEmpty, value.first != UInt8(ascii: "/"), !value.contains(UInt8(ascii: ":")),
                      let decoded = String(decoding: value, as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&").removingPercentEncoding
                else { continue }
                result.append(decoded)
            }
        }
        return result
    }

    static func isFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
    }
}
