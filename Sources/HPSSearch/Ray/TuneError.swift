// Errors of the Ray Tune dialect. Each names the function or config path and the valid range, so
// a script user sees what Ray would have told them (and, where Ray says nothing, what went wrong).
import Foundation

/// An error raised by the Ray Tune dialect. Hosts map `runtime` to RuntimeError, `tuneError` to
/// Ray's TuneError and every other case to ValueError.
public enum TuneError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A sampling domain with invalid arguments: `tune.loguniform(lower=0.0, upper=1.0): ...`.
  case invalidDomain(function: String, message: String)
  /// A bad argument to a scheduler, searcher, TuneConfig or result query.
  case invalidArgument(function: String, argument: String, message: String)
  /// A `sample_from` function read a config value that is not resolved yet. The variant
  /// generator catches it and retries after the other values resolve (Ray's
  /// RecursiveDependencyError); hosts throw it from their own config accessors.
  case unresolvedReference(path: String)
  /// A `sample_from` function failed, or its dependencies never resolved.
  case sampleFromFailed(path: String, message: String)
  /// A search space that cannot be expanded (bad preset path, `{"eval": ...}`, ...).
  case invalidSearchSpace(path: String, message: String)
  /// Ray's TuneError (e.g. PBT without mutations).
  case tuneError(message: String)
  /// A RuntimeError (no finite result, missing metric in a result that requires it, ...).
  case runtime(message: String)

  public var description: String {
    switch self {
    case .invalidDomain(let function, let message):
      return "\(function): \(message)"
    case .invalidArgument(let function, let argument, let message):
      return "\(function)() argument '\(argument)': \(message)"
    case .unresolvedReference(let path):
      return "config value '\(path)' is not resolved yet (sample_from dependency)"
    case .sampleFromFailed(let path, let message):
      return "Failed to evaluate expression: \(path): \(message)"
    case .invalidSearchSpace(let path, let message):
      return "param_space['\(path)']: \(message)"
    case .tuneError(let message), .runtime(let message):
      return message
    }
  }
}

/// The signal a reporter throws into a trainable that the scheduler stopped or restarted. The
/// trainable must let it propagate (a trainable that swallows it gets it again at its next report).
public struct TuneTrialInterrupted: Error, Sendable, CustomStringConvertible {
  public enum Reason: Sendable { case stop, restart }
  public let reason: Reason
  public var description: String {
    reason == .stop ? "trial stopped by the scheduler" : "trial restarted by the scheduler (PBT exploit)"
  }
}
