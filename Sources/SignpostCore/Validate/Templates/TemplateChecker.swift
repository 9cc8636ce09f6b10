/// What the theme's templates are, once checked: each school's own templates are checked
/// against it (the names they may replace, the values they may put where).
public struct ThemeTemplateFacts: Sendable {
    typealias Site = (template: String, file: String, line: Int)
    var templates: [String: CheckedTemplate]
    var vocabulary: TemplateVocabulary
    /// Templates the theme includes somewhere other than between tags, and where.
    var includedInsideTags: [String: [Site]]
    /// Blocks (`{{$name}}`) the theme places somewhere other than between tags, and where.
    var blocksInsideTags: [String: [Site]]

    /// The names a school's `templates/` folder may use.
    public var names: [String] { templates.keys.sorted() }
}

/// Checks templates before swift-mustache compiles them: its parser and renderer recurse
/// without limit, so a template that includes itself or nests 50,000 sections would end the
/// process. The theme's templates are checked for that alone (the theme is trusted code); a
/// school's own templates are also held to the school-template policy (see README, "Changing
/// how the site looks"): they may do what the theme does, and nothing that could run a script
/// or load from another website.
enum TemplateChecker {
    /// Far above any real template, far below what a large template costs to render on every page.
    static let maxBytes = FileGate.Kind.template.limit
    /// Sections, blocks and includes inside each other, counted through included templates.
    /// Rendering takes stack for each level, and pages are rendered on worker threads.
    static let maxDepth = 100
    /// Messages reported for one template before the rest are only counted.
    static let maxProblems = 50

    /// Size, syntax and nesting: what must hold before the template's tags can be trusted.
    static func read(_ name: String, _ text: String, file: String, fromSchool: Bool, log: DiagnosticLog) -> CheckedTemplate? {
        let bytes = text.utf8.count
        if bytes > maxBytes {
            log.error(file, "this template is \(bytes / 1024) KB; a template may be at most \(maxBytes / 1024) KB",
                      suggestion: "remove what the pages do not need, or split it into smaller templates")
            return nil
        }
        let tags: [MustacheTag]
        switch MustacheTags.parse(text) {
        case let .success(read): tags = read
        case let .failure(error):
            log.error(file, line: error.line, column: error.column, "this template has a mistake: \(error.message)")
            return nil
        }
        if let deep = tags.first(where: { $0.depth >= maxDepth }) {
            log.error(file, line: deep.line, column: deep.column, "sections and blocks nest more than \(maxDepth) deep here",
                      suggestion: "close some sections before opening others; no page needs them this deep")
            return nil
        }
        var ok = true
        for tag in tags where tag.isDynamic {
            ok = false
            log.error(file, line: tag.line, column: tag.column, "\(tag.written) takes the name of the template to include from a value, so Signpost cannot check what it includes",
                      suggestion: "name the template itself, e.g. {{> footer}}")
        }
        return ok ? CheckedTemplate(name: name, file: file, text: text, tags: tags, fromSchool: fromSchool) : nil
    }

    /// The theme's templates: readable, no include circles, not too deep. Nil when any is not.
    static func theme(_ texts: [String: String], displayRoot: String, assets: [String], log: DiagnosticLog) -> ThemeTemplateFacts? {
        var templates: [String: CheckedTemplate] = [:]
        var ok = true
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            if let read = read(name, text, file: "\(displayRoot)/\(name).mustache", fromSchool: false, log: log) { templates[name] = read } else { ok = false }
        }
        for template in templates.values.sorted(by: { $0.name < $1.name }) {
            for tag in template.tags where tag.includes && texts[tag.name] == nil {
                log.warning(template.file, line: tag.line, column: tag.column, "\(tag.written) names no template of the theme, so it shows nothing",
                            suggestion: didYouMean(tag.name, in: texts.keys))
            }
        }
        guard ok, checkIncludes(templates, log: log) else { return nil }
        // The theme is trusted code: a name it cannot see is a warning, for whoever edits it.
        let scopes = TemplateScope.of(templates)
        for template in templates.values.sorted(by: { $0.name < $1.name }) {
            guard let scope = scopes[template.name] else { continue }
            for finding in TemplateNames.check(template, from: scope) {
                let tag = template.tags[finding.tag]
                log.warning(template.file, line: tag.line, column: tag.column, finding.message, suggestion: finding.suggestion)
            }
        }
        let overridden = Set(templates.values.flatMap { $0.tags.filter { $0.kind == .blockOverride }.map(\.name) })
        var vocabulary = TemplateVocabulary()
        vocabulary.assets = Set(assets)
        var included: [String: [ThemeTemplateFacts.Site]] = [:]
        var blocks: [String: [ThemeTemplateFacts.Site]] = [:]
        for template in templates.values {
            var scanner = TemplateHTMLScanner(template: template, enforce: false, overriddenBlocks: overridden)
            scanner.scan()
            vocabulary.merge(scanner.recorded)
            for site in scanner.includeSites where !site.inText { included[site.name, default: []].append((template.name, template.file, site.line)) }
            for site in scanner.blockSites where !site.inText { blocks[site.name, default: []].append((template.name, template.file, site.line)) }
        }
        return ThemeTemplateFacts(templates: templates, vocabulary: vocabulary, includedInsideTags: included,
                                  blocksInsideTags: blocks)
    }

    /// A school's own templates (name → text), against the theme. False when any breaks a rule.
    static func school(_ replacements: [String: String], theme: ThemeTemplateFacts, displayRoot: String, log: DiagnosticLog) -> Bool {
        let local = DiagnosticLog()
        checkSchool(replacements, theme: theme, displayRoot: displayRoot, log: local)
        local.all.forEach(log.add)
        return !local.hasErrors
    }

    static func checkSchool(_ replacements: [String: String], theme: ThemeTemplateFacts, displayRoot: String, log: DiagnosticLog) {
        var own: [String: CheckedTemplate] = [:]
        var readable = true
        for (name, text) in replacements.sorted(by: { $0.key < $1.key }) {
            let file = "\(displayRoot)/\(name).mustache"
            guard theme.templates[name] != nil else {
                let guess = Suggestion.nearest(to: name, in: theme.names).map { "did you mean \($0).mustache? " } ?? ""
                log.error(file, "\(name).mustache does not replace any of the theme's templates, so it is not used",
                          suggestion: guess + "A school can replace: " + theme.names.map { "\($0).mustache" }.joined(separator: ", "))
                continue
            }
            if let read = read(name, text, file: file, fromSchool: true, log: log) { own[name] = read } else { readable = false }
        }
        let merged = theme.templates.merging(own) { $1 }
        var overridden = Set(own.values.flatMap { $0.tags.filter { $0.kind == .blockOverride }.map(\.name) })
        for template in theme.templates.values where own[template.name] == nil {
            overridden.formUnion(template.tags.filter { $0.kind == .blockOverride }.map(\.name))
        }
        var blocksInsideTags = theme.blocksInsideTags.mapValues { $0.filter { own[$0.template] == nil } }
        let scopes = TemplateScope.of(merged)
        for template in own.values.sorted(by: { $0.name < $1.name }) {
            let found = DiagnosticLog()
            checkTags(template, theme: theme, scope: scopes[template.name], log: found)
            var scanner = TemplateHTMLScanner(template: template, enforce: true, vocabulary: theme.vocabulary, overriddenBlocks: overridden)
            scanner.scan()
            for problem in scanner.problems {
                found.error(template.file, line: problem.line, problem.message, suggestion: problem.suggestion)
            }
            // A template full of the same mistake gets its first few messages and a count, not thousands of lines.
            let all = found.all
            all.prefix(maxProblems).forEach(log.add)
            if all.count > maxProblems {
                log.error(template.file, line: all[maxProblems].line, "and \(all.count - maxProblems) more problems like these in this template",
                          suggestion: "fix the ones above, then run signpost check again")
            }
            for site in scanner.blockSites where !site.inText {
                blocksInsideTags[site.name, default: []].append((template.name, template.file, site.line))
            }
            for site in (theme.includedInsideTags[template.name] ?? []) where own[site.template] == nil {
                log.error(template.file, "\(site.file) includes \(template.name).mustache inside an HTML tag (line \(site.line)), so a school's template cannot replace it",
                          suggestion: "remove \(template.name).mustache from the school's templates/ folder")
            }
        }
        for template in own.values.sorted(by: { $0.name < $1.name }) {
            for tag in template.tags where tag.kind == .blockOverride {
                guard let site = blocksInsideTags[tag.name]?.first else { continue }
                log.error(template.file, line: tag.line, column: tag.column,
                          "\(tag.written) replaces the block \(tag.name), which \(site.file) places inside an HTML tag (line \(site.line)), so a school's template cannot replace it",
                          suggestion: "remove the \(tag.written) … {{/\(tag.name)}} replacement")
            }
        }
        // With a template unreadable, the theme's would stand in for it: circles found then would mislead.
        if readable { _ = checkIncludes(merged, log: log) }
    }

    /// The rules that need only a school template's tags, and what it can see where (`scope`:
    /// nil for a template the site never renders).
    static func checkTags(_ template: CheckedTemplate, theme: ThemeTemplateFacts, scope: TemplateScope?, log: DiagnosticLog) {
        let file = template.file
        for finding in scope.map({ TemplateNames.check(template, from: $0) }) ?? [] {
            let tag = template.tags[finding.tag]
            log.error(file, line: tag.line, column: tag.column, finding.message, suggestion: finding.suggestion)
        }
        let safe = theme.vocabulary.names[.unescaped, default: []].sorted().map { "{{{\($0)}}}" }.joined(separator: ", ")
        for tag in template.tags {
            switch tag.kind {
            case .ampersand:
                let instead = theme.vocabulary.allows(.unescaped, tag.name) ? "{{{\(tag.name)}}}" : "{{\(tag.name)}}"
                log.error(file, line: tag.line, column: tag.column, "\(tag.written) turns HTML escaping off, which a school's template cannot do",
                          suggestion: "write \(instead)")
            case .unescaped where !theme.vocabulary.allows(.unescaped, tag.name):
                log.error(file, line: tag.line, column: tag.column, "\(tag.written) would put \(tag.name) on the page without escaping it, so any HTML or script in it would run",
                          suggestion: "write {{\(tag.name)}}; three braces are only for the pieces Signpost has already made safe: \(safe)")
            case .pragma:
                log.error(file, line: tag.line, column: tag.column, "\(tag.written) changes how values are escaped, which a school's template cannot do",
                          suggestion: "remove it")
            case .setDelimiters:
                log.error(file, line: tag.line, column: tag.column, "{{=…=}} changes the marks that start and end a tag, which a school's template cannot do",
                          suggestion: "remove it and write every tag with {{ and }}")
            case .partial where theme.templates[tag.name] == nil, .parent where !tag.isDynamic && theme.templates[tag.name] == nil:
                log.error(file, line: tag.line, column: tag.column, "\(tag.written) names no template, so it would show nothing",
                          suggestion: didYouMean(tag.name, in: theme.names))
            default:
                break
            }
        }
    }

    static func didYouMean(_ name: String, in names: some Collection<String>) -> String {
        let list = "the templates are " + names.sorted().joined(separator: ", ")
        guard let guess = Suggestion.nearest(to: name, in: names) else { return list }
        return "did you mean {{> \(guess)}}? (\(list))"
    }

    /// Include circles and nesting depth over a set of templates (a school's checks see the
    /// theme's with the school's in their place). Reported in a school's template when one is
    /// involved, as the school's change is what made it. False when any is found.
    static func checkIncludes(_ templates: [String: CheckedTemplate], log: DiagnosticLog) -> Bool {
        let cycles = TemplateIncludes.cycles(templates)
        for cycle in cycles {
            let edge = cycle.first { templates[$0.from]!.fromSchool } ?? cycle.last!
            let template = templates[edge.from]!
            let tag = template.tags[edge.tag]
            if cycle.count == 1 {
                log.error(template.file, line: tag.line, column: tag.column,
                          "\(template.name).mustache includes itself through \(tag.written) on line \(tag.line); a template cannot include itself",
                          suggestion: "remove \(tag.written)")
            } else {
                let start = cycle.firstIndex { $0.from == edge.from }!
                let names = (cycle[start...] + cycle[..<start]).map(\.from) + [edge.from]
                log.error(template.file, line: tag.line, column: tag.column,
                          "\(template.name).mustache includes itself in a circle through \(tag.written) on line \(tag.line): \(names.joined(separator: " → ")); templates cannot include each other in a circle",
                          suggestion: "remove \(tag.written), or the include that leads back to \(template.name)")
            }
        }
        guard cycles.isEmpty else { return false }
        var ok = true
        let depths = TemplateIncludes.depths(templates)
        let anySchool = templates.values.contains(where: \.fromSchool)
        for (name, deepest) in depths.sorted(by: { $0.key < $1.key }) where deepest.depth > maxDepth {
            ok = false
            // Follow the deepest include down to the school's template that made it too deep.
            var template = templates[name]!
            var index = deepest.tag
            while anySchool, !template.fromSchool, let at = index {
                let tag = template.tags[at]
                var next = tag.includes ? tag.name : nil
                var ancestor = tag.enclosing
                while next == nil, let up = ancestor {
                    if template.tags[up].kind == .blockOverride, let parent = template.tags[up].enclosing { next = template.tags[parent].name }
                    ancestor = template.tags[up].enclosing
                }
                guard let target = next.flatMap({ templates[$0] }) else { break }
                template = target
                index = depths[target.name]?.tag
            }
            if index == nil || (anySchool && !template.fromSchool) { (template, index) = (templates[name]!, deepest.tag) }
            guard let at = index else { continue }
            let tag = template.tags[at]
            let through = template.name == name ? "" : " (in the pages \(name).mustache makes)"
            log.error(template.file, line: tag.line, column: tag.column,
                      "with the templates it includes, \(tag.written) on line \(tag.line) nests sections, blocks and includes more than \(maxDepth) deep\(through)",
                      suggestion: "include fewer templates inside each other, or close some sections first")
        }
        return ok
    }
}
