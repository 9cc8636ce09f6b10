import Foundation

/// Whether a web address or email can work for a family opening the site at home.
public enum LinkRules {
    public enum Verdict: Equatable {
        case ok
        case warning(String)
        case error(String, suggestion: String?)
    }

    public static func checkWebsite(_ raw: String) -> Verdict {
        let url = raw.trimmed(newlines: false)
        let lower = url.lowercased()
        if lower.hasPrefix("file:") {
            return .error("\"\(url)\" is a file on a computer or network drive, which families cannot open", suggestion: "put the document on the school website and link to that page instead")
        }
        if isDrivePath(url) {
            return .error("\"\(url)\" is a path on a school network drive, which families cannot open", suggestion: "put the document on the school website and link to that page instead")
        }
        for scheme in ["https", "http"] where lower.hasPrefix(scheme + ":") && !lower.hasPrefix(scheme + "://") {
            let fixed = "\(scheme)://\(url.dropFirst(scheme.count + 1).drop(while: { $0 == "/" }))"
            return .error("\"\(url)\" is missing the // after \(scheme):", suggestion: "write \"\(fixed)\"")
        }
        if lower.hasPrefix("www.") {
            return .error("\"\(url)\" needs https:// at the start", suggestion: "write \"https://\(url)\"")
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            return .error("\"\(url)\" is not a web address", suggestion: "copy the address from the browser's address bar; it starts with https://")
        }
        guard scheme == "https" || scheme == "http" else {
            return .error("\"\(url)\" is not a web address (it starts with \(scheme):)", suggestion: "web addresses start with https://")
        }
        guard let host = components.host?.lowercased(), !host.isEmpty else {
            return .error("\"\(url)\" has no site name after https://", suggestion: nil)
        }
        let address = HostAddress.classify(host)
        if host == "localhost" || host.hasSuffix(".localhost") || address == .thisComputer {
            return .error("\"\(url)\" points at the computer it is opened on, not at a website", suggestion: "use the site's public address")
        }
        if address == .privateNetwork || (address == nil && (!host.contains(".") || host.hasSuffix(".local") || host.hasSuffix(".internal") || host.hasSuffix(".lan"))) {
            return .error("\"\(url)\" is an address on a private network (an intranet), which families cannot open", suggestion: "link to a public page instead")
        }
        if scheme == "http" {
            return .warning("\"\(url)\" is not a secure (https) address; most sites now work with https://, which browsers trust more")
        }
        return .ok
    }

    /// A plain address, nothing more: the site links it as `mailto:` + address, where `?cc=`,
    /// `&bcc=`, commas and the like would add recipients or text to every email a family sends.
    public static func checkEmail(_ raw: String) -> Verdict {
        let address = raw.trimmed(newlines: false)
        if isPlainASCII(address) { return .ok }
        // Letters, digits and the few marks real addresses use; none has a meaning in a mailto: link.
        func isPlain(_ text: Substring) -> Bool {
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && isEmailAddress(String(text))
                && parts[0].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || localMarks.contains($0)) }
                && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".") && !parts[0].contains("..")
        }
        let plainPart = address.prefix { !endsAddress.contains($0) && !$0.isWhitespace }
        let example = isPlain(plainPart) ? String(plainPart) : "name@school.sch.uk"
        if address.lowercased().hasPrefix("mailto:") {
            let rest = address.dropFirst(7)
            let fixed = rest.prefix { !endsAddress.contains($0) && !$0.isWhitespace }
            return .error("write the email address without \"mailto:\"", suggestion: "write \"\(isPlain(fixed) ? fixed : rest)\"")
        }
        if isPlain(Substring(address)) { return .ok }
        if address.contains("?") || address.contains("&") {
            return .error("\"\(address)\" is not a plain email address: what follows ? or & would add other recipients or text to every email a family sends",
                          suggestion: "write only the address, e.g. \(example)")
        }
        if address.split(separator: "@").count > 2 || address.contains(",") || address.contains(";") {
            return .error("\"\(address)\" is more than one email address", suggestion: "write only one address, e.g. \(example)")
        }
        return .error("\"\(address)\" is not an email address", suggestion: "an email address looks like name@school.sch.uk, with no spaces")
    }

    /// `U:\Folder\file.docx`, `C:/Users/…` or `\\server\share`: places on a school network.
    public static func isDrivePath(_ url: String) -> Bool {
        if url.hasPrefix("\\\\") { return true }
        let characters = Array(url.prefix(3))
        return characters.count == 3 && characters[0].isASCII && characters[0].isLetter && characters[1] == ":" && (characters[2] == "\\" || characters[2] == "/")
    }

    /// name@example.sch.uk: one @, no spaces or brackets, a domain of letters, digits and
    /// hyphens with at least one dot, ending in a name of two or more letters.
    /// Marks a plain address may have before its `@`, and characters that end one.
    private static let localMarks = Set(".-_+'!$*=^`{|}~")
    private static let endsAddress = Set("?&,;# %/\\<>()\"")
    private static let notInName = Set("<>(),;:\"")

    /// What `isPlain` below accepts, for an address of ASCII bytes only (almost all of them),
    /// in one pass over its bytes: every school's every address is checked on every build.
    static func isPlainASCII(_ address: String) -> Bool {
        func isAlphanumeric(_ byte: UInt8) -> Bool { byte.isASCIIDigit || byte.isASCIILetter }
        let bytes = address.utf8
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at], domain = bytes[bytes.index(after: at)...]
        guard !local.isEmpty, local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
              local.allSatisfy({ isAlphanumeric($0) || localMarkBytes.contains($0) }) else { return false }
        var previous: UInt8 = 0
        for byte in local {
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") { return false }
            previous = byte
        }
        // Labels of letters, digits and hyphens between single dots; the last of two or more letters.
        var label = 0, lettersOnly = true, labels = 0
        for byte in domain {
            if byte == UInt8(ascii: ".") {
                guard label > 0 else { return false }
                labels += 1
                label = 0
                lettersOnly = true
            } else if isAlphanumeric(byte) || byte == UInt8(ascii: "-") {
                label += 1
                lettersOnly = lettersOnly && byte.isASCIILetter
            } else {
                return false
            }
        }
        return labels >= 1 && label >= 2 && lettersOnly
    }

    private static let localMarkBytes = Set(".-_+'!$*=^`{|}~".utf8)

    static func isEmailAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains(where: { $0.isWhitespace || notInName.contains($0) }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }),
              let last = labels.last, last.count >= 2, last.allSatisfy(\.isLetter) else { return false }
        return true
    }

    /// For links inside Markdown: schemes never published whatever the content says.
    public static func isUnsafeScheme(_ url: String) -> Bool {
        let compact = url.lowercased().filter { !$0.isWhitespace && !$0.isNewline && $0 != "\0" }
        return compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:") || compact.hasPrefix("data:") || compact.hasPrefix("file:")
    }
}
