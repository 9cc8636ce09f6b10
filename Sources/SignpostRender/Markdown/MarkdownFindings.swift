import SignpostModel
import SignpostResolve

/// What rendering found in each Markdown text, reported against the file and line each
/// finding is on: links removed because families cannot open them or they are unsafe,
/// pictures without a description, headings that skip a level, and texts too large or too
/// oddly shaped to render. Each distinct text is reported once, however many schools show it.
package struct MarkdownFindings {
    let site: ResolvedSite
    let markdown: RenderedTexts

    package func report(log: DiagnosticLog) {
        // Most builds have no findings at all: then no text is looked for in any school.
        let flagged = markdown.filter { $0.refused != nil || !$0.removedLinks.isEmpty || !$0.imagesWithoutAlt.isEmpty || !$0.outsideImages.isEmpty || !$0.skippedHeadings.isEmpty }
        guard !flagged.isEmpty else { return }
        var reported = Set<String>()
        for school in site.schools {
            for body in school.markdownBodies(nationalTopicTexts: site.content.nationalTopicTexts) {
                guard let rendered = flagged[body.text], reported.insert(body.text).inserted else { continue }
                report(rendered, in: body, log: log)
            }
        }
    }

    func report(_ rendered: RenderedMarkdown, in body: MarkdownBody, log: DiagnosticLog) {
        if let refused = rendered.refused {
            let at = body.locate(refused.line)
            log.error(at.file, line: at.line, refused.message, suggestion: refused.suggestion)
            return
        }
        RepeatedFindings.report(rendered.removedLinks, what: "links that are not published", log: log, place: { body.locate($0.link.line) }) { removed in
            let at = body.locate(removed.link.line)
            log.error(at.file, line: at.line, "the link \"\(removed.link.url)\" is \(removed.reason); it is not published",
                      suggestion: "link to a page on a public website instead")
        }
        RepeatedFindings.report(rendered.outsideImages, what: "pictures from other websites", log: log, place: { body.locate($0.line) }) { image in
            let at = body.locate(image.line)
            log.error(at.file, line: at.line, "the picture \"\(image.url)\" is on another website; pages load nothing from other websites, as that would tell them who reads the page, so only its description is published",
                      suggestion: "remove the picture, or link to the page it is on: [what it shows](address)")
        }
        RepeatedFindings.report(rendered.imagesWithoutAlt, what: "pictures without a description", log: log, place: { body.locate($0.line) }) { image in
            let at = body.locate(image.line)
            log.error(at.file, line: at.line, "the picture \"\(image.url)\" has no description, so screen-reader users cannot tell what it shows",
                      suggestion: "write a short description between the brackets: ![Our school hall](\(image.url))")
        }
        RepeatedFindings.report(rendered.skippedHeadings, what: "headings that skip a level", severity: .warning, log: log, place: { body.locate($0.line) }) { heading in
            let at = body.locate(heading.line)
            let marks = { (level: Int) in String(repeating: "#", count: level) }
            log.warning(at.file, line: at.line,
                        "the heading \"\(heading.text)\" skips a level: it is a \(marks(heading.level)) heading straight after a \(marks(heading.previousLevel)) one, so screen-reader users may think a section is missing",
                        suggestion: "make it \(marks(heading.previousLevel + 1)) (the page shows it one level below the heading before it)")
        }
    }

    package init(site: ResolvedSite, markdown: RenderedTexts) {
        self.site = site
        self.markdown = markdown
    }
}
