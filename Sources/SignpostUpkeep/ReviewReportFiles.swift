import Foundation
import SignpostExport
import SignpostModel
import SignpostRender

/// The report as files: `index.html`, a page that works offline with no script or outside
/// resource (tables with captions and header cells, for screen readers), and `review.csv`, the
/// same rows for a spreadsheet.
extension ReviewReport {
    public static let marker = ".signpost-report"

    public var csv: String {
        func cell(_ text: String) -> String {
            // A leading =, +, - or @ would be read as a formula by spreadsheets.
            let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text
            return safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
        }
        var lines = [["Priority", "What", "Area", "About", "Shown by", "File", "Line", "Date", "What to do"].joined(separator: ",")]
        for (index, row) in rows.enumerated() {
            lines.append([String(index + 1), row.kind.rawValue, row.area, row.subject, row.schools.joined(separator: "; "), row.file,
                          String(row.line), row.date ?? "", row.detail].map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public var html: String {
        func e(_ text: String) -> String { HTML.escape(text) }
        var out = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Early help offers: what needs doing – \(e(today.description))</title>
        <style>
        body { font-family: Arial, sans-serif; line-height: 1.5; color: #0b0c0c; margin: 0 auto; max-width: 75rem; padding: 1rem; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
        caption { text-align: left; font-weight: bold; font-size: 1.25rem; padding: 0.5rem 0; }
        th, td { border: 1px solid #505a5f; padding: 0.4rem; text-align: left; vertical-align: top; }
        th { background: #f3f2f1; }
        .overdue { font-weight: bold; color: #942514; }
        code { font-size: 0.9em; }
        </style>
        </head>
        <body>
        <main>
        <h1>Early help offers: what needs doing</h1>
        <p>Made on \(e(today.description)). Most urgent first: overdue offers, web addresses that do not work, entries never reviewed or not reviewed for 12 months, then addresses that have moved.
        \(linksChecked.map { "Web addresses were last checked on \(e($0)) (<code>signpost check --links</code>)." } ?? "Web addresses have not been checked yet: run <code>signpost check --links</code>, then make this report again.")</p>
        <p>The same list for a spreadsheet: <a href="review.csv">review.csv</a>.</p>

        """
        out += "<h2>By area</h2>\n<table>\n<caption>Counts for each area</caption>\n<thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Schools</th><th scope=\"col\">Offers overdue</th><th scope=\"col\">Entries never reviewed</th><th scope=\"col\">Entries not reviewed for 12 months</th><th scope=\"col\">Dead web addresses</th><th scope=\"col\">Moved web addresses</th></tr></thead>\n<tbody>\n"
        for area in areas {
            out += "<tr><th scope=\"row\">\(e(area.area))</th><td>\(area.schools)</td><td>\(area.overdueSchools)</td><td>\(area.unreviewedEntries)</td><td>\(area.staleEntries)</td><td>\(area.deadLinks)</td><td>\(area.movedLinks)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<h2>Schools' reviews</h2>\n<table>\n<caption>Each school's last and next review</caption>\n<thead><tr><th scope=\"col\">School</th><th scope=\"col\">Area</th><th scope=\"col\">Last review</th><th scope=\"col\">Next review</th><th scope=\"col\">Overdue?</th></tr></thead>\n<tbody>\n"
        for school in schools {
            out += "<tr><th scope=\"row\">\(e(school.school))</th><td>\(e(school.area))</td><td>\(school.lastReview.map { e($0.description) } ?? "Never")</td><td>\(school.nextReview.map { e($0.description) } ?? "Not set")</td><td>\(school.overdue ? "<span class=\"overdue\">Yes, overdue</span>" : "No")</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        let linkRows = rows.filter { $0.kind == .deadLink || $0.kind == .movedLink }
        if !linkRows.isEmpty {
            out += "<h2>Web addresses by school</h2>\n<table>\n<caption>The dead and moved web addresses each school's pages show</caption>\n<thead><tr><th scope=\"col\">School</th><th scope=\"col\">Does not work</th><th scope=\"col\">Has moved</th></tr></thead>\n<tbody>\n"
            let names = Set(linkRows.flatMap(\.schools)).sorted()
            for name in names {
                let shown = linkRows.filter { $0.schools.contains(name) }
                func list(_ kind: Row.Kind) -> String {
                    let items = shown.filter { $0.kind == kind }.map { e($0.subject) }
                    return items.isEmpty ? "None" : items.joined(separator: ", ")
                }
                out += "<tr><th scope=\"row\">\(e(name))</th><td>\(list(.deadLink))</td><td>\(list(.movedLink))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "<h2>What needs doing</h2>\n"
        if rows.isEmpty {
            out += "<p>Nothing: every offer and entry has been reviewed in the last 12 months, and every web address checked works.</p>\n"
        } else {
            out += "<table>\n<caption>\(rows.count) thing\(rows.count == 1 ? "" : "s") to do, most urgent first</caption>\n<thead><tr><th scope=\"col\">Priority</th><th scope=\"col\">What</th><th scope=\"col\">Area</th><th scope=\"col\">About</th><th scope=\"col\">Shown by</th><th scope=\"col\">What to do</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>\n"
            for (index, row) in rows.enumerated() {
                out += "<tr><td>\(index + 1)</td><td>\(e(row.kind.rawValue))</td><td>\(e(row.area))</td><th scope=\"row\">\(e(row.subject))</th><td>\(row.schools.isEmpty ? "No school" : e(row.schools.joined(separator: ", ")))</td><td>\(e(row.detail))</td><td><code>\(e(row.file)):\(row.line)</code></td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    /// Writes the page and the CSV into `output`: a new or empty folder, or an earlier report.
    /// Never into the published site (`site`, or any folder Signpost built a site in) or Content/.
    public func write(to output: URL, site: URL, content: URL) throws {
        let fm = FileManager.default
        let output = output.standardizedFileURL
        let inside = { (folder: URL) in output.path == folder.standardizedFileURL.path || output.path.hasPrefix(folder.standardizedFileURL.path + "/") }
        var folder = output
        while folder.path != "/" {
            if fm.fileExists(atPath: folder.appendingPathComponent(SiteLayout.markerName).path) || inside(site) {
                throw ExportError("the report is for the county, not for families: it cannot go into the published site (\(site.lastPathComponent)); name a folder of its own, e.g. --output review")
            }
            folder.deleteLastPathComponent()
        }
        if inside(content) { throw ExportError("the report cannot go into the content folder: name a folder of its own, e.g. --output review") }
        if fm.fileExists(atPath: output.path) {
            let items = try fm.contentsOfDirectory(atPath: output.path)
            guard items.isEmpty || items.contains(ReviewReport.marker) else {
                throw ExportError("\(output.lastPathComponent) already holds other files, so it was left alone: name a new or empty folder")
            }
        }
        try fm.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("Written by `signpost report`; the next report replaces index.html and review.csv.\n".utf8).write(to: output.appendingPathComponent(ReviewReport.marker))
        try Data(html.utf8).write(to: output.appendingPathComponent("index.html"), options: .atomic)
        try Data(csv.utf8).write(to: output.appendingPathComponent("review.csv"), options: .atomic)
    }
}
