// Runs hps source in-process with the kernel's interpreter (all engine modules registered).
import Foundation
import HPSKernel
import HPSScript
import HPSSyntax

struct ScriptResult {
  var stdout = ""
  var stderr = ""
  var status: Int32 = 0
}

final class OutputSink: @unchecked Sendable {
  private let lock = NSLock()
  private var out = "", err = ""
  func write(_ s: String, error: Bool) {
    lock.lock()
    if error { err += s } else { out += s }
    lock.unlock()
  }
  var stdout: String { lock.lock(); defer { lock.unlock() }; return out }
  var stderr: String { lock.lock(); defer { lock.unlock() }; return err }
}

enum ScriptHarness {
  static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Golden/transformers")

  static let stdlibDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("stdlib").path

  /// Runs `source` as a script at `path` (its folder is on the import path). `during` runs on
  /// another thread while the script runs, with the interpreter and the output seen so far.
  static func run(_ source: String, path: String = "/tmp/hps-test.hps",
                  during: (@Sendable (Interpreter, OutputSink) -> Void)? = nil) -> ScriptResult {
    setenv("HPS_STDLIB", stdlibDirectory, 1)
    let interpreter = KernelEnvironment.makeInterpreter(argv: [path], scriptPath: path)
    let sink = OutputSink()
    interpreter.writeStdout = { sink.write($0, error: false) }
    interpreter.writeStderr = { sink.write($0, error: true) }
    var status: Int32 = 0
    let box = UncheckedInterpreter(interpreter)
    if let during {
      let thread = Thread { during(box.value, sink) }
      thread.start()
    }
    Interpreter.runOnLargeStack {
      status = interpreter.runScript(SourceFile(name: path, text: source))
    }
    return ScriptResult(stdout: sink.stdout, stderr: sink.stderr, status: status)
  }

  static func runFile(_ url: URL) -> ScriptResult {
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return run(text, path: url.path)
  }
}

struct UncheckedInterpreter: @unchecked Sendable {
  let value: Interpreter
  init(_ value: Interpreter) { self.value = value }
}
