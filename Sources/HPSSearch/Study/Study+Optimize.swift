// The optimize loop (Optuna's `Study.optimize`): run trials until n_trials, timeout or stop(),
// on one thread or several, with Optuna's rules for errors, pruning and bad return values.
import Foundation

/// Which thrown errors end a trial as FAIL without stopping the study (Optuna's `catch=`).
public struct ErrorFilter: Sendable {
  let matches: @Sendable (any Error) -> Bool

  public init(_ matches: @escaping @Sendable (any Error) -> Bool) { self.matches = matches }

  /// Errors whose dynamic type is exactly one of `types`.
  public static func types(_ types: [any Error.Type]) -> ErrorFilter {
    let ids = Set(types.map { ObjectIdentifier($0) })
    return ErrorFilter { error in ids.contains(ObjectIdentifier(type(of: error))) }
  }

  public static let none = ErrorFilter { _ in false }
  public static let all = ErrorFilter { _ in true }
}

/// A callback run after every finished trial (Optuna's `callbacks=`).
public typealias StudyCallback = (Study, FrozenTrial) throws -> Void

extension Study {
  /// Stack size of `nJobs > 1` worker threads: objectives may run a script interpreter, which
  /// recurses deeper than the 512 KiB some platforms give secondary threads.
  static let workerStackSize = 16 << 20

  /// Single-objective optimize: the objective returns one value (nil or NaN → FAIL).
  public func optimize(
    nTrials: Int? = nil, timeout: TimeInterval? = nil, nJobs: Int = 1, catch filter: ErrorFilter = .none,
    callbacks: [StudyCallback] = [], gcAfterTrial: Bool = false, showProgressBar: Bool = false,
    _ objective: @escaping (Trial) throws -> Double?
  ) throws {
    try optimizeValues(
      nTrials: nTrials, timeout: timeout, nJobs: nJobs, catch: filter, callbacks: callbacks,
      gcAfterTrial: gcAfterTrial, showProgressBar: showProgressBar
    ) { trial in try objective(trial).map { [$0] } }
  }

  /// Optimize with one value per objective (the multi-objective form; also fine for one).
  public func optimizeValues(
    nTrials: Int? = nil, timeout: TimeInterval? = nil, nJobs: Int = 1, catch filter: ErrorFilter = .none,
    callbacks: [StudyCallback] = [], gcAfterTrial: Bool = false, showProgressBar: Bool = false,
    _ objective: @escaping (Trial) throws -> [Double]?
  ) throws {
    if let nTrials, nTrials < 0 {
      throw SearchError.invalidArgument(function: "optimize", argument: "n_trials", message: "must be >= 0 (got \(nTrials))")
    }
    let jobs = nJobs == -1 ? ProcessInfo.processInfo.activeProcessorCount : nJobs
    guard jobs >= 1 else {
      throw SearchError.invalidArgument(function: "optimize", argument: "n_jobs", message: "must be >= 1 or -1 (got \(nJobs))")
    }
    try run.withLock { r in
      if r.optimizing { throw SearchError.nestedOptimize }
      r.optimizing = true
      r.stopRequested = false
    }
    defer { run.withLock { $0.optimizing = false } }
    if showProgressBar && timeout != nil && jobs != 1 {
      logger.warning("The timeout-based progress bar is not supported with n_jobs != 1.")
    }

    // gc_after_trial is accepted for Optuna compatibility: Swift frees memory by reference
    // counting as it goes, so there is no collector to run between trials.
    _ = gcAfterTrial
    let progress = showProgressBar ? ProgressBar(nTrials: nTrials, timeout: timeout) : nil
    defer { progress?.finish() }
    let loop = OptimizeLoop(study: self, nTrials: nTrials, timeout: timeout, filter: filter, callbacks: callbacks, objective: objective)
    loop.progress = progress
    if jobs == 1 {
      loop.work(reseed: false)
    } else {
      // One thread per job, even beyond the core count: objectives often wait on I/O or
      // subprocesses, and Optuna's n_jobs also means that many concurrent trials.
      let box = UncheckedBox(loop)
      let group = DispatchGroup()
      for _ in 0..<jobs {
        group.enter()
        let thread = Thread {
          box.value.work(reseed: true)
          group.leave()
        }
        thread.stackSize = Study.workerStackSize
        thread.start()
      }
      group.wait()
    }
    if let error = loop.firstError.current { throw error }
  }
}

/// Carries a non-Sendable value onto worker threads. The caller asked for `nJobs > 1`, so the
/// objective must tolerate concurrent calls, as in Optuna.
private struct UncheckedBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

/// The shared state of one `optimize` call, read by every worker.
private final class OptimizeLoop: @unchecked Sendable {
  let study: Study
  let nTrials: Int?
  let deadline: Date?
  let filter: ErrorFilter
  let callbacks: [StudyCallback]
  let objective: (Trial) throws -> [Double]?
  let started = Locked(0)
  let firstError = Locked<(any Error)?>(nil)
  var progress: ProgressBar?

  init(
    study: Study, nTrials: Int?, timeout: TimeInterval?, filter: ErrorFilter, callbacks: [StudyCallback],
    objective: @escaping (Trial) throws -> [Double]?
  ) {
    self.study = study
    self.nTrials = nTrials
    self.deadline = timeout.map { Date().addingTimeInterval($0) }
    self.filter = filter
    self.callbacks = callbacks
    self.objective = objective
  }

  /// One worker: take trial slots until the budget, the deadline, stop() or an error.
  func work(reseed: Bool) {
    if reseed { study.sampler.reseedRng() }
    while true {
      if firstError.current != nil { return }
      if study.run.withLock({ $0.stopRequested }) { return }
      if let deadline, Date() >= deadline { return }
      let granted = started.withLock { n -> Bool in
        if let nTrials, n >= nTrials { return false }
        n += 1
        return true
      }
      guard granted else { return }
      do {
        let frozen = try runTrial()
        progress?.update(study: study)
        for callback in callbacks { try callback(study, frozen) }
      } catch {
        firstError.withLock { if $0 == nil { $0 = error } }
        return
      }
    }
  }

  /// Runs one trial to a final state. Throws only errors that must end the study.
  func runTrial() throws -> FrozenTrial {
    if study.storage.heartbeatInterval != nil { try study.failStaleTrials() }
    let trial = try study.ask()
    let heartbeat = Heartbeat(storage: study.storage, trialID: trial.trialID)
    heartbeat?.start()
    var values: [Double]?
    var state: TrialState?
    var raised: (any Error)?
    do {
      values = try objective(trial)
    } catch is TrialPruned {
      state = .pruned
    } catch {
      state = .fail
      raised = error
    }
    heartbeat?.stop()
    if let raised {
      // Python's dict repr, as Optuna prints it: {'x': 0.5}.
      let shown = trial.params.keys.sorted().map { "'\($0)': \(trial.params[$0]?.description ?? "")" }.joined(separator: ", ")
      study.logger.warning("Trial \(trial.number) failed with parameters: {\(shown)} because of the following error: \(raised).")
      try? study.storage.setTrialSystemAttr(trialID: trial.trialID, key: "fail_reason", value: .string("\(raised)"))
    }
    let frozen: FrozenTrial
    if state == nil, let reason = study.checkValues(values) {
      study.logger.warning("Trial \(trial.number) failed with value \(values.map { "\($0)" } ?? "None"). \(reason)")
      try? study.storage.setTrialSystemAttr(trialID: trial.trialID, key: "fail_reason", value: .string(reason))
      frozen = try study.tell(trialNumber: trial.number, state: .fail)
    } else {
      frozen = try study.tell(trialNumber: trial.number, values: state == nil ? values : nil, state: state ?? .complete)
    }
    if let raised, !filter.matches(raised) { throw raised }
    return frozen
  }
}

extension Study {
  /// Marks FAIL the RUNNING trials whose heartbeat is older than the storage's grace period
  /// (Optuna's `fail_stale_trials`) and runs `staleTrialCallback` on each. `optimize` calls it
  /// before every trial when the storage has heartbeats.
  @discardableResult
  public func failStaleTrials() throws -> [FrozenTrial] {
    guard let interval = storage.heartbeatInterval else { return [] }
    let grace = storage.gracePeriod ?? 2 * interval
    let failed = try storage.failStaleTrials(studyID: studyID, gracePeriod: grace)
    for trial in failed {
      logger.warning("Trial \(trial.number) was RUNNING with a stale heartbeat and has been marked FAIL.")
      sampler.afterTrial(study: self, trial: trial, state: .fail, values: nil)
      staleTrialCallback?(self, trial)
    }
    return failed
  }
}

/// A background thread that records a running trial's heartbeat every interval.
final class Heartbeat: @unchecked Sendable {
  private let storage: any Storage
  private let trialID: Int
  private let interval: TimeInterval
  private let done = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)

  init?(storage: any Storage, trialID: Int) {
    guard let interval = storage.heartbeatInterval else { return nil }
    self.storage = storage
    self.trialID = trialID
    self.interval = interval
  }

  func start() {
    try? storage.recordHeartbeat(trialID: trialID)
    let thread = Thread { [self] in
      while done.wait(timeout: .now() + interval) == .timedOut {
        try? storage.recordHeartbeat(trialID: trialID)
      }
      finished.signal()
    }
    thread.start()
  }

  func stop() {
    done.signal()
    finished.wait()
  }
}
