import Foundation
import SignpostModel

/// The field table, roles and referral routes as the README and `signpost explain` (with no
/// agency named) give them: made from `EntryField.all`, `Role.all` and `ReferralKind.all`, so
/// the README can be checked against the code.
public enum FieldGuide {
    /// The README's list of agency and service settings (between `<!-- entry-fields -->` markers).
    public static var markdown: String {
        var out = ""
        for field in EntryField.all {
            var note = ""
            if field.use == .service { note = " Only in a school's own service." }
            else if !field.use.contains(.service) { note = " Not in a school's own service." }
            out += "- **`\(field.key)`** (\(field.kind.words)): \(field.meaning)\(note)\n"
            let lines = field.example.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count == 1 {
                out += "  For example: `\(field.example)`\n"
            } else {
                out += "\n  ```yaml\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n  ```\n\n"
            }
        }
        return out
    }

    /// The README's sentence listing the roles (between `<!-- roles -->` markers).
    public static var rolesMarkdown: String {
        "Roles: " + Role.all.map { "`\($0.id)` (\($0.words))" }.joined(separator: ", ") + ".\n"
    }

    /// Everything the guide says, for other tools (`signpost explain --format json`).
    public static var jsonValue: [String: Any] {
        var uses: [String: EntryField.Use] { ["agency": .agency, "override": .override, "service": .service] }
        return [
            "fields": EntryField.all.map { field -> [String: Any] in
                ["key": field.key, "kind": field.kind.rawValue, "holds": field.kind.words, "meaning": field.meaning,
                 "example": field.example, "used_in": uses.filter { field.use.contains($0.value) }.map(\.key).sorted()]
            },
            "roles": Role.all.map { ["id": $0.id, "words": $0.words] },
            "referral_kinds": ReferralKind.all.map { kind -> [String: Any] in
                var item: [String: Any] = ["id": kind.id, "words": kind.words]
                item["who"] = kind.who
                return item
            },
        ]
    }

    /// Stable, readable JSON (keys sorted, slashes as they are).
    static func json(_ value: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func text(_ format: Explainer.Format) -> String {
        switch format {
        case .text: return "Settings an agency or a school service can have:\n\n" + markdown + "\n" + rolesMarkdown
        case .json: return json(jsonValue)
        }
    }
}
