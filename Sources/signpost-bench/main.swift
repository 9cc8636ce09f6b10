import Foundation
import SignpostLoad
import SignpostModel
import SignpostPipeline
import SignpostResolve

/// Measurements `make bench` needs from inside the library:
///   signpost-bench floor <content> <out>                   render every page's Markdown with cmark-gfm and write the bytes
///   signpost-bench incremental <content> <theme> <out> <agency.md>   full build, then save one agency file and rebuild
let arguments = CommandLine.arguments.dropFirst()

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func seconds(_ block: () throws -> Void) rethrows -> Double {
    let start = Date()
    try block()
    return Date().timeIntervalSince(start)
}

switch arguments.first {
case "floor":
    guard arguments.count == 3 else { fail("usage: signpost-bench floor <content> <out>") }
    let content = URL(fileURLWithPath: arguments[arguments.startIndex + 1])
    let out = URL(fileURLWithPath: arguments[arguments.startIndex + 2])
    let log = DiagnosticLog()
    let site = OverrideResolver(content: ContentLoader(root: content).load(log: log)).resolve(log: log)
    // Every output page's Markdown, as a naive generator would render it: once per page.
    var documents: [(path: String, markdown: String)] = []
    for school in site.schools {
        let id = school.school.id
        documents.append(("\(id)/index.html", school.school.body))
        for entry in school.entries {
            documents.append(("\(id)/\(entry.kind.rawValue)/\(entry.id)/index.html", entry.fields.body?.value ?? ""))
        }
        for page in school.school.pages { documents.append(("\(id)/pages/\(page.id)/index.html", page.body)) }
    }
    let time = try seconds {
        try BenchFloor.renderAndWrite(documents, to: out)
    }
    print(String(format: "floor %d %.4f", documents.count, time))

case "incremental":
    guard arguments.count == 5 else { fail("usage: signpost-bench incremental <content> <theme> <out> <agency.md>") }
    let a = Array(arguments)
    let content = URL(fileURLWithPath: a[1]).standardizedFileURL
    let options = BuildOptions(content: content, theme: URL(fileURLWithPath: a[2]), output: URL(fileURLWithPath: a[3]))
    let agency = URL(fileURLWithPath: a[4]).standardizedFileURL
    let builder = IncrementalBuilder(options: options)
    let full = builder.build()
    guard full.wrote else { fail("the full build failed: \(full.errors.prefix(3))") }
    let original = try Data(contentsOf: agency)
    defer { try? original.write(to: agency) }
    var changed = original
    changed.append(Data("\nSaved again by the benchmark.\n".utf8))
    try changed.write(to: agency)
    var result: BuildResult?
    let time = seconds { result = builder.rebuild(changed: [agency.path]) }
    guard let result, result.wrote else { fail("the rebuild failed") }
    print(String(format: "incremental %d %.4f %.4f", result.pages, time, full.seconds))

default:
    fail("usage: signpost-bench floor|incremental …")
}
