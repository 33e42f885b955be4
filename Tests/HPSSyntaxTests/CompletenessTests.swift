import Testing
@testable import HPSSyntax

// Console input classification, each expectation taken from IPython 9's
// `TransformerManager().check_complete(text)` (indent as a count of spaces there, a string here).
let ipythonCompleteness: [(text: String, expected: InputCompleteness)] = [
  ("", .complete),
  ("x = 1", .complete),
  ("x = 1\n", .complete),
  ("if x:", .incomplete(indent: "    ")),
  ("if x:\n", .incomplete(indent: "    ")),
  ("if x:\n    pass", .incomplete(indent: "    ")),
  ("if x:\n    pass\n", .complete),
  ("if x:\n    pass\n\n", .complete),
  ("for i in range(3): print(i)", .complete),
  ("def f():\n    return 1\n", .complete),
  ("x = (1,", .incomplete(indent: "")),
  ("x = (1,\n", .incomplete(indent: "")),
  ("x = [1,\n  2", .incomplete(indent: "  ")),
  ("s = '''abc", .incomplete(indent: "")),
  ("s = '''abc\n", .incomplete(indent: "")),
  ("x = 1 + \\", .incomplete(indent: "")),
  ("x = 1 + \\\n", .incomplete(indent: "")),
  ("x = 'abc", .invalid),
  ("x = = 1", .invalid),
  ("x = )", .invalid),
  ("class A:\n    def f(self):", .incomplete(indent: "        ")),
  ("class A:\n    def f(self):\n        pass\n", .complete),
  ("@dec", .incomplete(indent: "")),
  ("@dec\n", .incomplete(indent: "")),
  ("x = 1;", .complete),
  ("if x:\n    y = (1,\n", .incomplete(indent: "    ")),
  ("try:\n    pass\nexcept:\n    pass", .incomplete(indent: "    ")),
  ("print('hi')", .complete),
  ("a = 1\nb = 2", .complete),
  ("if x:\n    pass\nelse:", .incomplete(indent: "    ")),
  ("1 +", .invalid),
  ("if x:\n    pass\n    ", .complete),
  ("def f():\n    x = 1\n    if x:\n        pass", .incomplete(indent: "        ")),
  ("def f():\n    return 1", .incomplete(indent: "    ")),
  ("\n", .complete),
  ("   ", .complete),
  ("# comment", .complete),
  ("x = 1 # c", .complete),
  ("if x:\n    pass\n# c", .incomplete(indent: "")),
  ("if x:\n    y = [\n        1,", .incomplete(indent: "        ")),
  ("for x in y:\n  z", .incomplete(indent: "  ")),
  ("x = f'{a'", .invalid),
  ("x = \"\"\"a\nb\"\"\"", .complete),
  ("if x:\n    pass\n  ", .complete),
  ("def f(\n    a,", .incomplete(indent: "    ")),
  ("x = 1\ny = (", .incomplete(indent: "")),
  ("a = 1\\", .incomplete(indent: "")),
  ("if True:\n    x = 1\nelse:\n    x = 2", .incomplete(indent: "    ")),
  ("def f(): pass", .complete),
  ("x = 08", .invalid),
  ("return 1", .invalid),
  ("if x:\n  pass\n pass", .invalid),
  ("if x:\npass", .invalid),
]

@Test(arguments: ipythonCompleteness.indices)
func completenessMatchesIPython(_ index: Int) {
  let sample = ipythonCompleteness[index]
  #expect(Parser.completeness(of: sample.text) == sample.expected, "text: \(sample.text.debugDescription)")
}
