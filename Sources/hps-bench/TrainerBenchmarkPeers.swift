// Running the peers and hps's worker as child processes and reading their one-line JSON results.
import Foundation

struct PeerResult {
  var samplesPerSecond: Double
  /// Throughput per CPU-second used (all threads): steadier than wall time on a shared machine.
  var samplesPerCPUSecond: Double
  var testAccuracy: Double
  var peakRSSMB: Double
  var threads: Int
  /// hps's worker only: the SGEMM bound measured in the same process right after training.
  var boundSamplesPerSecond: Double?
  var boundSamplesPerCPUSecond: Double?
}

enum TrainerBenchmarkError: Error, CustomStringConvertible {
  case childFailed(command: String, status: Int32, output: String)
  case badOutput(command: String, output: String)

  var description: String {
    switch self {
    case .childFailed(let c, let s, let o): return "\(c) exited with status \(s):\n\(o)"
    case .badOutput(let c, let o): return "\(c) printed no JSON result:\n\(o)"
    }
  }
}

enum TrainerBenchmarkRunner {
  /// Runs a child process, returning the JSON object on the last line of its standard output.
  static func runJSON(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> [String: Any] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read stderr on another thread so a chatty child cannot fill the pipe and block.
    let errBox = ErrorText()
    let reader = Thread { errBox.text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
    reader.start()
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    let command = ([executable] + arguments).joined(separator: " ")
    guard process.terminationStatus == 0 else {
      throw TrainerBenchmarkError.childFailed(command: command, status: process.terminationStatus, output: stdout + errBox.text)
    }
    guard let line = stdout.split(separator: "\n").last,
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    else { throw TrainerBenchmarkError.badOutput(command: command, output: stdout + errBox.text) }
    return object
  }

  static func result(_ json: [String: Any]) -> PeerResult {
    func d(_ k: String) -> Double { (json[k] as? NSNumber)?.doubleValue ?? .nan }
    return PeerResult(samplesPerSecond: d("samples_per_s"), samplesPerCPUSecond: d("samples_per_cpu_s"), testAccuracy: d("test_accuracy"), peakRSSMB: d("peak_rss_mb"),
                      threads: (json["threads"] as? NSNumber)?.intValue ?? 0,
                      boundSamplesPerSecond: (json["bound_samples_per_s"] as? NSNumber)?.doubleValue,
                      boundSamplesPerCPUSecond: (json["bound_samples_per_cpu_s"] as? NSNumber)?.doubleValue)
  }

  /// The path of the running executable (to re-run itself as the hps worker).
  static var selfExecutable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }
}

final class ErrorText: @unchecked Sendable { var text = "" }
