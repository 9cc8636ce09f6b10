import Foundation

/// Links from a kept school's last published pages (`SchoolIsolation`) to pages another school
/// no longer has. The kept pages are copied as they were, so such a link would lead nowhere:
/// the page linked to is kept from the live site too, and the build says so, until the kept
/// school's own errors are fixed and its pages are made again.
struct KeptLinks {
    let live: URL

    /// Pages linked from `pages` (paths in the live site) that lie in the folder of one of
    /// `schools` and are neither planned nor kept, but are in the live site: path → its school.
    func gone(from pages: [String], schools: Set<String>, planned: Set<String>) -> [String: String] {
        var gone: [String: String] = [:]
        let kept = Set(pages)
        for page in pages {
            guard let html = try? String(contentsOf: live.appendingPathComponent(page), encoding: .utf8) else { continue }
            for href in KeptLinks.hrefs(in: html) {
                guard let target = KeptLinks.resolve(href, from: page), let school = target.split(separator: "/").first.map(String.init),
                      schools.contains(school), !planned.contains(target), !kept.contains(target),
                      FileManager.default.fileExists(atPath: live.appendingPathComponent(target).path) else { continue }
                gone[target] = school
            }
        }
        return gone
    }

    /// Every `href="…"` value, as Signpost writes them (double quotes, no entities in paths).
    static func hrefs(in html: String) -> [String] {
        var found: [String] = []
        var rest = Substring(html)
        while let start = rest.range(of: "href=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            found.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return found
    }

    /// A relative link from `page` as a path in the site, or nil for any other address.
    static func resolve(_ href: String, from page: String) -> String? {
        let path = String(href.prefix { $0 != "#" && $0 != "?" })
        if path.isEmpty || path.hasPrefix("/") || path.contains(":") { return nil }
        var stack = page.split(separator: "/").dropLast().map(String.init)
        for piece in path.split(separator: "/") {
            if piece == ".." { guard stack.popLast() != nil else { return nil } } else if piece != "." { stack.append(String(piece)) }
        }
        var target = stack.joined(separator: "/")
        if path.hasSuffix("/") { target += "/index.html" }
        return target.isEmpty ? nil : target
    }
}
