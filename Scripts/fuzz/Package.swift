// swift-tools-version:6.0
// libFuzzer target for the input stage (CSV and EDF decoders, time axis, analysis on what they
// produce). Built and run by Scripts/fuzz.sh; not part of the main package so that normal builds
// need no sanitizer runtime.
import PackageDescription

let package = Package(
    name: "myotwitch-fuzz",
    dependencies: [.package(name: "myotwitch", path: "../..")],
    targets: [
        .executableTarget(
            name: "fuzz-decoder",
            dependencies: [.product(name: "MyoTwitch", package: "myotwitch")],
            // Sanitizer flags come from Scripts/fuzz.sh (-Xswiftc), so that the library is
            // instrumented for coverage too, not just this target. gold fails on the result.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ),
    ]
)
