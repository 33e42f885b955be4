// What samplers and pruners are allowed to see and do: a read-mostly view of a study. They never
// touch storage; `Study` implements this protocol over its storage, and `StudySnapshot` is a
// standalone implementation for tests and offline use.
import Foundation

/// The study as a strategy sees it.
///
/// Reads return value types (`FrozenTrial` structs), so a strategy can keep them without
/// copying and can never mutate the study through them. The few writes are the ones Optuna's
/// strategies need to coordinate workers: study/trial system attributes (TPE's constant liar,
/// QMC's shared index, SuccessiveHalving's rung records) and `stop()` (Grid exhaustion).
/// Implementations are thread-safe: several worker threads call them at once.
public protocol StudyView: Sendable {
  var studyName: String { get }
  /// One direction per objective; `count > 1` means multi-objective.
  var directions: [StudyDirection] { get }
  /// Trials in the given states (all when nil), ordered by `number`.
  func trials(states: Set<TrialState>?) -> [FrozenTrial]
  /// Trials numbered `numberAtLeast` or more, in the given states, ordered by number: samplers
  /// that remember the finished trials read only the rest.
  func trials(states: Set<TrialState>?, numberAtLeast: Int) -> [FrozenTrial]
  var systemAttrs: [String: JSONValue] { get }
  var userAttrs: [String: JSONValue] { get }
  func setSystemAttr(_ key: String, _ value: JSONValue) throws
  func setTrialSystemAttr(trialID: Int, key: String, value: JSONValue) throws
  /// Asks the optimize loop to end after the running trials finish (Optuna's `study.stop()`).
  func stop()
}

extension StudyView {
  public func trials(states: Set<TrialState>?, numberAtLeast: Int) -> [FrozenTrial] {
    trials(states: states).filter { $0.number >= numberAtLeast }
  }
  public var isMultiObjective: Bool { directions.count > 1 }
  /// The direction of a single-objective study (the first direction otherwise).
  public var direction: StudyDirection { directions.first ?? .minimize }
  /// All trials, ordered by number.
  public var allTrials: [FrozenTrial] { trials(states: nil) }
  public var completedTrials: [FrozenTrial] { trials(states: [.complete]) }
}

/// A standalone in-memory `StudyView`: a fixed list of trials plus writable attributes. Tests
/// and offline tools hand it to samplers and pruners without building a `Study`.
public final class StudySnapshot: StudyView, @unchecked Sendable {
  public let studyName: String
  public let directions: [StudyDirection]
  private let state: Locked<(trials: [FrozenTrial], system: [String: JSONValue], user: [String: JSONValue], stopped: Bool)>

  public init(
    studyName: String = "snapshot", directions: [StudyDirection] = [.minimize], trials: [FrozenTrial] = [],
    systemAttrs: [String: JSONValue] = [:], userAttrs: [String: JSONValue] = [:]
  ) {
    self.studyName = studyName
    self.directions = directions
    state = Locked((trials.sorted { $0.number < $1.number }, systemAttrs, userAttrs, false))
  }

  public func trials(states: Set<TrialState>?) -> [FrozenTrial] {
    let all = state.withLock { $0.trials }
    guard let states else { return all }
    return all.filter { states.contains($0.state) }
  }

  public func trials(states: Set<TrialState>?, numberAtLeast: Int) -> [FrozenTrial] {
    state.withLock { s in
      // Trials are kept sorted by number: binary-search the first one at or above the bound.
      var lo = 0, hi = s.trials.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if s.trials[mid].number < numberAtLeast { lo = mid + 1 } else { hi = mid }
      }
      let tail = s.trials[lo...]
      guard let states else { return Array(tail) }
      return tail.filter { states.contains($0.state) }
    }
  }

  public var systemAttrs: [String: JSONValue] { state.withLock { $0.system } }
  public var userAttrs: [String: JSONValue] { state.withLock { $0.user } }

  public func setSystemAttr(_ key: String, _ value: JSONValue) {
    state.withLock { $0.system[key] = value }
  }

  public func setTrialSystemAttr(trialID: Int, key: String, value: JSONValue) throws {
    try state.withLock { s in
      guard let i = s.trials.firstIndex(where: { $0.trialID == trialID }) else {
        throw SearchError.trialNotFound(id: trialID)
      }
      s.trials[i].systemAttrs[key] = value
    }
  }

  public func stop() { state.withLock { $0.stopped = true } }

  /// Whether a strategy called `stop()`.
  public var isStopped: Bool { state.withLock { $0.stopped } }

  /// Adds or replaces (by number) a trial, for tests that grow a history step by step.
  public func record(_ trial: FrozenTrial) {
    state.withLock { s in
      if let i = s.trials.firstIndex(where: { $0.number == trial.number }) {
        s.trials[i] = trial
      } else {
        s.trials.append(trial)
        s.trials.sort { $0.number < $1.number }
      }
    }
  }
}
