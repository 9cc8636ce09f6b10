// swift-tools-version:6.1
// Linux only: the generator calls Glibc directly (open, read, write, pthread) and links
// Debian's cmark-gfm and libqrencode, so no Apple platform is declared.
import PackageDescription

let package = Package(
    name: "Signpost",
    products: [
        .executable(name: "signpost", targets: ["signpost"]),
        .library(name: "SignpostCore", targets: ["SignpostCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // The preview server: HummingbirdCore (SwiftNIO) has idle timeouts, header limits and a
        // connection cap; its optional swift-configuration support is left out (no traits).
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // `build --school --zip`: one school's site as a zip (links Debian's zlib).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev + libcmark-gfm-extensions-dev (pkg-config covers both).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian's libqrencode-dev, for the handout's QR code.
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // Debian's libssl-dev: SHA-1 for the stable ids (UUIDv5) of `export oruk`.
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Logos are proved PNG or JPEG by decoding them with Debian's libpng-dev and libjpeg-dev
        // (libjpeg reports errors by longjmp, which only C may catch).
        .target(
            name: "CImageCheck",
            linkerSettings: [.linkedLibrary("png16"), .linkedLibrary("jpeg")]
        ),
        .target(
            name: "SignpostCore",
            dependencies: [
                "CCmarkGFM",
                "CQREncode",
                "CLibCrypto",
                "CImageCheck",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The preview server, kept apart so the generator itself has no networking code.
        .target(
            name: "SignpostServe",
            dependencies: [
                "SignpostCore",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `check --links`: web addresses checked over HTTP(S) with FoundationNetworking's URLSession
        // (part of the toolchain), kept apart like the preview server.
        .target(
            name: "SignpostLinks",
            dependencies: ["SignpostCore"]
        ),
        // Both programs allocate through Debian's libmimalloc-dev (mimalloc replaces malloc for
        // the whole process): a build makes and frees millions of small strings and arrays.
        .executableTarget(
            name: "signpost",
            dependencies: [
                "SignpostCore",
                "SignpostServe",
                "SignpostLinks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        // Measurements for `make bench` (the floor and incremental rebuilds) through the library.
        .executableTarget(
            name: "signpost-bench",
            dependencies: ["SignpostCore"],
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        .testTarget(
            name: "SignpostCoreTests",
            dependencies: [
                "SignpostCore",
                "SignpostServe",
                "SignpostLinks",
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
