// Which Python exception class Optuna raises for each SearchError, so the binding layer can
// map engine errors without matching on message text.

extension SearchError {
  /// The Python exception class name Optuna uses for this error (`ValueError`,
  /// `RuntimeError`, `NotImplementedError`, `KeyError`, `DuplicatedStudyError`,
  /// `StorageInternalError`).
  public var pythonExceptionName: String {
    switch self {
    case .invalidDistribution, .distributionConflict, .dynamicCategoricalChoices, .valueOutOfRange,
      .invalidArgument, .noCompletedTrials, .noFeasibleTrials, .ambiguousStudyName, .invalidStorageURL,
      .invalidJSON:
      return "ValueError"
    case .multiObjectiveNotSupported(let api):
      // Trial.report / Trial.should_prune raise NotImplementedError; best_* raise RuntimeError.
      return api.hasPrefix("Trial.") ? "NotImplementedError" : "RuntimeError"
    case .cannotTell, .trialAlreadyFinished, .nestedOptimize:
      return "RuntimeError"
    case .duplicatedStudy:
      return "DuplicatedStudyError"
    case .studyNotFound, .trialNotFound:
      return "KeyError"
    case .notAStudyDatabase, .storage:
      return "StorageInternalError"
    }
  }
}
