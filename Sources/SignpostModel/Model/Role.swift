/// A job a school's key person holds (`roles:` in school.md), with the words families read.
/// The one list of roles: the loader checks against it, `new` and the README name its ids.
public struct Role: Sendable, Hashable {
    public let id: String
    /// How a page names the role: "Designated Safeguarding Lead".
    public let words: String

    public static let all: [Role] = [
        Role(id: "headteacher", words: "Headteacher"),
        Role(id: "deputy-headteacher", words: "Deputy Headteacher"),
        Role(id: "assistant-headteacher", words: "Assistant Headteacher"),
        Role(id: "dsl", words: "Designated Safeguarding Lead"),
        Role(id: "deputy-dsl", words: "Deputy Designated Safeguarding Lead"),
        Role(id: "safeguarding-governor", words: "Safeguarding Governor"),
        Role(id: "chair-of-governors", words: "Chair of Governors"),
        Role(id: "mental-health-lead", words: "Mental Health Lead"),
        Role(id: "senco", words: "Special Educational Needs Co-ordinator (SENCo)"),
        Role(id: "attendance-lead", words: "Attendance Lead"),
        Role(id: "pastoral-lead", words: "Pastoral Lead"),
        Role(id: "looked-after-children-lead", words: "Designated Teacher for Looked After Children"),
        Role(id: "early-help-lead", words: "Early Help Lead"),
        Role(id: "staff", words: "Staff"),
    ]

    public static let ids = all.map(\.id)
    static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The words for a role id, or nil for an id that is not a role.
    public static func words(for id: String) -> String? { byID[id]?.words }
}
