// Callbacks: Transformers' TrainerCallback hooks and TrainerControl flags. A hyperparameter search
// hooks in here (or through `Trainer.trialReporter`) to report intermediate objectives and prune:
// any hook may throw, and the error ends `train()` at once.

/// Flags a callback sets to steer the training loop; reset by the loop after they are acted on.
public struct TrainerControl: Sendable, Equatable {
  public var shouldTrainingStop = false
  public var shouldEpochStop = false
  public var shouldSave = false
  public var shouldEvaluate = false
  public var shouldLog = false
  public init() {}
}

/// Progress of a training run (Transformers' TrainerState); callbacks read it.
public final class TrainerState {
  public var globalStep = 0
  /// Fractional epoch; nil before training starts (as in Transformers).
  public var epoch: Double?
  public var maxSteps = 0
  public var numTrainEpochs = 0
  public var logHistory: [Metrics] = []
  public var bestMetric: Double?
  public var bestGlobalStep: Int?
  public var bestModelCheckpoint: String?
  public var trialName: String?
  public var isHyperParamSearch = false
  public var trialParams: [String: ArgumentValue]?
  public init() {}
}

public protocol TrainerCallback: AnyObject {
  func onInitEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws
  func onTrainBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws
  func onTrainEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws
  func onEpochBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws
  func onEpochEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws
  func onStepBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws
  func onStepEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws
  func onEvaluate(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, metrics: Metrics) throws
  func onLog(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, logs: Metrics) throws
  func onSave(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws
}

extension TrainerCallback {
  public func onInitEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {}
  public func onTrainBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {}
  public func onTrainEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {}
  public func onEpochBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {}
  public func onEpochEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {}
  public func onStepBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {}
  public func onStepEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {}
  public func onEvaluate(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, metrics: Metrics) throws {}
  public func onLog(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, logs: Metrics) throws {}
  public func onSave(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {}
}

/// Stops training when `metric_for_best_model` has not improved by more than `threshold` for
/// `patience` evaluations (Transformers' EarlyStoppingCallback, same preconditions).
public final class EarlyStoppingCallback: TrainerCallback {
  public let patience: Int
  public let threshold: Double
  public private(set) var patienceCounter = 0

  public init(patience: Int = 1, threshold: Double = 0) throws {
    guard patience >= 1 else { throw TrainingArgumentsError.outOfRange(field: "early_stopping_patience", requirement: "must be >= 1", value: "\(patience)") }
    guard threshold >= 0 else { throw TrainingArgumentsError.outOfRange(field: "early_stopping_threshold", requirement: "must be >= 0", value: "\(threshold)") }
    self.patience = patience
    self.threshold = threshold
  }

  public func onTrainBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {
    patienceCounter = 0
    guard args.loadBestModelAtEnd else { throw TrainerError.assertion("EarlyStoppingCallback requires load_best_model_at_end = True") }
    guard args.metricForBestModel != nil else { throw TrainerError.assertion("EarlyStoppingCallback requires metric_for_best_model to be defined") }
    guard args.evalStrategy != "no" else { throw TrainerError.assertion("EarlyStoppingCallback requires IntervalStrategy of steps or epoch") }
  }

  public func onEvaluate(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, metrics: Metrics) throws {
    guard let value = metrics[args.bestMetricKey] else { return }
    let better = args.effectiveGreaterIsBetter
    if let best = state.bestMetric, !((better ? value > best : value < best) && abs(value - best) > threshold) {
      patienceCounter += 1
    } else {
      patienceCounter = 0
    }
    if patienceCounter >= patience { control.shouldTrainingStop = true }
  }
}
