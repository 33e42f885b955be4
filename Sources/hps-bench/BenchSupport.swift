// Shared plumbing for the benchmarks: locating the package, timing whole processes, printing JSON.
import Foundation

enum BenchSupport {
  /// The package root: the nearest directory above the current one holding Package.swift, or the
  /// one this source file was compiled from.
  static func packageRoot() -> URL {
    var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    while dir.path != "/" {
      if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
        return dir
      }
      dir.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// The `hps` binary built next to this one (same configuration).
  static func siblingExecutable(_ name: String) -> URL {
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return me.deletingLastPathComponent().appendingPathComponent(name)
  }

  struct ProcessResult {
    var status: Int32
    var seconds: Double
    var stdout: String
    var stderr: String
  }

  /// Runs a command to completion and measures its wall time (the whole process, start-up included).
  static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws
    -> ProcessResult
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    // Drain both pipes concurrently so a chatty child never blocks on a full pipe.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return ProcessResult(
      status: process.terminationStatus, seconds: seconds,
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Finds an executable on PATH.
  static func which(_ name: String) -> String? {
    if name.contains("/") { return name }
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let path = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  /// The median of the finite values (NaN when there are none).
  static func median(_ xs: [Double]) -> Double {
    let s = xs.filter { $0.isFinite }.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
  }

  static func geometricMean(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    return exp(values.map { log($0) }.reduce(0, +) / Double(values.count))
  }

  /// Serializes a JSON object with keys in the given order (Foundation's encoder sorts or scrambles).
  static func json(_ value: Any) -> String {
    switch value {
    case let dict as KeyValuePairs<String, Any>:
      return "{" + dict.map { "\(json($0.key)): \(json($0.value))" }.joined(separator: ", ") + "}"
    case let pairs as [(String, Any)]:
      return "{" + pairs.map { "\(json($0.0)): \(json($0.1))" }.joined(separator: ", ") + "}"
    case let array as [Any]:
      return "[" + array.map(json).joined(separator: ", ") + "]"
    case let string as String:
      let escaped = string.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
      return "\"\(escaped)\""
    case let double as Double:
      return double.isFinite ? "\(double)" : "null"
    case let int as Int:
      return "\(int)"
    case let bool as Bool:
      return bool ? "true" : "false"
    default:
      return "null"
    }
  }
}
