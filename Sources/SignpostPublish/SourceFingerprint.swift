import Foundation

/// A fingerprint of bytes that stays the same from one run to the next (Swift's `Hasher` is
/// seeded anew in every process), for the PDF manifest: 64-bit FNV-1a, written in hex. It
/// tells changed files from unchanged ones; nothing depends on it being hard to forge.
struct SourceFingerprint {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        var hash = state
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        // The length too, so that moving bytes from one part to the next changes the result.
        withUnsafeBytes(of: UInt64(data.count).littleEndian) { length in
            for byte in length { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        state = hash
    }

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func of(_ data: Data) -> String {
        var fingerprint = SourceFingerprint()
        fingerprint.add(data)
        return fingerprint.hex
    }
}
