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
  }

  /// Runs hps with the given arguments and stdin, killing it after `timeout` seconds.
  static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil, timeout: Double = 60)
    throws -> Result
  {
    try runProcess(url, arguments, stdin: stdin, in: directory, timeout: timeout)
  }

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
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    timer.cancel()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
