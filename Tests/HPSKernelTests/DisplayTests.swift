import Foundation
import HPSScript
import Testing

@testable import HPSKernel

/// The display protocol: bundles for echoed values, IPython's `_repr_*_` methods, and the events
/// display()/update_display()/clear_output() send to a front end.
@Suite struct DisplayTests {
  final class Capture {
    var stdout = ""
    var stderr = ""
    var events: [DisplayEvent] = []
  }

  private func notebookSession() -> (Session, Capture) {
    let interpreter = Interpreter()
    let capture = Capture()
    interpreter.writeStdout = { capture.stdout += $0 }
    interpreter.writeStderr = { capture.stderr += $0 }
    let session = Session(interpreter: interpreter, isInteractive: false)
    session.acceptedMimeTypes = MimeType.notebook
    session.displayPublisher = { capture.events.append($0) }
    return (session, capture)
  }

  private func run(_ session: Session, _ cell: String) -> CellResult {
    nonisolated(unsafe) var result: CellResult?
    Interpreter.runOnLargeStack { result = session.execute(cell) }
    return result ?? CellResult(executionCount: -1, outcome: .exit(99))
  }

  static let richClass = """
    class Rich:
        calls = 0
        def __repr__(self): return 'Rich()'
        def _repr_html_(self):
            Rich.calls += 1
            return '<b>rich</b>'
        def _repr_json_(self): return {'a': [1, 2.5, None]}
        def _repr_svg_(self): return None
    """

  @Test func testEchoedValueCarriesTheRichRepresentations() {
    let (s, _) = notebookSession()
    _ = run(s, Self.richClass)
    let bundle = run(s, "Rich()").resultBundle
    #expect(bundle?.mimeTypes.sorted() == ["application/json", "text/html", "text/plain"])
    #expect(bundle?[MimeType.html] == "<b>rich</b>")
    #expect(bundle?.plainText == "Rich()")
    let json = bundle?.dataJSONObject()["application/json"] as? [String: Any]
    #expect((json?["a"] as? [Any])?.count == 3)
    #expect(run(s, "x = Rich()").resultBundle == nil)
  }

  @Test func testTerminalSessionsNeverCallRichMethods() {
    let interpreter = Interpreter()
    interpreter.writeStdout = { _ in }
    let s = Session(interpreter: interpreter, isInteractive: false)
    _ = run(s, Self.richClass)
    let result = run(s, "Rich()")
    #expect(result.resultBundle == MimeBundle(text: "Rich()"))
    guard case .ok(let echo) = result.outcome else { Issue.record("expected an echo"); return }
    #expect(echo == "Rich()")
    #expect(run(s, "Rich.calls").resultBundle?.plainText == "0")
  }

  @Test func testMimebundleMethodAndMetadata() {
    let (s, _) = notebookSession()
    _ = run(s, """
      class B:
          def _repr_mimebundle_(self, include=None, exclude=None):
              return ({'text/markdown': '# hi', 'text/plain': 'B!'}, {'text/markdown': {'isolated': True}})
      """)
    let bundle = run(s, "B()").resultBundle
    #expect(bundle?[MimeType.markdown] == "# hi")
    #expect(bundle?.plainText == "B!")
    #expect(bundle?.metadata["text/markdown"]?["isolated"] == .bool(true))
  }

  @Test func testBrokenReprMethodWarnsAndKeepsText() {
    let (s, capture) = notebookSession()
    _ = run(s, """
      class Bad:
          def __repr__(self): return 'Bad()'
          def _repr_html_(self): return 1 / 0
          def _repr_svg_(self): return 42
      """)
    let bundle = run(s, "Bad()").resultBundle
    #expect(bundle?.mimeTypes == ["text/plain"])
    #expect(capture.stderr.contains("FormatterWarning: Exception in _repr_html_"))
    #expect(capture.stderr.contains("ZeroDivisionError"))
    #expect(capture.stderr.contains("_repr_svg_ must return str for image/svg+xml, not int"))
  }

  @Test func testDisplayUpdateAndClearEvents() {
    let (s, capture) = notebookSession()
    _ = run(s, Self.richClass)
    let result = run(s, """
      display(1, 'two')
      h = display(Rich(), display_id='p')
      update_display(3, display_id='p')
      h.update(4)
      clear_output(wait=True)
      h
      """)
    #expect(capture.events.count == 6)
    #expect(capture.events[0] == .display(MimeBundle(text: "1"), displayID: nil))
    #expect(capture.events[1] == .display(MimeBundle(text: "'two'"), displayID: nil))
    guard case .display(let rich, let id) = capture.events[2] else { Issue.record("expected a display"); return }
    #expect(id == "p")
    #expect(rich[MimeType.html] == "<b>rich</b>")
    #expect(capture.events[3] == .update(MimeBundle(text: "3"), displayID: "p"))
    #expect(capture.events[4] == .update(MimeBundle(text: "4"), displayID: "p"))
    #expect(capture.events[5] == .clearOutput(wait: true))
    #expect(result.resultBundle?.plainText == "<DisplayHandle display_id=p>")
  }

  @Test func testDisplayOptions() {
    let (s, capture) = notebookSession()
    _ = run(s, Self.richClass)
    _ = run(s, "display(Rich(), exclude=['text/html'])")
    _ = run(s, "display({'text/html': '<i>x</i>', 'text/plain': 'x'}, raw=True, metadata={'k': 1})")
    _ = run(s, "h = display('a', display_id=True)")
    #expect(capture.events.count == 3)
    if case .display(let b, _) = capture.events[0] { #expect(b.mimeTypes.sorted() == ["application/json", "text/plain"]) }
    if case .display(let b, _) = capture.events[1] {
      #expect(b[MimeType.html] == "<i>x</i>")
      #expect(b.metadata["k"] == .int(1))
    }
    if case .display(_, let id) = capture.events[2] { #expect((id ?? "").count > 8) }
    guard case .error(let name, let message, _) = run(s, "update_display(1)").outcome else {
      Issue.record("update_display without display_id must fail"); return
    }
    #expect(name == "TypeError")
    #expect(message.contains("display_id"))
    guard case .error(_, let m2, _) = run(s, "display(1, display_id=3)").outcome else { Issue.record("bad id"); return }
    #expect(m2 == "display_id must be a str or True, not int")
  }

  @Test func testWithoutFrontEndDisplayPrintsText() {
    let interpreter = Interpreter()
    nonisolated(unsafe) var out = ""
    interpreter.writeStdout = { out += $0 }
    let s = Session(interpreter: interpreter, isInteractive: false)
    _ = run(s, "display([1, 2]); update_display('x', display_id='a')")
    _ = run(s, "import hps\nhps.display(None)")
    #expect(out == "[1, 2]\n'x'\nNone\n")
  }

  @Test func testBundleJSONForTheWire() throws {
    var bundle = MimeBundle([("text/plain", "p"), ("application/json", "{\"x\": [1]}"), ("text/plain", "q")])
    bundle.metadata = ["image/png": .object(["width": .int(3)])]
    #expect(bundle.mimeTypes == ["text/plain", "application/json"])
    #expect(bundle.plainText == "q")
    let data = try JSONSerialization.data(withJSONObject: bundle.jsonObject(), options: [.sortedKeys])
    #expect(String(decoding: data, as: UTF8.self) == #"{"data":{"application\/json":{"x":[1]},"text\/plain":"q"},"metadata":{"image\/png":{"width":3}}}"#)
    #expect(bundle.richest?.mime == "application/json")
    #expect(bundle.restricted(to: ["text/plain"]).mimeTypes == ["text/plain"])
  }
}

@Suite struct DisplayShadowingTests {
  @Test func testShadowedGetattrDoesNotBreakRichDisplay() {
    let interpreter = Interpreter()
    interpreter.writeStdout = { _ in }
    let s = Session(interpreter: interpreter, isInteractive: false)
    s.acceptedMimeTypes = MimeType.notebook
    nonisolated(unsafe) var result: CellResult?
    Interpreter.runOnLargeStack {
      _ = s.execute("getattr = None\nlist = None\nclass H:\n    def _repr_html_(self): return '<p>h</p>'")
      result = s.execute("display(H(), include=('text/html',)); H()")
    }
    #expect(result?.resultBundle?[MimeType.html] == "<p>h</p>")
  }
}
