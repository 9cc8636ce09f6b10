import SignpostModel
import SignpostLoad

/// Checks the theme's templates before swift-mustache compiles them. The theme is code the
/// county owns, so this is light: swift-mustache's parser and renderer recurse without limit,
/// so a template that includes itself, or nests thousands of sections, would end the process;
/// those are errors. A name a template cannot see, or an include of no template, would show
/// nothing; those are warnings with "did you mean", for whoever edits the theme.
enum TemplateChecker {
    /// Far above any real template, far below what a large template costs to render on every page.
    static let maxBytes = FileGate.Kind.template.limit
    /// Sections, blocks and includes inside each other, counted through included templates.
    /// Rendering takes stack for each level, and pages are rendered on worker threads.
    static let maxDepth = 100

    /// The theme's templates (name → text), `displayRoot` naming their folder in messages.
    /// False when swift-mustache must not see them.
    static func check(_ texts: [String: String], displayRoot: String, log: DiagnosticLog) -> Bool {
        var tags: [String: [TemplateTag]] = [:]
        var ok = true
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let file = "\(displayRoot)/\(name).mustache"
            let bytes = text.utf8.count
            guard bytes <= maxBytes else {
                log.error(file, "this template is \(bytes / 1024) KB; a template may be at most \(maxBytes / 1024) KB",
                          suggestion: "remove what the pages do not need, or split it into smaller templates")
                ok = false
                continue
            }
            let read = TemplateTags.read(text)
            for tag in read where tag.kind == .dynamic {
                log.error(file, line: tag.line, column: tag.column, "\(tag.written) takes the name of the template to include from a value, so Signpost cannot check what it includes",
                          suggestion: "name the template itself, e.g. {{> footer}}")
                ok = false
            }
            tags[name] = read
        }
        for (name, read) in tags.sorted(by: { $0.key < $1.key }) {
            for tag in read where tag.includes && texts[tag.name] == nil {
                log.warning("\(displayRoot)/\(name).mustache", line: tag.line, column: tag.column,
                            "\(tag.written) names no template of the theme, so it shows nothing",
                            suggestion: didYouMean(tag.name, in: texts.keys))
            }
        }
        guard ok, noCircles(tags, displayRoot: displayRoot, log: log), notTooDeep(tags, displayRoot: displayRoot, log: log) else { return false }
        checkNames(tags, displayRoot: displayRoot, log: log)
        return true
    }

    static func didYouMean(_ name: String, in names: some Collection<String>) -> String {
        let list = "the templates are " + names.sorted().joined(separator: ", ")
        guard let guess = Suggestion.nearest(to: name, in: names) else { return list }
        return "did you mean {{> \(guess)}}? (\(list))"
    }

    /// A template that includes itself, directly or through others, is an error at the include
    /// that closes the circle.
    static func noCircles(_ tags: [String: [TemplateTag]], displayRoot: String, log: DiagnosticLog) -> Bool {
        var done: Set<String> = []
        var ok = true
        // Depth-first without recursion: each entry is a template and the next tag to follow.
        for root in tags.keys.sorted() where !done.contains(root) {
            var path: [(name: String, next: Int)] = [(root, 0)]
            while let top = path.last {
                let read = tags[top.name]!
                guard let index = read[top.next...].firstIndex(where: { $0.includes && tags[$0.name] != nil }) else {
                    done.insert(top.name)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next = index + 1
                let tag = read[index]
                if let start = path.firstIndex(where: { $0.name == tag.name }) {
                    ok = false
                    let circle = path[start...].map(\.name) + [tag.name]
                    let written = tag.written
                    log.error("\(displayRoot)/\(top.name).mustache", line: tag.line, column: tag.column,
                              circle.count == 2 ? "\(top.name).mustache includes itself through \(written) on line \(tag.line); a template cannot include itself"
                                  : "\(top.name).mustache includes itself in a circle through \(written) on line \(tag.line): \(circle.joined(separator: " → ")); templates cannot include each other in a circle",
                              suggestion: circle.count == 2 ? "remove \(written)" : "remove \(written), or the include that leads back to \(top.name)")
                } else if !done.contains(tag.name) {
                    path.append((tag.name, 0))
                }
            }
        }
        return ok
    }

    /// How deep each template nests sections, blocks and includes, the templates it includes
    /// counted in (a block replaced inside `{{< parent}}` as deep as the parent goes). Only
    /// called once there is no circle, so the recursion is as deep as the chain of includes.
    static func notTooDeep(_ tags: [String: [TemplateTag]], displayRoot: String, log: DiagnosticLog) -> Bool {
        var known: [String: Int] = [:]
        func depth(_ name: String) -> Int {
            if let depth = known[name] { return depth }
            var deepest = 0
            // What each open section, block or parent adds to the tags inside it: a parent, its own depth.
            var open: [Int] = []
            for tag in tags[name]! {
                let offset = open.reduce(0, +)
                var reach = tag.depth + offset + (tag.opens ? 1 : 0)
                if tag.includes, tags[tag.name] != nil { reach = tag.depth + offset + 1 + depth(tag.name) }
                deepest = max(deepest, reach)
                if tag.opens { open.append(tag.kind == .parent && tags[tag.name] != nil ? depth(tag.name) : 0) }
                if tag.kind == .close, !open.isEmpty { open.removeLast() }
            }
            known[name] = deepest
            return deepest
        }
        var ok = true
        for (name, read) in tags.sorted(by: { $0.key < $1.key }) {
            // A template's own nesting is reported where it goes too deep, before anything is followed.
            if let deep = read.first(where: { $0.depth >= maxDepth }) {
                ok = false
                log.error("\(displayRoot)/\(name).mustache", line: deep.line, column: deep.column, "sections and blocks nest more than \(maxDepth) deep here",
                          suggestion: "close some sections before opening others; no page needs them this deep")
            }
        }
        guard ok else { return false }
        for name in tags.keys.sorted() where depth(name) > maxDepth {
            ok = false
            log.error("\(displayRoot)/\(name).mustache",
                      "with the templates it includes, \(name).mustache nests sections, blocks and includes more than \(maxDepth) deep",
                      suggestion: "include fewer templates inside each other, or close some sections first")
        }
        return ok
    }

    /// What swift-mustache can do to a value (`{{uppercased(name)}}`, `{{#first()}}`).
    static let transforms: Set<String> = ["capitalized", "count", "empty", "enumerated", "equalzero", "even", "first", "index",
                                          "last", "lowercased", "minusone", "odd", "plusone", "reversed", "sorted", "uppercased"]

    /// A name no value of the template has shows nothing: a warning with the nearest name it has.
    static func checkNames(_ tags: [String: [TemplateTag]], displayRoot: String, log: DiagnosticLog) {
        let schema = TemplateSchema(includes: tags.mapValues { Set($0.filter(\.includes).map(\.name)) })
        for (name, read) in tags.sorted(by: { $0.key < $1.key }) {
            guard let visible = schema.names(visibleIn: name) else { continue }
            for tag in read {
                for part in TemplateTags.valueNames(tag) where !visible.contains(part) && !transforms.contains(part) {
                    let guess = Suggestion.nearest(to: part, in: visible).map { "did you mean \($0)?" }
                    log.warning("\(displayRoot)/\(name).mustache", line: tag.line, column: tag.column,
                                "\(tag.written) shows nothing: \(name).mustache has no value called \"\(part)\"",
                                suggestion: guess ?? "the names it can use are listed in Sources/SignpostRender/Templates/TemplateKeys.swift")
                }
            }
        }
    }
}
