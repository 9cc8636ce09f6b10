// swift-tools-version:6.1
// Linux only: the generator calls Glibc directly (open, read, write, pthread) and links
// Debian's cmark-gfm and libqrencode, so no Apple platform is declared.
import PackageDescription

// Each stage is its own module; in a release build the compiler may still inline and specialise
// across them (generic helpers, the model's small accessors) as it did when they were one.
let stageSettings: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "Signpost",
    products: [
        .executable(name: "signpost", targets: ["signpost"]),
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
        // The generator, one target per stage of the pipeline. Each depends only on stages
        // before it, so the compiler refuses a link back up; `make lint` checks the order
        // (Tests/lint/check.py), and ARCHITECTURE.md draws it.
        //
        // What every stage shares: the content's types, diagnostics, and small helpers.
        .target(name: "SignpostModel", swiftSettings: stageSettings),
        // Content/ read into the model: Markdown files with YAML front matter.
        .target(
            name: "SignpostLoad",
            dependencies: ["SignpostModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: stageSettings
        ),
        // The layers (national → area → school) resolved into what each school publishes.
        .target(name: "SignpostResolve", dependencies: ["SignpostModel"], swiftSettings: stageSettings),
        // Checks of the resolved content: references, levels, topics, style.
        .target(name: "SignpostValidate", dependencies: ["SignpostModel", "SignpostResolve"], swiftSettings: stageSettings),
        // Pages planned and rendered: Markdown (cmark-gfm), the theme (Mustache), QR codes.
        .target(
            name: "SignpostRender",
            dependencies: [
                "SignpostModel", "SignpostLoad", "SignpostResolve", "SignpostValidate",
                "CCmarkGFM", "CQREncode",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: stageSettings
        ),
        // Files written into a staging folder that replaces the site whole.
        .target(name: "SignpostWrite", dependencies: ["SignpostModel", "SignpostResolve", "CImageCheck"], swiftSettings: stageSettings),
        // What is made from the written site: PDFs (Chromium) and one school's zip.
        .target(
            name: "SignpostPublish",
            dependencies: [
                "SignpostModel", "SignpostResolve", "SignpostRender", "SignpostWrite",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: stageSettings
        ),
        // The stages run in order, for a build, a check or a preview's rebuild.
        .target(
            name: "SignpostPipeline",
            dependencies: [
                "SignpostModel", "SignpostLoad", "SignpostResolve", "SignpostValidate",
                "SignpostRender", "SignpostWrite", "SignpostPublish",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: stageSettings
        ),
        // Beside the build, for offices: `signpost new`, `explain` and the field guide.
        .target(
            name: "SignpostAuthoring",
            dependencies: ["SignpostModel", "SignpostLoad", "SignpostResolve", "SignpostPipeline"],
            swiftSettings: stageSettings
        ),
        // `export oruk`: the offer as Open Referral UK data.
        .target(name: "SignpostExport", dependencies: ["SignpostModel", "SignpostResolve", "CLibCrypto"], swiftSettings: stageSettings),
        // `report` and what `check --links` remembers between runs.
        .target(
            name: "SignpostUpkeep",
            dependencies: ["SignpostModel", "SignpostResolve", "SignpostRender", "SignpostExport"],
            swiftSettings: stageSettings
        ),
        // The preview server, kept apart so the generator itself has no networking code.
        .target(
            name: "SignpostServe",
            dependencies: [
                "SignpostModel", "SignpostRender", "SignpostWrite",
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
            dependencies: ["SignpostModel", "SignpostUpkeep"]
        ),
        // Both programs allocate through Debian's libmimalloc-dev (mimalloc replaces malloc for
        // the whole process): a build makes and frees millions of small strings and arrays.
        .executableTarget(
            name: "signpost",
            dependencies: [
                "SignpostModel", "SignpostLoad", "SignpostResolve", "SignpostValidate", "SignpostRender",
                "SignpostPublish", "SignpostPipeline", "SignpostAuthoring", "SignpostExport", "SignpostUpkeep",
                "SignpostServe",
                "SignpostLinks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        // Measurements for `make bench` (the floor and incremental rebuilds) through the library.
        .executableTarget(
            name: "signpost-bench",
            dependencies: ["SignpostModel", "SignpostLoad", "SignpostResolve", "SignpostPipeline"],
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        .testTarget(
            name: "SignpostCoreTests",
            dependencies: [
                "SignpostModel", "SignpostLoad", "SignpostResolve", "SignpostValidate", "SignpostRender",
                "SignpostWrite", "SignpostPublish", "SignpostPipeline", "SignpostAuthoring",
                "SignpostExport", "SignpostUpkeep",
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
