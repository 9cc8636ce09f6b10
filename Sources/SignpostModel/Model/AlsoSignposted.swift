/// One item of a school's `also_signposted:`: a library agency by its id (listed with its
/// contacts, as if in `agencies:`), or an organisation the offer names with no contacts,
/// shown on its levels' pages as a plain name.
public struct AlsoSignposted: Sendable {
    public enum Kind: Sendable {
        case agency(Located<String>)
        case name(Located<String>, levels: Located<[String]>?)
    }

    public var kind: Kind
    public var line: Int

    package init(kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }
}
