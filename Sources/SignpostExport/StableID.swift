import CLibCrypto
import Foundation

/// Name-based UUIDs (version 5, RFC 9562): the same name always gives the same id, so an
/// entry's id in an export never changes while its file keeps its path.
public enum StableID {
    /// The RFC's namespace for URLs; Signpost's names are `urn:signpost:<path>`.
    static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    /// The id of `path` (a file's path inside Content/, or a name made from one).
    public static func uuid(_ path: String) -> String { uuid5(namespace: urlNamespace, name: "urn:signpost:" + path) }

    static func uuid5(namespace: [UInt8], name: String) -> String {
        let input = namespace + Array(name.utf8)
        var digest = [UInt8](repeating: 0, count: Int(SHA_DIGEST_LENGTH))
        _ = input.withUnsafeBufferPointer { bytes in SHA1(bytes.baseAddress, bytes.count, &digest) }
        var id = Array(digest.prefix(16))
        id[6] = (id[6] & 0x0f) | 0x50 // version 5
        id[8] = (id[8] & 0x3f) | 0x80 // the RFC's variant
        let hex = id.map { byte in String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }
}
