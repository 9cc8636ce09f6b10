import Mustache

/// A text value as templates receive it. swift-mustache prints a plain `String` by casting it
/// to three protocols it does not conform to and then `String(describing:)`, and looks names
/// up inside one (in `{{#summary}}…{{/summary}}`) with `Mirror`: with the county's million
/// lookups that was a tenth of a build. This type answers each of those with its first cast,
/// and renders, escapes and transforms (`{{lowercased(name)}}`) exactly as the string would.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
    /// A text has no named parts: a name inside its section is looked up in the page's values.
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }
}
