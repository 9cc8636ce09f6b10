/// One of a school's own links (`links:` in `school.md`): its website, its SEND information
/// report, a policy. The address is checked like every web address.
public struct SchoolLink: Sendable, Equatable {
    public var label: String
    public var url: String

    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}
