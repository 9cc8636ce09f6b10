/// What sits at the root of every built site, in one place: the site-wide pages and folders
/// (which no school folder may be named after), and the marker file that tells Signpost a
/// folder is a site it made and may replace. Anything new written at the site's root
/// (a PDF folder, `robots.txt`) belongs in `siteWide` too.
public enum SiteLayout {
    /// Written first into every build, so the finished site and every staging folder carry it.
    /// Hidden (a leading dot): the preview server refuses to serve it and no page plans it.
    public static let markerName = ".signpost-site"

    public static let markerText = """
    This folder is a website built by Signpost. `signpost build` replaces everything in it
    on every build: keep no other files here.

    """

    /// The entries at the site's root that are not a school's folder.
    public static let siteWide: Set<String> = ["index.html", "404.html", "accessibility", "assets", "sitemap.xml"]

    /// Names a school folder may not have: the site-wide entries, and the names of the
    /// site-wide files without their extension, because some hosts serve `/404` as `404.html`.
    public static let reservedSchoolNames: Set<String> = Set(siteWide.map { name in
        name.split(separator: ".").first.map(String.init) ?? name
    })

    /// A message for each school folder whose name a site-wide page or folder already uses.
    /// `schools`: each school's folder name and the file to report (its `school.md`).
    public static func reservedNameProblems(_ schools: [(id: String, file: String)]) -> [Diagnostic] {
        schools.filter { reservedSchoolNames.contains($0.id) }.map { school in
            let folder = school.file.hasSuffix("/school.md") ? String(school.file.dropLast("/school.md".count)) : school.file
            return Diagnostic(file: school.file, "the school folder is named \"\(school.id)\", which the site already uses for its own \(school.id == "assets" ? "stylesheets and scripts" : "page"), so one would replace the other",
                       suggestion: "rename the folder \(folder) to something else, such as \"\(school.id)-school\" (names not allowed: \(reservedSchoolNames.sorted().joined(separator: ", ")))")
        }
    }
}
