import Foundation
import Synchronization

/// Prints how long each build phase took when SIGNPOST_TIMINGS is set: for profiling
/// and the benchmark, silent otherwise.
package final class PhaseClock {
    private var last = Date()
    private var lastCPU = PhaseClock.cpuSeconds()
    private let enabled = ProcessInfo.processInfo.environment["SIGNPOST_TIMINGS"] != nil

    package init() {}

    /// User and system time of the whole process so far: over a phase's wall time, how many
    /// cores it kept busy.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Memory in use now (Linux: the second field of /proc/self/statm, in pages).
    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    package func lap(_ phase: String) {
        guard enabled else { return }
        let now = Date(), cpu = PhaseClock.cpuSeconds()
        let wall = now.timeIntervalSince(last)
        FileHandle.standardError.write(Data(String(format: "  %-18@ %7.1f ms %7.0f MB %5.2f cores\n", phase as NSString, wall * 1000,
                                                   PhaseClock.residentMegabytes(), wall > 0 ? (cpu - lastCPU) / wall : 0).utf8))
        last = now
        lastCPU = cpu
    }
}

/// Time spent per template (with SIGNPOST_TIMINGS), to see which pages cost most.
package final class TemplateTimings: Sendable {
    package let enabled = ProcessInfo.processInfo.environment["SIGNPOST_TIMINGS"] != nil
    private let totals = Mutex<[String: (seconds: Double, pages: Int)]>([:])

    package init() {}

    package func add(_ template: String, _ seconds: Double) {
        totals.withLock { totals in
            let (time, count) = totals[template] ?? (0, 0)
            totals[template] = (time + seconds, count + 1)
        }
    }

    package func report() {
        guard enabled else { return }
        for (template, (time, count)) in totals.withLock({ $0 }).sorted(by: { $0.value.seconds > $1.value.seconds }) {
            FileHandle.standardError.write(Data(String(format: "    %@: %d pages, %.0f ms (%.2f ms each)\n", template, count, time * 1000, time * 1000 / Double(count)).utf8))
        }
    }
}
