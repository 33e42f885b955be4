// swift-tools-version:6.0
// hps: a hyperparameter-search workbench you talk to. See README.md and docs/ARCHITECTURE.md.
import PackageDescription

// The language and its front ends are written in Swift 5 language mode: an interpreter is a graph of
// mutable heap objects owned by one thread, and strict-concurrency checking there costs ceremony
// without catching real races. The engine (numerics, training, search) runs trials on several
// threads, so it is compiled in Swift 6 mode where the checker earns its keep.
let swift5: [SwiftSetting] = [.swiftLanguageMode(.v5)]

let package = Package(
  name: "hps",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "hps", targets: ["hps"]),
    .executable(name: "hps-bench", targets: ["hps-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
  ],
  targets: [
    // MARK: System libraries (Debian -dev packages; README's setup installs them)
    .systemLibrary(name: "CEditLine", path: "Sources/CEditLine", providers: [.apt(["libedit-dev"])]),
    .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),

    // MARK: The language (knows nothing of machine learning)
    .target(name: "HPSSyntax", swiftSettings: swift5),
    .target(
      name: "HPSScript",
      dependencies: ["HPSSyntax", .product(name: "BigInt", package: "BigInt")],
      // The interpreter's hot paths touch class properties constantly; dynamic exclusivity checks
      // cost ~15% there and guard nothing the single-threaded VM needs.
      swiftSettings: swift5 + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),

    // MARK: The engine (never imports the language)
    // -fno-math-errno: lets √ in the optimizer kernels lower to a vector instruction (docs/trainer.md).
    .target(
      name: "HPSNumerics", dependencies: ["COpenBLAS", "HPSNumericsAVX2", "HPSNumericsAVX512"],
      swiftSettings: [.unsafeFlags(["-Xcc", "-fno-math-errno"])]),
    // MARK: AVX2 kernels (search-speed): the training loops (KernelLoops), also compiled with the +avx2 target feature,
    // called only when CPUFeatures.avx2 says the CPU has it. The feature goes to clang's code
    // generator (which Swift's follows) as -target-feature, which other architectures ignore
    // with a warning rather than an error, so the package still builds there.
    .target(
      name: "HPSNumericsAVX2",
      swiftSettings: [.unsafeFlags(["-Xcc", "-fno-math-errno", "-Xcc", "-Xclang", "-Xcc", "-target-feature", "-Xcc", "-Xclang", "-Xcc", "+avx2"])]),
    // MARK: AVX-512 kernels (trainer-speed): AdamW's loop from HPSNumericsAVX2 (inlined) compiled with
    // +avx512f, called only when CPUFeatures.avx512 says the CPU has it; same fallback rule as above.
    .target(
      name: "HPSNumericsAVX512", dependencies: ["HPSNumericsAVX2"],
      swiftSettings: [.unsafeFlags(["-Xcc", "-fno-math-errno", "-Xcc", "-Xclang", "-Xcc", "-target-feature", "-Xcc", "-Xclang", "-Xcc", "+avx512f"])]),
    .target(name: "HPSTraining", dependencies: ["HPSNumerics"], resources: [.copy("Resources/datasets")]),
    .target(name: "HPSSearch", dependencies: ["CSQLite", "CTPEScoring"]),

    // MARK: TPE's scoring loop (C for AVX2, chosen at run time; bit-identical to the portable loop)
    .target(name: "CTPEScoring"),

    // MARK: The binding layer and front ends
    .target(
      name: "HPSKernel",
      dependencies: ["HPSScript", "HPSTraining", "HPSSearch"],
      swiftSettings: swift5),
    .executableTarget(
      name: "hps",
      dependencies: [
        "HPSKernel", "CEditLine", "HPSJupyter",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swift5),
    // Test helper: a study worker process for HPSSearch's multi-process storage tests.
    .executableTarget(name: "hps-search-worker", dependencies: ["HPSSearch"]),
    .executableTarget(
      name: "hps-bench",
      dependencies: [
        "HPSKernel", "HPSTraining", "HPSSearch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swift5),

    // MARK: Jupyter kernel (`hps kernel`): ZeroMQ sockets, HMAC-SHA256 signing, the messaging protocol
    .systemLibrary(name: "CZeroMQ", path: "Sources/CZeroMQ", providers: [.apt(["libzmq3-dev"])]),
    .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", providers: [.apt(["libssl-dev"])]),
    .target(name: "HPSJupyter", dependencies: ["HPSKernel", "CZeroMQ", "CCrypto"], swiftSettings: swift5),
    .testTarget(name: "HPSJupyterTests", dependencies: ["HPSJupyter"], exclude: ["python"], swiftSettings: swift5),

    // MARK: Tests (Swift Testing throughout)
    .testTarget(name: "HPSSyntaxTests", dependencies: ["HPSSyntax"], swiftSettings: swift5),
    .testTarget(
      name: "HPSScriptTests", dependencies: ["HPSScript"], exclude: ["oracle"], swiftSettings: swift5),
    .testTarget(name: "HPSNumericsTests", dependencies: ["HPSNumerics", "HPSNumericsAVX2", "HPSNumericsAVX512"]),
    .testTarget(name: "HPSTrainingTests", dependencies: ["HPSTraining"]),
    .testTarget(name: "HPSSearchTests", dependencies: ["HPSSearch"]),
    .testTarget(
      name: "HPSKernelTests", dependencies: ["HPSKernel"], exclude: ["PlotGolden"], swiftSettings: swift5),
    // Runs the built `hps` binary end to end: CPython conformance, golden errors, REPL sessions.
    .testTarget(name: "HPSCLITests", dependencies: ["HPSKernel"], swiftSettings: swift5),
  ]
)
