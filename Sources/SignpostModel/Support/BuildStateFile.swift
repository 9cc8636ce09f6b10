import Foundation

/// Where Signpost keeps what it must remember between runs: `.signpost/` beside the content
/// folder, never in a site. What a build remembers about an output folder is one file per kind
/// and output folder (named by a hash of the output's path), so builds into different
/// `--output` folders keep their own; `check --links` keeps one file for the project.
package enum BuildStateFile {
    package static func folder(content: URL) -> URL {
        content.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".signpost", isDirectory: true)
    }

    /// `.signpost/<kind>-<hash of output>.json`
    package static func url(_ kind: String, content: URL, output: URL) -> URL {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in output.standardizedFileURL.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let name = String(hash, radix: 16)
        return folder(content: content).appendingPathComponent("\(kind)-\(String(repeating: "0", count: 16 - name.count) + name).json")
    }

    /// Written whole or not at all.
    package static func save(_ data: Data, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file, options: .atomic)
    }
}
