import SignpostModel

/// The site's pages, grouped for "did you mean": by folder (`oak-first/agencies`) and, in each
/// folder, by page name (`camhs-west`). A broken link is compared with the pages of its own
/// folder (or of the nearest folder), never with every page of a county.
package struct PageIndex: Sendable {
    let paths: Set<String>
    /// Folder → its pages' names, and the path each name stands for.
    let folders: [String: (names: SuggestionIndex, paths: [String: String])]
    let folderNames: SuggestionIndex

    package init(_ pages: [String]) {
        paths = Set(pages)
        var grouped: [String: [(String, String)]] = [:]
        for page in pages {
            let (folder, name) = PageIndex.split(page)
            grouped[folder, default: []].append((name, page))
        }
        var folders: [String: (names: SuggestionIndex, paths: [String: String])] = [:]
        for (folder, entries) in grouped {
            folders[folder] = (SuggestionIndex(entries.map(\.0)), Dictionary(entries, uniquingKeysWith: { first, _ in first }))
        }
        self.folders = folders
        folderNames = SuggestionIndex(grouped.keys.sorted())
    }

    func contains(_ path: String) -> Bool { paths.contains(path) }

    /// The page a mistyped site path most likely meant, if any is close.
    package func nearest(to target: String) -> String? {
        let (folder, name) = PageIndex.split(target)
        let group = folders[folder] ?? folderNames.nearest(to: folder).flatMap { folders[$0] }
        guard let group else { return nil }
        if let exact = group.paths[name] { return exact }
        return group.names.nearest(to: name).flatMap { group.paths[$0] }
    }

    /// `oak-first/agencies/camhs-west/index.html` → (`oak-first/agencies`, `camhs-west`);
    /// `404.html` → (``, `404.html`).
    static func split(_ path: String) -> (folder: String, name: String) {
        var stem = Substring(path)
        if stem.hasSuffix("/index.html") { stem = stem.dropLast("/index.html".count) }
        guard let slash = stem.lastIndex(of: "/") else { return ("", String(stem)) }
        return (String(stem[..<slash]), String(stem[stem.index(after: slash)...]))
    }
}
