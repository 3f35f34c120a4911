// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "myotwitch",
    products: [
        .library(name: "MyoTwitch", targets: ["MyoTwitch"]),
        .executable(name: "myotwitch", targets: ["myotwitch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // FFTW 3 (double precision), from Debian's libfftw3-dev; Scripts/install-deps.sh installs it.
        .systemLibrary(
            name: "CFFTW",
            pkgConfig: "fftw3",
            providers: [.apt(["libfftw3-dev"])]
        ),
        // Eight EMG channels conditioned in AVX2 where the processor has it (`LaneKernel`).
        .target(name: "CSectionLanes"),
        .target(
            name: "MyoTwitch",
            dependencies: ["CFFTW", "CSectionLanes"]
        ),
        .executableTarget(
            name: "myotwitch",
            dependencies: [
                "MyoTwitch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MyoTwitchTests", dependencies: ["MyoTwitch"], exclude: ["Golden"]),
        .testTarget(name: "myotwitchTests", dependencies: ["MyoTwitch"]),
    ]
)
