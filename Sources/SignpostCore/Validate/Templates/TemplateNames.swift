/// Every name a template looks up (`{{name}}`, `{{{name}}}`, `{{#name}}`, `{{^name}}`) must be
/// one its values have where it is used: swift-mustache shows a missing one as nothing, so a
/// school's `{{sumary}}` would leave its pages without the summary and say nothing.
enum TemplateNames {
    /// What swift-mustache can do to a value (`{{uppercased(name)}}`), and to the place in a list
    /// (`{{#first()}}`).
    static let transforms: Set<String> = ["capitalized", "count", "empty", "enumerated", "equalzero", "even", "first", "index",
                                          "last", "lowercased", "minusone", "odd", "plusone", "reversed", "sorted", "uppercased"]
    static let placeTransforms = ["first", "last", "index", "even", "odd"]

    /// A name that shows nothing: the tag, what is wrong and what to write instead.
    struct Finding: Equatable {
        var tag: Int
        var message: String
        var suggestion: String
    }

    /// The names in `template` that it cannot see, from the place each is used.
    static func check(_ template: CheckedTemplate, from scope: TemplateScope) -> [Finding] {
        var findings: [Finding] = []
        // The innermost section over a family of values, for messages ("inside {{#phones}}").
        var sections: [Int?] = [nil]
        TemplateScope.walk(template, from: scope) { index, here in
            let tag = template.tags[index]
            switch tag.kind {
            case .variable, .unescaped, .ampersand, .section, .inverted:
                let name = TemplateScope.Name(tag.name)
                let check = Check(template: template, tag: tag, index: index, name: name, scope: here,
                                  section: sections.last!.map { template.tags[$0] })
                check.run().map { findings.append($0) }
                if tag.opens { sections.append(tag.kind == .section && !here.inside(name).isEmpty ? index : sections.last!) }
            case .close:
                if sections.count > 1 { sections.removeLast() }
            default:
                if tag.opens { sections.append(sections.last!) }
            }
        }
        return findings
    }

    /// One looked-up name against what the template sees where it is used.
    struct Check {
        let template: CheckedTemplate
        let tag: MustacheTag
        let index: Int
        let name: TemplateScope.Name
        let scope: TemplateScope
        let section: MustacheTag?

        func run() -> Finding? {
            let all = TemplateNames.transforms.sorted()
            for transform in name.transforms where !TemplateNames.transforms.contains(transform) {
                let guess = Suggestion.nearest(to: transform, in: all).map { "did you mean \($0)? " } ?? ""
                return finding("\(tag.written) uses \(transform), which is not something a template can do to a value, so it shows nothing",
                               guess + "A template can use " + all.joined(separator: ", "))
            }
            if name.parts.isEmpty {
                // `{{.}}`, or the place in a list: `{{#first()}}`.
                guard tag.name != ".", let wrong = name.transforms.first(where: { !TemplateNames.placeTransforms.contains($0) }) else { return nil }
                return finding("\(tag.written) shows nothing: \(wrong)() needs a value in its brackets, like \(wrong)(name)",
                               "with empty brackets, inside a list, a template can use " + TemplateNames.placeTransforms.map { "\($0)()" }.joined(separator: ", "))
            }
            guard case let .missing(position, within) = scope.lookUp(name.parts) else { return nil }
            return unknown(at: position, within: within)
        }

        func finding(_ message: String, _ suggestion: String) -> Finding {
            Finding(tag: index, message: message, suggestion: suggestion)
        }

        /// The name's part at `position` is not in `within`: what the tag does then, and what to write.
        func unknown(at position: Int, within: TemplateScope) -> Finding {
            let part = name.parts[position]
            let shows = switch tag.kind {
            case .section: "\(tag.written) … {{/\(tag.name)}} never shows"
            case .inverted: "\(tag.written) … {{/\(tag.name)}} always shows"
            default: "\(tag.written) shows nothing"
            }
            let owner = position == 0 ? nil : name.parts[..<position].joined(separator: ".")
            let place = owner.map { "\($0) has no value called \"\(part)\"" }
                ?? section.map { "inside \($0.written), \(template.name).mustache has no value called \"\(part)\"" }
                ?? "\(template.name).mustache has no value called \"\(part)\""
            let candidates = within.names.keys.sorted()
            func written(_ replacement: String) -> String {
                var parts = name.parts
                parts[position] = replacement
                var fixed = tag
                fixed.name = name.transforms.map { "\($0)(" }.joined() + parts.joined(separator: ".") + String(repeating: ")", count: name.transforms.count)
                return fixed.written
            }
            // `{{school_name}}` where only `school` has it.
            let holder = candidates.first { candidate in
                (within.families(of: candidate) ?? []).contains { family in TemplateScope([family]).names[part] != nil }
            }
            if position == 0, let holder {
                return finding("\(shows): \(place)", "\(part) is part of \(holder): write \(written("\(holder).\(part)")), or put it between {{#\(holder)}} and {{/\(holder)}}")
            }
            if let guess = Suggestion.nearest(to: part, in: candidates) {
                return finding("\(shows): \(place)", "did you mean \(written(guess))?")
            }
            let names = owner.map { "\($0) has" } ?? "the names it can use here are"
            return finding("\(shows): \(place)", "\(names): \(candidates.joined(separator: ", "))")
        }
    }
}
