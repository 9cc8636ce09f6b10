import Foundation

/// How to start the browser that prints pages as PDFs: one process prints many documents,
/// driven over the DevTools protocol on a pipe (`DevToolsPipe`, `PDFWorker`).
public struct PDFEngine: Sendable, Hashable {
    /// For messages: "Chromium".
    public var name: String
    public var executable: String
    public var arguments: [String]
    /// Everything that decides what the engine writes (its build, its settings, the fonts): a
    /// PDF made by an engine with another identity is made again.
    public var identity: String

    public init(name: String, executable: String, arguments: [String], identity: String) {
        self.name = name
        self.executable = executable
        self.arguments = arguments
        self.identity = identity
    }
}

extension PDFEngine {
    /// Where Debian's `chromium` package puts the browser itself (`/usr/bin/chromium` is a
    /// shell script that adds the desktop's settings).
    public static let debianChromium = "/usr/lib/chromium/chromium"

    /// Debian's `fonts-liberation` and `fonts-dejavu-core`: the only fonts the engine sees.
    /// `fonts-dejavu-extra` adds a maths font to the same folder whose outlines Chromium could
    /// only embed as pictures of glyphs (Type 3), which readers cannot search: it is left out.
    static let leftOutFonts = ["*/DejaVuMathTeXGyre*"]
    static let fontFolders = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu"]
    static let fontFamilies = [
        "sans-serif": ["Liberation Sans", "DejaVu Sans"],
        "serif": ["Liberation Serif", "DejaVu Serif"],
        "monospace": ["Liberation Mono", "DejaVu Sans Mono"],
    ]

    /// A headless browser that prints and does nothing else: no network of its own (every page
    /// request is answered from the site's folder by `PDFWorker`; any other host does not
    /// resolve, through a proxy that does not exist), no scripts, no GPU, no extensions,
    /// updates, crash reports or sync. The sandbox is off because it needs user namespaces
    /// that containers and CI runners often lack; what the browser loads is only the site's
    /// own pages, with scripts off.
    static let flags = [
        "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-default-apps", "--disable-breakpad", "--no-pings", "--mute-audio", "--hide-scrollbars",
        "--disable-dev-shm-usage", "--blink-settings=scriptEnabled=false", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--font-render-hinting=none", "--lang=en-GB",
        "--renderer-process-limit=1",
        "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,CertificateTransparencyComponentUpdater",
    ]

    /// Chromium: `SIGNPOST_CHROMIUM` (a browser's program) if set, else Debian's, which `make site`
    /// installs. Nil when it is not installed.
    public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFEngine? {
        let candidates = environment["SIGNPOST_CHROMIUM"].flatMap { $0.isEmpty ? nil : [$0] } ?? [debianChromium]
        for path in candidates {
            if let engine = chromium(at: path) { return engine }
        }
        return nil
    }

    /// The browser at `path`, if it is a program there and the fonts it must use are installed.
    public static func chromium(at path: String) -> PDFEngine? {
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: path), fontFolders.allSatisfy({ fm.fileExists(atPath: $0) }),
              let attributes = try? fm.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path) else { return nil }
        // The program's size and time stand for its version: an upgrade changes them.
        let size = attributes[.size] as? Int ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let identity = "Chromium " + SourceFingerprint.of(Data("\(path) \(size) \(Int(modified)) \(flags) \(fontConfig(cache: ""))".utf8))
        return PDFEngine(name: "Chromium", executable: path, arguments: flags, identity: identity)
    }

    /// A fontconfig file that shows the engine only the fonts Signpost installs, so the PDFs do
    /// not change with what else is on the machine.
    static func fontConfig(cache: String) -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let folders = fontFolders.map { "<dir>\(escaped($0))</dir>" }.joined()
        let families = fontFamilies.sorted { $0.key < $1.key }.map { generic, preferred in
            "<alias binding=\"same\"><family>\(generic)</family><prefer>"
                + preferred.map { "<family>\($0)</family>" }.joined() + "</prefer></alias>"
        }.joined()
        let leftOut = "<selectfont><rejectfont>" + leftOutFonts.map { "<glob>\(escaped($0))</glob>" }.joined() + "</rejectfont></selectfont>"
        return "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">"
            + "<fontconfig>\(folders)<cachedir>\(escaped(cache))</cachedir>\(leftOut)\(families)</fontconfig>"
    }
}
