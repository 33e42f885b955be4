import Foundation
import HPSScript
import HPSSyntax

@testable import HPSKernel

/// Runs `.hps` snippets in an interpreter configured like every front end's (with `optuna`),
/// on the large-stack thread, and captures what they print.
final class OptunaScriptHarness {
  let interpreter: Interpreter
  private let lock = NSLock()
  private var out = ""
  private var err = ""

  init() {
    interpreter = KernelEnvironment.makeInterpreter(argv: ["test"], scriptPath: nil)
    interpreter.writeStdout = { [weak self] text in self?.append(text, toError: false) }
    interpreter.writeStderr = { [weak self] text in self?.append(text, toError: true) }
  }

  private func append(_ text: String, toError: Bool) {
    lock.lock()
    defer { lock.unlock() }
    if toError { err += text } else { out += text }
  }

  var stdout: String { lock.lock(); defer { lock.unlock() }; return out }
  var stderr: String { lock.lock(); defer { lock.unlock() }; return err }

  /// Runs a whole snippet; returns the uncaught exception's rendered traceback, or nil.
  @discardableResult
  func run(_ code: String, file: String = "<test>") -> (name: String, traceback: String)? {
    nonisolated(unsafe) var failure: (String, String)?
    let interpreter = self.interpreter
    Interpreter.runOnLargeStack {
      if case .error(let e) = interpreter.execute(SourceFile(name: file, text: code), mode: .file) {
        failure = (e.typeName, interpreter.render(e))
      }
    }
    return failure.map { (name: $0.0, traceback: $0.1) }
  }

  /// Evaluates one expression after the snippets ran.
  func eval(_ expression: String) -> String {
    nonisolated(unsafe) var text = ""
    let interpreter = self.interpreter
    Interpreter.runOnLargeStack {
      do { text = interpreter.repr(try interpreter.evaluate(expression)) } catch let e as ScriptError {
        text = "\(e.typeName): \(e.message)"
      } catch { text = "\(error)" }
    }
    return text
  }
}
