// The local, offline sweep/agent pair: `sweep(config)` stores a validated configuration as an
// HPSSearch study and returns its id; `agent(sweepID, count, function)` asks the sweep's method
// for runs and executes them against the same storage, so several agents (threads or processes
// sharing a SQLite file) work on one sweep. run_cap, metric.target and early_terminate apply.
import Foundation

public enum WandbSweeps {
  /// Where sweeps live when no storage is given (one per process, like W&B's server for a project).
  public static let defaultStorage = InMemoryStorage()
  static let configAttr = "wandb_sweep_config"
  static let paramsAttr = "wandb_params"

  /// Validates `config` and stores a new sweep.
  /// - Returns: the sweep id (8 lowercase letters and digits, as W&B's).
  /// - Throws: `SweepConfigError` naming every problem. Warnings go to `logger`.
  @discardableResult
  public static func sweep(
    _ config: JSONValue, storage: (any Storage)? = nil, sweepID: String? = nil,
    logger: SearchLogger = SearchLogger.current
  ) throws -> String {
    let parsed = try SweepConfig(json: config)
    for w in parsed.warnings { logger.warning(w) }
    let id = sweepID ?? randomID()
    let study = try Study.create(
      studyName: id, storage: storage ?? defaultStorage, sampler: RandomSampler(), pruner: NopPruner(),
      direction: parsed.metric?.goal == .maximize ? .maximize : .minimize, logger: logger)
    try study.setUserAttr(configAttr, .string(config.jsonText))
    return id
  }

  /// Parses JSON text and creates the sweep.
  @discardableResult
  public static func sweep(json text: String, storage: (any Storage)? = nil, sweepID: String? = nil,
                           logger: SearchLogger = SearchLogger.current) throws -> String {
    try sweep(try JSONValue.parse(text), storage: storage, sweepID: sweepID, logger: logger)
  }

  static func randomID() -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    return String((0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
  }

  /// Runs up to `count` runs of the sweep (when nil: until the grid, run_cap or metric.target ends
  /// it; a random or bayes sweep with none of those needs a count), one after another, calling
  /// `function` with each run. A function that throws marks its run failed and the agent goes
  /// on (as W&B's agent does); `SweepRunStopped` marks it stopped.
  /// - Returns: the trials this agent ran, finished.
  @discardableResult
  public static func agent(
    sweepID: String, storage: (any Storage)? = nil, count: Int? = nil, seed: Int? = nil,
    bayesOptions: SweepBayesOptions = SweepBayesOptions(), logger: SearchLogger = SearchLogger.current,
    function: (WandbRun) throws -> Void
  ) throws -> [FrozenTrial] {
    if let count, count < 0 {
      throw SearchError.invalidArgument(function: "agent", argument: "count", message: "must be >= 0 (got \(count))")
    }
    let controller = try SweepController(sweepID: sweepID, storage: storage ?? defaultStorage, seed: seed,
                                         bayesOptions: bayesOptions, logger: logger)
    if count == nil, controller.config.method != .grid, controller.config.runCap == nil, controller.config.metric?.target == nil {
      // W&B's agent would run until someone stops the sweep; a library call must return.
      throw SearchError.invalidArgument(
        function: "agent", argument: "count",
        message: "a \(controller.config.method.rawValue) sweep without run_cap or metric.target never ends; give count")
    }
    var finished: [FrozenTrial] = []
    while count.map({ finished.count < $0 }) ?? true {
      guard let run = try controller.startRun() else { break }
      finished.append(try controller.execute(run, function))
    }
    return finished
  }

  /// The sweep's configuration as stored.
  public static func config(sweepID: String, storage: (any Storage)? = nil) throws -> SweepConfig {
    try SweepController.loadConfig(try Study.load(studyName: sweepID, storage: storage ?? defaultStorage, logger: .silent))
  }
}

/// One agent's connection to a sweep: reads its runs, asks the method for the next one, runs it.
public final class SweepController: @unchecked Sendable {
  public let config: SweepConfig
  public let study: Study
  let scheduler: SweepHyperbandScheduler?
  let bayesOptions: SweepBayesOptions
  let logger: SearchLogger
  private var rng: SeededRandom
  private var gpState = GPState()
  /// Why the last `startRun` returned nil.
  public private(set) var stopReason: String?

  public init(sweepID: String, storage: any Storage, seed: Int? = nil, bayesOptions: SweepBayesOptions = SweepBayesOptions(),
              logger: SearchLogger = SearchLogger.current) throws {
    let loaded = try Study.load(studyName: sweepID, storage: storage, logger: logger)
    let config = try Self.loadConfig(loaded)
    let scheduler = try config.earlyTerminate.map { try SweepHyperbandScheduler($0, goal: config.metric?.goal ?? .minimize) }
    self.config = config
    self.scheduler = scheduler
    // The sweep's method chooses the values; the study's own sampler is never consulted, so it
    // is the cheapest one (the default TPE would scan the history on every ask).
    study = try Study.load(studyName: sweepID, storage: storage, sampler: RandomSampler(), pruner: scheduler ?? NopPruner(),
                           logger: logger)
    self.bayesOptions = bayesOptions
    self.logger = logger
    rng = SeededRandom(seed: seed)
  }

  static func loadConfig(_ study: Study) throws -> SweepConfig {
    guard case .string(let text)? = study.userAttrs[WandbSweeps.configAttr] else {
      throw SearchError.invalidArgument(function: "agent", argument: "sweep_id", message: "study '\(study.studyName)' is not a W&B sweep")
    }
    return try SweepConfig.parse(text)
  }

  /// The sweep's runs as the methods see them.
  public func runRecords() -> [SweepRunRecord] {
    study.trials(states: nil).compactMap { t in
      guard case .object(let values)? = t.systemAttrs[WandbSweeps.paramsAttr] else { return nil }
      let state: SweepRunRecord.State
      switch t.state {
      case .running, .waiting: state = .running
      case .complete: state = .finished
      case .pruned: state = .stopped
      case .fail: state = t.systemAttrs["wandb_state"] == .string("finished") ? .finished : .failed
      }
      let history = t.intermediateValues.keys.sorted().compactMap { t.intermediateValues[$0] }
      let summary = config.metric.flatMap { m in t.userAttrs["summary"]?[m.name]?.doubleValue }
      return SweepRunRecord(values: values, state: state, history: history, summary: summary)
    }
  }

  /// The next run's values by key, or nil (with `stopReason`) when the sweep is done.
  public func suggest() -> [String: JSONValue]? {
    let runs = runRecords()
    if let cap = config.runCap, runs.count >= cap {
      stopReason = "run_cap \(cap) reached"
      return nil
    }
    if let metric = config.metric, let target = metric.target,
       runs.contains(where: { r in r.state != .running && r.extremum(metric.goal).map { metric.goal == .minimize ? $0 <= target : $0 >= target } ?? false }) {
      stopReason = "metric.target \(target) reached"
      return nil
    }
    switch config.method {
    case .grid:
      guard let point = SweepGrid.next(config.parameters, runs: runs) else {
        stopReason = "grid exhausted (\(SweepGrid.size(config.parameters)) points)"
        return nil
      }
      return point
    case .random:
      return SweepRandom.sample(config.parameters, rng: &rng)
    case .bayes:
      guard let metric = config.metric else { return SweepRandom.sample(config.parameters, rng: &rng) }
      return SweepBayes.suggest(parameters: config.parameters, metric: metric, runs: runs, options: bayesOptions,
                                state: &gpState, rng: &rng) ?? SweepRandom.sample(config.parameters, rng: &rng)
    }
  }

  /// Starts the next run (a RUNNING trial holding its values), or nil when the sweep is done.
  public func startRun() throws -> WandbRun? {
    guard let values = suggest() else {
      logger.info("Sweep \(study.studyName) done: \(stopReason ?? "")")
      return nil
    }
    let trial = try study.ask()
    try trial.setSystemAttr(WandbSweeps.paramsAttr, .object(values))
    var byName: [String: JSONValue] = [:]
    for p in config.parameters { byName[p.name] = values[p.key] ?? .null }
    let nested = Self.nest(config.parameters, values)
    try trial.setUserAttr("config", nested)
    return WandbRun(trial: trial, config: nested, values: byName, metric: config.metric, scheduler: scheduler)
  }

  /// Runs `function` and finishes the run's trial: COMPLETE with its best metric value; stopped
  /// runs PRUNED; runs without a metric value FAIL marked `wandb_state: finished`; errors FAIL.
  public func execute(_ run: WandbRun, _ function: (WandbRun) throws -> Void) throws -> FrozenTrial {
    var state = TrialState.complete
    do {
      try function(run)
    } catch let stopped as SweepRunStopped {
      logger.info("\(stopped)")
      state = .pruned
    } catch {
      logger.warning("Run \(run.number) of sweep \(study.studyName) failed: \(error)")
      try run.trial.setSystemAttr("fail_reason", .string("\(error)"))
      state = .fail
    }
    let summary = run.finalSummary
    try run.trial.setUserAttr("summary", .object(summary))
    if run.history.count <= 1000 { try run.trial.setUserAttr("history", .array(run.history.map { .object($0) })) }
    let record = SweepRunRecord(values: [:], state: .finished,
                                history: run.trial.frozen.intermediateValues.keys.sorted().compactMap { run.trial.frozen.intermediateValues[$0] },
                                summary: config.metric.flatMap { summary[$0.name]?.doubleValue })
    switch state {
    case .complete:
      if let metric = config.metric, let best = record.extremum(metric.goal) {
        return try study.tell(run.trial, values: [best], state: .complete)
      }
      if config.metric == nil, let last = record.history.last(where: \.isFinite) {
        return try study.tell(run.trial, values: [last], state: .complete)
      }
      try run.trial.setSystemAttr("wandb_state", .string("finished"))
      return try study.tell(run.trial, state: .fail)
    default:
      return try study.tell(run.trial, state: state)
    }
  }

  /// W&B's run config shape, without the top-level `value` wrappers: nested parameters become
  /// nested objects.
  static func nest(_ parameters: [SweepParameter], _ values: [String: JSONValue]) -> JSONValue {
    var root: [String: JSONValue] = [:]
    func insert(_ path: ArraySlice<String>, _ value: JSONValue, into dict: inout [String: JSONValue]) {
      guard let head = path.first else { return }
      if path.count == 1 { dict[head] = value; return }
      var child: [String: JSONValue]
      if case .object(let existing)? = dict[head] { child = existing } else { child = [:] }
      insert(path.dropFirst(), value, into: &child)
      dict[head] = .object(child)
    }
    for p in parameters { insert(p.path[...], values[p.key] ?? .null, into: &root) }
    return .object(root)
  }
}
