import Testing
@testable import HPSSyntax

// Source ranges of selected nodes, compared with CPython's `ast` positions (lineno, col_offset + 1,
// end_lineno, end_col_offset + 1; CPython's columns count UTF-8 bytes, as computed here).

/// Line and 1-based byte column of both ends of `range`.
func byteSpan(_ range: SourceRange, in source: SourceFile) -> [Int] {
  func point(_ offset: Int) -> [Int] {
    let line = source.line(ofOffset: offset)
    return [line, offset - source.lineStarts[line - 1] + 1]
  }
  return point(Int(range.start)) + point(Int(range.end))
}

func firstExpression(_ text: String) -> (Expr, SourceFile)? {
  let source = SourceFile(name: "t", text: text)
  guard let module = try? Parser.parseModule(source), let first = module.body.first else { return nil }
  switch first.kind {
  case .expression(let value): return (value, source)
  case .assign(_, let value): return (value, source)
  case .if(let test, _, _): return (test, source)
  default: return nil
  }
}

let rangeSamples: [(text: String, select: (Expr) -> Expr?, cpython: [Int])] = [
  ("x = 1, 2\n", { $0 }, [1, 5, 1, 9]),
  ("x = 1,\n", { $0 }, [1, 5, 1, 7]),
  ("f(x for x in y)\n", { if case .call(_, let args) = $0.kind, case .positional(let g) = args[0].kind { return g }; return nil }, [1, 2, 1, 16]),
  ("(a)\n", { $0 }, [1, 2, 1, 3]),
  ("a[1:2, ::3]\n", { if case .subscript(_, let index) = $0.kind { return index }; return nil }, [1, 3, 1, 11]),
  ("a[::]\n", { if case .subscript(_, let index) = $0.kind { return index }; return nil }, [1, 3, 1, 5]),
  ("-2**2\n", { if case .unary(_, let operand) = $0.kind { return operand }; return nil }, [1, 2, 1, 6]),
  ("x = a.b.c(d)[e]\n", { if case .subscript(let value, _) = $0.kind { return value }; return nil }, [1, 5, 1, 13]),
  ("y = 'é' + f'{ü}'\n", { if case .binary(_, _, let right) = $0.kind { return right }; return nil }, [1, 12, 1, 19]),
  ("z = (1 +\n  2)\n", { $0 }, [1, 6, 2, 4]),
  ("if a and not b:\n    pass\n", { if case .boolean(_, let values) = $0.kind { return values[1] }; return nil }, [1, 10, 1, 15]),
  ("w = [i for i in r if i]\n", { if case .listComprehension(_, let clauses) = $0.kind { return clauses[0].conditions[0] }; return nil }, [1, 22, 1, 23]),
  ("lambda: (yield)\n", { if case .lambda(_, let body) = $0.kind { return body }; return nil }, [1, 10, 1, 15]),
  ("print(f'{x!r:>{w}}')\n", {
    if case .call(_, let args) = $0.kind, case .positional(let f) = args[0].kind, case .formattedString(let parts) = f.kind,
      case .replacement(let value, _, _, _) = parts[0]
    {
      return value
    }
    return nil
  }, [1, 10, 1, 11]),
]

@Test(arguments: rangeSamples.indices)
func rangeMatchesCPython(_ index: Int) throws {
  let sample = rangeSamples[index]
  let (expression, source) = try #require(firstExpression(sample.text))
  let node = try #require(sample.select(expression))
  #expect(byteSpan(node.range, in: source) == sample.cpython, "\(sample.text.debugDescription)")
}

@Test func statementRangeCoversHeaderOnly() throws {
  let source = SourceFile(name: "t", text: "@dec\ndef f(a,\n      b):\n    return a\n")
  let module = try Parser.parseModule(source)
  #expect(source.text(of: module.body[0].range) == "def f(a,\n      b):")
  guard case .functionDef(let function) = module.body[0].kind else {
    Issue.record("not a def")
    return
  }
  #expect(source.text(of: function.body[0].range) == "return a")
}

@Test func errorLocationCountsCharactersNotBytes() throws {
  let error = try #require(syntaxError("é = = 1\n"))
  #expect(error.location == SourceLocation(line: 1, column: 5))
}

@Test func parseExpressionForEval() throws {
  #expect(expressionDump("  1 + 2\n\n") == "(binary + (constant 1) (constant 2))")
  #expect(expressionDump("a, *b") == "(tuple (name a) (starred (name b)))")
  #expect(throws: SyntaxError.self) { try Parser.parseExpression(SourceFile(name: "t", text: "x = 1")) }
  #expect(throws: SyntaxError.self) { try Parser.parseExpression(SourceFile(name: "t", text: "1 +")) }
}

@Test func leftOutFeaturesSayWhatIsMissing() throws {
  let match = try #require(syntaxError("match command:\n    case 1:\n        pass\n"))
  #expect(match.message == "the 'match' statement is not supported in hps scripts; use if/elif")
  #expect(match.location == SourceLocation(line: 1, column: 1))
  #expect(dumpOrError("match = 1\nmatch(x)\n") == "assign (name match) = (constant 1)\nexpr (call (name match) (name x))\n")
  #expect(syntaxError("async def f():\n    pass\n")?.message == "'async' is not supported in hps scripts")
  #expect(syntaxError("x = await f()\n")?.message == "'await' is not supported in hps scripts")
}
