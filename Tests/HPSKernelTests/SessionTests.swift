import Foundation
import HPSScript
import Testing

@testable import HPSKernel

/// Session behaviour without a terminal: cells, In/Out, magics. Cells run on the large-stack
/// thread, as every front end runs them.
@Suite struct SessionTests {
  private func session() -> (Session, () -> String) {
    let interpreter = Interpreter()
    nonisolated(unsafe) var output = ""
    interpreter.writeStdout = { output += $0 }
    let session = Session(interpreter: interpreter, isInteractive: false)
    return (session, { defer { output = "" }; return output })
  }

  private func run(_ session: Session, _ cell: String) -> CellResult {
    nonisolated(unsafe) var result: CellResult?
    Interpreter.runOnLargeStack { result = session.execute(cell) }
    return result ?? CellResult(executionCount: -1, outcome: .exit(99))
  }

  private func echo(_ result: CellResult) -> String? {
    if case .ok(let echo) = result.outcome { return echo }
    return nil
  }

  @Test func testNumberingAndHistoryVariables() {
    let (s, _) = session()
    #expect(echo(run(s, "1 + 1")) == "2")
    #expect(run(s, "   ").executionCount == 1)  // blank input does not count
    #expect(echo(run(s, "x = _ * 10")) == nil)
    #expect(echo(run(s, "x, Out[1], In[2]")) == "(20, 2, 'x = _ * 10')")
    #expect(s.executionCount == 3)
  }

  @Test func testErrorsCarryNameMessageAndTraceback() {
    let (s, _) = session()
    guard case .error(let name, let message, let traceback) = run(s, "[][3]").outcome else {
      Issue.record("expected an error")
      return
    }
    #expect(name == "IndexError")
    #expect(message == "list index out of range")
    #expect(traceback.contains("File \"<In [1]>\", line 1"))
  }

  @Test func testResetWhoAndHistory() {
    let (s, out) = session()
    _ = run(s, "alpha = 1")
    _ = run(s, "beta = 2")
    _ = out()
    _ = run(s, "%who")
    #expect(out() == "alpha\tbeta\n")
    _ = run(s, "%history -n 2-3")
    #expect(out() == "  2: beta = 2\n  3: %who\n")
    _ = run(s, "%history -l 1")
    #expect(out() == "%history -l 1\n")
    _ = run(s, "%reset -f")
    _ = run(s, "%who")
    #expect(out() == "Interactive namespace is empty.\n")
    guard case .error(let name, _, _) = run(s, "alpha").outcome else {
      Issue.record("alpha should be gone")
      return
    }
    #expect(name == "NameError")
  }

  @Test func testRunMagicUsesTheSessionNamespace() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("session-run-\(UUID().uuidString).hps")
    try "import sys\nfrom_file = sys.argv[1:]\n".write(to: file, atomically: true, encoding: .utf8)
    let (s, out) = session()
    _ = run(s, "%run \(file.path) one two")
    #expect(echo(run(s, "from_file")) == "['one', 'two']")
    _ = run(s, "%run /no/such/file.hps")
    #expect(out().contains("File `/no/such/file.hps` not found."))
  }

  @Test func testCompletion() {
    let (s, _) = session()
    _ = run(s, "import math\nmy_value = 3")
    #expect(s.completions(for: "my_").contains("my_value"))
    #expect(s.completions(for: "math.sq") == ["math.sqrt"])
    #expect(s.completions(for: "whi") == ["while"])
    #expect(s.completions(for: "%ti") == ["%time", "%timeit"])
    #expect(s.completions(for: "f(x).a").isEmpty)  // never calls anything to complete
  }
}
