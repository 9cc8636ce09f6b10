import Foundation
import SignpostModel
@testable import SignpostRender
import SignpostResolve
import Testing

/// The schema.org JSON-LD on entry pages (Tests/Fixtures/two-counties): teams as contact
/// points, a referral-only entry without the school's number as its own, text-message numbers
/// left out, and nothing in it that could end the `<script>` element. Tests/browser/
/// test_structured_data.py compares it with the visible contact on every seed entry page.
@Suite("Structured data on entry pages")
struct StructuredDataTests {
    func jsonLD(_ path: String) throws -> [String: Any] {
        let html = try String(contentsOf: EntryContactTests.site.appendingPathComponent(path), encoding: .utf8)
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        #expect(!json.contains("<"))
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func teamsAreContactPoints() throws {
        let data = try jsonLD("willow-primary/agencies/early-help-teams/index.html")
        #expect(data["@type"] as? String == "Organization")
        let points = try #require(data["contactPoint"] as? [[String: Any]])
        #expect(points.first?["name"] as? String == "Ashdown")
        #expect(points.first?["telephone"] as? String == "0117 496 0101")
        #expect(points.first?["email"] as? String == "ashdown@severnshire.example.org.uk")
        #expect((data["areaServed"] as? [String: String])?["@type"] == "AdministrativeArea")
    }

    @Test func aReferralOnlyEntryDoesNotClaimTheSchoolsNumber() throws {
        let data = try jsonLD("willow-primary/agencies/community-paediatrics/index.html")
        #expect(data["telephone"] == nil)
        #expect(data["email"] == nil)
    }

    @Test func textNumbersAreLeftOutAndTextIsEscaped() throws {
        var fields = EntryFields()
        fields.name = Located("Young </script><b> & carers", file: "a.md", line: 1)
        fields.phones = Located([Phone(number: "01632 960000"), Phone(number: "85258", isText: true)], file: "a.md", line: 2)
        let entry = ResolvedEntry(id: "x", kind: .agency, fields: fields, sources: ["Content/agencies/x.md"])
        let area = Area(id: "shire", file: "area.md", name: "Shire", getHelpNow: [], levels: [], body: "")
        let element = StructuredData.element(entry, school: nil, area: area, national: true)
        #expect(element.hasPrefix("<script type=\"application/ld+json\">{"))
        #expect(element.components(separatedBy: "</script>").count == 2)
        #expect(element.contains(#""name":"Young \u003c/script\u003e\u003cb\u003e \u0026 carers""#))
        #expect(element.contains(#""telephone":"01632 960000""#))
        #expect(!element.contains("85258"))
        #expect(element.contains(#""areaServed":{"@type":"Country","name":"United Kingdom"}"#))
    }
}
