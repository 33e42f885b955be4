import Foundation
import HPSScript
import Testing

@testable import HPSKernel

/// The notebook runner: outputs in nbformat 4.5 shape, checked field by field and by the real
/// `nbformat` validator (python from HPS_PYTHON, as scripts/test sets it, else python3).
@Suite struct NotebookRunnerTests {
  static func notebook(_ cells: [(String, String)], minor: Int = 4) -> Data {
    let cellObjects: [[String: Any]] = cells.map { type, source in
      var c: [String: Any] = ["cell_type": type, "metadata": [String: Any](), "source": source]
      if type == "code" {
        c["outputs"] = [Any]()
        c["execution_count"] = NSNull()
      }
      return c
    }
    let root: [String: Any] = ["cells": cellObjects, "metadata": [String: Any](), "nbformat": 4, "nbformat_minor": minor]
    return (try? JSONSerialization.data(withJSONObject: root)) ?? Data()
  }

  static let demo: [(String, String)] = [
    ("markdown", "# Demo\nPlots and displays."),
    ("code", "x = 20\nprint('x is', x)\nx + 1"),
    ("code", "import sys\nprint('careful', file=sys.stderr)\nh = display('first', display_id='status')\nclass R:\n    def _repr_html_(self): return '<i>r</i>'\ndisplay(R())"),
    ("code", "update_display('second', display_id='status')\nimport hps.plot\nhps.plot.curves({'loss': [(0, 3.0), (1, 2.0), (2, 1.5), (3, 1.2)]})"),
    ("code", "   "),
    ("code", "clear_output(wait=True)\nprint('after clear')"),
    ("code", "undefined_name"),
    ("code", "print('not reached')"),
    ("code", "print('ünïcode ✓ \\t tab \\x01 ctl', 'a\\rb\\r\\nc')\n{'x': 1.5, 'n': None, 'b': True, 'big': 10**20, 'e': 1e-05}"),
  ]

  private func run(_ data: Data, allowErrors: Bool = false) throws -> (NotebookDocument, NotebookRunner.Report) {
    let interpreter = Interpreter()
    let session = Session(interpreter: interpreter, isInteractive: false)
    let document = try NotebookDocument(data: data)
    return NotebookRunner(document: document, session: session, options: .init(allowErrors: allowErrors)).run()
  }

  private func outputs(_ doc: NotebookDocument, _ i: Int) -> [[String: Any]] { doc.cells[i]["outputs"] as? [[String: Any]] ?? [] }

  @Test func testOutputsOfEachKind() throws {
    let (doc, report) = try run(Self.notebook(Self.demo))
    #expect(report.executedCells == 5)
    #expect(report.failures.map(\.name) == ["NameError"])
    #expect(report.stopped)

    let first = outputs(doc, 1)
    #expect(first.count == 2)
    #expect(first[0]["output_type"] as? String == "stream")
    #expect(first[0]["text"] as? String == "x is 20\n")
    #expect(first[1]["output_type"] as? String == "execute_result")
    #expect(first[1]["execution_count"] as? Int == 1)
    #expect((first[1]["data"] as? [String: Any])?["text/plain"] as? String == "21")

    let second = outputs(doc, 2)
    #expect(second.map { $0["output_type"] as? String } == ["stream", "display_data", "display_data"])
    #expect(second[0]["name"] as? String == "stderr")
    // update_display in the next cell replaced the earlier output in place.
    #expect((second[1]["data"] as? [String: Any])?["text/plain"] as? String == "'second'")
    #expect((second[2]["data"] as? [String: Any])?["text/html"] as? String == "<i>r</i>")

    let plot = outputs(doc, 3)
    #expect(plot.count == 1)
    let svg = (plot[0]["data"] as? [String: Any])?["image/svg+xml"] as? String ?? ""
    #expect(PlotSVGInspector(svg).count("circle", inSeries: "loss") == 4)

    #expect(doc.cells[4]["execution_count"] is NSNull)
    #expect(outputs(doc, 5).map { $0["text"] as? String } == ["after clear\n"])

    let error = outputs(doc, 6)
    #expect(error.first?["output_type"] as? String == "error")
    #expect(error.first?["ename"] as? String == "NameError")
    #expect(error.first?["evalue"] as? String == "name 'undefined_name' is not defined")
    #expect((error.first?["traceback"] as? [String])?.last == "NameError: name 'undefined_name' is not defined")
    #expect(doc.cells[7]["execution_count"] is NSNull)
    #expect(outputs(doc, 7).isEmpty)

    let root = doc.jsonObject()
    #expect(root["nbformat_minor"] as? Int == 5)
    let metadata = root["metadata"] as? [String: Any]
    #expect((metadata?["kernelspec"] as? [String: String]) == ["name": "hps", "display_name": "hps", "language": "hps"])
    let info = metadata?["language_info"] as? [String: Any]
    #expect(info?["file_extension"] as? String == ".hps" && info?["pygments_lexer"] as? String == "python")
    let ids = doc.cells.compactMap { $0["id"] as? String }
    #expect(ids.count == doc.cells.count && Set(ids).count == ids.count)
  }

  @Test func testAllowErrorsRunsEverything() throws {
    let (doc, report) = try run(Self.notebook(Self.demo), allowErrors: true)
    #expect(report.executedCells == 7)
    #expect(!report.stopped)
    #expect(outputs(doc, 7).first?["text"] as? String == "not reached\n")
    #expect(doc.cells[7]["execution_count"] as? Int == 6)
  }

  @Test func testTimeoutInterruptsTheCell() throws {
    let interpreter = Interpreter()
    let session = Session(interpreter: interpreter, isInteractive: false)
    let document = try NotebookDocument(data: Self.notebook([("code", "while True:\n    pass"), ("code", "print('no')")]))
    let started = Date()
    let (doc, report) = NotebookRunner(document: document, session: session, options: .init(timeout: 0.3)).run()
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(report.failures.map(\.name) == ["CellTimeoutError"])
    #expect(report.failures.first?.message == "A cell timed out while it was being executed, after 0.3 seconds.")
    #expect(outputs(doc, 0).first?["ename"] as? String == "KeyboardInterrupt")
    #expect(report.stopped)
  }

  @Test func testBadNotebooksAreRejectedWithReasons() {
    #expect(throws: NotebookError.invalid(path: "<notebook>", reason: "nbformat 3 is not supported; convert it with `jupyter nbconvert --to notebook`")) {
      try NotebookDocument(data: Data(#"{"nbformat": 3, "worksheets": []}"#.utf8))
    }
    #expect(throws: NotebookError.self) { try NotebookDocument(data: Data("not json".utf8)) }
    #expect(throws: NotebookError.invalid(path: "<notebook>", reason: "cell 0 has no valid 'cell_type'")) {
      try NotebookDocument(data: Data(#"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"source": ""}]}"#.utf8))
    }
    #expect(throws: NotebookError.unreadable(path: "/no/such.ipynb", reason: "no such file")) { try NotebookDocument(path: "/no/such.ipynb") }
  }

  @Test func testExportWritesAScript() throws {
    let doc = try NotebookDocument(data: Self.notebook([
      ("markdown", "# Title\n\nText."), ("code", "%time x = 1\nprint(x)\n"), ("raw", ""), ("code", "y = 2"),
    ]))
    #expect(NotebookExporter.script(doc) == "# # Title\n#\n# Text.\n\n# (notebook magic, not run in scripts) %time x = 1\nprint(x)\n\ny = 2\n")
  }

  @Test func testNbformatValidatesTheOutput() throws {
    let (doc, _) = try run(Self.notebook(Self.demo), allowErrors: true)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("nb-\(UUID().uuidString).ipynb")
    try doc.write(to: file.path)
    defer { try? FileManager.default.removeItem(at: file) }
    let python = ProcessInfo.processInfo.environment["HPS_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/bin/python3"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      "-c",
      """
      import sys
      try:
          import nbformat
      except ImportError:
          sys.exit('nbformat is not installed for ' + sys.executable + ' (pip install -r scripts/test-requirements.txt)')
      nb = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)
      nbformat.validate(nb)
      # Written exactly as Jupyter writes it, so --inplace runs diff cleanly.
      mine = open(sys.argv[1], encoding='utf-8').read()
      theirs = nbformat.writes(nb) + '\\n'
      if mine != theirs:
          import difflib
          sys.exit(''.join(list(difflib.unified_diff(theirs.splitlines(True), mine.splitlines(True), 'nbformat', 'hps'))[:60]))
      print(nb.nbformat, nb.nbformat_minor, len(nb.cells))
      """,
      file.path,
    ]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 0, "nbformat rejected the notebook: \(stderr)")
    #expect(stdout == "4 5 9\n")
  }
}
