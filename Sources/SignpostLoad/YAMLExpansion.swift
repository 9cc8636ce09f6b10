// CYaml is the copy of libyaml that Yams composes with (a target of the Yams package). Its
// event stream is read here, before Yams composes, because Yams compares mapping keys while
// it composes: a key that is an alias of a large node is hashed in full, so a 1 KB document
// could make it hash about 10¹⁰ nodes before any budget of ours could run.
import CYaml
import Foundation

/// How large a settings block becomes once its aliases (`*name`) are expanded, measured on
/// libyaml's events without expanding anything: each anchor's expanded size is worked out
/// once, when its node ends, and an alias adds that size to its parent. Aliases are counted
/// as libyaml reads them, whatever characters (tabs, U+2028, U+0085, …) come before them.
enum YAMLExpansion {
    enum Verdict: Equatable {
        case fits
        /// More aliases than allowed; `line` is the first one over the limit (0-based in the block).
        case tooManyAliases(count: Int, line: Int)
        /// The expanded document would have more than `budget` values; `line` is where it went over.
        case tooLarge(line: Int)
    }

    static func measure(_ yaml: String, budget: Int, aliasLimit: Int) -> Verdict {
        // No `*`, no alias: nothing can expand, and the common case costs one byte scan.
        let hasStar = yaml.utf8.withContiguousStorageIfAvailable { $0.isEmpty ? false : memchr($0.baseAddress!, 42, $0.count) != nil } ?? yaml.utf8.contains(42)
        guard hasStar else { return .fits }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .fits }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var measure = Measure(budget: budget, aliasLimit: aliasLimit)
            while true {
                var event = yaml_event_t()
                // A syntax error is left for the composer, which reports it with its line.
                guard yaml_parser_parse(&parser, &event) == 1 else { return .fits }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return .fits }
                if let verdict = measure.take(&event) { return verdict }
            }
        }
    }

    /// Sizes of the collections still open, and of every anchor seen so far.
    struct Measure {
        let budget: Int
        let aliasLimit: Int
        var open: [(size: Int, anchor: String?)] = []
        var anchors: [String: Int] = [:]
        var total = 0
        var aliases = 0

        mutating func take(_ event: inout yaml_event_t) -> Verdict? {
            let line = Int(event.start_mark.line)
            switch event.type {
            case YAML_SCALAR_EVENT:
                return add(1, anchor: name(event.data.scalar.anchor), line: line)
            case YAML_ALIAS_EVENT:
                aliases += 1
                if aliases > aliasLimit { return .tooManyAliases(count: aliases, line: line) }
                // An undefined alias is the composer's to report; count it as one value.
                return add(name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1, anchor: nil, line: line)
            case YAML_SEQUENCE_START_EVENT:
                open.append((1, name(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                open.append((1, name(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                return add(closed.size, anchor: closed.anchor, line: line)
            default:
                break
            }
            return nil
        }

        /// Adds a finished node of `size` values to its parent; sizes never exceed twice the
        /// budget, because the first one over it ends the measure.
        mutating func add(_ size: Int, anchor: String?, line: Int) -> Verdict? {
            if let anchor { anchors[anchor] = size }
            let grown: Int
            if open.isEmpty {
                total += size
                grown = total
            } else {
                open[open.count - 1].size += size
                grown = open[open.count - 1].size
            }
            return grown > budget ? .tooLarge(line: line) : nil
        }

        func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
    }
}
