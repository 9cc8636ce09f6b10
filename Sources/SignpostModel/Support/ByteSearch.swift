import Glibc

extension Array where Element == UInt8 {
    /// Where `needle` first occurs at or after `start`: `memchr` to each place its first byte is,
    /// `memcmp` for the rest.
    package func firstRange(of needle: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, count >= needle.count, start >= 0, start <= count - needle.count else { return nil }
        return withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                let base = haystack.baseAddress!
                let last = haystack.count - needle.count
                var index = start
                while index <= last {
                    guard let found = memchr(base + index, Int32(needle[0]), last - index + 1) else { return nil }
                    index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                    if memcmp(base + index, needle.baseAddress!, needle.count) == 0 { return index..<(index + needle.count) }
                    index += 1
                }
                return nil
            }
        }
    }
}
