import Foundation
import SignpostModel

/// The last result for each web address `check --links` checked, kept in `.signpost/links.json`
/// beside `Content/` (never in the site): a re-run within a day checks only addresses that are
/// new, and `report` shows what the last run found.
public struct LinkMemory: Codable, Sendable, Equatable {
    public var results: [String: LinkResult] = [:]

    public init(results: [String: LinkResult] = [:]) { self.results = results }

    /// How long a result is trusted before the address is checked again.
    public static let freshFor: TimeInterval = 24 * 60 * 60

    public static func file(content: URL) -> URL { BuildStateFile.folder(content: content).appendingPathComponent("links.json") }

    /// The remembered results, or none when there is no file yet or it cannot be read.
    public static func load(content: URL) -> LinkMemory {
        guard let data = try? Data(contentsOf: file(content: content)),
              let memory = try? JSONDecoder().decode(LinkMemory.self, from: data) else { return LinkMemory() }
        return memory
    }

    public func save(content: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try BuildStateFile.save(encoder.encode(self), to: LinkMemory.file(content: content))
    }

    /// The addresses among `urls` with no result from the last day, sorted.
    public func needingCheck(_ urls: [String], now: Date) -> [String] {
        Set(urls).filter { url in
            guard let checked = results[url]?.checkedDate else { return true }
            return now.timeIntervalSince(checked) >= LinkMemory.freshFor || checked > now
        }.sorted()
    }

    /// Each place a dead or moved address is written, as a warning.
    public func diagnostics(for uses: [WebAddressUse]) -> [Diagnostic] {
        uses.compactMap { use in results[use.url]?.diagnostic(for: use) }
    }
}
