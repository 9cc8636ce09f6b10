import SignpostModel

/// What a page may load: only the site's own files, and no script written into the page.
/// Every page carries it in a `<meta http-equiv>` (the theme's `<head>`s), and `serve` also
/// sends it as a header, with `frame-ancestors`, which only a header can set. Styles written
/// into a page stay allowed: a school's colour is a `style` attribute on `<body>`, the 404 page
/// carries its own styles so that it looks right at any address, and cmark-gfm aligns table
/// cells with `style`. A style can load nothing from elsewhere (`img-src`, `font-src` are
/// `'self'`). A JSON-LD block is data, which `script-src` does not govern.
public enum ContentSecurityPolicy {
    public static let meta = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
    /// For hosts that can set headers (the README), and for `serve`.
    public static let header = meta + "; frame-ancestors 'none'"
    public static let metaTag = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(meta)\">"
}
