// Ray's `Tuner(trainable, param_space=, tune_config=, run_config=).fit()`: asks the searcher for
// configs, runs trainables, feeds every result to the scheduler and acts on its decision, and
// records each trial in an HPSSearch study (params, intermediate values at training_iteration,
// final value), so the engine's analysis works on Ray runs too. Trials execute one at a time
// (turns) or all at once on their threads (parallel); either way this controller is the only
// thread that touches trials, the searcher and the scheduler, one report at a time.
import Foundation

/// Runs a Ray Tune experiment locally.
public final class Tuner: TuneTrialRunner {
  public let trainable: TuneTrainable
  public let paramSpace: TuneValue
  public let tuneConfig: TuneConfig
  public let runConfig: TuneRunConfig

  public private(set) var trials: [TuneTrial] = []
  public private(set) var searchAlgorithm: (any TuneSearchAlgorithm)?
  private var scheduler: any TuneScheduler = FIFOScheduler()
  private var workers: [Int: TrialWorker] = [:]
  private let board = TrialEventBoard()
  /// What each RUNNING trial gets when its turn comes.
  private var nextCommand: [Int: TrialWorker.Command] = [:]
  /// RUNNING trials waiting for their next turn (blocked in `report`, or not started), in order.
  private var roundRobin: [Int] = []
  /// Trials that were sent a command and have not posted their next event yet.
  private var executing: Set<Int> = []
  /// Trials the run finished while they were executing: their next report is answered with
  /// `.stop` and their last events are dropped.
  private var abandoned: Set<Int> = []
  private var study: Study?
  private var recordedSteps: [Int: Set<Int>] = [:]
  private var runPrefix = ""
  private var logger: SearchLogger { runConfig.logger }

  public init(
    trainable: @escaping TuneTrainable, paramSpace: TuneValue = .dict(TuneDict()), tuneConfig: TuneConfig = TuneConfig(),
    runConfig: TuneRunConfig = TuneRunConfig()
  ) {
    self.trainable = trainable
    self.paramSpace = paramSpace
    self.tuneConfig = tuneConfig
    self.runConfig = runConfig
  }

  // MARK: - TuneTrialRunner

  public func stopTrial(_ trial: TuneTrial) {
    guard !trial.status.isFinished else { return }
    trial.stoppedEarly = true
    if executing.contains(trial.number) {
      // Busy between reports: it ends now for the scheduler and the study (Ray kills the
      // actor); its thread gets `.stop` at its next report.
      abandoned.insert(trial.number)
      finish(trial, .interrupted, fullBudget: false)
    } else if let worker = workers[trial.number], worker.started, !worker.finished {
      finish(trial, worker.resume(.stop), fullBudget: false)
    } else {
      finish(trial, .interrupted, fullBudget: false)
    }
  }

  public func saveCheckpoint(_ trial: TuneTrial) -> TuneCheckpoint? {
    if trial.checkpointIsCurrent { return trial.latestCheckpoint }
    // A trial busy between reports cannot be asked: its latest reported checkpoint stands.
    guard !executing.contains(trial.number), let worker = workers[trial.number], worker.started, !worker.finished else {
      return trial.latestCheckpoint
    }
    guard case .saved(let saved) = worker.resume(.save), let saved else { return trial.latestCheckpoint }
    trial.latestCheckpoint = saved
    trial.checkpointIsCurrent = true
    return saved
  }

  // MARK: - fit

  /// Runs the experiment and returns its results (Ray's `Tuner.fit()`).
  /// - Throws: `TuneError` for invalid configuration (before any trial runs) and for scheduler
  ///   errors (e.g. PBT's missing metric), which end the run as in Ray. Trainable errors do not
  ///   throw: they mark the trial ERROR and appear in `ResultGrid.errors`.
  public func fit() throws -> ResultGrid {
    try setUp()
    let start = Date()
    var searcherFinished = false
    let maxLive = (tuneConfig.maxConcurrentTrials ?? 0) > 0 ? tuneConfig.maxConcurrentTrials! : Int.max
    let simultaneous = runConfig.execution == .parallel ? runConfig.cpus : 1
    defer { drainExecuting() }
    do {
      while true {
        if let budget = tuneConfig.timeBudgetS, Date().timeIntervalSince(start) >= budget {
          if !searcherFinished { logger.info("Reached the time budget of \(pythonRepr(budget)) s; stopping all trials.") }
          searcherFinished = true
          for t in liveTrials { stopTrial(t) }
        }
        if runConfig.shouldStop?() == true {
          logger.warning("Experiment has been interrupted; stopping \(liveTrials.count) live trials and keeping the results so far.")
          searcherFinished = true
          for t in liveTrials { stopTrial(t) }
          break
        }
        // New trials while a CPU is free.
        addLoop: while !searcherFinished, liveTrials.count < maxLive,
          trials.filter({ $0.status == .running || $0.status == .pending }).count < runConfig.cpus
        {
          switch try addTrial() {
          case .config: continue addLoop
          case .wait: break addLoop
          case .finished:
            searcherFinished = true
            break addLoop
          }
        }
        // Start or resume trials on free CPUs, in the scheduler's order.
        while roundRobin.count + executing.subtracting(abandoned).count < runConfig.cpus,
          let next = scheduler.chooseTrialToRun(runner: self), next.status == .pending || next.status == .paused
        {
          next.status = .running
          if nextCommand[next.number] == nil { nextCommand[next.number] = .proceed }
          roundRobin.append(next.number)
        }
        while executing.count < simultaneous, !roundRobin.isEmpty {
          let number = roundRobin.removeFirst()
          executing.insert(number)
          workers[number]?.send(nextCommand.removeValue(forKey: number) ?? .proceed)
        }
        if executing.isEmpty {
          if !liveTrials.isEmpty {
            // Every live trial is paused and the scheduler resumes none: Ray would wait forever.
            logger.warning("All \(liveTrials.count) remaining trials are paused and the scheduler resumes none; stopping them.")
            for t in liveTrials { stopTrial(t) }
            continue
          }
          if searcherFinished { break }
          // The searcher said "wait" with nothing running: nothing will change.
          searcherFinished = true
          continue
        }
        // In parallel, wake up now and then to notice the time budget and a host's interrupt; in
        // turns, the one executing trial is waited for, and both are checked between turns (a
        // script trainable notices Ctrl-C itself).
        let deadline = simultaneous > 1 ? Date().addingTimeInterval(0.1) : nil
        guard let number = board.nextArrival(until: deadline), let worker = workers[number] else { continue }
        let event = worker.takeEvent()
        if abandoned.contains(number) {
          if event.isFinal {
            executing.remove(number)
            abandoned.remove(number)
          } else {
            worker.send(.stop)
          }
          continue
        }
        executing.remove(number)
        try step(trialNumber: number, event: event)
      }
    } catch {
      for t in liveTrials { stopTrial(t) }
      throw error
    }
    guard let study else { throw TuneError.runtime(message: "Tuner: no study") }
    return ResultGrid(
      trials: trials, study: study, metric: tuneConfig.metric ?? scheduler.metric, mode: tuneConfig.mode ?? scheduler.mode)
  }

  /// Waits for the threads of trials that were stopped while busy, so none outlives fit().
  private func drainExecuting() {
    while !executing.isEmpty {
      guard let number = board.nextArrival(), let worker = workers[number] else { continue }
      let event = worker.takeEvent()
      if event.isFinal {
        executing.remove(number)
        abandoned.remove(number)
        if let trial = trials.first(where: { $0.number == number }) { finish(trial, event, fullBudget: false) }
      } else {
        worker.send(.stop)
      }
    }
  }

  private func setUp() throws {
    guard study == nil else {
      throw TuneError.runtime(message: "Tuner.fit() can only be called once; build a new Tuner to run again.")
    }
    guard tuneConfig.numSamples == -1 || tuneConfig.numSamples >= 1 else {
      throw TuneError.invalidArgument(function: "TuneConfig", argument: "num_samples", message: "must be >= 1, or -1 for unlimited (got \(tuneConfig.numSamples))")
    }
    if let m = tuneConfig.maxConcurrentTrials, m < 0 {
      throw TuneError.invalidArgument(function: "TuneConfig", argument: "max_concurrent_trials", message: "must be >= 0 (got \(m))")
    }
    if tuneConfig.numSamples == -1 && tuneConfig.timeBudgetS == nil && runConfig.stop.isEmpty && runConfig.stopper == nil {
      logger.warning("num_samples=-1 without time_budget_s: trials will be generated until the search algorithm runs out.")
    }
    guard runConfig.cpus >= 1 else {
      throw TuneError.invalidArgument(function: "RunConfig", argument: "cpus", message: "must be >= 1 (got \(runConfig.cpus))")
    }
    var metric = tuneConfig.metric
    if metric == nil, tuneConfig.mode != nil { metric = MetricSetting.defaultMetric }
    let mode = tuneConfig.mode
    var searcher: any TuneSearchAlgorithm
    if let given = tuneConfig.searchAlg {
      searcher = given
      if let limit = tuneConfig.maxConcurrentTrials, limit > 0 {
        if given is ConcurrencyLimiter {
          throw TuneError.invalidArgument(
            function: "TuneConfig", argument: "max_concurrent_trials",
            message: "You have specified `max_concurrent_trials=\(limit)`, but the `search_alg` is already a "
              + "`ConcurrencyLimiter`. FIX THIS by setting `max_concurrent_trials=None`.")
        }
        if let basic = given as? BasicVariantGenerator {
          basic.maxConcurrent = limit
        } else {
          searcher = try ConcurrencyLimiter(given, maxConcurrent: limit)
        }
      }
    } else {
      searcher = try BasicVariantGenerator(maxConcurrent: tuneConfig.maxConcurrentTrials ?? 0, randomState: tuneConfig.seed, logger: logger)
    }
    guard try searcher.setSearchProperties(metric: metric, mode: mode, paramSpace: paramSpace, numSamples: tuneConfig.numSamples) else {
      throw TuneError.invalidArgument(
        function: "Tuner", argument: "tune_config",
        message: "You passed a `metric` or `mode` argument to `tune.TuneConfig()`, but the search algorithm was already "
          + "instantiated with their own metric and mode parameters. Either remove the arguments from your searcher "
          + "or from your `TuneConfig`.")
    }
    searchAlgorithm = searcher
    if let s = tuneConfig.scheduler { scheduler = s }
    guard scheduler.setSearchProperties(metric: metric, mode: mode) else {
      throw TuneError.invalidArgument(
        function: "Tuner", argument: "tune_config",
        message: "You passed a `metric` or `mode` argument to `tune.TuneConfig()`, but the scheduler was already "
          + "instantiated with their own metric and mode parameters. Either remove the arguments from your scheduler "
          + "or from your `TuneConfig`.")
    }
    let direction = (mode ?? scheduler.mode ?? .min).direction
    study = try Study.create(
      studyName: runConfig.name ?? "tune-\(UUID().uuidString.lowercased().prefix(8))", storage: runConfig.storage,
      sampler: searcher.engineSampler ?? RandomSampler(), pruner: NopPruner(), direction: direction, logger: logger)
    runPrefix = String(UUID().uuidString.lowercased().prefix(5))
    if let name = runConfig.name { try study?.setUserAttr("tune_experiment", .string(name)) }
  }

  private var resultMetric: String? { tuneConfig.metric ?? scheduler.metric }

  // MARK: - Creating trials

  private func addTrial() throws -> TuneSuggestion {
    guard let study, let searcher = searchAlgorithm else { return .finished }
    let context = TuneSuggestContext(study: study)
    let answer = try searcher.suggest(context)
    guard case .config(let config) = answer else { return answer }
    let studyTrial = try context.startTrial()
    let trial = TuneTrial(trialID: "\(runPrefix)_\(String(format: "%05d", studyTrial.number))", number: studyTrial.number, config: config)
    trials.append(trial)
    searcher.onTrialStarted(trialNumber: trial.number)
    do {
      try scheduler.onTrialAdd(runner: self, trial: trial)
    } catch {
      trial.status = .error
      trial.errorMessage = "\(error)"
      _ = try? study.tell(trialNumber: trial.number, state: .fail)
      throw error
    }
    try record(config: trial.config, in: studyTrial)
    workers[trial.number] = TrialWorker(trial: trial, trainable: trainable, stackSize: runConfig.trialStackSize, board: board)
    return answer
  }

  /// Writes the config's scalar leaves as study params, each with the distribution of the
  /// domain it came from (a point distribution for constants and values no domain explains).
  private func record(config: TuneValue, in trial: Trial) throws {
    guard let study else { return }
    try study.storage.setTrialUserAttr(trialID: trial.trialID, key: "config", value: config.json)
    let existing = trial.params
    for (path, value) in VariantGenerator.flatten(config) where existing[path] == nil {
      guard let param = value.paramValue else { continue }
      let node = VariantGenerator.value(paramSpace, path.split(separator: "/").map(String.init))
      var distribution: Distribution?
      if case .domain(let d)? = node, let mapped = try? DomainMapping.of(d, path: path).distribution,
        mapped.containsExternal(param)
      {
        distribution = mapped
      } else if let grid = node?.gridSearchValues, let scalars = grid.map(\.paramValue) as? [ParamValue],
        let categorical = try? Distribution.categorical(scalars), categorical.containsExternal(param)
      {
        distribution = categorical
      }
      let chosen = distribution ?? Self.pointDistribution(param)
      guard let chosen, let internalValue = try? chosen.toInternal(param, parameter: path) else { continue }
      try study.storage.setTrialParam(trialID: trial.trialID, name: path, distribution: chosen, internalValue: internalValue)
    }
  }

  static func pointDistribution(_ value: ParamValue) -> Distribution? {
    switch value {
    case .int(let i): return try? .int(i, i)
    case .float(let d) where d.isFinite: return try? .float(d, d)
    case .float: return nil
    default: return try? .categorical([value])
    }
  }

  // MARK: - Running

  /// Acts on one event of a trial that was executing: record a result and answer it with the
  /// scheduler's decision, or end the trial.
  private func step(trialNumber: Int, event: TrialWorker.Event) throws {
    guard let trial = trials.first(where: { $0.number == trialNumber }), let worker = workers[trialNumber] else { return }
    guard case .result(let result, let checkpoint) = event else {
      finish(trial, event, fullBudget: true)
      return
    }
    trial.results.append(result)
    if let checkpoint { trial.latestCheckpoint = checkpoint }
    trial.checkpointIsCurrent = checkpoint != nil
    recordIntermediate(trial, result)
    if meetsStopCriterion(trial, result) {
      finish(trial, worker.resume(.stop), fullBudget: true)
      return
    }
    let decision = try scheduler.onTrialResult(runner: self, trial: trial, result: result)
    guard trial.status == .running else { return }  // the scheduler stopped it through the runner
    switch decision {
    case .continue:
      if nextCommand[trialNumber] == nil { nextCommand[trialNumber] = .proceed }
      roundRobin.append(trialNumber)
    case .pause:
      trial.status = .paused
      // Keep a restart a scheduler queued through `exploit` (PBT's synchronous mode).
      if nextCommand[trialNumber] == nil { nextCommand[trialNumber] = .proceed }
    case .stop:
      let full = scheduler.isFullBudget(trial: trial, result: result)
      trial.stoppedEarly = !full
      finish(trial, worker.resume(.stop), fullBudget: full)
    case .exploit(let source, let params):
      guard let sourceTrial = trials.first(where: { $0.number == source }) else {
        nextCommand[trialNumber] = .proceed
        roundRobin.append(trialNumber)
        return
      }
      var config = scheduler.takeExploredConfig(for: trialNumber) ?? sourceTrial.config
      for (path, value) in params.sorted(by: { $0.key < $1.key }) {
        try? VariantGenerator.assign(&config, path.split(separator: "/").map(String.init), TuneValue(value))
      }
      exploit(trial, source: source, config: config, checkpoint: scheduler.exploitCheckpoint(of: source) ?? sourceTrial.latestCheckpoint)
      roundRobin.append(trialNumber)
    }
  }

  public func exploit(_ trial: TuneTrial, source: Int, config: TuneValue, checkpoint: TuneCheckpoint?) {
    let sourceID = trials.first { $0.number == source }?.trialID ?? "#\(source)"
    if checkpoint == nil {
      logger.warning("PBT exploit of \(sourceID) by \(trial.trialID): the source reported no checkpoint, so only its config is copied.")
    }
    logger.info("[exploit] transferring weights from trial \(sourceID) into \(trial.trialID); new config \(config)")
    trial.config = config
    trial.perturbations += 1
    if let study, let id = try? study.storage.trialID(studyID: study.studyID, number: trial.number) {
      try? study.storage.setTrialUserAttr(trialID: id, key: "config", value: config.json)
      try? study.storage.setTrialUserAttr(trialID: id, key: "pbt_perturbations", value: .int(trial.perturbations))
    }
    nextCommand[trial.number] = .restart(config: config, checkpoint: checkpoint)
  }

  private func meetsStopCriterion(_ trial: TuneTrial, _ result: TuneDict) -> Bool {
    for (key, threshold) in runConfig.stop {
      if let value = result.number(key), value >= threshold { return true }
    }
    return runConfig.stopper?(trial.trialID, result) ?? false
  }

  private func recordIntermediate(_ trial: TuneTrial, _ result: TuneDict) {
    guard let study, let metric = resultMetric, let value = result.number(metric),
      let step = result["training_iteration"]?.intValue, step >= 0,
      recordedSteps[trial.number, default: []].insert(step).inserted,
      let id = try? study.storage.trialID(studyID: study.studyID, number: trial.number)
    else { return }
    try? study.storage.setTrialIntermediateValue(trialID: id, step: step, value: value)
  }

  /// Ends a trial: status, scheduler and searcher callbacks, the study's final state.
  private func finish(_ trial: TuneTrial, _ event: TrialWorker.Event, fullBudget: Bool) {
    guard !trial.status.isFinished else { return }
    roundRobin.removeAll { $0 == trial.number }
    nextCommand[trial.number] = nil
    var failure: String?
    switch event {
    case .returned(let final):
      if let final, !final.isEmpty {
        var result = final
        let iteration = (trial.lastResult?.number("training_iteration").map { Int($0) } ?? 0) + 1
        if result["training_iteration"] == nil { result["training_iteration"] = .int(iteration) }
        if result["trial_id"] == nil { result["trial_id"] = .string(trial.trialID) }
        result["done"] = .bool(true)
        trial.results.append(result)
        recordIntermediate(trial, result)
      }
    case .interrupted:
      if !fullBudget { trial.stoppedEarly = true }
    case .failed(let message):
      failure = message
    case .result, .saved:
      break
    }
    if let failure {
      trial.status = .error
      trial.errorMessage = failure
      scheduler.onTrialError(runner: self, trial: trial)
    } else {
      trial.status = .terminated
      scheduler.onTrialComplete(runner: self, trial: trial, result: trial.lastResult)
    }
    searchAlgorithm?.onTrialComplete(trialNumber: trial.number, result: trial.lastResult, error: failure != nil)
    tellStudy(trial, failure: failure)
  }

  private func tellStudy(_ trial: TuneTrial, failure: String?) {
    guard let study, let id = try? study.storage.trialID(studyID: study.studyID, number: trial.number) else { return }
    if let last = trial.lastResult { try? study.storage.setTrialUserAttr(trialID: id, key: "last_result", value: TuneValue.dict(last).json) }
    try? study.storage.setTrialUserAttr(trialID: id, key: "trial_id", value: .string(trial.trialID))
    if let failure {
      try? study.storage.setTrialSystemAttr(trialID: id, key: "fail_reason", value: .string(failure))
      _ = try? study.tell(trialNumber: trial.number, state: .fail)
      return
    }
    let value = resultMetric.flatMap { trial.lastResult?.number($0) }
    if trial.stoppedEarly {
      _ = try? study.tell(trialNumber: trial.number, state: .pruned)
    } else if let value, !value.isNaN {
      _ = try? study.tell(trialNumber: trial.number, values: [value], state: .complete)
    } else {
      try? study.storage.setTrialSystemAttr(
        trialID: id, key: "fail_reason", value: .string("the trial reported no numeric '\(resultMetric ?? "metric")'"))
      _ = try? study.tell(trialNumber: trial.number, state: .fail)
    }
  }
}
