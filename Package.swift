// swift-tools-version:6.0
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
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
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
        .target(
            name: "SignpostCore",
            dependencies: [
                "CCmarkGFM",
                "CQREncode",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The preview server, kept apart so the generator itself has no networking code.
        .target(
            name: "SignpostServe",
            dependencies: ["SignpostCore", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "signpost",
            dependencies: [
                "SignpostCore",
                "SignpostServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Measurements for `make bench` (the floor and incremental rebuilds) through the library.
        .executableTarget(
            name: "signpost-bench",
            dependencies: ["SignpostCore"]
        ),
        .testTarget(
            name: "SignpostCoreTests",
            dependencies: ["SignpostCore", "SignpostServe"]
        ),
    ]
)
