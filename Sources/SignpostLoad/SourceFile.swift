import Foundation
import SignpostModel
import Yams

/// One content file read from disk: its settings block (front matter) and its Markdown text.
/// Reading never throws: every problem becomes a diagnostic and the file is skipped.
public struct SourceFile: Sendable {
    /// Path shown in messages, relative to the project (e.g. `Content/agencies/nspcc.md`).
    public var path: String
    public var url: URL
    public var frontMatter: YAMLNode?
    /// True when the file had a `---` block at all (even an empty one).
    public var hasFrontMatter: Bool
    public var body: String
    /// File line on which `body` starts, so Markdown findings can name real lines.
    public var bodyLine: Int

    /// Real front matter has tens of values; this stops alias bombs and runaway files.
    static let nodeBudget = 20_000
    static let aliasLimit = 64

    /// Reads a file through the gate (which refuses links, pipes and oversized files) and parses it.
    public static func read(_ relative: String, from gate: FileGate, kind: FileGate.Kind = .markdown, log: DiagnosticLog) -> SourceFile? {
        guard let data = gate.read(relative, kind: kind, log: log) else { return nil }
        return parse(data, url: gate.url(relative), displayPath: gate.display(relative), log: log)
    }

    public static func parse(_ data: Data, url: URL, displayPath: String, log: DiagnosticLog) -> SourceFile? {
        if data.isEmpty {
            log.error(displayPath, "this file is empty", suggestion: "start it with a settings block between two --- lines; `signpost new` writes one for you")
            return nil
        }
        // Over raw bytes: Data's own iterator costs more than the rest of the check.
        if data.prefix(8192).withUnsafeBytes({ $0.contains(0) }) {
            log.error(displayPath, "this is not a text file (it may be a picture or a Word document saved with a .md name)", suggestion: "save it as plain text, or move it out of Content/")
            return nil
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            let line = firstInvalidUTF8Line(data)
            log.error(displayPath, line: line, "this line has characters that are not UTF-8 text (often a file saved from Word or an old editor)", suggestion: "save the file as \"UTF-8\" in your editor")
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.withContiguousStorageIfAvailable({ $0.isEmpty ? false : memchr($0.baseAddress!, 13, $0.count) != nil }) ?? text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return split(text, url: url, displayPath: displayPath, log: log)
    }

    static func split(_ text: String, url: URL, displayPath: String, log: DiagnosticLog) -> SourceFile? {
        // Works on lines of bytes: a long page has thousands of lines, and only the settings block matters.
        let bytes = Array(text.utf8)
        func isFence(_ line: ArraySlice<UInt8>) -> Bool {
            let trimmed = line.drop(while: { $0 == 32 || $0 == 9 }).reversed().drop(while: { $0 == 32 || $0 == 9 })
            return trimmed.elementsEqual("---".utf8) || trimmed.elementsEqual("...".utf8)
        }
        var lineStarts = [0]
        var closing: (start: Int, end: Int, line: Int)?
        var index = 0
        while index < bytes.count {
            if bytes[index] == 10 {
                let start = lineStarts.last!
                let line = bytes[start..<index]
                if lineStarts.count == 1 {
                    guard isFence(line), line.drop(while: { $0 == 32 || $0 == 9 }).first == 45 else { break }
                } else if isFence(line) {
                    closing = (start, index + 1, lineStarts.count)
                    break
                }
                lineStarts.append(index + 1)
            }
            index += 1
        }
        let firstLine = bytes[0..<(bytes.firstIndex(of: 10) ?? bytes.count)]
        guard isFence(firstLine), firstLine.drop(while: { $0 == 32 || $0 == 9 }).first == 45 else {
            return SourceFile(path: displayPath, url: url, frontMatter: nil, hasFrontMatter: false, body: text, bodyLine: 1)
        }
        guard let closing else {
            if index >= bytes.count, lineStarts.count > 1, isFence(bytes[lineStarts.last!...]) {
                // The closing --- is the very last line, with no newline after it.
                return finish(yaml: bytes[lineStarts[1]..<lineStarts.last!], body: [], bodyLine: lineStarts.count + 1, url: url, displayPath: displayPath, log: log)
            }
            log.error(displayPath, line: 1, "the settings block that starts with --- on line 1 is never closed", suggestion: "add a line with just --- after the last setting")
            return nil
        }
        return finish(yaml: bytes[lineStarts[1]..<closing.start], body: bytes[closing.end...], bodyLine: closing.line + 1,
                      url: url, displayPath: displayPath, log: log)
    }

    static func finish(yaml: ArraySlice<UInt8>, body: ArraySlice<UInt8>, bodyLine: Int, url: URL, displayPath: String, log: DiagnosticLog) -> SourceFile? {
        var yamlText = String(decoding: yaml, as: UTF8.self)
        if yamlText.hasSuffix("\n") { yamlText.removeLast() }
        let node = parseYAML(yamlText, lineOffset: 1, displayPath: displayPath, log: log)
        if node == nil && log.hasErrorIn(displayPath) { return nil }
        return SourceFile(path: displayPath, url: url, frontMatter: node, hasFrontMatter: true,
                          body: String(decoding: body, as: UTF8.self), bodyLine: bodyLine)
    }

    /// Parses a YAML block; `lineOffset` is the number of file lines before the block.
    public static func parseYAML(_ yaml: String, lineOffset: Int, displayPath: String, log: DiagnosticLog) -> YAMLNode? {
        if yaml.isBlank { return nil }
        switch YAMLExpansion.measure(yaml, budget: nodeBudget, aliasLimit: aliasLimit) {
        case .fits: break
        case let .tooManyAliases(_, line):
            log.error(displayPath, line: lineOffset + line + 1, "the settings use more than \(aliasLimit) YAML aliases (*name), which Signpost does not allow", suggestion: "write the values out in full")
            return nil
        case let .tooLarge(line):
            log.error(displayPath, line: lineOffset + line + 1, "the settings repeat themselves through YAML aliases (*name) into more than \(nodeBudget) values; Signpost allows \(nodeBudget)",
                      suggestion: "write the values out in full")
            return nil
        }
        let composed: Node?
        do {
            // Yams' defaults cost more than the parse: `Encoding.default` reads the whole process
            // environment on every call, and the default resolver runs regular expressions over
            // every value, which YAMLTreeBuilder never asks for (it reads text and style only).
            composed = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            report(error, yaml: yaml, lineOffset: lineOffset, displayPath: displayPath, log: log)
            return nil
        } catch {
            log.error(displayPath, line: lineOffset + 1, "the settings block cannot be read: \(error)")
            return nil
        }
        guard let composed else { return nil }
        var builder = YAMLTreeBuilder(budget: nodeBudget, lineOffset: lineOffset)
        do {
            let tree = try builder.build(composed)
            if let line = unclosedQuoteLine(in: tree, yaml: yaml, lineOffset: lineOffset) {
                log.error(displayPath, line: line, "a quote (\") on this line is not closed, so the settings after it were read as part of this value",
                          suggestion: "add the closing quote at the end of the value")
                return nil
            }
            return tree
        } catch YAMLTreeError.complexKey(let line, let column) {
            log.error(displayPath, line: line, column: column, "a setting's name must be a single word such as `phone`, not a list or group")
        } catch {
            log.error(displayPath, line: lineOffset + 1, "the settings block is far too large or repeats itself (a YAML alias loop?)", suggestion: "write the values out in full")
        }
        return nil
    }

    /// A double-quoted value whose line has an odd number of quotes and whose text swallowed
    /// what look like further settings: YAML accepted it, but the office did not mean it.
    static func unclosedQuoteLine(in node: YAMLNode, yaml: String, lineOffset: Int) -> Int? {
        // The block is split into lines once, when first needed (not once per suspect value).
        var lines: [Substring]?
        return unclosedQuoteLine(in: node, lineOffset: lineOffset) { index in
            if lines == nil { lines = yaml.split(separator: "\n", omittingEmptySubsequences: false) }
            return index >= 0 && index < lines!.count ? lines![index] : nil
        }
    }

    static func unclosedQuoteLine(in node: YAMLNode, lineOffset: Int, line: (Int) -> Substring?) -> Int? {
        switch node.kind {
        case let .scalar(text, plain):
            guard !plain, containsSettingName(text),
                  let source = line(node.line - lineOffset - 1), source.filter({ $0 == "\"" }).count % 2 == 1 else { return nil }
            return node.line
        case let .list(items):
            for item in items { if let found = unclosedQuoteLine(in: item, lineOffset: lineOffset, line: line) { return found } }
        case let .map(entries):
            for entry in entries { if let found = unclosedQuoteLine(in: entry.value, lineOffset: lineOffset, line: line) { return found } }
        }
        return nil
    }

    /// Whether the text holds what looks like `name: ` after a space (` phone: `), the sign of
    /// settings swallowed by an unclosed quote. Over bytes: Swift's Regex cost far more than
    /// the parse when a block had thousands of quoted values.
    static func containsSettingName(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
            var index = 0
            while index < bytes.count {
                guard isSpace(bytes[index]) else { index += 1; continue }
                var end = index + 1
                while end < bytes.count, (bytes[end] >= 97 && bytes[end] <= 122) || bytes[end] == 95 { end += 1 }
                if end - index - 1 >= 2, end + 1 < bytes.count, bytes[end] == 58, isSpace(bytes[end + 1]) { return true }
                index = max(end, index + 1)
            }
            return false
        }
    }

    static func report(_ error: YamlError, yaml: String, lineOffset: Int, displayPath: String, log: DiagnosticLog) {
        let yamlLines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        func lineText(_ line: Int) -> String { (line >= 1 && line <= yamlLines.count) ? String(yamlLines[line - 1]) : "" }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var line = mark.line
            var column = mark.column
            // libyaml reports where it gave up, often the *next* line; its context mark is where
            // the faulty value started ("while scanning a simple key / a quoted scalar").
            if let context, ["while scanning a simple key", "while scanning a quoted scalar", "while parsing a flow"].contains(where: context.text.contains) {
                line = context.mark.line
                column = context.mark.column
            } else if problem.contains("could not find expected ':'") || problem.contains("end of stream"), line > 1 {
                line = lastContentLine(before: line, in: yamlLines)
            }
            let text = lineText(line)
            var (message, hint) = explain(problem: problem, lineText: text, allLines: yamlLines, line: line)
            if context?.text.contains("quoted scalar") == true {
                (message, hint) = ("a quote (\") on this line is opened but never closed", "add the closing quote at the end of the value")
            }
            log.error(displayPath, line: line + lineOffset, column: column, message, suggestion: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            log.error(displayPath, line: context.mark.line + lineOffset, column: context.mark.column, "the setting \(names) is given more than once", suggestion: "keep one and delete the others")
        default:
            log.error(displayPath, line: lineOffset + 1, "the settings block cannot be read: \(error)")
        }
    }

    static func lastContentLine(before line: Int, in lines: [Substring]) -> Int {
        var candidate = min(line, lines.count)
        while candidate > 1 && lines[candidate - 1].trimmed(newlines: false).isEmpty { candidate -= 1 }
        return candidate
    }

    static func explain(problem: String, lineText: String, allLines: [Substring], line: Int) -> (String, String?) {
        if lineText.contains("\t") || problem.contains("tab") {
            return ("this line is indented with a tab; settings must be indented with spaces", "replace the tab with spaces")
        }
        if lineText.firstMatch(of: /^\s*-?\s*[A-Za-z_]+:[^\s\/]/) != nil {
            return ("a setting on this line has no space after its colon", "write `name: value`, with a space after the colon")
        }
        let quotes = lineText.filter { $0 == "\"" }.count
        if quotes % 2 == 1 || problem.contains("quoted scalar") {
            return ("a quote (\") on this line is opened but never closed", "add the closing quote at the end of the value")
        }
        if problem.contains("mapping values are not allowed") {
            return ("this value contains a colon followed by a space, which YAML reads as a new setting", "put the whole value in double quotes: key: \"value: with colon\"")
        }
        if problem.contains("could not find expected ':'") {
            return ("this line is not a setting: each line needs `name: value`", "check for a missing colon, or text that should be on the line above")
        }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
            return ("the indentation on this line does not match the lines above it", "line it up with the other settings at the same level (use spaces)")
        }
        if problem.contains("found undefined alias") {
            return ("a value starts with `*`, which YAML reads as a reference", "put the value in double quotes")
        }
        if problem.contains("cannot start any token") {
            return ("a value starts with a character YAML reserves (such as ` or @ or %)", "put the value in double quotes")
        }
        return ("the settings block cannot be read (\(problem))", nil)
    }

    static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            if index + length > data.endIndex { return line }
            if length > 1, !data[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) { return line }
            if byte == 0x0A { line += 1 }
            index += length
        }
        return line
    }
}

extension DiagnosticLog {
    func hasErrorIn(_ file: String) -> Bool { errors.contains { $0.file == file } }
}
