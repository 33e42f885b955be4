// Locates the `hps` binary that `swift build` produced, and runs it to completion.
import Foundation

enum HPSBinary {
  /// The package root, derived from this file's location (Tests/HPSCLITests/HPSBinary.swift).
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `.build/debug/hps`, or HPS_BINARY when set (e.g. to test a release build).
  static var url: URL {
    if let path = ProcessInfo.processInfo.environment["HPS_BINARY"] { return URL(fileURLWithPath: path) }
    return packageRoot.appendingPathComponent(".build/debug/hps")
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The process was killed after the timeout.
    var timedOut = false
  }

  /// Runs hps with the given arguments and stdin, killing it after `timeout` seconds.
  static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil, timeout: Double = 60)
    throws -> Result
  {
    try runProcess(url, arguments, stdin: stdin, in: directory, timeout: timeout)
  }

  /// Runs a command to completion with `stdin` (or none), draining stdout and stderr
  /// concurrently so a chatty child never blocks on a full pipe, and killing it after `timeout`.
  static func runProcess(
    _ executable: URL, _ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
    timeout: Double = 60
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try process.run()
    if let stdin {
      input.fileHandleForWriting.write(Data(stdin.utf8))
      try? input.fileHandleForWriting.close()
    }
    let timedOut = Flag()
    let timer = DispatchWorkItem {
      if process.isRunning {
        timedOut.set()
        kill(process.processIdentifier, SIGKILL)
      }
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
    let errData = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData.data = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    timer.cancel()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData.data, as: UTF8.self), timedOut: timedOut.isSet)
  }

  /// Data handed from the reader thread; `group.wait()` orders the write before the read.
  private final class Box: @unchecked Sendable { var data = Data() }

  private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
  }
}
