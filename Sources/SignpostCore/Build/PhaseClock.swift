import Foundation

/// Prints how long each build phase took when SIGNPOST_TIMINGS is set: for profiling
/// and the benchmark, silent otherwise.
final class PhaseClock: @unchecked Sendable {
    private var last = Date()
    private let enabled = ProcessInfo.processInfo.environment["SIGNPOST_TIMINGS"] != nil

    func lap(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "  %-18@ %7.1f ms\n", phase as NSString, now.timeIntervalSince(last) * 1000).utf8))
        last = now
    }
}

/// Time spent per template (with SIGNPOST_TIMINGS), to see which pages cost most.
final class TemplateTimings: @unchecked Sendable {
    let enabled = ProcessInfo.processInfo.environment["SIGNPOST_TIMINGS"] != nil
    private var totals: [String: (Double, Int)] = [:]
    private let lock = NSLock()

    func add(_ template: String, _ seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        let (time, count) = totals[template] ?? (0, 0)
        totals[template] = (time + seconds, count + 1)
    }

    func report() {
        guard enabled else { return }
        for (template, (time, count)) in totals.sorted(by: { $0.value.0 > $1.value.0 }) {
            FileHandle.standardError.write(Data(String(format: "    %@: %d pages, %.0f ms (%.2f ms each)\n", template, count, time * 1000, time * 1000 / Double(count)).utf8))
        }
    }
}
