/// Spaces out requests to the same site: each asks for the next free moment on its host,
/// so many addresses on one site are checked one after another, a delay apart.
actor HostPacing {
    private let delay: Duration
    private var nextFree: [String: ContinuousClock.Instant] = [:]

    init(delay: Duration) { self.delay = delay }

    /// Waits until this host may be asked again.
    func wait(for host: String) async {
        let now = ContinuousClock.now
        let start = max(now, nextFree[host] ?? now)
        nextFree[host] = start + delay
        if start > now { try? await Task.sleep(until: start, clock: .continuous) }
    }
}
