// Golden REPL sessions through a real pseudo-terminal: prompts, Out numbering, continuation lines,
// KeyboardInterrupt and a clean Ctrl-D exit with history saved.
import Foundation
import Testing

@Suite(.serialized) struct REPLTests {
  private func startREPL() throws -> (PseudoTerminal, URL) {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("hps-repl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let terminal = try PseudoTerminal(executable: HPSBinary.url, arguments: [], environment: ["HOME": home.path])
    try terminal.expect("In [1]: ")
    return (terminal, home)
  }

  @Test func testPromptsEchoAndNumbering() throws {
    let (repl, _) = try startREPL()
    repl.send("x = 20\n")
    try repl.expect("In [2]: ")
    repl.send("x + 22\n")
    try repl.expect("Out[2]: 42")
    try repl.expect("In [3]: ")
    repl.send("_ * 2, Out[2]\n")
    try repl.expect("Out[3]: (84, 42)")
    repl.send("'a' + 'b'\n")
    try repl.expect("Out[4]: 'ab'")
    #expect(try repl.endSession() == 0)
  }

  @Test func testBlockContinuesUntilEmptyLine() throws {
    let (repl, _) = try startREPL()
    repl.send("def double(n):\n")
    try repl.expect("   ...: ")
    repl.send("    return 2 * n\n")
    repl.send("\n")
    try repl.expect("In [2]: ")
    repl.send("double(21)\n")
    try repl.expect("Out[2]: 42")
    #expect(try repl.endSession() == 0)
  }

  @Test func testErrorsKeepTheSessionAlive() throws {
    let (repl, _) = try startREPL()
    repl.send("1/0\n")
    try repl.expect("ZeroDivisionError: division by zero")
    try repl.expect("In [2]: ")
    repl.send("if True\n")
    try repl.expect("SyntaxError: expected ':'")
    repl.send("y = 5\n")
    repl.send("y\n")
    try repl.expect("Out[4]: 5")
    #expect(try repl.endSession() == 0)
  }

  @Test func testCtrlCStopsRunningCodeAndKeepsState() throws {
    let (repl, _) = try startREPL()
    repl.send("kept = 'still here'\n")
    try repl.expect("In [2]: ")
    repl.send("while True: pass\n")
    Thread.sleep(forTimeInterval: 0.5)
    repl.signal(SIGINT)
    try repl.expect("KeyboardInterrupt")
    try repl.expect("In [3]: ")
    repl.send("kept\n")
    try repl.expect("Out[3]: 'still here'")
    #expect(try repl.endSession() == 0)
  }

  @Test func testCtrlCAtThePromptDropsTheLine() throws {
    let (repl, _) = try startREPL()
    repl.send("unfinished = (1,")
    Thread.sleep(forTimeInterval: 0.3)
    repl.signal(SIGINT)
    try repl.expect("KeyboardInterrupt")
    repl.send("1 + 1\n")
    try repl.expect("Out[1]: 2")
    #expect(try repl.endSession() == 0)
  }

  @Test func testHistoryIsSavedOnCtrlD() throws {
    let (repl, home) = try startREPL()
    repl.send("remembered_name = 1\n")
    #expect(try repl.endSession() == 0)
    let history = try String(contentsOf: home.appendingPathComponent(".hps_history"), encoding: .utf8)
    #expect(history.contains("remembered_name"))
  }

  @Test func testMagicsAndHelp() throws {
    let (repl, _) = try startREPL()
    repl.send("def f(a, b=2):\n    \"Adds b.\"\n    return a + b\n\n")
    try repl.expect("In [2]: ")
    repl.send("f?\n")
    try repl.expect("Signature: f(a, b=2)")
    try repl.expect("Docstring: Adds b.")
    repl.send("%timeit -n 10 -r 2 f(1)\n")
    try repl.expect("per loop (mean ± std. dev. of 2 runs, 10 loops each)")
    repl.send("%time f(1)\n")
    try repl.expect("Wall time:")
    try repl.expect("Out[4]: 3")
    repl.send("%who\n")
    try repl.expect("%who\nf\n")
    repl.send("%nosuch\n")
    try repl.expect("UsageError: Line magic function `%nosuch` not found.")
    #expect(try repl.endSession() == 0)
  }
}
