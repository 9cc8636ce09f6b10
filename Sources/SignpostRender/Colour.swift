import Foundation

/// A school's brand colour, made safe to put white text on (WCAG 2.2 AA: 4.5:1).
public struct BrandColour: Sendable, Equatable {
    public var red: Double, green: Double, blue: Double

    public init?(hex: String) {
        var text = hex.trimmed(newlines: false)
        if text.hasPrefix("#") { text.removeFirst() }
        if text.count == 3 { text = text.map { "\($0)\($0)" }.joined() }
        guard text.count == 6, let value = UInt32(text, radix: 16) else { return nil }
        red = Double((value >> 16) & 0xFF) / 255
        green = Double((value >> 8) & 0xFF) / 255
        blue = Double(value & 0xFF) / 255
    }

    public var hex: String {
        String(format: "#%02x%02x%02x", Int((red * 255).rounded()), Int((green * 255).rounded()), Int((blue * 255).rounded()))
    }

    var luminance: Double {
        func channel(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// Contrast against white, from 1 to 21.
    public var contrastWithWhite: Double { 1.05 / (luminance + 0.05) }

    /// The same hue, darkened step by step until white text on it passes AA.
    public func darkenedForContrast(minimum: Double = 4.5) -> BrandColour {
        // Checked on the published (rounded) hex, which is what browsers will draw.
        var colour = BrandColour(hex: hex)!
        while colour.contrastWithWhite < minimum {
            colour.red *= 0.95; colour.green *= 0.95; colour.blue *= 0.95
            colour = BrandColour(hex: colour.hex)!
        }
        return colour
    }
}
