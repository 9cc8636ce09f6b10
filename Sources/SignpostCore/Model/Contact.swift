/// A phone line, e.g. a helpline with its opening hours.
public struct Phone: Sendable, Hashable {
    public var number: String
    public var label: String?
    public var hours: String?
    /// A number you send a text message to, rather than call.
    public var isText: Bool
    /// Worked out once when read: every school listing the agency shows the same.
    public let display: String
    public let href: String

    public init(number: String, label: String? = nil, hours: String? = nil, isText: Bool = false) {
        self.number = number
        self.label = label
        self.hours = hours
        self.isText = isText
        display = UKPhone.display(number)
        href = UKPhone.href(number, isText: isText)
    }
}

public struct Email: Sendable, Hashable {
    public var address: String
    public var label: String?
}

public struct Website: Sendable, Hashable {
    public var url: String
    public var label: String?
}

/// One line of an area's "Get help now" box.
public struct HelpLine: Sendable {
    public var label: String
    public var phone: String?
    public var hours: String?
    public var note: String?
    public var website: String?
    public var email: String?
}
