// Storage-level study operations (Optuna's delete_study, copy_study, get_all_study_names) and
// MaxTrialsCallback, the distributed-safe cap on the total number of trials.
import Foundation

/// Study operations on a storage.
public enum StudyManagement {
  public static func allStudyNames(storage: any Storage) throws -> [String] { try storage.allStudyNames() }

  public static func deleteStudy(name: String, storage: any Storage) throws {
    try storage.deleteStudy(id: try storage.studyID(named: name))
  }

  /// Copies a study with all its trials and attributes into another storage (or name).
  public static func copyStudy(
    from name: String, storage source: any Storage, to destination: any Storage, name newName: String? = nil
  ) throws {
    let id = try source.studyID(named: name)
    let target = try destination.createStudy(name: newName ?? name, directions: try source.directions(studyID: id))
    for (k, v) in try source.studyUserAttrs(studyID: id) { try destination.setStudyUserAttr(studyID: target, key: k, value: v) }
    for (k, v) in try source.studySystemAttrs(studyID: id) { try destination.setStudySystemAttr(studyID: target, key: k, value: v) }
    for trial in try source.trials(studyID: id, states: nil) {
      _ = try destination.createTrial(studyID: target, template: trial)
    }
  }
}

/// Stops the study once `nTrials` trials in `states` exist in storage, counted across every
/// process (Optuna's MaxTrialsCallback). Pass it in `optimize(callbacks:)`.
public struct MaxTrialsCallback: Sendable {
  public let nTrials: Int
  public let states: Set<TrialState>?

  public init(nTrials: Int, states: Set<TrialState>? = [.complete]) {
    self.nTrials = nTrials
    self.states = states
  }

  public var callback: StudyCallback {
    { study, _ in
      if try study.getTrials(states: states).count >= nTrials { study.stop() }
    }
  }
}
