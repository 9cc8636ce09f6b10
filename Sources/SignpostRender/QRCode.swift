import CQREncode

/// A QR code drawn as inline SVG, from Debian's libqrencode (so a printed handout
/// leads back to the online offer).
public enum QRCode {
    public static func svg(for text: String, label: String) -> String? {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let margin = 4
        let size = width + margin * 2
        var path = ""
        for y in 0..<width {
            for x in 0..<width where code.pointee.data[y * width + x] & 1 == 1 {
                path += "M\(x + margin) \(y + margin)h1v1h-1z"
            }
        }
        let escaped = HTML.escape(label)
        return "<svg class=\"qr\" role=\"img\" aria-label=\"\(escaped)\" viewBox=\"0 0 \(size) \(size)\" xmlns=\"http://www.w3.org/2000/svg\" shape-rendering=\"crispEdges\"><rect width=\"\(size)\" height=\"\(size)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }
}
