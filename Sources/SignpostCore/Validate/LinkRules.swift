import Foundation

/// Whether a web address or email can work for a family opening the site at home.
public enum LinkRules {
    public enum Verdict: Equatable {
        case ok
        case warning(String)
        case error(String, suggestion: String?)
    }

    public static func checkWebsite(_ raw: String) -> Verdict {
        let url = raw.trimmingCharacters(in: .whitespaces)
        let lower = url.lowercased()
        if lower.hasPrefix("file:") {
            return .error("\"\(url)\" is a file on a computer or network drive, which families cannot open", suggestion: "put the document on the school website and link to that page instead")
        }
        if url.wholeMatch(of: /^[A-Za-z]:[\\\/].*/) != nil || url.hasPrefix("\\\\") {
            return .error("\"\(url)\" is a path on a school network drive, which families cannot open", suggestion: "put the document on the school website and link to that page instead")
        }
        if let match = lower.wholeMatch(of: /^(https?):\/?([^\/].*)$/) {
            let fixed = "\(match.1)://\(url.dropFirst(match.1.count + 1).drop(while: { $0 == "/" }))"
            return .error("\"\(url)\" is missing the // after \(match.1):", suggestion: "write \"\(fixed)\"")
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
        if host == "localhost" || host.hasPrefix("127.") || host == "0.0.0.0" {
            return .error("\"\(url)\" points at the computer it is opened on, not at a website", suggestion: "use the site's public address")
        }
        if !host.contains(".") || host.hasSuffix(".local") || host.hasSuffix(".internal") || host.hasSuffix(".lan") || isPrivateIP(host) {
            return .error("\"\(url)\" is an address on a private network (an intranet), which families cannot open", suggestion: "link to a public page instead")
        }
        if scheme == "http" {
            return .warning("\"\(url)\" is not a secure (https) address; most sites now work with https://, which browsers trust more")
        }
        return .ok
    }

    static func isPrivateIP(_ host: String) -> Bool {
        host.hasPrefix("10.") || host.hasPrefix("192.168.") || host.wholeMatch(of: /172\.(1[6-9]|2\d|3[01])\..*/) != nil
    }

    public static func checkEmail(_ raw: String) -> Verdict {
        let address = raw.trimmingCharacters(in: .whitespaces)
        if address.lowercased().hasPrefix("mailto:") {
            return .error("write the email address without \"mailto:\"", suggestion: "write \"\(address.dropFirst(7))\"")
        }
        if address.wholeMatch(of: /[^@\s<>(),;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/) == nil {
            return .error("\"\(address)\" is not an email address", suggestion: "an email address looks like name@school.sch.uk, with no spaces")
        }
        return .ok
    }

    /// For links inside Markdown: schemes never published whatever the content says.
    public static func isUnsafeScheme(_ url: String) -> Bool {
        let compact = url.lowercased().filter { !$0.isWhitespace && !$0.isNewline && $0 != "\0" }
        return compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:") || compact.hasPrefix("data:") || compact.hasPrefix("file:")
    }
}
