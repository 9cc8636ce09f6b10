/// Who can ask a service for help on a family's behalf (`referral:`), or `self` when families
/// can contact it themselves. The one list: the loader checks against it, `new`, `explain`
/// and the README name it, and pages use its words.
public struct ReferralKind: Sendable, Hashable {
    public let id: String
    /// A sentence for the entry's page: "Your GP can refer you".
    public let words: String
    /// Who to ask, for an entry reached only through a referral: "Ask your GP …".
    /// Nil for `self`, which is not a referral.
    public let who: String?

    public static let all: [ReferralKind] = [
        ReferralKind(id: "self", words: "You can contact them yourself", who: nil),
        ReferralKind(id: "school", words: "The school can refer you", who: "the school"),
        ReferralKind(id: "gp", words: "Your GP can refer you", who: "your GP"),
        ReferralKind(id: "health-visitor", words: "Your health visitor can refer you", who: "your health visitor"),
        ReferralKind(id: "school-nurse", words: "The school nurse can refer you", who: "the school nurse"),
        ReferralKind(id: "social-worker", words: "Your social worker can refer you", who: "your social worker"),
        ReferralKind(id: "police", words: "The police can refer you", who: "the police"),
        ReferralKind(id: "professional", words: "Another professional can refer you", who: "another professional who works with your family"),
    ]

    public static let ids = all.map(\.id)
    static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    public static func kind(_ id: String) -> ReferralKind? { byID[id] }
}
