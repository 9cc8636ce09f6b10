import ArgumentParser
import Foundation
import SignpostExport
import SignpostLoad
import SignpostModel
import SignpostPipeline
import SignpostResolve
import SignpostUpkeep
import SignpostValidate

// `report` and `export oruk`: the county's upkeep commands, apart from the page build.

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write what needs doing (overdue reviews, dead and moved web addresses) as a page and a CSV, for the county.",
        discussion: "The web addresses are those `signpost check --links` last found. The report is never written into the site.")

    @OptionGroup var paths: Paths

    @Option(help: "The folder to write index.html and review.csv into (never the site's).")
    var output: String

    @Option(help: "The published site's folder, which the report is kept out of.")
    var site = "Site"

    /// The day the report is made for (tests fix it).
    @Option(help: .hidden)
    var today: String?

    func validate() throws {
        if let today, Day(today) == nil { throw ValidationError("--today should be a date such as 2027-03-01") }
    }

    func run() throws {
        let log = DiagnosticLog()
        var options = paths.options(output: site)
        if let today { options.today = Day(today)! }
        let prepared = SiteBuilder(options: options).prepare(log: log)
        let uses = WebAddressFinder.find(in: prepared.site, markdown: prepared.markdown)
        let report = ReviewReport(site: prepared.site, uses: uses, links: LinkMemory.load(content: options.content),
                                  today: options.today, contentDisplay: options.contentDisplay)
        do { try report.write(to: paths.url(output), site: options.output, content: options.content) } catch {
            FileHandle.standardError.write(Data("\(output):1:1: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let overdue = report.schools.filter(\.overdue).count
        print(TerminalText.escaped("Wrote \(output)/index.html and \(output)/review.csv: \(report.rows.count) thing\(report.rows.count == 1 ? "" : "s") to do, \(overdue) of \(report.schools.count) school offers overdue"))
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the library in a form other systems read.", subcommands: [ExportORUK.self])
}

struct ExportORUK: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oruk",
        abstract: "Write Open Referral UK (HSDS 3.0) JSON feeds: every area's library and every school's offer, or one of them.")

    @OptionGroup var paths: Paths

    @Option(help: "The folder to write the feeds into (new, empty or an earlier export).")
    var output: String

    @Option(help: ArgumentHelp("Only this area's library, at the top of the folder.", valueName: "area folder name"))
    var area: String?

    @Option(help: ArgumentHelp("Only this school's offer, as it publishes it, at the top of the folder.", valueName: "school folder name"))
    var school: String?

    func validate() throws {
        if area != nil && school != nil { throw ValidationError("name an area or a school, not both") }
    }

    func run() throws {
        let log = DiagnosticLog()
        let options = paths.options(output: output)
        let content = ContentLoader(root: options.content, displayRoot: options.contentDisplay).load(log: log)
        let site = OverrideResolver(content: content).resolve(log: log)
        ReferenceValidator(today: options.today).validate(site, log: log)
        if log.hasErrors {
            printDiagnostics(log.errors)
            FileHandle.standardError.write(Data("Nothing was exported: fix the errors above first (`signpost check` lists them).\n".utf8))
            throw ExitCode(1)
        }
        let selection: ORUKExport.Selection = area.map { .area($0) } ?? school.map { .school($0) } ?? .everything
        switch ORUKExport(site: site, contentDisplay: options.contentDisplay).files(selection) {
        case let .failure(diagnostic):
            printDiagnostics([diagnostic])
            throw ExitCode(1)
        case let .success(files):
            do { try ORUKExport.write(files, to: options.output, content: options.content) } catch {
                FileHandle.standardError.write(Data("\(output):1:1: error: \(error)\n".utf8))
                throw ExitCode(1)
            }
            let services = files.keys.filter { $0.contains("services/") && !$0.hasSuffix("services/index.json") }.count
            print(TerminalText.escaped("Wrote \(services) service\(services == 1 ? "" : "s") as Open Referral UK JSON to \(output)"))
        }
    }
}
