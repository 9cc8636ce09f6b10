import Foundation
import Mustache

/// A theme folder: Mustache templates (compiled once) and static assets.
public struct Theme: Sendable {
    public let root: URL
    public let library: MustacheLibrary
    public let templates: [String: String]
    public let assets: [String]
    /// The templates as checked, which each school's own templates are checked against.
    public let checked: ThemeTemplateFacts

    public static let requiredTemplates = ["index", "school", "level", "topic", "entry", "page", "handout", "accessibility", "404"]

    public init?(root: URL, displayRoot: String, log: DiagnosticLog) {
        self.root = root.standardizedFileURL
        let templateFolder = root.appendingPathComponent("templates")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: templateFolder.path) else {
            log.error(displayRoot, "the theme folder \(displayRoot) has no templates/ folder", suggestion: "use --theme Themes/default")
            return nil
        }
        var templates: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let url = templateFolder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                log.error("\(displayRoot)/templates/\(name)", "cannot read this template as UTF-8 text")
                continue
            }
            templates[String(name.dropLast(".mustache".count))] = text
        }
        for required in Theme.requiredTemplates where templates[required] == nil {
            log.error("\(displayRoot)/templates", "the theme has no \(required).mustache template")
        }
        let assets = Theme.listAssets(root.appendingPathComponent("assets"))
        guard let checked = TemplateChecker.theme(templates, displayRoot: "\(displayRoot)/templates", assets: assets, log: log),
              let library = Theme.compile(templates, displayRoot: "\(displayRoot)/templates", log: log) else { return nil }
        self.templates = templates
        self.library = library
        self.assets = assets
        self.checked = checked
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

    /// The theme with some templates replaced (a school's own `templates/` folder).
    public func overriding(_ replacements: [String: String], displayRoot: String, log: DiagnosticLog) -> MustacheLibrary? {
        guard !replacements.isEmpty else { return library }
        guard TemplateChecker.school(replacements, theme: checked, displayRoot: displayRoot, log: log) else { return nil }
        return Theme.compile(templates.merging(replacements) { $1 }, displayRoot: displayRoot, log: log)
    }

    static func listAssets(_ folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = folder.standardizedFileURL.path
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            files.append(String(path.dropFirst(base.count + 1)))
        }
        return files.sorted()
    }
}
