/// Links inside Markdown that point at the site itself: each must reach a page that
/// will exist, and an `#anchor` must name a heading on that page.
struct MarkdownLinkChecker {
    let site: ResolvedSite
    let markdown: [String: RenderedMarkdown]
    let plans: [PagePlan]
    var urls = SiteURLs()
    /// Pages written before and not planned again (an incremental rebuild's other schools).
    var keptPages: Set<String> = []

    func check(log: DiagnosticLog) {
        let pages = Set(plans.map(\.path)).union(keptPages)
        var anchors: [String: Set<String>] = [:]
        // The schools whose pages are planned: with one school on its own, that school; in an
        // incremental rebuild, those that show a saved file (the others were checked before).
        let planned = Set(plans.compactMap(\.school))
        let schools = site.schools.filter { planned.contains($0.school.id) }
        for school in schools {
            for page in school.school.pages {
                anchors[urls.page(school.school.id, page.id)] = Set(markdown[page.body]?.headings.map(\.anchor) ?? [])
            }
        }
        // Schools are checked on all cores: each has its own pages, and the log is thread-safe.
        let headings = anchors
        _ = ParallelMap.map(schools) { school -> Bool in
            check(school, pages: pages, anchors: headings, log: log)
            return true
        }
    }

    func check(_ school: ResolvedSchool, pages: Set<String>, anchors: [String: Set<String>], log: DiagnosticLog) {
        var checked = Set<String>()
        var bodies: [(text: String, file: String, line: Int, page: String)] = []
        for page in school.school.pages { bodies.append((page.body, page.file, page.bodyLine, urls.page(school.school.id, page.id))) }
        for entry in school.entries {
            if let body = entry.fields.body {
                bodies.append((body.value, body.file, body.line, urls.entry(school.school.id, entry)))
            }
        }
        bodies.append((school.school.body, school.school.file, school.school.bodyLine, urls.offer(school.school.id)))
        for body in bodies {
            guard let rendered = markdown[body.text] else { continue }
            for link in rendered.links where isInternal(link) {
                guard checked.insert("\(body.page)|\(link)").inserted else { continue }
                let (target, anchor) = resolve(link, from: body.page)
                let line = body.line + (body.text.range(of: link).map { body.text[..<$0.lowerBound].filter { $0 == "\n" }.count } ?? 0)
                if target != body.page, !pages.contains(target) {
                    log.error(body.file, line: line, "the link \"\(link)\" leads to a page that does not exist on the site",
                              suggestion: Suggestion.nearest(to: target, in: pages).map { "did you mean \"\(relative($0, from: body.page))\"?" })
                } else if let anchor, !anchor.isEmpty, let known = anchors[target] ?? (target == body.page ? Set(rendered.headings.map(\.anchor)) : nil), !known.contains(anchor) {
                    log.error(body.file, line: line, "the link \"\(link)\" points at a heading (#\(anchor)) that does not exist",
                              suggestion: Suggestion.nearest(to: anchor, in: known).map { "did you mean \"#\($0)\"?" })
                }
            }
        }
    }

    func isInternal(_ link: String) -> Bool {
        !(link.isEmpty || ["http:", "https:", "mailto:", "tel:", "sms:"].contains { link.hasPrefix(ignoringASCIICase: $0) })
    }

    /// Resolves a relative link from a page to a site path, as a browser would.
    func resolve(_ link: String, from page: String) -> (String, String?) {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let anchor = parts.count > 1 ? String(parts[1]) : nil
        if path.isEmpty { return (page, anchor) }
        var stack = page.split(separator: "/").dropLast().map(String.init)
        if path.hasPrefix("/") { stack = [] }
        for piece in path.split(separator: "/") {
            if piece == ".." { _ = stack.popLast() } else if piece != "." { stack.append(String(piece)) }
        }
        var target = stack.joined(separator: "/")
        if path.hasSuffix("/") || target.isEmpty { target += target.isEmpty ? "index.html" : "/index.html" }
        return (target, anchor)
    }

    func relative(_ target: String, from page: String) -> String {
        SiteURLs.root(for: page) + target
    }
}
