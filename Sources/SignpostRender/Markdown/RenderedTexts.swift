/// Each distinct Markdown text of a build, rendered, found by the text itself. A build looks
/// texts up tens of thousands of times (every school's entries, pages and topics), and some
/// are long documents: hashing every byte of the key on every lookup cost more than a
/// lookup should, so a text is hashed by its length and ends (`SampledText`).
public struct RenderedTexts: Sendable {
    private var byText: [SampledText: RenderedMarkdown] = [:]

    public init() {}

    package init(_ texts: [String], _ rendered: [RenderedMarkdown]) {
        byText = Dictionary(zip(texts.map(SampledText.init), rendered), uniquingKeysWith: { first, _ in first })
    }

    private init(byText: [SampledText: RenderedMarkdown]) { self.byText = byText }

    public subscript(_ text: String) -> RenderedMarkdown? { byText[SampledText(text)] }

    public var isEmpty: Bool { byText.isEmpty }

    func filter(_ keep: (RenderedMarkdown) -> Bool) -> RenderedTexts {
        RenderedTexts(byText: byText.filter { keep($0.value) })
    }
}

/// A text as a key: equal when its bytes are, hashed by its length, its first 32 bytes and
/// its last 32 (texts that share all three still find each other, by comparing bytes).
package struct SampledText: Hashable, Sendable {
    package let text: String

    package init(_ text: String) { self.text = text }

    package static func == (a: SampledText, b: SampledText) -> Bool {
        var a = a.text, b = b.text
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.baseAddress == y.baseAddress || x.elementsEqual(y)) } }
    }

    package func hash(into hasher: inout Hasher) { SampledText.hash(text, into: &hasher) }

    static func hash(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            let sample = 32
            if bytes.count <= 2 * sample {
                hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            } else {
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<sample])))
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[(bytes.count - sample)...])))
            }
        }
    }
}
