import CCmarkGFM
import Glibc

/// Signpost's stand-in for cmark-gfm's `cmark_manage_extensions_special_characters`, which
/// every parse calls to add its extensions' characters to the library's one global table and
/// again to remove them (see `MarkdownRenderer.registered`). The programs export this symbol
/// (Package.swift), so the library's call, made through its PLT, reaches this one, which does
/// nothing: the characters were added once, by the library's own function, before any parse.
@_cdecl("cmark_manage_extensions_special_characters")
public func signpostManageSpecialCharacters(_ parser: OpaquePointer?, _ add: Int32) {}

enum SpecialCharacters {
    typealias Manage = @convention(c) (OpaquePointer?, Int32) -> Void

    /// The library's own function, found past this program (`RTLD_NEXT`).
    static let library: Manage? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "cmark_manage_extensions_special_characters") else { return nil }
        return unsafeBitCast(symbol, to: Manage.self)
    }()

    /// Whether the library calls the stand-in: the symbol the dynamic linker resolves is this
    /// program's. False in a program linked without exporting it (then parsing takes a lock).
    static let isShared: Bool = {
        guard let global = dlsym(nil, "cmark_manage_extensions_special_characters"), let library else { return false }
        return global != unsafeBitCast(library, to: UnsafeMutableRawPointer.self)
    }()

    static func addOnce(_ parser: OpaquePointer) {
        if isShared { library?(parser, 1) }
    }
}
