// A study: a named set of trials in a storage, with the sampler and pruner that drive it.
// This file holds creation, loading and the read side; optimize, ask/tell, enqueue and the
// best-trial queries live in the `Study+*.swift` extensions.
import Foundation

/// An optimization task (Optuna's `Study`). Only `Study` talks to storage; samplers and pruners
/// see it through `StudyView`.
public final class Study: StudyView, @unchecked Sendable {
  public let storage: any Storage
  public let studyID: Int
  public let studyName: String
  public let directions: [StudyDirection]
  public let sampler: any Sampler
  public let pruner: any Pruner
  /// Where warnings go (captured at creation; see `SearchLogger.current`).
  public let logger: SearchLogger
  /// Called for each RUNNING trial that `failStaleTrials` marks FAIL (Optuna's
  /// `heartbeat_stale_trial_callback`, e.g. to re-enqueue it).
  public var staleTrialCallback: (@Sendable (Study, FrozenTrial) -> Void)?

  let run = Locked(RunState())
  /// The distribution each parameter name was first suggested with in this study, so the
  /// "categorical choices may not change" rule costs a dictionary lookup, not a scan.
  let knownDistributions = Locked<[String: Distribution]>([:])

  struct RunState {
    var optimizing = false
    var stopRequested = false
  }

  init(
    storage: any Storage, studyID: Int, studyName: String, directions: [StudyDirection],
    sampler: any Sampler, pruner: any Pruner, logger: SearchLogger
  ) {
    self.storage = storage
    self.studyID = studyID
    self.studyName = studyName
    self.directions = directions
    self.sampler = sampler
    self.pruner = pruner
    self.logger = logger
  }

  /// The sampler used when none is given: TPE with Optuna 5.0's defaults, for one objective and
  /// for several (Optuna 4.x used NSGA-II for several; `NSGAIISampler()` is one argument away).
  static func defaultSampler(directions: [StudyDirection]) -> any Sampler {
    // TPESampler's initializer only throws for out-of-range arguments; the defaults are valid.
    (try? TPESampler()) ?? RandomSampler()
  }

  // MARK: - Create and load

  /// Creates a study, or loads it when `loadIfExists` and the name exists
  /// (Optuna's `create_study`). Minimizes when no direction is given.
  /// - Throws: `SearchError.duplicatedStudy`, or `invalidArgument` for inconsistent directions.
  public static func create(
    studyName: String? = nil, storage: (any Storage)? = nil, sampler: (any Sampler)? = nil,
    pruner: (any Pruner)? = nil, direction: StudyDirection? = nil, directions: [StudyDirection]? = nil,
    loadIfExists: Bool = false, logger: SearchLogger = SearchLogger.current
  ) throws -> Study {
    if direction != nil && directions != nil {
      throw SearchError.invalidArgument(
        function: "create_study", argument: "directions", message: "Specify only one of `direction` and `directions`.")
    }
    let dirs = directions ?? [direction ?? .minimize]
    guard !dirs.isEmpty else {
      throw SearchError.invalidArgument(
        function: "create_study", argument: "directions", message: "The number of objectives must be greater than 0.")
    }
    guard !dirs.contains(.notSet) else {
      throw SearchError.invalidArgument(
        function: "create_study", argument: "direction",
        message: "Please set either 'minimize' or 'maximize' to direction.")
    }
    let storage = storage ?? InMemoryStorage()
    let name = studyName ?? "no-name-\(UUID().uuidString.lowercased())"
    let id: Int
    let storedDirections: [StudyDirection]
    do {
      id = try storage.createStudy(name: name, directions: dirs)
      storedDirections = dirs
    } catch SearchError.duplicatedStudy(let existing) where loadIfExists {
      logger.info("Using an existing study with name '\(existing)' instead of creating a new one.")
      id = try storage.studyID(named: name)
      storedDirections = try storage.directions(studyID: id)
    }
    return Study(
      storage: storage, studyID: id, studyName: name, directions: storedDirections,
      sampler: sampler ?? defaultSampler(directions: storedDirections), pruner: pruner ?? MedianPruner(),
      logger: logger)
  }

  /// Loads an existing study (Optuna's `load_study`). `studyName: nil` works when the storage
  /// holds exactly one study.
  public static func load(
    studyName: String?, storage: any Storage, sampler: (any Sampler)? = nil, pruner: (any Pruner)? = nil,
    logger: SearchLogger = SearchLogger.current
  ) throws -> Study {
    let name: String
    if let studyName {
      name = studyName
    } else {
      let names = try storage.allStudyNames()
      guard names.count == 1, let only = names.first else { throw SearchError.ambiguousStudyName(count: names.count) }
      name = only
    }
    let id = try storage.studyID(named: name)
    let dirs = try storage.directions(studyID: id)
    return Study(
      storage: storage, studyID: id, studyName: name, directions: dirs,
      sampler: sampler ?? defaultSampler(directions: dirs), pruner: pruner ?? MedianPruner(), logger: logger)
  }

  // MARK: - StudyView

  /// Trials in the given states, ordered by number. A storage failure is logged and reads as
  /// an empty list here; `getTrials(states:)` throws it instead.
  public func trials(states: Set<TrialState>?) -> [FrozenTrial] {
    do {
      return try storage.trials(studyID: studyID, states: states)
    } catch {
      logger.warning("Could not read the trials of study '\(studyName)': \(error)")
      return []
    }
  }

  public func trials(states: Set<TrialState>?, numberAtLeast: Int) -> [FrozenTrial] {
    do {
      return try storage.trials(studyID: studyID, states: states, numberAtLeast: numberAtLeast)
    } catch {
      logger.warning("Could not read the trials of study '\(studyName)': \(error)")
      return []
    }
  }

  /// Trials in the given states (all when nil), ordered by number.
  public func getTrials(states: Set<TrialState>? = nil) throws -> [FrozenTrial] {
    try storage.trials(studyID: studyID, states: states)
  }

  /// Every trial of the study, ordered by number.
  public var trials: [FrozenTrial] { trials(states: nil) }

  public var systemAttrs: [String: JSONValue] {
    (try? storage.studySystemAttrs(studyID: studyID)) ?? [:]
  }
  public var userAttrs: [String: JSONValue] {
    (try? storage.studyUserAttrs(studyID: studyID)) ?? [:]
  }
  public func setSystemAttr(_ key: String, _ value: JSONValue) throws {
    try storage.setStudySystemAttr(studyID: studyID, key: key, value: value)
  }
  public func setUserAttr(_ key: String, _ value: JSONValue) throws {
    try storage.setStudyUserAttr(studyID: studyID, key: key, value: value)
  }
  public func setTrialSystemAttr(trialID: Int, key: String, value: JSONValue) throws {
    try storage.setTrialSystemAttr(trialID: trialID, key: key, value: value)
  }

  /// What the sampler sees for trial `number`: the bracket's trials under an initialized
  /// HyperbandPruner (Optuna's TPE only models its own bracket), the whole study otherwise.
  func samplerView(forTrialNumber number: Int) -> any StudyView {
    guard let hyperband = pruner as? HyperbandPruner,
      let bracket = hyperband.bracketID(studyName: studyName, trialNumber: number)
    else { return self }
    return BracketStudyView(base: self, bracket: bracket, owner: hyperband)
  }

  /// Ends `optimize` after the trials now running finish.
  public func stop() {
    run.withLock { $0.stopRequested = true }
  }
}
