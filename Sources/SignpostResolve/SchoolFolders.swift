/// Which school a finding belongs to, by the file it names: everything under
/// `Content/schools/<id>/` (the folder itself included) is that school's, whatever the
/// mistake. Drafts soften their own findings by it, and a build keeps the last published pages
/// of a school whose own files have errors (`SchoolIsolation`).
package struct SchoolFolders: Sendable {
    /// `Content/schools/`, as messages name it.
    let prefix: String

    package init(contentDisplay: String) { prefix = contentDisplay + "/schools/" }

    /// The school folder's name, or nil for a file outside every school's folder.
    package func school(of file: String) -> String? {
        guard file.hasPrefix(prefix) else { return nil }
        let id = file.utf8.dropFirst(prefix.utf8.count).prefix { $0 != UInt8(ascii: "/") }
        return id.isEmpty ? nil : String(Substring(id))
    }
}
