/// UK postcodes, as a team's `postcodes:` gives the places it covers.
public enum Postcode {
    /// The postcode district ("WR9", "SW1A") or whole postcode ("WR9 8AA") in capitals with
    /// one space, or nil when the text cannot be either.
    public static func normalised(_ text: String) -> String? {
        let letters = text.uppercased().filter { !$0.isWhitespace }
        guard letters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        if isDistrict(Substring(letters)) { return letters }
        // A whole postcode: the district, then a digit and two letters.
        guard letters.count > 3 else { return nil }
        let inward = letters.suffix(3)
        let outward = letters.dropLast(3)
        guard inward.first!.isNumber, inward.dropFirst().allSatisfy(\.isLetter), isDistrict(outward) else { return nil }
        return outward + " " + inward
    }

    /// One or two letters, a digit, then an optional digit or letter: WR9, GL50, SW1A, W1A.
    static func isDistrict(_ code: Substring) -> Bool {
        let letters = code.prefix(while: \.isLetter)
        let rest = code.dropFirst(letters.count)
        guard (1...2).contains(letters.count), let first = rest.first, first.isNumber else { return false }
        let tail = rest.dropFirst()
        return tail.isEmpty || (tail.count == 1 && (tail.first!.isNumber || tail.first!.isLetter))
    }
}
