/// One of the school's own links (`links:` in its `school.md`), in `school`'s `own_links`.
public enum OwnLinkKey: String, TemplateKey {
    case own_link_label, own_link_url
    public static let table = KeyTable(Self.self)
}
