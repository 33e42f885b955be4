// Every error HPSSearch throws. Each case carries the data; `description` owns the wording, which
// names the function, the parameter and the valid range the way Optuna's messages do.
import Foundation

/// What is wrong with the arguments of a distribution (`suggest_float(low:high:...)` and friends).
public enum DistributionProblem: Error, Sendable, Equatable, CustomStringConvertible {
  case lowGreaterThanHigh(low: Double, high: Double)
  case stepWithLog(step: Double)
  case logWithNonPositiveLow(low: Double, high: Double)
  case logIntWithLowBelowOne(low: Int, high: Int)
  case nonPositiveStep(step: Double)
  case logIntWithStep(step: Int)
  case nonFiniteBound(low: Double, high: Double)
  case emptyChoices
  /// `suggest_int` with low > high (integers printed as integers).
  case intLowGreaterThanHigh(low: Int, high: Int)

  public var description: String {
    switch self {
    case .lowGreaterThanHigh(let low, let high):
      return "low must be <= high (got low=\(pythonRepr(low)), high=\(pythonRepr(high)))"
    case .stepWithLog(let step):
      return "step is not supported when log is true (got step=\(pythonRepr(step)), log=True)"
    case .logWithNonPositiveLow(let low, let high):
      return "low must be > 0 for a log distribution (got low=\(pythonRepr(low)), high=\(pythonRepr(high)))"
    case .logIntWithLowBelowOne(let low, let high):
      return "low must be >= 1 for a log distribution (got low=\(low), high=\(high))"
    case .nonPositiveStep(let step):
      return "step must be a positive number (got step=\(pythonRepr(step)))"
    case .logIntWithStep(let step):
      return "step must be 1 when log is true (got step=\(step), log=True)"
    case .nonFiniteBound(let low, let high):
      return "low and high must be finite (got low=\(pythonRepr(low)), high=\(pythonRepr(high)))"
    case .emptyChoices:
      return "choices must contain at least one value (got [])"
    case .intLowGreaterThanHigh(let low, let high):
      return "low must be <= high (got low=\(low), high=\(high))"
    }
  }
}

/// An error raised by the search engine. Hosts map the cases to Python exception classes
/// (`valueError`-like cases to ValueError, `runtime`-like ones to RuntimeError).
public enum SearchError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `suggest_float() parameter 'lr': low must be <= high (got low=1.0, high=0.5)`
  case invalidDistribution(function: String, parameter: String, problem: DistributionProblem)
  /// The same name was suggested twice in one trial with incompatible distributions.
  case distributionConflict(parameter: String, existing: String, requested: String)
  /// A categorical parameter was suggested with choices that differ from an earlier trial's.
  case dynamicCategoricalChoices(parameter: String, existing: String, requested: String)
  /// A value given for a parameter (enqueue, add_trial, tell) does not fit its distribution.
  case valueOutOfRange(parameter: String, value: String, range: String)
  /// A generic invalid argument: `function() argument 'name': message`.
  case invalidArgument(function: String, argument: String, message: String)
  /// `best_trial` and friends before any trial completed.
  case noCompletedTrials
  /// Constraints are present and no completed trial satisfies them.
  case noFeasibleTrials
  /// A single-objective API called on a multi-objective study (or the other way round).
  case multiObjectiveNotSupported(api: String)
  /// `tell()` on a trial that is not RUNNING.
  case cannotTell(number: Int, state: TrialState)
  /// A write to a trial that already finished.
  case trialAlreadyFinished(number: Int, state: TrialState)
  /// `optimize()` called from inside an objective.
  case nestedOptimize
  case duplicatedStudy(name: String)
  case studyNotFound(name: String)
  case trialNotFound(id: Int)
  /// `load_study(study_name: nil)` with zero or several studies in the storage.
  case ambiguousStudyName(count: Int)
  /// The storage URL could not be understood.
  case invalidStorageURL(url: String, reason: String)
  /// A file that is not an hps study database (or is damaged). It is never overwritten.
  case notAStudyDatabase(path: String, reason: String)
  /// A storage-level failure (SQLite error code and message, I/O).
  case storage(message: String)
  /// Malformed JSON in stored attributes or distributions.
  case invalidJSON(message: String)

  public var description: String {
    switch self {
    case .invalidDistribution(let function, let parameter, let problem):
      return "\(function)() parameter '\(parameter)': \(problem)"
    case .distributionConflict(let parameter, let existing, let requested):
      return "Cannot set different distribution kind to the same parameter name '\(parameter)' "
        + "(existing \(existing), requested \(requested))"
    case .dynamicCategoricalChoices(let parameter, let existing, let requested):
      return "CategoricalDistribution does not support dynamic value space: parameter "
        + "'\(parameter)' was \(existing), now \(requested)"
    case .valueOutOfRange(let parameter, let value, let range):
      return "parameter '\(parameter)': value \(value) is not in \(range)"
    case .invalidArgument(let function, let argument, let message):
      return "\(function)() argument '\(argument)': \(message)"
    case .noCompletedTrials:
      return "No trials are completed yet."
    case .noFeasibleTrials:
      return "No feasible trials are completed yet."
    case .multiObjectiveNotSupported(let api):
      return "A single best trial cannot be retrieved from a multi-objective study. "
        + "\(api) is not supported for multi-objective optimization; consider using "
        + "best_trials to retrieve a list containing the best trials."
    case .cannotTell(let number, let state):
      return "Cannot tell a \(state.name) trial (trial number \(number))."
    case .trialAlreadyFinished(let number, let state):
      return "Trial#\(number) has already finished (state \(state.name)) and can not be updated."
    case .nestedOptimize:
      return "Nested invocation of `Study.optimize` method isn't allowed."
    case .duplicatedStudy(let name):
      return "Another study with name '\(name)' already exists. Please specify a different name, "
        + "or reuse the existing one by setting `load_if_exists` (for Python API) or "
        + "`--skip-if-exists` flag (for CLI)."
    case .studyNotFound(let name):
      return "Record does not exist: no study named '\(name)'."
    case .trialNotFound(let id):
      return "Record does not exist: no trial with id \(id)."
    case .ambiguousStudyName(let count):
      return "Could not determine the study name since the storage has \(count) studies; "
        + "pass study_name explicitly."
    case .invalidStorageURL(let url, let reason):
      return "invalid storage URL '\(url)': \(reason)"
    case .notAStudyDatabase(let path, let reason):
      return "'\(path)' is not an hps study database (\(reason)); it was left untouched."
    case .storage(let message):
      return "storage error: \(message)"
    case .invalidJSON(let message):
      return "invalid JSON: \(message)"
    }
  }
}

/// Python's `repr()` of a float, so messages read the way Optuna users expect (`1.0`, `1e-05`).
public func pythonRepr(_ x: Double) -> String {
  if x.isNaN { return "nan" }
  if x.isInfinite { return x > 0 ? "inf" : "-inf" }
  return "\(x)"
}
