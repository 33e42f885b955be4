import Foundation
import Testing

/// `hps notebook run` / `hps notebook export` through the built binary: files, flags, exit codes.
@Suite struct NotebookCommandTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static var binary: URL {
    if let path = ProcessInfo.processInfo.environment["HPS_BINARY"] { return URL(fileURLWithPath: path) }
    return packageRoot.appendingPathComponent(".build/debug/hps")
  }

  private func hps(_ args: [String], in dir: URL) throws -> (status: Int32, stderr: String, stdout: String) {
    let p = Process()
    p.executableURL = Self.binary
    p.arguments = args
    p.currentDirectoryURL = dir
    let err = Pipe()
    let out = Pipe()
    p.standardError = err
    p.standardOutput = out
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: errData, as: UTF8.self), String(decoding: outData, as: UTF8.self))
  }

  private func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nbcli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// nbformat stores multi-line text as a list of lines.
  private func text(_ v: Any?) -> String? { (v as? String) ?? (v as? [String])?.joined() }

  private func cells(_ url: URL) throws -> [[String: Any]] {
    let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    return root?["cells"] as? [[String: Any]] ?? []
  }

  @Test func testRunWritesBesideTheInputAndSeesItsFolder() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "value = 7\n".write(to: dir.appendingPathComponent("helper.hps"), atomically: true, encoding: .utf8)
    try NotebookRunnerTests.notebook([("code", "import helper\nhelper.value * 6"), ("code", "open('data.txt', 'w').write('ok')")])
      .write(to: dir.appendingPathComponent("nb.ipynb"))
    let elsewhere = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let r = try hps(["notebook", "run", dir.appendingPathComponent("nb.ipynb").path], in: elsewhere)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("2 cells"))
    let out = try cells(dir.appendingPathComponent("nb.nbconvert.ipynb"))
    let result = (out[0]["outputs"] as? [[String: Any]])?.first?["data"] as? [String: Any]
    #expect(text(result?["text/plain"]) == "42")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("data.txt").path))
  }

  @Test func testErrorsExitNonZeroAndFlags() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let nb = dir.appendingPathComponent("e.ipynb")
    try NotebookRunnerTests.notebook([("code", "1/0"), ("code", "print('later')")]).write(to: nb)
    let stop = try hps(["notebook", "run", "e.ipynb", "--output", "out.ipynb"], in: dir)
    #expect(stop.status == 1)
    #expect(stop.stderr.contains("raised ZeroDivisionError: division by zero"))
    #expect(stop.stderr.contains("--allow-errors"))
    #expect((try cells(dir.appendingPathComponent("out.ipynb"))[1]["outputs"] as? [Any])?.isEmpty == true)

    let all = try hps(["notebook", "run", "e.ipynb", "--inplace", "--allow-errors"], in: dir)
    #expect(all.status == 1)
    let inplace = try cells(nb)
    #expect(text((inplace[1]["outputs"] as? [[String: Any]])?.first?["text"]) == "later\n")

    let both = try hps(["notebook", "run", "e.ipynb", "--inplace", "--output", "x.ipynb"], in: dir)
    #expect(both.status != 0 && both.stderr.contains("either --output or --inplace"))
    let missing = try hps(["notebook", "run", "missing.ipynb"], in: dir)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("cannot read notebook 'missing.ipynb': no such file"))
  }

  @Test func testExport() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try NotebookRunnerTests.notebook([("markdown", "Intro"), ("code", "print(1 + 1)")]).write(to: dir.appendingPathComponent("x.ipynb"))
    let r = try hps(["notebook", "export", "x.ipynb"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let script = try String(contentsOf: dir.appendingPathComponent("x.hps"), encoding: .utf8)
    #expect(script == "# Intro\n\nprint(1 + 1)\n")
    let run = try hps(["x.hps"], in: dir)
    #expect(run.stdout == "2\n")
    let stdout = try hps(["notebook", "export", "x.ipynb", "-o", "-"], in: dir)
    #expect(stdout.stdout == script)
  }
}
