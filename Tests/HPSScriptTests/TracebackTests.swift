// Uncaught errors print CPython 3.11's traceback text to stderr and exit with status 1.
import HPSScript
import HPSSyntax
import Testing

@Test func tracebackThroughFunctionsWithAnchors() {
  let source = """
    def f(x):
        return g(x) + 1

    def g(y):
        d = {"a": 1}
        return d["b"] * y

    f(2)
    """
  let r = runScript(source, name: "x.hps")
  #expect(r.status == 1)
  #expect(
    r.stderr == """
      Traceback (most recent call last):
        File "x.hps", line 8, in <module>
          f(2)
        File "x.hps", line 2, in f
          return g(x) + 1
                 ^^^^
        File "x.hps", line 6, in g
          return d["b"] * y
                 ~^^^^^
      KeyError: 'b'

      """)
}

@Test func binaryOperatorCaretsEvenOnWholeLine() {
  let r = runScript("x = 0\n1/x\n", name: "t.hps")
  #expect(
    r.stderr == """
      Traceback (most recent call last):
        File "t.hps", line 2, in <module>
          1/x
          ~^~
      ZeroDivisionError: division by zero

      """)
}

@Test func wholeLineCallHasNoCarets() {
  let r = runScript("raise ValueError('bad value')\n", name: "t.hps")
  #expect(
    r.stderr == """
      Traceback (most recent call last):
        File "t.hps", line 1, in <module>
          raise ValueError('bad value')
      ValueError: bad value

      """)
}

@Test func chainedExceptionsPrintBothTracebacks() {
  let source = """
    try:
        1/0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
    """
  let r = runScript(source, name: "c.hps")
  #expect(r.stderr.contains("ZeroDivisionError: division by zero\n\nThe above exception was the direct cause of the following exception:\n\n"))
  #expect(r.lastErrorLine == "RuntimeError: wrapped")
  let implicit = runScript("try:\n    [][1]\nexcept IndexError:\n    int('q')\n", name: "i.hps")
  #expect(implicit.stderr.contains("During handling of the above exception, another exception occurred:"))
  #expect(implicit.lastErrorLine == "ValueError: invalid literal for int() with base 10: 'q'")
}

@Test func listComprehensionIsItsOwnFrame() {
  let r = runScript("xs = [1, 0]\nys = [1 / x for x in xs]\n", name: "l.hps")
  #expect(r.stderr.contains("  File \"l.hps\", line 2, in <listcomp>\n"))
  #expect(r.stderr.contains("  File \"l.hps\", line 2, in <module>\n"))
}

@Test func syntaxErrorIsReported() {
  let r = runScript("if x\n    pass\n", name: "s.hps")
  #expect(r.status == 1)
  #expect(r.stderr.hasPrefix("  File \"s.hps\", line 1\n"))
  #expect(r.lastErrorLine.hasPrefix("SyntaxError: "))
}

@Test func systemExitStatusAndMessage() {
  #expect(runScript("import sys\nsys.exit(3)\n").status == 3)
  #expect(runScript("exit()\n").status == 0)
  let r = runScript("import sys\nsys.exit('fatal')\n")
  #expect(r.status == 1)
  #expect(r.stderr == "fatal\n")
}

@Test func nameErrorMessage() {
  let r = runScript("print(undefined_thing)\n", name: "n.hps")
  #expect(r.lastErrorLine == "NameError: name 'undefined_thing' is not defined")
  #expect(r.stderr.contains("    print(undefined_thing)\n          ^^^^^^^^^^^^^^^\n"))
}
