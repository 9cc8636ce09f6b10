import Foundation

/// How to start the program that turns pages into PDFs: one process renders many documents,
/// speaking the line protocol described in `WeasyPrintDriver`.
public struct PDFEngine: Sendable, Hashable {
    /// For messages: "WeasyPrint".
    public var name: String
    public var executable: String
    public var arguments: [String]
    /// Everything that decides what the engine writes (its pinned versions, the driver, the
    /// fonts): a PDF made by an engine with another identity is made again.
    public var identity: String

    public init(name: String, executable: String, arguments: [String], identity: String) {
        self.name = name
        self.executable = executable
        self.arguments = arguments
        self.identity = identity
    }
}

extension PDFEngine {
    /// Where `make site` installs WeasyPrint and what it imports (`pip --target`), relative to
    /// the project. `make site` also writes, inside it, `.pins` (the pinned versions it
    /// installed) and `.python` (the interpreter they were installed for).
    public static let installFolder = ".build-pdf/weasyprint"

    /// Debian's `fonts-liberation` and `fonts-dejavu-core`: the only fonts the engine sees.
    static let fontFolders = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu"]
    static let fontFamilies = [
        "sans-serif": ["Liberation Sans", "DejaVu Sans"],
        "serif": ["Liberation Serif", "DejaVu Serif"],
        "monospace": ["Liberation Mono", "DejaVu Sans Mono"],
    ]

    /// WeasyPrint as `make site` installs it: `SIGNPOST_WEASYPRINT` (a folder laid out like
    /// `installFolder`) if set, else `installFolder` in the current folder or in a folder above
    /// the running program (so `.build/release/signpost` finds the project's own from anywhere).
    /// Nil when it is not installed.
    public static func weasyPrint(environment: [String: String] = ProcessInfo.processInfo.environment,
                                  currentFolder: String = FileManager.default.currentDirectoryPath,
                                  program: String = CommandLine.arguments.first ?? "") -> PDFEngine? {
        var candidates: [String] = []
        if let given = environment["SIGNPOST_WEASYPRINT"], !given.isEmpty {
            candidates = [given]
        } else {
            candidates.append(currentFolder + "/" + installFolder)
            var folder = URL(fileURLWithPath: program, relativeTo: URL(fileURLWithPath: currentFolder))
                .standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent()
            while folder.path != "/" && !folder.path.isEmpty {
                candidates.append(folder.path + "/" + installFolder)
                folder.deleteLastPathComponent()
            }
        }
        for folder in candidates {
            if let engine = weasyPrint(installedIn: folder) { return engine }
        }
        return nil
    }

    /// WeasyPrint installed in `folder`, if `make site` finished installing it there.
    public static func weasyPrint(installedIn folder: String) -> PDFEngine? {
        let fm = FileManager.default
        let folder = URL(fileURLWithPath: folder).standardizedFileURL.path
        guard fm.fileExists(atPath: folder + "/weasyprint/__init__.py"),
              let pins = try? String(contentsOfFile: folder + "/.pins", encoding: .utf8) else { return nil }
        let recorded = (try? String(contentsOfFile: folder + "/.python", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let python = recorded.flatMap { fm.isExecutableFile(atPath: $0) ? $0 : nil } ?? "/usr/bin/env"
        let settings: [String: Any] = ["path": folder, "fonts": fontFolders, "families": fontFamilies]
        guard let data = try? JSONSerialization.data(withJSONObject: settings, options: [.sortedKeys]) else { return nil }
        let config = String(decoding: data, as: UTF8.self)
        // -I: isolated from the user's and the environment's Python settings and packages.
        let arguments = (python == "/usr/bin/env" ? ["python3"] : []) + ["-I", "-c", WeasyPrintDriver.source, config]
        // Readable where it helps ("weasyprint==70.0"), a fingerprint for the rest.
        let pinned = pins.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? "WeasyPrint"
        let identity = pinned + " " + SourceFingerprint.of(Data((pins + WeasyPrintDriver.source + fontFolders.joined(separator: " ")).utf8))
        return PDFEngine(name: "WeasyPrint", executable: python, arguments: arguments, identity: identity)
    }
}
