/// The kinds of value page contexts hold, told apart by exact type before any cast: a failed
/// `as?` from a dictionary to a class goes through Foundation's bridging and copies the whole
/// dictionary, and even text-to-dictionary searches the runtime's conformances. Only a value
/// of some other type (such as [String: String]) pays for the general casts.
enum ValueKind {
    case string(String), text(TemplateText), bool(Bool), int(Int), dictionary([String: Any]), templateValues(TemplateValues),
         fragment(Fragment), array([Any]), other

    init(of value: Any) {
        let type = Swift.type(of: value)
        if type == String.self { self = .string(value as! String) }
        else if type == TemplateText.self { self = .text(value as! TemplateText) }
        else if type == [String: Any].self { self = .dictionary(value as! [String: Any]) }
        else if type == TemplateValues.self { self = .templateValues(value as! TemplateValues) }
        else if type == Fragment.self { self = .fragment(value as! Fragment) }
        else if type == Bool.self { self = .bool(value as! Bool) }
        else if type == Int.self { self = .int(value as! Int) }
        else if type == [Any].self { self = .array(value as! [Any]) }
        else if type == [[String: Any]].self { self = .array((value as! [[String: Any]]).map { $0 as Any }) }
        else if type == [TemplateValues].self { self = .array((value as! [TemplateValues]).map { $0 as Any }) }
        else if type == [String].self { self = .array((value as! [String]).map { $0 as Any }) }
        else if let dictionary = value as? [String: Any] { self = .dictionary(dictionary) }
        else if let items = value as? [Any] { self = .array(items) }
        else { self = .other }
    }
}
