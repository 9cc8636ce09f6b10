import Foundation
@testable import SignpostExport
import SignpostLoad
import SignpostModel
import SignpostResolve
import Testing

/// `export oruk` on the county fixture: stable ids, the fields a service carries, byte-identical
/// re-exports and the folders it will not write into. `Tests/oruk/` validates the seed content's
/// export against the official schemas.
@Suite("Open Referral UK export")
struct ORUKExportTests {
    static func county() -> ORUKExport {
        let log = DiagnosticLog()
        let content = ContentLoader(root: County.content, displayRoot: "Content").load(log: log)
        return ORUKExport(site: OverrideResolver(content: content).resolve(log: log), contentDisplay: "Content")
    }

    static func service(_ files: [String: Data], named name: String, in folder: String) throws -> [String: Any] {
        for (path, data) in files where path.hasPrefix(folder + "services/") && !path.hasSuffix("index.json") {
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            if object["name"] as? String == name { return object }
        }
        Issue.record("no service \(name) in \(folder)")
        return [:]
    }

    @Test func idsAreVersion5UUIDsOfTheName() {
        // RFC 9562's namespace for URLs; the same as Python's uuid.uuid5(uuid.NAMESPACE_URL, …).
        #expect(StableID.uuid("agencies/samaritans.md") == "16d24e54-e6c0-51ea-a697-f319152473d2")
        #expect(StableID.uuid5(namespace: [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8],
                               name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
    }

    @Test func aSchoolsServiceCarriesItsReviewReferralAndSchool() throws {
        let files = try Self.county().files(.everything).get()
        let club = try Self.service(files, named: "Breakfast club", in: "schools/oak-first/")
        #expect(club["id"] as? String == StableID.uuid("schools/oak-first/services/breakfast-club.md"))
        #expect(club["assured_date"] as? String == "2026-09-01")
        #expect(club["application_process"] as? String == "You can contact them yourself.")
        #expect(club["fees_description"] as? String == "£2 a day")
        #expect((club["organization"] as? [String: Any])?["name"] as? String == "Oak First School")
        let phones = try #require(club["phones"] as? [[String: Any]])
        #expect(phones.first?["number"] as? String == "01905 772740")
        #expect(club["url"] == nil) // no web address: left out, not empty
        // Not in any area's library: a school's own service.
        #expect(!files.keys.contains { $0.hasPrefix("areas/") && $0.hasSuffix(StableID.uuid("schools/oak-first/services/breakfast-club.md") + ".json") })
    }

    @Test func reExportsAreTheSameBytes() throws {
        let first = try Self.county().files(.everything).get()
        let second = try Self.county().files(.everything).get()
        #expect(first == second)
        #expect(first.keys.contains("areas/shire/index.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: first["areas/shire/index.json"]!) as? [String: String])
        #expect(root == ["version": "3.0", "profile": ORUKExport.profile])
    }

    @Test func ageRangesAreNumbersOnlyWhenWrittenAsARange() {
        #expect(ORUKService.ageRange("5 to 18")! == (5, 18))
        #expect(ORUKService.ageRange("11-16")! == (11, 16))
        #expect(ORUKService.ageRange("0 to 19 (25 for young people with additional needs)") == nil)
        #expect(ORUKService.ageRange("All ages") == nil)
    }

    @Test func unknownAreasAndSchoolsAreNamed() {
        guard case let .failure(problem) = Self.county().files(.school("oak-frist")) else { Issue.record("exported"); return }
        #expect(problem.description.contains("there is no school called \"oak-frist\""))
        #expect(problem.description.contains("oak-first"))
        guard case .failure = Self.county().files(.area("nowhere")) else { Issue.record("exported"); return }
    }

    @Test func itWritesOnlyIntoANewEmptyOrEarlierExportFolder() throws {
        let dir = TempDir()
        let out = dir.url.appendingPathComponent("oruk")
        try ORUKExport.write(["index.json": Data("{}".utf8), "services/a.json": Data("1".utf8)], to: out, content: County.content)
        try ORUKExport.write(["index.json": Data("{}".utf8)], to: out, content: County.content)
        // The earlier export is replaced whole: a service taken out leaves no file behind.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("services/a.json").path))
        let other = dir.url.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: other.appendingPathComponent("notes.txt"))
        #expect(throws: ExportError.self) { try ORUKExport.write([:], to: other, content: County.content) }
        #expect(throws: ExportError.self) { try ORUKExport.write([:], to: County.content.appendingPathComponent("x"), content: County.content) }
    }
}
