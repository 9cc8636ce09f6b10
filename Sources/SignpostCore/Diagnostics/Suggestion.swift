/// "Did you mean …?" for ids and keys: the closest candidate by edit distance,
/// if it is close enough to be a plausible typo.
///
/// Cheap over long lists, because a county's school can name thousands of unknown ids and
/// each gets a hint: a candidate whose length alone rules it out is skipped, and the edit
/// distance gives up as soon as it is sure to exceed the best found so far.
public enum Suggestion {
    public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = folded(word)
        let allowed = allowedDistance(target.count)
        var best: (name: String, distance: Int)?
        var bound = allowed
        var buffer: [Unicode.Scalar] = []
        for candidate in candidates {
            guard abs(candidate.unicodeScalars.count - target.count) <= bound else { continue }
            fold(candidate, into: &buffer)
            guard let distance = boundedDistance(target, buffer, limit: bound) else { continue }
            best = (candidate, distance)
            // Later candidates must be strictly closer to win, as in a plain scan.
            if distance == 0 { break }
            bound = distance - 1
        }
        if let best { return best.name }
        return prefixed(word, target: target, in: candidates)
    }

    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        nearest(to: word, in: candidates).map { "did you mean \"\($0)\"?" }
    }

    /// A longer word tolerates more typos: two, or a third of its letters.
    static func allowedDistance(_ length: Int) -> Int { max(2, length / 3) }

    /// A prefix match ("camhs" for "camhs-west") is also a good guess.
    static func prefixed(_ word: String, target: [Unicode.Scalar], in candidates: some Sequence<String>) -> String? {
        guard target.count >= 3 else { return nil }
        let prefix = word.lowercased()
        return candidates.first { $0.lowercased().hasPrefix(prefix) }
    }

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
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
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
        let target = Suggestion.folded(word)
        var best: (candidate: Candidate, distance: Int)?
        var bound = Suggestion.allowedDistance(target.count)
        // Nearest lengths first, so a close match found early narrows the search.
        for offset in 0...bound {
            guard offset <= bound else { break }
            for length in Set([target.count - offset, target.count + offset]) {
                for candidate in byLength[length] ?? [] {
                    guard let distance = Suggestion.boundedDistance(target, candidate.folded, limit: bound) else { continue }
                    if let current = best, distance > current.distance || (distance == current.distance && candidate.order > current.candidate.order) { continue }
                    best = (candidate, distance)
                    bound = distance
                }
            }
        }
        if let best { return best.candidate.name }
        return Suggestion.prefixed(word, target: target, in: names)
    }
}
