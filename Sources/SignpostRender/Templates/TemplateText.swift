import Mustache

/// A text value as templates receive it. swift-mustache prints a plain `String` by casting it
/// to three protocols it does not conform to and then `String(describing:)`, and looks names
/// up inside one (in `{{#summary}}…{{/summary}}`) with `Mirror`. This type answers each of
/// those with its first cast, and renders, escapes and transforms (`{{lowercased(name)}}`)
/// exactly as the string would.
///
/// Texts are equal when their bytes are (what a page shows), and hash by their length, start
/// and end: the long ones are rendered Markdown, which every school's pieces would otherwise
/// hash in full on each lookup. `fingerprint` hashes every byte, for rebuilds.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, Sendable, Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
    /// A text has no named parts: a name inside its section is looked up in the page's values.
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }

    static func == (a: TemplateText, b: TemplateText) -> Bool { SampledText(a.text) == SampledText(b.text) }

    func hash(into hasher: inout Hasher) { SampledText.hash(text, into: &hasher) }

    /// Every byte counts, so that any edit changes the fingerprint of a page that shows it.
    func fingerprint(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}
