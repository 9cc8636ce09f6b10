import SignpostModel
import SignpostResolve
import SignpostValidate

/// Links inside Markdown that point at the site itself: each must reach a page that
/// will exist, and an `#anchor` must name a heading on that page. Every text a school
/// shows is checked: its introduction, entries, further pages and words on topics.
package struct MarkdownLinkChecker {
    let site: ResolvedSite
    let markdown: RenderedTexts
    let plans: [PagePlan]
    var urls = SiteURLs()
    /// Pages written before and not planned again (an incremental rebuild's other schools).
    var keptPages: Set<String> = []

    package func check(log: DiagnosticLog) {
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
        // Schools are checked on all cores (each has its own pages); "did you mean" is worked out
        // afterwards, only for the links reported, from an index built only if any link is broken.
        let headings = anchors
        let found = ParallelMap.map(schools) { school in check(school, pages: pages, anchors: headings) }.flatMap { $0 }
        guard !found.isEmpty else { return }
        let index = PageIndex(plans.map(\.path))
        for (body, problems) in found {
            RepeatedFindings.report(problems, what: "links to pages or headings that do not exist", log: log, place: { body.locate($0.line) }) { problem in
                let at = body.locate(problem.line)
                let suggestion: String?
                switch problem.kind {
                case let .page(target): suggestion = index.nearest(to: target).map { "did you mean \"\(relative($0, from: body.page))\"?" }
                case let .anchor(anchor, known): suggestion = Suggestion.nearest(to: anchor, in: known.sorted()).map { "did you mean \"#\($0)\"?" }
                }
                log.error(at.file, line: at.line, problem.message, suggestion: suggestion)
            }
        }
    }

    /// One broken link, found before it is reported (so many of a kind can be summed up).
    struct Problem {
        enum Kind { case page(String), anchor(String, known: Set<String>) }
        var line: Int
        var message: String
        var kind: Kind
    }

    /// Each text of the school with its broken links, in order.
    func check(_ school: ResolvedSchool, pages: Set<String>, anchors: [String: Set<String>]) -> [(MarkdownBody, [Problem])] {
        var checked = Set<String>()
        var result: [(MarkdownBody, [Problem])] = []
        for body in school.markdownBodies(nationalTopicTexts: site.content.nationalTopicTexts, urls: urls) {
            guard let rendered = markdown[body.text] else { continue }
            var problems: [Problem] = []
            for link in rendered.links where isInternal(link.url) {
                guard checked.insert("\(body.page)|\(link.url)").inserted else { continue }
                let (target, anchor) = resolve(link.url, from: body.page)
                if target != body.page, !pages.contains(target) {
                    problems.append(Problem(line: link.line, message: "the link \"\(link.url)\" leads to a page that does not exist on the site", kind: .page(target)))
                } else if let anchor, !anchor.isEmpty, let known = anchors[target] ?? (target == body.page ? Set(rendered.headings.map(\.anchor)) : nil), !known.contains(anchor) {
                    problems.append(Problem(line: link.line, message: "the link \"\(link.url)\" points at a heading (#\(anchor)) that does not exist",
                                            kind: .anchor(anchor, known: known)))
                }
            }
            if !problems.isEmpty { result.append((body, problems)) }
        }
        return result
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

    package init(site: ResolvedSite, markdown: RenderedTexts, plans: [PagePlan], urls: SiteURLs = SiteURLs(), keptPages: Set<String> = []) {
        self.site = site
        self.markdown = markdown
        self.plans = plans
        self.keptPages = keptPages
        self.urls = urls
    }
}
