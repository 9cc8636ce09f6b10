/// A phone line, e.g. a helpline with its opening hours.
public struct Phone: Sendable, Hashable {
    public var number: String
    public var label: String?
    public var hours: String?
    /// A number you send a text message to, rather than call.
    public var isText: Bool
    /// `for: professionals`: a line for teachers and health workers, not for families.
    public var forProfessionals: Bool
    /// Worked out once when read: every school listing the agency shows the same.
    public let display: String
    public let href: String

    public init(number: String, label: String? = nil, hours: String? = nil, isText: Bool = false, forProfessionals: Bool = false) {
        self.number = number
        self.label = label
        self.hours = hours
        self.isText = isText
        self.forProfessionals = forProfessionals
        display = UKPhone.display(number)
        href = UKPhone.href(number, isText: isText)
    }
}

public struct Email: Sendable, Hashable {
    public var address: String
    public var label: String?
    /// `for: professionals`: not for families.
    public var forProfessionals: Bool = false

    package init(address: String, label: String? = nil, forProfessionals: Bool = false) {
        self.address = address
        self.label = label
        self.forProfessionals = forProfessionals
    }
}

public struct Website: Sendable, Hashable {
    public var url: String
    public var label: String?
    /// `for: professionals`: not for families.
    public var forProfessionals: Bool = false

    package init(url: String, label: String? = nil, forProfessionals: Bool = false) {
        self.url = url
        self.label = label
        self.forProfessionals = forProfessionals
    }
}

/// One line of an area's "Get help now" box.
public struct HelpLine: Sendable {
    public var label: String
    public var phone: String?
    /// When the line is open, in words ("Monday to Friday, during office hours").
    public var hours: String?
    /// The number to call when it is closed, shown beside its hours.
    public var outOfHours: OutOfHours?
    public var note: String?
    public var website: String?
    public var email: String?
    /// Where `website:` is written (for `check --links`).
    public var websiteLine: Int = 1

    package init(label: String, phone: String? = nil, hours: String? = nil, outOfHours: OutOfHours? = nil, note: String? = nil, website: String? = nil, email: String? = nil, websiteLine: Int = 1) {
        self.label = label
        self.phone = phone
        self.hours = hours
        self.outOfHours = outOfHours
        self.note = note
        self.website = website
        self.email = email
        self.websiteLine = websiteLine
    }
}

/// Where a help line sends families when it is closed (`out_of_hours:`), so the box says when
/// to use which number: "At other times, and at weekends, call 01905 768020".
public struct OutOfHours: Sendable {
    public var phone: String
    /// When to call it, in words a parent can act on; nil for "At other times".
    public var when: String?

    package init(phone: String, when: String? = nil) {
        self.phone = phone
        self.when = when
    }
}
