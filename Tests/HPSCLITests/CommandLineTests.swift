// `hps run FILE`, `hps FILE`, `hps -c`, piped stdin: output, sys.argv and exit statuses as python3.
import Foundation
import Testing

@Suite struct CommandLineTests {
  private func script(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hps-cli-\(UUID().uuidString).hps")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test func testRunFileWithArguments() throws {
    let file = try script("import sys\nprint(sys.argv[1:], len(sys.argv))\n")
    let viaRun = try HPSBinary.run(["run", file.path, "a", "--flag"])
    #expect(viaRun.stdout == "['a', '--flag'] 3\n")
    #expect(viaRun.status == 0)
    let bare = try HPSBinary.run([file.path, "b"])
    #expect(bare.stdout == "['b'] 2\n")
  }

  @Test func testDashC() throws {
    let result = try HPSBinary.run(["-c", "import sys; print(sys.argv)", "x"])
    #expect(result.stdout == "['-c', 'x']\n")
  }

  @Test func testPipedStdinRunsWithoutPrompts() throws {
    let result = try HPSBinary.run([], stdin: "for i in range(3):\n    print(i)\n")
    #expect(result.stdout == "0\n1\n2\n")
    #expect(!result.stdout.contains("In ["))
  }

  @Test func testUncaughtExceptionExitsWithOneAndTraceback() throws {
    let file = try script("def f():\n    return {}['k']\nf()\n")
    let result = try HPSBinary.run(["run", file.path])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("Traceback (most recent call last):\n"))
    #expect(result.stderr.contains("line 2, in f\n    return {}['k']\n"))
    #expect(result.stderr.hasSuffix("KeyError: 'k'\n"))
  }

  @Test func testSyntaxErrorPointsAtTheColumn() throws {
    let file = try script("x = 1\nif x\n    pass\n")
    let result = try HPSBinary.run([file.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("line 2\n    if x\n        ^\nSyntaxError: expected ':'"))
  }

  @Test func testSysExitStatus() throws {
    #expect(try HPSBinary.run(["-c", "import sys; sys.exit(3)"]).status == 3)
    #expect(try HPSBinary.run(["-c", "raise SystemExit"]).status == 0)
  }

  @Test func testMissingFile() throws {
    let result = try HPSBinary.run(["run", "/nonexistent/x.hps"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("can't open file '/nonexistent/x.hps'"))
  }

  @Test func testOutputOrderWithStderr() throws {
    let result = try HPSBinary.run(["-c", "import sys\nprint('a')\nprint('b', file=sys.stderr)\nprint('c')\n1/0"])
    #expect(result.stdout == "a\nc\n")
    #expect(result.stderr.hasPrefix("b\n"))
  }

  @Test func testStdlibModulesImportFromAnyDirectory() throws {
    let result = try HPSBinary.run(
      ["-c", "from testfunctions import branin, OPTIMA\nprint(round(branin(3.14159265, 2.275) - OPTIMA['branin'], 6))"],
      in: FileManager.default.temporaryDirectory)
    #expect(result.stdout == "0.0\n", "stderr: \(result.stderr)")
  }

  @Test func testScriptImportsItsNeighbour() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hps-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try "VALUE = 41\n".write(to: directory.appendingPathComponent("helper.hps"), atomically: true, encoding: .utf8)
    try "import helper\nprint(helper.VALUE + 1)\n".write(
      to: directory.appendingPathComponent("main.hps"), atomically: true, encoding: .utf8)
    let result = try HPSBinary.run(["run", directory.appendingPathComponent("main.hps").path])
    #expect(result.stdout == "42\n", "stderr: \(result.stderr)")
  }
}
