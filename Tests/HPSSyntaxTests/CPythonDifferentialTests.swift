import Foundation
import Testing
@testable import HPSSyntax

// Differential test against the real CPython (skipped, with a note, when `python3` is not on PATH;
// CI has it): seeded mutations of the valid corpus and random token soup are compiled by both.
// Every input must be accepted by both or rejected by both, and the error messages and lines must
// agree on almost all of them (the remaining few differ in which of two errors is reported first).

/// Runs `python3` on `inputs`, returning per input nil (compiles) or (className, message, line).
func cpythonVerdicts(_ inputs: [String]) throws -> [(String, String, Int)?]? {
  let script = """
    import json, sys, warnings
    warnings.simplefilter("ignore")
    out = []
    for src in json.load(sys.stdin):
        try:
            compile(src, "f", "exec"); out.append(None)
        except SyntaxError as e:
            out.append([type(e).__name__, e.msg, e.lineno or 0])
        except (ValueError, MemoryError, RecursionError) as e:
            out.append([type(e).__name__, str(e), 0])
    json.dump(out, sys.stdout)
    """
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script]
  let input = Pipe()
  let output = Pipe()
  process.standardInput = input
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  do { try process.run() } catch { return nil }
  let payload = try JSONSerialization.data(withJSONObject: inputs)
  let writer = Thread {
    input.fileHandleForWriting.write(payload)
    try? input.fileHandleForWriting.close()
  }
  writer.start()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0, let rows = try JSONSerialization.jsonObject(with: data) as? [Any] else {
    return nil
  }
  return rows.map { row in
    guard let fields = row as? [Any], fields.count == 3, let name = fields[0] as? String,
      let message = fields[1] as? String, let line = fields[2] as? Int
    else { return nil }
    return (name, message, line)
  }
}

@Test func agreesWithCPythonOnMutatedPrograms() throws {
  var inputs: [String] = []
  for seed in 0..<UInt64(700) { inputs.append(mutatedInput(seed: 9_000_000 + seed)) }
  for seed in 0..<UInt64(300) { inputs.append(tokenSoupInput(seed: 11_000_000 + seed)) }
  inputs += validCorpus
  guard let verdicts = try cpythonVerdicts(inputs) else {
    print("note: python3 not available; CPython differential test not run")
    return
  }
  try #require(verdicts.count == inputs.count)
  var compared = 0
  var sameMessage = 0
  var sameLine = 0
  for (text, expected) in zip(inputs, verdicts) {
    if let expected, expected.0 == "ValueError" { continue }
    let ours = syntaxError(text)
    #expect((ours == nil) == (expected == nil), "accept/reject differs on \(text.debugDescription): CPython \(String(describing: expected)), hps \(String(describing: ours))")
    guard let ours, let expected else { continue }
    compared += 1
    if ours.message == expected.1 {
      sameMessage += 1
      // CPython gives no line for a NUL byte.
      if ours.location.line == expected.2 || expected.2 == 0 { sameLine += 1 }
    }
  }
  #expect(compared > 500)
  #expect(Double(sameMessage) >= 0.95 * Double(compared), "same message: \(sameMessage) of \(compared)")
  #expect(Double(sameLine) >= 0.97 * Double(sameMessage), "same line: \(sameLine) of \(sameMessage)")
}
