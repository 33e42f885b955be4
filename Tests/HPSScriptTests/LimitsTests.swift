// Limits instead of crashes: recursion depth, interrupts, generator runaway.
import HPSScript
import HPSSyntax
import Testing

@Test func recursionLimitRaisesRecursionError() {
  let r = runScript("def f(n):\n    return f(n + 1)\nf(0)\n", name: "r.hps")
  #expect(r.status == 1)
  #expect(r.lastErrorLine == "RecursionError: maximum recursion depth exceeded")
}

@Test func deepRecursionWithinRaisedLimitWorks() {
  let source = """
    import sys
    sys.setrecursionlimit(20000)
    def depth(n):
        return 0 if n == 0 else 1 + depth(n - 1)
    print(depth(15000))
    """
  let r = runScript(source)
  #expect(r.stdout == "15000\n", "\(r.stderr)")
}

@Test func deeplyNestedReprDoesNotCrash() {
  let source = """
    x = []
    for _ in range(100000):
        x = [x]
    try:
        repr(x)
    except RecursionError:
        print("too deep")
    """
  let r = runScript(source)
  #expect(r.stdout == "too deep\n", "\(r.stderr)")
}

@Test func recursiveDunderReprHitsTheLimit() {
  let source = """
    class Loop:
        def __repr__(self):
            return repr(self)
    try:
        repr(Loop())
    except RecursionError:
        print("caught")
    """
  #expect(runScript(source).stdout == "caught\n")
}

@Test func interruptFlagRaisesKeyboardInterrupt() {
  let r = runScript("while True:\n    pass\n", name: "loop.hps") { interp in
    interp.interrupt.set()
  }
  #expect(r.status == 1)
  #expect(r.lastErrorLine == "KeyboardInterrupt")
}

@Test func interruptCanBeCaught() {
  let r = runScript("try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('stopped')\n") { interp in
    interp.interrupt.set()
  }
  #expect(r.stdout == "stopped\n")
}
