import SignpostRender

/// A fingerprint of the values a template receives: equal fingerprints mean the page would
/// render to the same bytes, so an incremental rebuild can leave it as it is. Every byte of
/// every value counts; a piece counts by what it is rendered from, so checking a page
/// renders nothing.
enum ContextHash {
    static func of(_ values: TemplateObject) -> Int {
        var hasher = Hasher()
        values.fingerprint(into: &hasher)
        return hasher.finalize()
    }
}
