// The default storage: everything in one process's memory, guarded by one lock.
import Foundation

/// Studies and trials kept in memory. Threads of one process share it safely.
public final class InMemoryStorage: Storage, @unchecked Sendable {
  private struct StudyRecord {
    var name: String
    var directions: [StudyDirection]
    var userAttrs: [String: JSONValue] = [:]
    var systemAttrs: [String: JSONValue] = [:]
    var trialIDs: [Int] = []
    /// WAITING trial ids, oldest first, so `popWaitingTrial` does not scan the study.
    var waitingIDs: [Int] = []
  }

  private struct State {
    var studies: [Int: StudyRecord] = [:]
    var trials: [Int: FrozenTrial] = [:]
    var trialStudy: [Int: Int] = [:]
    var nextStudyID = 0
    var nextTrialID = 0
  }

  private let state = Locked(State())

  public init() {}

  private func study(_ s: State, _ id: Int) throws -> StudyRecord {
    guard let record = s.studies[id] else { throw SearchError.studyNotFound(name: "#\(id)") }
    return record
  }

  public func createStudy(name: String, directions: [StudyDirection]) throws -> Int {
    try state.withLock { s in
      if s.studies.values.contains(where: { $0.name == name }) { throw SearchError.duplicatedStudy(name: name) }
      let id = s.nextStudyID
      s.nextStudyID += 1
      s.studies[id] = StudyRecord(name: name, directions: directions)
      return id
    }
  }

  public func studyID(named name: String) throws -> Int {
    try state.withLock { s in
      guard let (id, _) = s.studies.first(where: { $0.value.name == name }) else {
        throw SearchError.studyNotFound(name: name)
      }
      return id
    }
  }

  public func studyName(id: Int) throws -> String { try state.withLock { try study($0, id).name } }
  public func allStudyNames() throws -> [String] {
    state.withLock { s in s.studies.sorted { $0.key < $1.key }.map(\.value.name) }
  }
  public func directions(studyID: Int) throws -> [StudyDirection] {
    try state.withLock { try study($0, studyID).directions }
  }

  public func deleteStudy(id: Int) throws {
    try state.withLock { s in
      let record = try study(s, id)
      for t in record.trialIDs {
        s.trials[t] = nil
        s.trialStudy[t] = nil
      }
      s.studies[id] = nil
    }
  }

  public func studyUserAttrs(studyID: Int) throws -> [String: JSONValue] {
    try state.withLock { try study($0, studyID).userAttrs }
  }
  public func studySystemAttrs(studyID: Int) throws -> [String: JSONValue] {
    try state.withLock { try study($0, studyID).systemAttrs }
  }
  public func setStudyUserAttr(studyID: Int, key: String, value: JSONValue) throws {
    try state.withLock { s in
      _ = try study(s, studyID)
      s.studies[studyID]?.userAttrs[key] = value
    }
  }
  public func setStudySystemAttr(studyID: Int, key: String, value: JSONValue) throws {
    try state.withLock { s in
      _ = try study(s, studyID)
      s.studies[studyID]?.systemAttrs[key] = value
    }
  }

  public func createTrial(studyID: Int, template: FrozenTrial?) throws -> FrozenTrial {
    try state.withLock { s in
      // Read the count without keeping a copy of the record: a live copy would make the
      // append below copy the whole id array (O(n) per trial).
      guard let number = s.studies[studyID]?.trialIDs.count else { throw SearchError.studyNotFound(name: "#\(studyID)") }
      let id = s.nextTrialID
      s.nextTrialID += 1
      var trial = template ?? FrozenTrial(number: 0, trialID: 0, state: .running, datetimeStart: Date())
      trial.number = number
      trial.trialID = id
      if template == nil || (trial.state == .running && trial.datetimeStart == nil) { trial.datetimeStart = Date() }
      s.trials[id] = trial
      s.trialStudy[id] = studyID
      s.studies[studyID]?.trialIDs.append(id)
      if trial.state == .waiting { s.studies[studyID]?.waitingIDs.append(id) }
      return trial
    }
  }

  public func popWaitingTrial(studyID: Int) throws -> FrozenTrial? {
    try state.withLock { s in
      guard s.studies[studyID] != nil else { throw SearchError.studyNotFound(name: "#\(studyID)") }
      while let id = s.studies[studyID]?.waitingIDs.first {
        s.studies[studyID]?.waitingIDs.removeFirst()
        guard s.trials[id]?.state == .waiting else { continue }
        s.trials[id]?.state = .running
        s.trials[id]?.datetimeStart = Date()
        return s.trials[id]
      }
      return nil
    }
  }

  /// Applies `change` to an unfinished trial.
  private func mutate(_ trialID: Int, _ change: (inout FrozenTrial) throws -> Void) throws {
    try state.withLock { s in
      guard var trial = s.trials[trialID] else { throw SearchError.trialNotFound(id: trialID) }
      guard !trial.state.isFinished else {
        throw SearchError.trialAlreadyFinished(number: trial.number, state: trial.state)
      }
      try change(&trial)
      s.trials[trialID] = trial
    }
  }

  public func setTrialParam(trialID: Int, name: String, distribution: Distribution, internalValue: Double) throws {
    try mutate(trialID) { t in
      t.params[name] = distribution.toExternal(internalValue)
      t.distributions[name] = distribution
    }
  }

  public func setTrialState(trialID: Int, state newState: TrialState, values: [Double]?) throws -> Bool {
    try state.withLock { s in
      guard var trial = s.trials[trialID] else { throw SearchError.trialNotFound(id: trialID) }
      if trial.state.isFinished { return false }
      if newState == .running, trial.state != .waiting { return false }
      trial.state = newState
      trial.values = values
      if newState == .running { trial.datetimeStart = Date() }
      if newState.isFinished { trial.datetimeComplete = Date() }
      s.trials[trialID] = trial
      return true
    }
  }

  public func setTrialIntermediateValue(trialID: Int, step: Int, value: Double) throws {
    try mutate(trialID) { $0.intermediateValues[step] = value }
  }
  public func setTrialUserAttr(trialID: Int, key: String, value: JSONValue) throws {
    try mutate(trialID) { $0.userAttrs[key] = value }
  }
  public func setTrialSystemAttr(trialID: Int, key: String, value: JSONValue) throws {
    // System attributes stay writable after a trial finishes: pruners and samplers record
    // bookkeeping on other trials (Optuna allows the same).
    try state.withLock { s in
      guard s.trials[trialID] != nil else { throw SearchError.trialNotFound(id: trialID) }
      s.trials[trialID]?.systemAttrs[key] = value
    }
  }

  public func trial(id: Int) throws -> FrozenTrial {
    try state.withLock { s in
      guard let trial = s.trials[id] else { throw SearchError.trialNotFound(id: id) }
      return trial
    }
  }

  public func trialID(studyID: Int, number: Int) throws -> Int {
    try state.withLock { s in
      let record = try study(s, studyID)
      // Numbers are handed out in order, so trial `number` is the number-th id.
      guard record.trialIDs.indices.contains(number) else {
        throw SearchError.invalidArgument(function: "tell", argument: "trial", message: "no trial with number \(number)")
      }
      return record.trialIDs[number]
    }
  }

  public func trials(studyID: Int, states: Set<TrialState>?) throws -> [FrozenTrial] {
    try trials(studyID: studyID, states: states, numberAtLeast: 0)
  }

  public func trials(studyID: Int, states: Set<TrialState>?, numberAtLeast: Int) throws -> [FrozenTrial] {
    try state.withLock { s in
      let record = try study(s, studyID)
      var out: [FrozenTrial] = []
      // Trial ids are kept in number order: trial `number` is the number-th id.
      let ids = record.trialIDs.dropFirst(max(0, numberAtLeast))
      out.reserveCapacity(ids.count)
      for id in ids {
        guard let t = s.trials[id] else { continue }
        if let states, !states.contains(t.state) { continue }
        out.append(t)
      }
      return out
    }
  }
}
