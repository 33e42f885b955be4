// The teaching notebooks in notebooks/: each runs top to bottom with `hps notebook run` and with
// nbclient on the installed hps kernel, its output validates with the real nbformat package, and
// its plain-script twin (NB.hps) is exactly `hps notebook export` of it and runs with `hps run`.
// The Python checks need HPS_PYTHON (scripts/test's venv: nbformat, nbclient, jupyter_client).
import Foundation
import Testing

@Suite(.serialized) struct NotebookExamplesTests {
  static let folder = HPSBinary.packageRoot.appendingPathComponent("notebooks")
  static let tools = folder.appendingPathComponent("tools")
  /// Each notebook must finish within a minute (the issue's budget on 2 cores).
  static let budget = 60.0

  static var notebooks: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".ipynb") }.map { String($0.dropLast(".ipynb".count)) }.sorted()
  }

  static var python: String {
    if let path = ProcessInfo.processInfo.environment["HPS_PYTHON"], !path.isEmpty { return path }
    return HPSBinary.packageRoot.appendingPathComponent(".venv/bin/python").path
  }

  struct Failure: Error, CustomStringConvertible { let description: String }

  static func requirePython() throws -> String {
    guard FileManager.default.isExecutableFile(atPath: python) else {
      throw Failure(description: "no Python with nbformat at \(python): run scripts/test (it makes .venv and sets HPS_PYTHON)")
    }
    return python
  }

  /// A scratch folder holding a copy of one notebook file, so runs never write into the repository.
  static func scratchCopy(of file: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hps-nbexamples-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: dir.appendingPathComponent(file))
    return dir
  }

  static func json(_ url: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
  }

  @Test func testTheSixTeachingNotebooksAndTheirTwinsExist() throws {
    let names = Self.notebooks
    #expect(names.count >= 6, "notebooks: \(names)")
    for topic in ["quickstart", "optuna", "ray", "wandb", "multi-objective", "tpe"] {
      #expect(names.contains { $0.contains(topic) }, "no notebook about \(topic) in \(names)")
    }
    for name in names {
      #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent("\(name).hps").path), "\(name).hps missing")
      let root = try Self.json(Self.folder.appendingPathComponent("\(name).ipynb"))
      #expect(root["nbformat"] as? Int == 4)
      let spec = (root["metadata"] as? [String: Any])?["kernelspec"] as? [String: Any]
      #expect(spec?["name"] as? String == "hps", "\(name): kernelspec \(String(describing: spec))")
      let cells = root["cells"] as? [[String: Any]] ?? []
      let markdown = cells.filter { $0["cell_type"] as? String == "markdown" }
      #expect(markdown.count >= 3, "\(name) explains itself in too few markdown cells")
    }
  }

  /// tools/cells/NAME.cells as (kind, text) pairs, read as build_notebooks.py reads them.
  static func cellSource(_ name: String) throws -> [(String, String)] {
    let text = try String(contentsOf: tools.appendingPathComponent("cells/\(name).cells"), encoding: .utf8)
    var cells: [(String, String)] = []
    var kind: String?
    var lines: [String] = []
    func flush() {
      var body = lines.joined(separator: "\n")
      while body.hasPrefix("\n") { body.removeFirst() }
      while body.hasSuffix("\n") { body.removeLast() }
      if let kind, !body.isEmpty { cells.append((kind, body)) }
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("%% ") {
        flush()
        kind = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
        lines = []
      } else if kind != nil {
        lines.append(String(line))
      }
    }
    flush()
    return cells
  }

  @Test(arguments: NotebookExamplesTests.notebooks) func testNotebookMatchesItsCellSource(_ name: String) throws {
    let source = try Self.cellSource(name)
    let cells = try Self.json(Self.folder.appendingPathComponent("\(name).ipynb"))["cells"] as? [[String: Any]] ?? []
    let notebook = cells.map { cell -> (String, String) in
      let text = (cell["source"] as? String) ?? (cell["source"] as? [String])?.joined() ?? ""
      return (cell["cell_type"] as? String ?? "", text)
    }
    #expect(source.count == notebook.count, "\(name): \(source.count) cells in tools/cells, \(notebook.count) in the notebook")
    for (index, (expected, actual)) in zip(source, notebook).enumerated() {
      let same = expected == actual
      #expect(same, "\(name) cell \(index) differs from tools/cells/\(name).cells: run notebooks/tools/build_notebooks.py \(name)")
    }
  }

  @Test(arguments: NotebookExamplesTests.notebooks) func testNotebookRunnerRunsItAndNbformatValidates(_ name: String) throws {
    let python = try Self.requirePython()
    let dir = try Self.scratchCopy(of: "\(name).ipynb")
    defer { try? FileManager.default.removeItem(at: dir) }
    let started = Date()
    let run = try HPSBinary.run(["notebook", "run", "\(name).ipynb", "--output", "out.ipynb"], in: dir, timeout: Self.budget + 30)
    let seconds = Date().timeIntervalSince(started)
    #expect(run.status == 0 && !run.timedOut, "\(name): \(run.stderr)")
    #expect(seconds < Self.budget, "\(name) took \(seconds) s")
    let out = dir.appendingPathComponent("out.ipynb")
    let validate = try HPSBinary.runProcess(
      URL(fileURLWithPath: python),
      ["-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')", out.path])
    #expect(validate.status == 0 && validate.stdout == "valid\n", "\(name): \(validate.stderr)")
    let cells = try Self.json(out)["cells"] as? [[String: Any]] ?? []
    let code = cells.filter { $0["cell_type"] as? String == "code" }
    #expect(!code.isEmpty)
    #expect(code.allSatisfy { $0["execution_count"] is Int }, "\(name): a code cell did not run")
    let outputs = code.flatMap { $0["outputs"] as? [[String: Any]] ?? [] }
    #expect(!outputs.contains { $0["output_type"] as? String == "error" }, "\(name) has an error output")
    let figures = outputs.filter { (($0["data"] as? [String: Any])?["image/svg+xml"]) != nil }
    #expect(!figures.isEmpty, "\(name) shows no plot")
  }

  @Test func testNbclientRunsEveryNotebookOnTheInstalledKernel() throws {
    let python = try Self.requirePython()
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("hps-nbexamples-jupyter-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let install = try HPSBinary.run(["kernel", "install", "--prefix", root.path])
    #expect(install.status == 0, "\(install.stderr)")
    let environment = [
      "JUPYTER_PATH=\(root.appendingPathComponent("share/jupyter").path)",
      "JUPYTER_RUNTIME_DIR=\(root.appendingPathComponent("runtime").path)",
      "JUPYTER_DATA_DIR=\(root.appendingPathComponent("data").path)",
      "JUPYTER_CONFIG_DIR=\(root.appendingPathComponent("config").path)",
      "JUPYTER_PLATFORM_DIRS=1", "PYTHONDONTWRITEBYTECODE=1",
    ]
    let paths = Self.notebooks.map { Self.folder.appendingPathComponent("\($0).ipynb").path }
    let script = Self.tools.appendingPathComponent("run_with_nbclient.py").path
    let run = try HPSBinary.runProcess(
      URL(fileURLWithPath: "/usr/bin/env"), environment + [python, script, "--timeout", "\(Int(Self.budget))"] + paths,
      timeout: Self.budget * Double(paths.count) + 60)
    #expect(run.status == 0 && !run.timedOut, "nbclient:\n\(run.stdout)\n\(run.stderr)")
    for name in Self.notebooks {
      #expect(run.stdout.contains("OK \(name).ipynb "), "\(name) not run by nbclient:\n\(run.stdout)")
    }
  }

  @Test(arguments: NotebookExamplesTests.notebooks) func testTwinIsTheExportAndRunsWithHpsRun(_ name: String) throws {
    let export = try HPSBinary.run(["notebook", "export", "\(name).ipynb", "-o", "-"], in: Self.folder)
    #expect(export.status == 0, "\(export.stderr)")
    let twin = try String(contentsOf: Self.folder.appendingPathComponent("\(name).hps"), encoding: .utf8)
    let twinIsExport = export.stdout == twin  // a Bool, so a failure names the file instead of printing both
    #expect(twinIsExport, "\(name).hps differs from `hps notebook export \(name).ipynb`: run notebooks/tools/build_notebooks.py")
    let dir = try Self.scratchCopy(of: "\(name).hps")
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try HPSBinary.run(["run", "\(name).hps"], in: dir, timeout: Self.budget + 30)
    #expect(run.status == 0 && !run.timedOut, "hps run \(name).hps: \(run.stderr)")
    #expect(!run.stdout.isEmpty, "\(name).hps printed nothing")
  }
}
