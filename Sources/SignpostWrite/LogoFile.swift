import CImageCheck
import Foundation

/// A school's logo as it is published. A PNG or JPEG is published as it is once Debian's libpng
/// or libjpeg has decoded every row of it (so an SVG saved as `logo.png`, or a truncated
/// picture, is refused, whatever its name). An SVG is never published as SVG, which a browser
/// opened at its own address would run as a document: librsvg's `rsvg-convert` draws it as a
/// PNG at twice the height the theme shows logos (`.site-logo`, 64 CSS pixels), in a process of
/// its own with a time and memory limit, so a hostile file can neither script the site nor
/// hang or crash the build. librsvg is used as a program rather than linked: drawing pulls in
/// cairo, Pango and GLib, and a process can be stopped.
package enum LogoFile {
    package static let extensions = ["png", "jpg", "jpeg", "svg"]
    static let svgHeight = 128
    /// Wider or taller than this is a photograph or a decompression bomb, not a logo.
    static let maximumSide: UInt32 = 6_000
    static let rsvgConvert = "/usr/bin/rsvg-convert"
    static let seconds = 10.0
    static let memory = 512 << 20

    package struct Problem: Error, Equatable {
        package var message: String
        package var suggestion: String
    }

    /// The bytes to publish for a logo read from a file ending in `ext`.
    package static func publishable(_ data: Data, ext: String) -> Result<Data, Problem> {
        switch ext.lowercased() {
        case "png": return decode(data, as: "PNG", signpost_check_png).map { data }
        case "jpg", "jpeg": return decode(data, as: "JPEG", signpost_check_jpeg).map { data }
        case "svg": return drawn(data).flatMap { png in decode(png, as: "PNG", signpost_check_png).map { png } }
        default: return .failure(Problem(message: "it is not a PNG, JPEG or SVG picture", suggestion: "save the logo as a PNG"))
        }
    }

    typealias Decoder = (UnsafePointer<UInt8>?, Int, UInt32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    static func decode(_ data: Data, as format: String, _ decoder: Decoder) -> Result<Void, Problem> {
        var message = [CChar](repeating: 0, count: 256)
        let ok = data.withUnsafeBytes { bytes in
            decoder(bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count, maximumSide, &message, message.count)
        }
        if ok == 1 { return .success(()) }
        let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return .failure(Problem(message: "it is not a \(format) picture that can be read (\(reason.isEmpty ? "it cannot be decoded" : reason))",
                                suggestion: "open it in a picture program and save it again as a \(format)"))
    }

    /// The SVG drawn as a PNG by `rsvg-convert`, run under `prlimit` with a memory limit and
    /// stopped after `seconds`.
    static func drawn(_ svg: Data) -> Result<Data, Problem> {
        guard FileManager.default.isExecutableFile(atPath: rsvgConvert) else {
            return .failure(Problem(message: "an SVG logo is drawn as a PNG by rsvg-convert, which is not installed",
                                    suggestion: "run `make deps` (Debian's librsvg2-bin), or save the logo as a PNG"))
        }
        var template = Array((NSTemporaryDirectory() + "signpost-logo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return .failure(Problem(message: "no temporary folder could be made to draw it", suggestion: "try again")) }
        let folder = URL(fileURLWithPath: String(cString: made))
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("logo.svg"), output = folder.appendingPathComponent("logo.png")
        let failed = Problem(message: "it is not an SVG picture that can be drawn", suggestion: "save it again from the drawing program as a plain SVG, or use a PNG")
        do { try svg.write(to: input) } catch { return .failure(failed) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--as=\(memory)", "--", rsvgConvert, "--height", String(svgHeight), "--keep-aspect-ratio", "--format", "png",
                             "--output", output.path, input.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(failed) }
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return .failure(Problem(message: "drawing it took more than \(Int(seconds)) seconds", suggestion: "save a simpler copy from the drawing program, or use a PNG"))
        }
        guard process.terminationStatus == 0, let png = try? Data(contentsOf: output), !png.isEmpty else { return .failure(failed) }
        return .success(png)
    }
}
