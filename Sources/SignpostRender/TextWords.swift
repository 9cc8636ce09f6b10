import SignpostValidate

/// The words of a Markdown text as the A to Z's search needs them: each once, in the order
/// they first come, folded as `TopicWords.key` folds them, without link targets, web
/// addresses or email addresses. Every entry's text passes through here once a county, so
/// it is one pass over the text's scalars; only words with letters outside ASCII go through
/// Foundation's folding.
enum TextWords {
    static func of(_ markdown: String) -> String {
        let plain = withoutAddresses(withoutLinkTargets(Array(markdown.unicodeScalars)))
        var seen = Set<String>()
        var kept: [String] = []
        func keep(_ word: String) {
            if word.count > 1, seen.insert(word).inserted { kept.append(word) }
        }
        var start = 0
        while start < plain.count {
            while start < plain.count, plain[start].isASCII, !isASCIIWordScalar(plain[start]) { start += 1 }
            var end = start
            var ascii = true
            // A run up to the next ASCII separator; a run with other letters is folded whole,
            // so accents and apostrophes inside a word are handled as `TopicWords.key` does.
            while end < plain.count, !(plain[end].isASCII && !isASCIIWordScalar(plain[end]) && plain[end] != "'") {
                if !plain[end].isASCII { ascii = false }
                end += 1
            }
            if start == end { break }
            let run = plain[start..<end]
            if ascii {
                var word = String.UnicodeScalarView()
                for scalar in run where scalar != "'" {
                    word.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
                }
                keep(String(word))
            } else {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: run)
                for word in TopicWords.key(String(text)).split(separator: " ") { keep(String(word)) }
            }
            start = end
        }
        return kept.joined(separator: " ")
    }

    private static func isASCIIWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// White space as regular expressions' `\s` reads it.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// `](target)` becomes `]`, where the target has no space or `)` in it.
    static func withoutLinkTargets(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            out.append(text[i])
            if text[i] == "]", i + 1 < text.count, text[i + 1] == "(" {
                var j = i + 2
                while j < text.count, text[j] != ")", !isSpace(text[j]) { j += 1 }
                if j < text.count, text[j] == ")" {
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Each web address (from `http://`, `https://` or `www.` to the next space) and each
    /// run of non-space characters with an `@` inside it becomes one space.
    static func withoutAddresses(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if isSpace(text[i]) {
                out.append(text[i])
                i += 1
                continue
            }
            var end = i
            while end < text.count, !isSpace(text[end]) { end += 1 }
            // An `@` with something before it and after it makes the whole run an address.
            if text[(i + 1)..<max(i + 1, end - 1)].contains("@") {
                out.append(" ")
                i = end
                continue
            }
            var p = i
            while p < end {
                if let prefix = addressPrefix(text, at: p, before: end), p + prefix < end {
                    out.append(" ")
                    p = end
                } else {
                    out.append(text[p])
                    p += 1
                }
            }
            i = end
        }
        return out
    }

    private static let prefixes: [[Unicode.Scalar]] = ["http://", "https://", "www."].map { Array($0.unicodeScalars) }

    private static func addressPrefix(_ text: [Unicode.Scalar], at p: Int, before end: Int) -> Int? {
        for prefix in prefixes where p + prefix.count <= end && text[p..<(p + prefix.count)].elementsEqual(prefix) {
            return prefix.count
        }
        return nil
    }
}
