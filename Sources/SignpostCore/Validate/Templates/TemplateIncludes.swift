/// A template read for checking: its name (`footer`), the file it came from as messages name
/// it, and its tags.
struct CheckedTemplate: Sendable {
    var name: String
    var file: String
    var text: String
    var tags: [MustacheTag]
    var fromSchool: Bool
}

/// Which templates include which (`{{> name}}`, `{{< name}}`): swift-mustache follows an
/// include every time it meets one, so a circle of includes never ends, and each include,
/// section and block costs stack. Both are found here, before anything is rendered.
enum TemplateIncludes {
    struct Edge {
        var from: String
        var tag: Int
        var to: String
    }

    static func edges(of template: CheckedTemplate, in templates: [String: CheckedTemplate]) -> [Edge] {
        template.tags.indices.compactMap { index in
            let tag = template.tags[index]
            return tag.includes && templates[tag.name] != nil ? Edge(from: template.name, tag: index, to: tag.name) : nil
        }
    }

    /// Each circle once, as the edges that make it: the last one leads back to the first's template.
    static func cycles(_ templates: [String: CheckedTemplate]) -> [[Edge]] {
        var state: [String: Bool] = [:]   // false: being walked; true: done
        var cycles: [[Edge]] = []
        for root in templates.keys.sorted() where state[root] == nil {
            var stack: [(name: String, edges: [Edge], next: Int)] = [(root, edges(of: templates[root]!, in: templates), 0)]
            var path: [Edge] = []
            state[root] = false
            while let top = stack.last {
                if top.next < top.edges.count {
                    let edge = top.edges[top.next]
                    stack[stack.count - 1].next += 1
                    switch state[edge.to] {
                    case nil:
                        state[edge.to] = false
                        path.append(edge)
                        stack.append((edge.to, edges(of: templates[edge.to]!, in: templates), 0))
                    case false?:
                        let start = stack.firstIndex { $0.name == edge.to }!
                        cycles.append(Array(path[start...]) + [edge])
                    default:
                        break
                    }
                } else {
                    state[top.name] = true
                    stack.removeLast()
                    if !path.isEmpty { path.removeLast() }
                }
            }
        }
        return cycles
    }

    /// How deep rendering each template nests (sections, blocks and includes, the templates it
    /// includes counted in), and the tag where it goes deepest. Only for templates with no circle.
    static func depths(_ templates: [String: CheckedTemplate]) -> [String: (depth: Int, tag: Int?)] {
        var result: [String: (depth: Int, tag: Int?)] = [:]
        func depth(_ name: String) -> Int {
            if let known = result[name] { return known.depth }
            let template = templates[name]!
            let tags = template.tags
            // A block's replacement inside `{{< parent}}` is rendered wherever the parent places
            // the block: count it as deep as the parent goes.
            var offsets = [Int](repeating: 0, count: tags.count)
            var deepest = (depth: 0, tag: Int?.none)
            for (index, tag) in tags.enumerated() {
                if let enclosing = tag.enclosing {
                    offsets[index] = offsets[enclosing]
                    if tags[enclosing].kind == .blockOverride, let parent = tags[enclosing].enclosing, templates[tags[parent].name] != nil {
                        offsets[index] += depth(tags[parent].name)
                    }
                }
                var reach = tag.depth + offsets[index] + (tag.opens ? 1 : 0)
                if tag.includes, templates[tag.name] != nil { reach = tag.depth + offsets[index] + 1 + depth(tag.name) }
                if reach > deepest.depth { deepest = (reach, index) }
            }
            result[name] = deepest
            return deepest.depth
        }
        for name in templates.keys.sorted() { _ = depth(name) }
        return result
    }
}
