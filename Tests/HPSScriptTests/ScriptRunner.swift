// Runs source text through a fresh interpreter on a large stack and captures what it printed.
import HPSScript
import HPSSyntax

struct ScriptResult {
  var stdout: String
  var stderr: String
  var status: Int32
}

final class Capture: @unchecked Sendable {
  var out = ""
  var err = ""
}

func runScript(_ source: String, name: String = "test.py", configure: ((Interpreter) -> Void)? = nil) -> ScriptResult {
  let capture = Capture()
  var status: Int32 = 0
  nonisolated(unsafe) var statusBox = status
  Interpreter.runOnLargeStack {
    let interp = Interpreter(argv: [name])
    interp.writeStdout = { capture.out += $0 }
    interp.writeStderr = { capture.err += $0 }
    configure?(interp)
    statusBox = interp.runScript(SourceFile(name: name, text: source))
  }
  status = statusBox
  return ScriptResult(stdout: capture.out, stderr: capture.err, status: status)
}

/// The last line of stderr (the exception line of a traceback).
extension ScriptResult {
  var lastErrorLine: String {
    stderr.split(separator: "\n").last.map(String.init) ?? ""
  }
}
