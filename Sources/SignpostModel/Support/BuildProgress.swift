import Foundation

/// How far a long stage of a build has got, for a progress line: the library reports it, the
/// command line decides how (and whether) to show it.
public struct BuildProgress: Sendable, Equatable {
    /// What is being done, in plain words ("Making PDFs").
    public var stage: String
    public var done: Int
    public var total: Int
    /// Seconds since the stage began.
    public var elapsed: Double
    /// True once for the stage's end.
    public var finished: Bool
    /// The share of the work done (0…1) when items differ in size (the longest PDFs are made
    /// first, so counting items would overstate the time left); nil: items weigh the same.
    public var share: Double?

    public init(stage: String, done: Int, total: Int, elapsed: Double, finished: Bool = false, share: Double? = nil) {
        self.stage = stage
        self.done = done
        self.total = total
        self.elapsed = elapsed
        self.finished = finished
        self.share = share
    }

    /// The time left at the pace so far; nil until something is done.
    public var secondsLeft: Double? {
        guard done > 0, total > done else { return done >= total && done > 0 ? 0 : nil }
        if let share, share > 0, share < 1 { return elapsed / share * (1 - share) }
        return elapsed / Double(done) * Double(total - done)
    }

    /// "Making PDFs 12/40, about 0:34 left"
    public var line: String {
        var text = "\(stage) \(done)/\(total)"
        if finished {
            text += ", done in \(Self.clock(elapsed))"
        } else if let left = secondsLeft {
            text += ", about \(Self.clock(left)) left"
        }
        return text
    }

    /// "0:34", "12:05", "1:02:09"
    static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded()))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
    }
}

/// Called from any thread, as often as work finishes: keep it quick.
public typealias BuildProgressHandler = @Sendable (BuildProgress) -> Void
