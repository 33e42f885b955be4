// The Interpreter API used by the REPL, notebooks and the kernel.
import HPSScript
import HPSSyntax
import Testing

private func onStack<T>(_ body: @escaping () -> T) -> T {
  nonisolated(unsafe) var result: T? = nil
  Interpreter.runOnLargeStack { result = body() }
  guard let r = result else { fatalError("runOnLargeStack did not run its body") }
  return r
}

@Test func interactiveCellReturnsTrailingExpression() {
  let text: String = onStack {
    let interp = Interpreter()
    _ = interp.execute(SourceFile(name: "<cell-1>", text: "x = 20"), mode: .interactive)
    guard case .value(let v?) = interp.execute(SourceFile(name: "<cell-2>", text: "x + 22"), mode: .interactive) else {
      return "no value"
    }
    return interp.repr(v)
  }
  #expect(text == "42")
}

@Test func statementCellHasNoValue() {
  let isNil: Bool = onStack {
    let interp = Interpreter()
    if case .value(nil) = interp.execute(SourceFile(name: "<c>", text: "y = 1"), mode: .interactive) { return true }
    return false
  }
  #expect(isNil)
}

@Test func globalsCanBeSetAndReadForOutHistory() {
  let out: String = onStack {
    let interp = Interpreter()
    interp[global: "_"] = Value(7)
    var printed = ""
    interp.writeStdout = { printed += $0 }
    _ = interp.execute(SourceFile(name: "<c>", text: "print(_ * 6)"))
    return printed
  }
  #expect(out == "42\n")
}

@Test func completionListsNamesAndAttributes() {
  let (names, attrs): ([String], [String]) = onStack {
    let interp = Interpreter()
    _ = interp.execute(SourceFile(name: "<c>", text: "class Trainer:\n    def hyperparameter_search(self): pass\nt = Trainer()"))
    guard let t = interp[global: "t"] else { return ([], []) }
    return (interp.globalNames, interp.attributeNames(of: t))
  }
  #expect(names.contains("t"))
  #expect(names.contains("Trainer"))
  #expect(attrs.contains("hyperparameter_search"))
}

@Test func describeGivesSignatureAndDocstring() {
  let d: (String, String, String?) = onStack {
    let interp = Interpreter()
    _ = interp.execute(SourceFile(name: "<c>", text: "def train(lr=0.1, *, epochs: int = 3):\n    \"\"\"Trains.\"\"\"\n    pass"))
    guard let f = interp[global: "train"] else { return ("", "", nil) }
    let x = interp.describe(f)
    return (x.name, x.signature, x.doc)
  }
  #expect(d.0 == "train")
  #expect(d.1 == "(lr=0.1, *, epochs: int = 3)")
  #expect(d.2 == "Trains.")
}

@Test func renderedErrorOfACell() {
  let text: String = onStack {
    let interp = Interpreter()
    guard case .error(let e) = interp.execute(SourceFile(name: "<cell>", text: "1 + None")) else { return "" }
    return interp.render(e)
  }
  #expect(text.hasSuffix("TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'\n"))
}
