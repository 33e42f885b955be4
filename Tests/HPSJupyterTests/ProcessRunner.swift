// Runs a child process to completion with a timeout, draining its output concurrently.
import Foundation

enum ProcessRunner {
  struct Result {
    var status: Int32
    var output: String
    var timedOut: Bool
  }

  /// stdout and stderr are merged (unittest reports on stderr); the child is killed after `timeout`.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
    timeout: Double
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    if let directory { process.currentDirectoryURL = directory }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let timedOut = Flag()
    let timer = DispatchWorkItem {
      if process.isRunning {
        timedOut.set()
        kill(process.processIdentifier, SIGKILL)
      }
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    timer.cancel()
    return Result(
      status: process.terminationStatus, output: String(decoding: data, as: UTF8.self), timedOut: timedOut.isSet)
  }

  private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
  }
}
