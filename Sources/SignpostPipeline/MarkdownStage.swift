import SignpostModel
import SignpostResolve
import SignpostRender

/// The Markdown stage of a build: every distinct text the schools show (library bodies
/// repeat across schools) rendered once, in worker processes when the build has them
/// (`MarkdownWorkers`), otherwise on this process's threads; then what the texts got wrong is
/// reported at their files.
struct MarkdownStage {
    let options: BuildOptions

    func render(_ site: ResolvedSite, cache: RenderedTexts = RenderedTexts(), log: DiagnosticLog) -> RenderedTexts {
        var sources = Set<SampledText>()
        for school in site.schools {
            sources.insert(SampledText(school.school.body))
            if let note = school.school.footerNote { sources.insert(SampledText(note.value)) }
            sources.insert(SampledText(school.area.body))
            for entry in school.entries { if let body = entry.fields.body { sources.insert(SampledText(body.value)) } }
            for page in school.school.pages { sources.insert(SampledText(page.body)) }
            for text in school.topicTexts.values { sources.insert(SampledText(text.body)) }
        }
        let clock = PhaseClock()
        let texts = sources.map(\.text)
        clock.lap("  collect texts")
        let rendered: [RenderedMarkdown]
        if let workers = options.markdownWorkers {
            let new = texts.filter { cache[$0] == nil }
            let made = RenderedTexts(new, workers.render(new))
            rendered = texts.map { cache[$0] ?? made[$0] ?? MarkdownWorkers.refused("it was not read") }
        } else {
            let renderer = MarkdownRenderer()
            rendered = ParallelMap.map(texts, parallel: options.parallel) { cache[$0] ?? renderer.render($0) }
        }
        clock.lap("  render \(texts.count)")
        defer { clock.lap("  report") }
        let result = RenderedTexts(texts, rendered)
        MarkdownFindings(site: site, markdown: result).report(log: log)
        for school in site.schools {
            if let note = school.school.footerNote, let rendered = result[note.value] { FooterNoteRules.check(note, rendered, log: log) }
        }
        return result
    }
}
