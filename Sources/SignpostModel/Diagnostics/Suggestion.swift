/// "Did you mean …?" for ids and keys: the closest candidate by edit distance,
/// if it is close enough to be a plausible typo.
///
/// Cheap over long lists, because a county's school can name thousands of unknown ids and
/// each gets a hint: a candidate is ruled out by its length or by the letters it has before
/// any edit distance is worked out, the distance gives up as soon as it must exceed the best
/// found so far, and nothing is allocated per candidate.
public enum Suggestion {
    public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        var matcher = Matcher(word)
        var best: String?
        for candidate in candidates {
            matcher.load(candidate)
            if matcher.tryCandidate() { best = candidate }
            if matcher.bound < 0 { break }
        }
        if let best { return best }
        guard matcher.target.count >= 3 else { return nil }
        return candidates.first { matcher.isPrefix(of: $0) }
    }

    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        nearest(to: word, in: candidates).map { "did you mean \"\($0)\"?" }
    }

    /// A near miss of one of `names` (two letters at most): one county's name is not a typo of
    /// another's ("gloucestershire" is not a misspelt "worcestershire").
    package static func typo(of name: String, in names: [String]) -> String? {
        guard let near = nearest(to: name, in: names), editDistance(Array(name), Array(near)) <= 2 else { return nil }
        return near
    }

    /// A longer word tolerates more typos: two, or a third of its letters.
    static func allowedDistance(_ length: Int) -> Int { max(2, length / 3) }

    static func folded(_ word: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        fold(word, into: &result)
        return result
    }

    /// Lower-cased scalars, into a buffer reused across candidates.
    static func fold(_ word: String, into buffer: inout [Unicode.Scalar]) {
        buffer.removeAll(keepingCapacity: true)
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                buffer.append(value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : scalar)
            } else {
                buffer.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        boundedDistance(a, b, limit: max(a.count, b.count))!
    }

    /// Optimal string alignment distance (a swap of two neighbouring letters, "phnoe", is one
    /// edit), or nil as soon as it must be more than `limit`.
    static func boundedDistance<T: Equatable>(_ a: [T], _ b: [T], limit: Int) -> Int? {
        var rows = Rows()
        return rows.distance(a, b, limit: limit)
    }

    /// The three rows of the distance table, kept between candidates so none is allocated each time.
    struct Rows {
        var beforePrevious: [Int] = []
        var previous: [Int] = []
        var current: [Int] = []

        mutating func distance<T: Equatable>(_ a: [T], _ b: [T], limit: Int) -> Int? {
            if abs(a.count - b.count) > limit { return nil }
            if a.isEmpty { return b.count }
            if b.isEmpty { return a.count }
            for index in 0...b.count { set(&previous, index, index); set(&beforePrevious, index, 0); set(&current, index, 0) }
            var previousMinimum = 0
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, beforePrevious[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                // Each row is at least the smaller of the row before and the one before that plus one
                // (a swap reaches back two rows): once two rows in a row are over the limit, all are.
                if rowMinimum > limit && previousMinimum > limit { return nil }
                previousMinimum = rowMinimum
                (beforePrevious, previous, current) = (previous, current, beforePrevious)
            }
            return previous[b.count] <= limit ? previous[b.count] : nil
        }

        func set(_ row: inout [Int], _ index: Int, _ value: Int) {
            if index < row.count { row[index] = value } else { row.append(value) }
        }
    }

    /// One question ("what is `word` closest to?") asked of many candidates in turn.
    struct Matcher {
        let target: [Unicode.Scalar]
        /// Letters of the target by kind, to rule out a candidate without an edit distance.
        let targetLetters: [Int]
        /// Only candidates at most this far away are still of interest (below zero: stop).
        var bound: Int
        var candidate: [Unicode.Scalar] = []
        var letters: [Int]
        var rows = Rows()

        init(_ word: String) {
            target = Suggestion.folded(word)
            var counts = [Int](repeating: 0, count: Matcher.kinds)
            for scalar in target { counts[Matcher.kind(scalar)] += 1 }
            targetLetters = counts
            letters = counts
            bound = Suggestion.allowedDistance(target.count)
        }

        static let kinds = 40

        /// a–z, 0–9, `-`, `_`, space, and one kind for everything else.
        static func kind(_ scalar: Unicode.Scalar) -> Int {
            switch scalar.value {
            case 97...122: return Int(scalar.value - 97)
            case 48...57: return 26 + Int(scalar.value - 48)
            case 45: return 36
            case 95: return 37
            case 32: return 38
            default: return 39
            }
        }

        mutating func load(_ name: String) { Suggestion.fold(name, into: &candidate) }

        mutating func load(folded: [Unicode.Scalar]) {
            candidate.removeAll(keepingCapacity: true)
            candidate.append(contentsOf: folded)
        }

        /// True when the loaded candidate is closer than every one before it (ties keep the
        /// earlier one, as a plain scan does); the bound then tightens.
        mutating func tryCandidate() -> Bool {
            guard let distance = distance(limit: bound) else { return false }
            bound = distance - 1
            return true
        }

        /// The loaded candidate's distance from the target, if it is at most `limit`.
        mutating func distance(limit: Int) -> Int? {
            guard limit >= 0, abs(candidate.count - target.count) <= limit else { return nil }
            // Each edit changes the letter counts by at most two, so half their difference is a floor.
            for scalar in candidate { letters[Matcher.kind(scalar)] -= 1 }
            var difference = 0
            for index in 0..<Matcher.kinds {
                difference += abs(letters[index])
                letters[index] = targetLetters[index]
            }
            guard (difference + 1) / 2 <= limit else { return nil }
            return rows.distance(target, candidate, limit: limit)
        }

        /// A prefix match ("camhs" for "camhs-west") is also a good guess.
        mutating func isPrefix(of name: String) -> Bool {
            load(name)
            return candidate.count >= target.count && candidate[..<target.count].elementsEqual(target)
        }
    }
}

/// Candidates prepared once for many "did you mean" questions: folded, and grouped by
/// length so a question looks only at candidates whose length could be a typo away.
public struct SuggestionIndex: Sendable {
    struct Candidate: Sendable {
        var name: String
        var folded: [Unicode.Scalar]
        var order: Int
    }

    let byLength: [Int: [Candidate]]
    let names: [String]

    public init(_ candidates: some Sequence<String>) {
        var groups: [Int: [Candidate]] = [:]
        var names: [String] = []
        for (order, name) in candidates.enumerated() {
            let folded = Suggestion.folded(name)
            groups[folded.count, default: []].append(Candidate(name: name, folded: folded, order: order))
            names.append(name)
        }
        byLength = groups
        self.names = names
    }

    public func nearest(to word: String) -> String? {
        var matcher = Suggestion.Matcher(word)
        let allowed = matcher.bound
        var best: (candidate: Candidate, distance: Int)?
        // Nearest lengths first, so a close match found early narrows the search; a length
        // further off than the best distance cannot beat it.
        var offset = 0
        while offset <= (best?.distance ?? allowed) {
            for length in Set([matcher.target.count - offset, matcher.target.count + offset]) {
                for candidate in byLength[length] ?? [] {
                    // As in a plain scan: a tie goes to the candidate earlier in the list.
                    let limit = best.map { candidate.order < $0.candidate.order ? $0.distance : $0.distance - 1 } ?? allowed
                    matcher.load(folded: candidate.folded)
                    if let distance = matcher.distance(limit: limit) { best = (candidate, distance) }
                }
            }
            offset += 1
        }
        if let best { return best.candidate.name }
        guard matcher.target.count >= 3 else { return nil }
        return names.first { matcher.isPrefix(of: $0) }
    }
}
