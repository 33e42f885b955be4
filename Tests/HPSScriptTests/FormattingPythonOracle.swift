// Runs CPython as the test oracle: the tests feed it inputs and compare our output with its own.

import Foundation

enum PythonOracle {
  /// The interpreter the tests compare against: $HPS_PYTHON (set by scripts/test) or python3.
  static var executable: [String] {
    if let path = ProcessInfo.processInfo.environment["HPS_PYTHON"], !path.isEmpty { return [path] }
    return ["/usr/bin/env", "python3"]
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Runs `python -I -S -c code` with `input` on stdin and returns its stdout.
  static func run(_ code: String, input: String = "") throws -> String {
    let process = Process()
    let command = executable
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst()) + ["-I", "-S", "-c", code]
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Write on another thread so a large input cannot deadlock against a full stdout pipe.
    let writer = Thread {
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(description: "python3 failed: \(String(decoding: errors, as: UTF8.self))")
    }
    return String(decoding: output, as: UTF8.self)
  }
}

/// A small seeded generator (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Rows of an oracle table: one line per row, tab-separated fields; `\\`, `\t`, `\n` and `\uXXXX`
/// escapes stand for characters that cannot appear raw.
func oracleRows(_ text: String) -> [[String]] {
  // Split on scalars, not Characters: a tab or newline followed by a combining mark is one
  // Character in Swift but still a separator in the table.
  var rows: [[String]] = []
  var fields: [String] = []
  var field = String.UnicodeScalarView()
  var escaped = false
  var hexPending = 0
  var hex = ""
  for ch in text.unicodeScalars {
    if hexPending > 0 {
      hex.unicodeScalars.append(ch)
      hexPending -= 1
      if hexPending == 0 { field.append(Unicode.Scalar(UInt32(hex, radix: 16) ?? 0xFFFD) ?? "\u{FFFD}") }
      continue
    }
    if escaped {
      escaped = false
      switch ch {
      case "t": field.append("\t")
      case "n": field.append("\n")
      case "u":
        hexPending = 4
        hex = ""
      default: field.append(ch)
      }
      continue
    }
    switch ch {
    case "\\": escaped = true
    case "\t":
      fields.append(String(field))
      field = String.UnicodeScalarView()
    case "\n":
      fields.append(String(field))
      field = String.UnicodeScalarView()
      rows.append(fields)
      fields = []
    default: field.append(ch)
    }
  }
  if !field.isEmpty || !fields.isEmpty {
    fields.append(String(field))
    rows.append(fields)
  }
  return rows
}

/// A double from its IEEE bit pattern written in hex.
func doubleFromHexBits(_ text: String) -> Double {
  Double(bitPattern: UInt64(text, radix: 16) ?? 0)
}
