// The storage contract: exactly what `Study` needs, nothing more. Every method is one atomic
// step, so a state transition is durable before the study reports it.
import Foundation

/// Where studies and trials live. Implementations are thread-safe; `SQLiteStorage` is also
/// safe across processes.
public protocol Storage: AnyObject, Sendable {
  // MARK: Studies
  /// - Throws: `SearchError.duplicatedStudy` when the name is taken.
  func createStudy(name: String, directions: [StudyDirection]) throws -> Int
  /// - Throws: `SearchError.studyNotFound`.
  func studyID(named name: String) throws -> Int
  func studyName(id: Int) throws -> String
  func allStudyNames() throws -> [String]
  func directions(studyID: Int) throws -> [StudyDirection]
  func deleteStudy(id: Int) throws
  func studyUserAttrs(studyID: Int) throws -> [String: JSONValue]
  func studySystemAttrs(studyID: Int) throws -> [String: JSONValue]
  func setStudyUserAttr(studyID: Int, key: String, value: JSONValue) throws
  func setStudySystemAttr(studyID: Int, key: String, value: JSONValue) throws

  // MARK: Trials
  /// Creates a trial with the next number of the study. With a template, its state, values,
  /// params, attributes and intermediate values are copied (enqueue, add_trial); without one
  /// the trial is RUNNING and starts now.
  func createTrial(studyID: Int, template: FrozenTrial?) throws -> FrozenTrial
  /// Atomically switches the oldest WAITING trial to RUNNING and returns it (nil if none).
  func popWaitingTrial(studyID: Int) throws -> FrozenTrial?
  /// - Throws: `SearchError.trialAlreadyFinished` when the trial is finished.
  func setTrialParam(trialID: Int, name: String, distribution: Distribution, internalValue: Double) throws
  /// Moves a trial to `state`, storing `values` and (for finished states) the completion time.
  /// Returns false, changing nothing, when the trial is already finished.
  @discardableResult
  func setTrialState(trialID: Int, state: TrialState, values: [Double]?) throws -> Bool
  func setTrialIntermediateValue(trialID: Int, step: Int, value: Double) throws
  func setTrialUserAttr(trialID: Int, key: String, value: JSONValue) throws
  func setTrialSystemAttr(trialID: Int, key: String, value: JSONValue) throws
  func trial(id: Int) throws -> FrozenTrial
  /// The id of trial `number` of a study (a default implementation scans the trials).
  func trialID(studyID: Int, number: Int) throws -> Int
  /// Trials of a study in the given states (all when nil), ordered by number.
  func trials(studyID: Int, states: Set<TrialState>?) throws -> [FrozenTrial]
  /// The same, only trials numbered `numberAtLeast` or more (a default implementation filters).
  func trials(studyID: Int, states: Set<TrialState>?, numberAtLeast: Int) throws -> [FrozenTrial]

  // MARK: Heartbeats (storages without them return false / do nothing)
  /// Seconds between heartbeats of a running trial; nil when the storage has no heartbeats.
  var heartbeatInterval: TimeInterval? { get }
  /// Age after which a RUNNING trial's heartbeat counts as stale (default 2 × interval).
  var gracePeriod: TimeInterval? { get }
  func recordHeartbeat(trialID: Int) throws
  /// Marks FAIL every RUNNING trial whose last heartbeat is older than `gracePeriod` seconds and
  /// returns them (each is failed by exactly one caller).
  func failStaleTrials(studyID: Int, gracePeriod: TimeInterval) throws -> [FrozenTrial]
}

extension Storage {
  public func trials(studyID: Int, states: Set<TrialState>?, numberAtLeast: Int) throws -> [FrozenTrial] {
    try trials(studyID: studyID, states: states).filter { $0.number >= numberAtLeast }
  }

  public func trialID(studyID: Int, number: Int) throws -> Int {
    guard let trial = try trials(studyID: studyID, states: nil).first(where: { $0.number == number }) else {
      throw SearchError.invalidArgument(function: "tell", argument: "trial", message: "no trial with number \(number)")
    }
    return trial.trialID
  }

  public var heartbeatInterval: TimeInterval? { nil }
  public var gracePeriod: TimeInterval? { nil }
  public func recordHeartbeat(trialID: Int) throws {}
  public func failStaleTrials(studyID: Int, gracePeriod: TimeInterval) throws -> [FrozenTrial] { [] }
}

