// CPython is the oracle: every program in Tests/Conformance runs under `python3 -I -S` and under
// `hps run`, and both must print the same stdout, exit with the same status and end stderr with
// the same line (the exception line of a traceback). See Tests/Conformance/README.md.

import Foundation
import Testing

enum Conformance {
  static let packageRoot = HPSBinary.packageRoot

  static let folder = packageRoot.appendingPathComponent("Tests/Conformance")

  /// Every `*.py` program of the suite, sorted by name.
  static let programs: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".py") }.sorted()
  }()

  static var pythonCommand: [String] {
    if let path = ProcessInfo.processInfo.environment["HPS_PYTHON"], !path.isEmpty { return [path, "-I", "-S"] }
    return ["/usr/bin/env", "python3", "-I", "-S"]
  }

  /// The hps executable under test: $HPS_CONFORMANCE_BINARY (to check the harness itself against
  /// another interpreter) or the debug build that scripts/test makes before `swift test`.
  static var hpsBinary: URL {
    if let path = ProcessInfo.processInfo.environment["HPS_CONFORMANCE_BINARY"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    return packageRoot.appendingPathComponent(".build/debug/hps")
  }

  /// Seconds one program may run before it counts as hung.
  static let timeout: TimeInterval = 60

  struct Outcome {
    var stdout: String
    var stderr: String
    var status: Int32
    var timedOut: Bool

    /// The last non-empty stderr line: the exception line of a traceback, or "" when silent.
    var lastStderrLine: String {
      stderr.split(separator: "\n", omittingEmptySubsequences: true).last.map(String.init) ?? ""
    }
  }

  /// Runs a command with no stdin, killing it after `timeout`.
  static func run(_ command: [String], in directory: URL) throws -> Outcome {
    let result = try HPSBinary.runProcess(
      URL(fileURLWithPath: command[0]), Array(command.dropFirst()), in: directory, timeout: timeout)
    return Outcome(stdout: result.stdout, stderr: result.stderr, status: result.status, timedOut: result.timedOut)
  }

  /// A short report of the first difference between two outputs, with a little context.
  static func firstDifference(expected: String, actual: String) -> String {
    let want = expected.components(separatedBy: "\n")
    let got = actual.components(separatedBy: "\n")
    var index = 0
    while index < min(want.count, got.count) && want[index] == got[index] { index += 1 }
    var lines = ["first difference at stdout line \(index + 1):"]
    for k in max(0, index - 2)..<index { lines.append("  \(want[k])") }
    lines.append("- \(index < want.count ? want[index] : "<end of output>")   (python3)")
    lines.append("+ \(index < got.count ? got[index] : "<end of output>")   (hps)")
    return lines.joined(separator: "\n")
  }
}

@Suite("CPython conformance: python3 and hps print the same")
struct ConformanceTests {
  @Test("The suite has its programs")
  func suiteIsPopulated() {
    #expect(Conformance.programs.count >= 70, "found \(Conformance.programs.count) programs in \(Conformance.folder.path)")
  }

  @Test("Program matches CPython", arguments: Conformance.programs)
  func program(_ name: String) throws {
    let path = Conformance.folder.appendingPathComponent(name).path
    let python = try Conformance.run(Conformance.pythonCommand + [path], in: Conformance.folder)
    try #require(!python.timedOut, "python3 timed out on \(name)")
    guard FileManager.default.isExecutableFile(atPath: Conformance.hpsBinary.path) else {
      Issue.record("\(Conformance.hpsBinary.path) is missing: run `swift build` before `swift test`")
      return
    }
    let hps = try Conformance.run([Conformance.hpsBinary.path, "run", path], in: Conformance.folder)
    #expect(!hps.timedOut, "hps run timed out after \(Conformance.timeout) s")
    if hps.stdout != python.stdout {
      Issue.record("stdout differs for \(name)\n\(Conformance.firstDifference(expected: python.stdout, actual: hps.stdout))")
    }
    #expect(hps.status == python.status, "exit status of \(name)")
    #expect(hps.lastStderrLine == python.lastStderrLine, "last stderr line of \(name)")
  }
}
