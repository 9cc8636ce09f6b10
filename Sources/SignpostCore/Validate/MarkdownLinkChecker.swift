/// Links inside Markdown that point at the site itself: each must reach a page that
/// will exist, and an `#anchor` must name a heading on that page. Every text a school
/// shows is checked: its introduction, entries, further pages and words on topics.
struct MarkdownLinkChecker {
    let site: ResolvedSite
    let markdown: [String: RenderedMarkdown]
    let plans: [PagePlan]

    func check(log: DiagnosticLog) {
        let pages = PageIndex(plans.map(\.path))
        var anchors: [String: Set<String>] = [:]
        for school in site.schools {
            for page in school.school.pages {
                anchors["\(school.school.id)/pages/\(page.id)/index.html"] = Set(markdown[page.body]?.headings.map(\.anchor) ?? [])
            }
        }
        // Schools are checked on all cores: each has its own pages, and the log is thread-safe.
        let headings = anchors
        _ = ParallelMap.map(site.schools) { school -> Bool in
            check(school, pages: pages, anchors: headings, log: log)
            return true
        }
    }

    /// One broken link, found before it is reported (so many of a kind can be summed up).
    struct Problem {
        var at: (file: String, line: Int)
        var message: String
        var suggestion: String?
    }

    func check(_ school: ResolvedSchool, pages: PageIndex, anchors: [String: Set<String>], log: DiagnosticLog) {
        var checked = Set<String>()
        for body in school.markdownBodies(nationalTopicTexts: site.content.nationalTopicTexts) {
            guard let rendered = markdown[body.text] else { continue }
            var problems: [Problem] = []
            for link in rendered.links where isInternal(link.url) {
                guard checked.insert("\(body.page)|\(link.url)").inserted else { continue }
                let (target, anchor) = resolve(link.url, from: body.page)
                if target != body.page, !pages.contains(target) {
                    problems.append(Problem(at: body.locate(link.line), message: "the link \"\(link.url)\" leads to a page that does not exist on the site",
                                            suggestion: pages.nearest(to: target).map { "did you mean \"\(relative($0, from: body.page))\"?" }))
                } else if let anchor, !anchor.isEmpty, let known = anchors[target] ?? (target == body.page ? Set(rendered.headings.map(\.anchor)) : nil), !known.contains(anchor) {
                    problems.append(Problem(at: body.locate(link.line), message: "the link \"\(link.url)\" points at a heading (#\(anchor)) that does not exist",
                                            suggestion: Suggestion.nearest(to: anchor, in: known.sorted()).map { "did you mean \"#\($0)\"?" }))
                }
            }
            RepeatedFindings.report(problems, what: "links to pages or headings that do not exist", log: log, place: \.at) { problem in
                log.error(problem.at.file, line: problem.at.line, problem.message, suggestion: problem.suggestion)
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
        PageContexts.root(for: page) + target
    }
}
