// optuna.exceptions, and the two-way mapping between engine errors and script exceptions: engine
// errors become the Python exception Optuna raises (ValueError, RuntimeError, ...); a script's
// `raise optuna.TrialPruned()` becomes the engine's `TrialPruned`, and back.
import HPSScript
import HPSSearch

enum OptunaErrors {
  // MARK: Exception classes (process-wide, like the builtin ones)

  static let optunaError = TypeObject.makeExceptionClass(
    name: "OptunaError", module: "optuna.exceptions", doc: "Base class for Optuna specific errors.")

  static let trialPruned = TypeObject.makeExceptionClass(
    name: "TrialPruned", base: optunaError, module: "optuna.exceptions",
    doc: """
      Exception for pruned trials.

      Raise it from an objective to end the trial as PRUNED (optimize() records it and goes on):

          if trial.should_prune():
              raise optuna.TrialPruned()
      """)

  static let duplicatedStudyError = TypeObject.makeExceptionClass(
    name: "DuplicatedStudyError", base: optunaError, module: "optuna.exceptions",
    doc: "Raised by create_study() when a study with the same name exists and load_if_exists=False.")

  static let storageInternalError = TypeObject.makeExceptionClass(
    name: "StorageInternalError", base: optunaError, module: "optuna.exceptions",
    doc: "Raised when a storage cannot be read or written (a damaged or foreign database file).")

  static let updateFinishedTrialError = TypeObject.makeExceptionClass(
    name: "UpdateFinishedTrialError", base: optunaError, module: "optuna.exceptions",
    doc: "Raised when a finished trial is modified.")

  static var exceptionMembers: [(String, Value)] {
    [("OptunaError", .type(optunaError)), ("TrialPruned", .type(trialPruned)),
     ("DuplicatedStudyError", .type(duplicatedStudyError)), ("StorageInternalError", .type(storageInternalError)),
     ("UpdateFinishedTrialError", .type(updateFinishedTrialError))]
  }

  // MARK: Raising builtin exceptions

  static func builtin(_ name: String, _ message: String) -> ScriptError {
    let cls = TypeObject.builtinException(named: name) ?? TypeObject.exceptionBase
    return ScriptError(raising: cls, message: message)
  }

  static func typeError(_ message: String) -> ScriptError { builtin("TypeError", message) }
  static func valueError(_ message: String) -> ScriptError { builtin("ValueError", message) }
  static func runtimeError(_ message: String) -> ScriptError { builtin("RuntimeError", message) }

  // MARK: Engine ↔ script

  /// The script exception for any error the engine (or this binding) throws.
  static func scriptError(_ error: Error) -> Error {
    switch error {
    case let e as ScriptError: return e
    case let failure as ObjectiveFailure: return failure.error
    case let pruned as HPSSearch.TrialPruned: return ScriptError(raising: trialPruned, message: pruned.message)
    case let e as SearchError:
      let message = e.description
      switch e.pythonExceptionName {
      case "DuplicatedStudyError": return ScriptError(raising: duplicatedStudyError, message: message)
      case "StorageInternalError": return ScriptError(raising: storageInternalError, message: message)
      case let name: return builtin(name, message)
      }
    case let e as SamplerArgumentError:
      return valueError("\(e.parameter) \(e.requirement), but got \(e.value).")
    case let e as DistributionProblem: return valueError(e.description)
    default: return runtimeError("\(error)")
    }
  }

  /// Runs engine code, turning its errors into script exceptions.
  static func bridged<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch { throw scriptError(error) }
  }

  /// The engine error for a script exception escaping an objective: `optuna.TrialPruned` (or a
  /// subclass) becomes `HPSSearch.TrialPruned`; anything else is carried as an `ObjectiveFailure`
  /// so it prints well in the engine's warning and comes back unchanged from optimize().
  static func engineError(_ error: Error) -> Error {
    switch error {
    case let e as ScriptError:
      if e.exception.cls.isSubtype(of: trialPruned) { return HPSSearch.TrialPruned(e.message) }
      return ObjectiveFailure(error: e)
    case let failure as ObjectiveFailure: return failure
    default: return error
    }
  }

  static func isTrialPruned(_ error: Error) -> Bool {
    if error is HPSSearch.TrialPruned { return true }
    if let e = error as? ScriptError { return e.exception.cls.isSubtype(of: trialPruned) }
    return false
  }
}

/// A script exception raised by an objective, on its way through the engine's optimize loop.
/// Its description is what Optuna's "Trial N failed ... because of the following error" shows.
struct ObjectiveFailure: Error, CustomStringConvertible {
  let error: ScriptError
  var description: String {
    let message = error.message
    return "\(error.typeName)(\(message.isEmpty ? "" : PythonRepr.string(message)))"
  }
}

enum PythonRepr {
  /// repr() of a str, quoted the way Python chooses quotes.
  static func string(_ s: String) -> String {
    let quote = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = quote
    for ch in s {
      switch ch {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default: out += String(ch) == quote ? "\\" + quote : String(ch)
      }
    }
    return out + quote
  }
}
