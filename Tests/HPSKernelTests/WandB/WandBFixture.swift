import Foundation
import HPSScript
import HPSSearch
import Testing

@testable import HPSKernel

/// Runs hps snippets in a Session built like every front end's (KernelEnvironment), capturing
/// stdout and stderr.
final class WandBFixture {
  let interpreter: Interpreter
  let session: Session
  nonisolated(unsafe) var out = ""
  nonisolated(unsafe) var err = ""

  init() {
    interpreter = KernelEnvironment.makeInterpreter(argv: [""], scriptPath: nil)
    session = Session(interpreter: interpreter, isInteractive: false)
    interpreter.writeStdout = { [unowned self] in self.out += $0 }
    interpreter.writeStderr = { [unowned self] in self.err += $0 }
    session.write = { [unowned self] in self.out += $0 }
  }

  /// Runs a cell; returns (exception class name, traceback text with the message) when it raised.
  @discardableResult
  func run(_ code: String) -> (String, String)? {
    nonisolated(unsafe) var result: CellResult?
    Interpreter.runOnLargeStack { result = self.session.execute(code) }
    if case .error(let name, _, let traceback)? = result?.outcome { return (name, traceback) }
    return nil
  }

  /// Runs a cell that must not raise.
  func ok(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let (name, message) = run(code) {
      Issue.record("cell raised \(name): \(message)\nstderr: \(err)", sourceLocation: sourceLocation)
    }
  }

  func eval(_ expression: String) -> Value? {
    nonisolated(unsafe) var v: Value?
    Interpreter.runOnLargeStack { v = try? self.interpreter.evaluate(expression) }
    return v
  }

  func int(_ expression: String) -> Int? { eval(expression)?.asInt }
  func double(_ expression: String) -> Double? { eval(expression)?.asDouble }
  func string(_ expression: String) -> String? { eval(expression)?.asString }

  /// The study behind a sweep created in the engine's default storage.
  func sweepTrials(_ idVariable: String = "sid") throws -> [FrozenTrial] {
    let id = try #require(string(idVariable))
    return try Study.load(studyName: id, storage: WandbSweeps.defaultStorage, logger: .silent).trials(states: nil)
  }
}
