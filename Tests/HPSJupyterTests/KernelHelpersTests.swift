import Foundation
import Testing

@testable import HPSJupyter

/// The small pure pieces of request handling: history globs, word boundaries for completion,
/// tracebacks as line lists, which cells go to the pager.
@Suite struct KernelHelpersTests {
  @Test func testGlobMatchesLikeIPythonHistorySearch() {
    #expect(Glob.matches("6 *?", "6 * 7"))
    #expect(Glob.matches("*", ""))
    #expect(Glob.matches("a*b", "a-long-b"))
    #expect(!Glob.matches("a*b", "a-long-c"))
    #expect(Glob.matches("?x", "yx"))
    #expect(!Glob.matches("?x", "x"))
    #expect(Glob.matches("*trial*", "study.best_trial.params"))
  }

  @Test func testWordStartFindsDottedNamesAndMagics() {
    func start(_ code: String, _ cursor: Int? = nil, magic: Bool = true) -> Int {
      let scalars = Array(code.unicodeScalars)
      return JupyterKernel.wordStart(in: scalars, before: cursor ?? scalars.count, allowMagic: magic)
    }
    #expect(start("x = math.sq") == 4)
    #expect(start("%tim") == 0)
    #expect(start("a %tim") == 2)
    #expect(start("a%tim") == 2, "a modulo, not a magic")
    #expect(start("%tim", magic: false) == 1)
    #expect(start("é = 1; pri") == 7)
    #expect(start("f(ab", 3) == 2)
  }

  @Test func testTracebackLinesDropTheTrailingNewline() {
    #expect(JupyterKernel.lines("Traceback:\n  line\nValueError: x\n") == ["Traceback:", "  line", "ValueError: x"])
    #expect(JupyterKernel.lines("") == [])
  }

  @Test func testHelpRequestsAreNameQuestionMarks() {
    #expect(JupyterKernel.isHelpRequest("len?"))
    #expect(JupyterKernel.isHelpRequest("  optuna.create_study??\n"))
    #expect(!JupyterKernel.isHelpRequest("x = 1  # why?"))
    #expect(!JupyterKernel.isHelpRequest("?"))
  }

  @Test func testKernelInfoLanguage() {
    let info = KernelInfo.content
    let language = info["language_info"] as? JSONObject
    #expect(language?["name"] as? String == "hps")
    #expect(language?["file_extension"] as? String == ".hps")
    #expect(language?["pygments_lexer"] as? String == "python")
    #expect(info["protocol_version"] as? String == "5.3")
  }
}
