/// How politely and how patiently `check --links` asks other sites.
public struct LinkCheckSettings: Sendable {
    /// Seconds to wait for one answer before calling the address dead.
    public var timeout: Double = 20
    /// How many addresses are asked at once.
    public var concurrency = 8
    /// The pause between two requests to the same site.
    public var hostDelay: Duration = .milliseconds(1000)
    /// How many redirects are followed before giving up.
    public var maxRedirects = 10
    public var userAgent = "Signpost link checker (checks the web addresses in a school's Early Help Offer)"

    public init() {}
}
