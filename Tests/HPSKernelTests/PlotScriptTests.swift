import Foundation
import HPSScript
import Testing

@testable import HPSKernel

/// `hps.plot` and Figure objects as scripts use them, in terminal and notebook sessions.
@Suite struct PlotScriptTests {
  private func session(notebook: Bool) -> Session {
    let interpreter = Interpreter()
    interpreter.writeStdout = { _ in }
    interpreter.writeStderr = { _ in }
    let s = Session(interpreter: interpreter, isInteractive: false)
    if notebook { s.acceptedMimeTypes = MimeType.notebook }
    return s
  }

  private func run(_ s: Session, _ cells: [String]) -> [CellResult] {
    nonisolated(unsafe) var results: [CellResult] = []
    Interpreter.runOnLargeStack { for c in cells { results.append(s.execute(c)) } }
    return results
  }

  private func error(_ r: CellResult) -> (String, String)? {
    if case .error(let name, let message, _) = r.outcome { return (name, message) }
    return nil
  }

  static let history = """
    import hps.plot
    log = [{'loss': 2.0, 'step': 1}, {'loss': 1.0, 'step': 2}, {'eval_loss': 1.5, 'eval_accuracy': 0.5, 'step': 2},
           {'loss': 0.5, 'step': 3, 'learning_rate': 0.001}]
    fig = hps.plot.training_curves(log)
    """

  @Test func testFigureEchoesAsSVGInNotebooksAndChartsInTerminals() {
    let nb = session(notebook: true)
    let r = run(nb, [Self.history, "fig"])
    #expect(error(r[0]) == nil)
    let bundle = r[1].resultBundle
    #expect(bundle?.mimeTypes == ["image/svg+xml", "text/plain"])
    #expect(PlotSVGInspector(bundle?[MimeType.svg] ?? "").count("circle", inSeries: "loss") == 3)
    #expect(bundle?.plainText?.contains("Training Curves") == true)

    let term = session(notebook: false)
    let t = run(term, [Self.history, "fig", "repr(fig)", "fig.title"])
    #expect(t[1].resultBundle?.mimeTypes == ["text/plain"])
    guard case .ok(let echo?) = t[1].outcome else { Issue.record("no echo"); return }
    #expect(echo.contains("● loss"))
    #expect(echo.contains("└"))
    #expect(t[2].resultBundle?.plainText == "\"<Figure 'Training Curves' with 2 panels>\"")
    #expect(t[3].resultBundle?.plainText == "'Training Curves'")
  }

  @Test func testSaveAndErrors() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plotscript-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let s = session(notebook: false)
    let r = run(s, [
      Self.history,
      "fig.save('\(dir.path)/a.svg'); fig.write_image('\(dir.path)/a.txt'); fig.write_html('\(dir.path)/a.html')",
      "fig.save('\(dir.path)/a.png')",
      "fig.save('/nonexistent-dir/x.svg')",
      "hps.plot.curves({'a': [1, 2, 0]}, log_scale=True)",
      "hps.plot.training_curves([{'loss': 1}], metrics=['acc'])",
      "hps.plot.curves([1, 2])",
      "hps.plot.curves({'a': [(1, 2, 3)]})",
      "len(fig.to_text(width=40, height=5).splitlines()) > 5",
      "fig.to_text(width=2)",
    ])
    #expect(error(r[1]) == nil)
    #expect(FileManager.default.fileExists(atPath: dir.path + "/a.svg"))
    #expect(try String(contentsOfFile: dir.path + "/a.txt", encoding: .utf8).contains("Training Curves"))
    #expect(FileManager.default.fileExists(atPath: dir.path + "/a.html"))
    #expect(error(r[2])?.0 == "ValueError")
    #expect(error(r[2])?.1.contains("unsupported format '.png'; use .svg, .txt or .html") == true)
    #expect(error(r[3])?.0 == "OSError")
    #expect(error(r[4])?.1 == "plot_training_curves(): log_scale: 'a' has value 0 at step 2; a log scale needs positive values")
    #expect(error(r[5])?.1.hasPrefix("plot_training_curves(): metrics: no entry has 'acc'; available: loss") == true)
    #expect(error(r[6])?.0 == "TypeError")
    #expect(error(r[7])?.1 == "series 'a' item 0 must be a (step, value) pair, got 3 items")
    #expect(r[8].resultBundle?.plainText == "True")
    #expect(error(r[9])?.1 == "width must be an int in 30...400, got 2")
  }

  @Test func testImportStyles() {
    let s = session(notebook: false)
    let r = run(s, [
      "import hps\nimport hps.plot\nhps.plot.Figure.__name__",
      "from hps import plot\nplot is hps.plot",
      "from hps.plot import curves\ncallable(curves)",
    ])
    #expect(r.map { $0.resultBundle?.plainText } == ["'Figure'", "True", "True"])
  }
}
