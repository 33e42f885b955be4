// Ray's `TuneConfig` and `RunConfig`, with Ray's field names and defaults.
import Foundation

/// How to search (Ray's `tune.TuneConfig`).
public struct TuneConfig {
  public var metric: String?
  public var mode: TuneMode?
  /// nil means BasicVariantGenerator (random and grid search).
  public var searchAlg: (any TuneSearchAlgorithm)?
  /// nil means FIFOScheduler.
  public var scheduler: (any TuneScheduler)?
  /// Samples per grid combination; -1 samples until `timeBudgetS` or a stop criterion ends the run.
  public var numSamples: Int
  /// nil or 0: no limit.
  public var maxConcurrentTrials: Int?
  public var timeBudgetS: Double?
  /// Seeds the default BasicVariantGenerator (Ray seeds NumPy globally instead).
  public var seed: Int?

  public init(
    metric: String? = nil, mode: TuneMode? = nil, searchAlg: (any TuneSearchAlgorithm)? = nil,
    scheduler: (any TuneScheduler)? = nil, numSamples: Int = 1, maxConcurrentTrials: Int? = nil,
    timeBudgetS: Double? = nil, seed: Int? = nil
  ) {
    self.metric = metric
    self.mode = mode
    self.searchAlg = searchAlg
    self.scheduler = scheduler
    self.numSamples = numSamples
    self.maxConcurrentTrials = maxConcurrentTrials
    self.timeBudgetS = timeBudgetS
    self.seed = seed
  }
}

/// Where and how long to run (Ray's `tune.RunConfig`, the parts that apply locally).
public struct TuneRunConfig {
  /// The study name (default: a fresh `tune-<uuid>`).
  public var name: String?
  /// Where trials are recorded (default: in memory). A SQLite storage keeps them for analysis.
  public var storage: (any Storage)?
  /// Ray's dict stopper: a trial stops once `result[key] >= value` for any entry.
  public var stop: [String: Double]
  /// Ray's callable stopper: `(trial_id, result) -> Bool`.
  public var stopper: ((String, TuneDict) -> Bool)?
  /// Trials running at once (1 CPU each, like a Ray cluster of this many CPUs); how they share
  /// the machine is `execution`'s choice (docs/ray.md).
  public var cpus: Int
  /// `.turns` (the default): running trials take turns between reports, one executing at a time,
  /// which is reproducible for a seed and what a trainable that runs script code needs.
  /// `.parallel`: every running trial executes at once on its own thread, as on a Ray node.
  public var execution: TrialExecution = .turns
  /// Stack size of each trial's thread (deep script recursion needs room).
  public var trialStackSize: Int
  public var logger: SearchLogger
  /// Polled between trial turns; true stops every live trial and ends the run with the results
  /// so far (a host's Ctrl-C, Ray's SIGINT handling).
  public var shouldStop: (() -> Bool)?

  public init(
    name: String? = nil, storage: (any Storage)? = nil, stop: [String: Double] = [:],
    stopper: ((String, TuneDict) -> Bool)? = nil, cpus: Int = 8, trialStackSize: Int = 16 << 20,
    logger: SearchLogger = SearchLogger.current
  ) {
    self.name = name
    self.storage = storage
    self.stop = stop
    self.stopper = stopper
    self.cpus = cpus
    self.trialStackSize = trialStackSize
    self.logger = logger
  }
}

/// How the running trials of a Tuner share the machine.
public enum TrialExecution: Sendable {
  /// One trial executes at a time; the running ones take turns between reports, round-robin.
  case turns
  /// Up to `TuneRunConfig.cpus` trials execute at once on their threads; the Tuner still decides
  /// on one report at a time, in the order they arrive.
  case parallel
}
