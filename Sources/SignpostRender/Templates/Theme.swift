import Foundation
import Mustache
import SignpostLoad
import SignpostModel

/// A theme folder: Mustache templates (compiled once) and static assets.
public struct Theme: Sendable {
    public let root: URL
    public let library: MustacheLibrary
    public let templates: [String: String]
    public let assets: [String]
    /// Every template and asset is read through here (no links, no pipes, size limits).
    public let gate: FileGate

    /// Never the path that was just rejected: run from the wrong folder, `Themes/default` is
    /// right but is looked for in the wrong place.
    static func missingTemplatesHint(_ given: String) -> String {
        var path = Substring(given)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        while path.hasSuffix("/") { path = path.dropLast() }
        return path == "Themes/default"
            ? "run signpost from the folder that holds Content/ and Themes/, or give --theme the whole path of a theme folder"
            : "use --theme Themes/default, the theme that comes with Signpost"
    }

    public static let requiredTemplates = ["index", "school", "level", "topic", "entry", "page", "handout", "accessibility", "404"]

    public init?(root: URL, displayRoot: String, log: DiagnosticLog) {
        self.root = root.standardizedFileURL
        let gate = FileGate(root: root, displayRoot: displayRoot, place: "the theme folder")
        let names: [String]
        switch gate.list("templates") {
        case let .success(entries): names = entries.map(\.name)
        case .failure(.missing), .failure(.notFolder):
            log.error(displayRoot, "the theme folder \(displayRoot) has no templates/ folder", suggestion: Theme.missingTemplatesHint(displayRoot))
            return nil
        case let .failure(refusal):
            gate.report(refusal, "templates", log: log)
            return nil
        }
        var templates: [String: String] = [:]
        for name in names where name.hasSuffix(".mustache") {
            guard let data = gate.read("templates/\(name)", kind: .template, log: log) else { continue }
            guard let text = String(validating: data, as: UTF8.self) else {
                log.error("\(displayRoot)/templates/\(name)", "cannot read this template as UTF-8 text")
                continue
            }
            templates[String(name.dropLast(".mustache".count))] = text
        }
        for required in Theme.requiredTemplates where templates[required] == nil {
            log.error("\(displayRoot)/templates", "the theme has no \(required).mustache template")
        }
        let assets = Theme.listAssets(gate, log: log)
        guard TemplateChecker.check(templates, displayRoot: "\(displayRoot)/templates", log: log),
              let library = Theme.compile(templates, displayRoot: "\(displayRoot)/templates", log: log) else { return nil }
        self.templates = templates
        self.library = library
        self.assets = assets
        self.gate = gate
    }

    /// Every template starts by choosing Signpost's HTML escaping (see `HTML.escape`). The pragma
    /// goes on the template's first line, so line numbers in swift-mustache's messages stay right.
    static let escapingPragma = "{{% CONTENT_TYPE: \(HTML.contentTypeName) }}"

    static func compile(_ templates: [String: String], displayRoot: String, log: DiagnosticLog) -> MustacheLibrary? {
        HTML.registerContentType
        var library = MustacheLibrary()
        var ok = true
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(escapingPragma + text, named: name)
            } catch {
                ok = false
                log.error("\(displayRoot)/\(name).mustache", "this template has a mistake: \(error)")
            }
        }
        return ok ? library : nil
    }

    /// Every regular file under `assets/`, by path inside it. A link is refused, not followed.
    static func listAssets(_ gate: FileGate, log: DiagnosticLog, folder: String = "assets") -> [String] {
        guard case let .success(entries) = gate.list(folder) else { return [] }
        var files: [String] = []
        for entry in entries {
            let path = "\(folder)/\(entry.name)"
            switch entry.type {
            case .file:
                if let refusal = gate.check(path, kind: .asset) { gate.report(refusal, path, log: log) }
                else { files.append(String(path.dropFirst("assets/".count))) }
            case .folder: files += listAssets(gate, log: log, folder: path)
            case .link: gate.report(.link(isFolder: false), path, log: log)
            case let .other(what): gate.report(.notRegular(what), path, log: log)
            }
        }
        return files.sorted()
    }
}
