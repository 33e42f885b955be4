// The terminal REPL: IPython's prompts and numbering over a Session. Reads a cell (continuing with
// `...:` until the input is complete, a block ending at an empty line), runs it, echoes `Out[n]`.
import CEditLine
import Foundation
import HPSKernel
import HPSScript
import HPSSyntax

final class REPL {
  let session: Session
  let editor: LineEditor

  init(session: Session, historyFile: String?) {
    self.session = session
    self.editor = LineEditor(historyFile: historyFile) { [unowned session] _, word in
      session.completions(for: word)
    }
    // The input() builtin and %reset's question read through the same editor.
    session.interpreter.readLine = { [unowned editor] prompt in
      if case .line(let text) = editor.readLine(prompt: prompt) { return text }
      return nil
    }
  }

  static let banner = """
    hps \(HPSVersion.current) — hyperparameter search you can talk to. Python-flavoured; type
    help(name) or name? for help, %lsmagic for magics, Ctrl-D to leave.

    """

  /// Runs until Ctrl-D or exit(); returns the process exit status.
  func run() -> Int32 {
    print(REPL.banner)
    defer { editor.saveHistory() }
    while true {
      let number = session.executionCount + 1
      guard let cell = readCell(number: number) else {
        print("")
        return 0
      }
      guard let cell else { continue }  // Ctrl-C dropped the input
      let result = session.execute(cell)
      switch result.outcome {
      case .ok(let echo?):
        // IPython starts a multi-line repr (a chart, a table) on its own line so its columns line up.
        print("Out[\(result.executionCount)]:" + (echo.contains("\n") ? "\n" : " ") + echo)
      case .ok(nil):
        break
      case .error(_, _, let traceback):
        if !traceback.isEmpty { FileHandle.standardError.write(Data(traceback.utf8)) }
      case .exit(let status):
        return status
      }
      print("")
    }
  }

  /// The cell as IPython stores it in `In`: the typed lines without the empty line that ended it.
  static func cell(_ lines: [String]) -> String {
    var lines = lines
    while let last = lines.last, last.allSatisfy(\.isWhitespace), lines.count > 1 { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// Reads one complete cell. Returns nil at end of input, `.some(nil)` when Ctrl-C dropped it.
  private func readCell(number: Int) -> String?? {
    let prompt = "In [\(number)]: "
    let continuation = String(repeating: " ", count: max(0, prompt.count - 5)) + "...: "
    var lines: [String] = []
    while true {
      switch editor.readLine(prompt: lines.isEmpty ? prompt : continuation) {
      case .endOfInput:
        return lines.isEmpty ? nil : .some(REPL.cell(lines))
      case .interrupted:
        print("KeyboardInterrupt")
        print("")
        return .some(nil)
      case .line(let line):
        editor.remember(line)
        lines.append(line)
        let text = lines.joined(separator: "\n")
        if text.hasPrefix("%") || text.trimmingCharacters(in: .whitespaces).hasSuffix("?") && lines.count == 1 {
          return .some(text)
        }
        switch Parser.completeness(of: text) {
        case .complete, .invalid:
          return .some(REPL.cell(lines))
        case .incomplete:
          // libedit clears its buffer when a read starts, so the next line cannot be pre-indented
          // as IPython does; the user types the indentation.
          continue
        }
      }
    }
  }
}
