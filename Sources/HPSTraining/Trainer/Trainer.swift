// Transformers' Trainer over the native engine: train(), evaluate(), predict(), callbacks,
// checkpoints, and the hook points a hyperparameter search needs (model_init, applyTrial,
// trialReporter).
//
// A Trainer and its model are confined to the thread that calls train(); parallel trials each
// create their own Trainer.
import Foundation
import HPSNumerics

/// Builds a fresh model for a run; receives the search's trial object (nil outside a search).
/// Returning nil is reported with Transformers' "model_init should not return None." error.
public typealias ModelInit = (_ trial: Any?) throws -> Model?

public final class Trainer {
  public var model: Model?
  public var args: TrainingArguments
  public let modelInit: ModelInit?
  public var trainDataset: Dataset?
  public var evalDataset: Dataset?
  public var computeMetrics: ComputeMetrics?
  public private(set) var callbacks: [TrainerCallback]
  public private(set) var state = TrainerState()
  public var control = TrainerControl()
  /// Called after every evaluation inside train() with the metrics and the global step; a search
  /// reports the objective here and throws its "pruned" error to stop the trial.
  public var trialReporter: ((_ metrics: Metrics, _ step: Int) throws -> Void)?
  /// Applies a trial's hyperparameters to the arguments at the start of train(trial:), before the
  /// seed is set and model_init runs (so a trial's drawn seed governs that trial).
  public var applyTrial: ((_ args: inout TrainingArguments, _ trial: Any?) throws -> Void)?
  /// Replaces evaluate() for the evaluations inside train() (a script subclass overriding
  /// `evaluate`, as Transformers' training loop calls `self.evaluate`).
  public var evaluationHook: (() throws -> Metrics)?
  /// Replaces the built-in loss for training steps and eval_loss (TrainerHooks.swift).
  public var lossHook: LossFunction?
  /// Supplies each run's optimizer and schedule instead of TrainingArguments (TrainerHooks.swift).
  public var optimizerHook: OptimizerAndScheduleFactory?
  /// When set, the next train() loads these weights and optimizer state and continues from its
  /// step (skipping the batches already seen) instead of starting at step 0; then it is cleared.
  public var resumeSnapshot: TrainerSnapshot?
  /// The optimizer of the current (or last) training run.
  public var currentOptimizer: Optimizer? { optimizer }

  private var userOptimizer: Optimizer?
  private var userSchedule: LearningRateSchedule?
  private var optimizer: Optimizer?
  var buffers = BatchBuffers()
  private var bestWeights: [Matrix]?
  private var plateau = PlateauTracker()

  public var logHistory: [Metrics] { state.logHistory }

  public init(
    model: Model? = nil, args: TrainingArguments = TrainingArguments(), trainDataset: Dataset? = nil,
    evalDataset: Dataset? = nil, computeMetrics: ComputeMetrics? = nil, callbacks: [TrainerCallback] = [],
    optimizers: (Optimizer?, LearningRateSchedule?) = (nil, nil), modelInit: ModelInit? = nil
  ) throws {
    if model == nil && modelInit == nil { throw TrainerError.neitherModelNorInit }
    if model != nil && modelInit != nil { throw TrainerError.bothModelAndInit }
    if modelInit != nil && (optimizers.0 != nil || optimizers.1 != nil) { throw TrainerError.modelInitWithOptimizers }
    try args.validate()
    self.args = args
    self.modelInit = modelInit
    self.trainDataset = trainDataset
    self.evalDataset = evalDataset
    self.computeMetrics = computeMetrics
    self.callbacks = callbacks
    self.userOptimizer = optimizers.0
    self.userSchedule = optimizers.1
    // Like Transformers, a model_init-only Trainer builds one model right away (with no trial).
    self.model = try model ?? callModelInit(nil)
    for c in callbacks { try c.onInitEnd(args: args, state: state, control: &control) }
  }

  public func addCallback(_ callback: TrainerCallback) { callbacks.append(callback) }
  public func removeCallback(_ callback: TrainerCallback) { callbacks.removeAll { $0 === callback } }

  func callModelInit(_ trial: Any?) throws -> Model {
    guard let modelInit else { throw TrainerError.neitherModelNorInit }
    let built = try TrainingSeed.$current.withValue(UInt64(bitPattern: Int64(args.seed))) { try modelInit(trial) }
    guard let built else { throw TrainerError.modelInitReturnedNone }
    return built
  }

  /// BLAS threads for a model: one thread unless a step has enough work to pay for a second
  /// (measured on digits-sized models a second thread is slower; see docs/trainer.md).
  public static func defaultThreadCount(parameterCount: Int, batchSize: Int) -> Int {
    let flopsPerStep = 6.0 * Double(parameterCount) * Double(batchSize)
    return flopsPerStep >= 50e6 ? max(1, min(2, BLAS.availableCores)) : 1
  }

  public var lossFunction: Loss {
    guard let model else { return .meanSquaredError }
    if case .crossEntropy = model.loss, args.labelSmoothingFactor > 0 {
      return .crossEntropy(labelSmoothing: Float(args.labelSmoothingFactor))
    }
    return model.loss
  }

  func check(_ data: Dataset, _ role: String, _ model: Model) throws {
    let cfg = model.config
    guard data.numFeatures == cfg.numFeatures else {
      throw TrainerError.value("\(role) has \(data.numFeatures) feature columns but the model expects num_features=\(cfg.numFeatures)")
    }
    switch (data.labels, model.loss) {
    case (.classes(let c), .crossEntropy):
      if let bad = c.first(where: { Int($0) >= cfg.numLabels }) {
        throw TrainerError.value("\(role) has class id \(bad) but the model has num_labels=\(cfg.numLabels)")
      }
    case (.values(let v), .meanSquaredError), (.values(let v), .binaryCrossEntropy):
      guard v.cols == cfg.numLabels else {
        throw TrainerError.value("\(role) has \(v.cols) target columns but the model has num_labels=\(cfg.numLabels)")
      }
    case (.classes, _):
      throw TrainerError.value("\(role) has class labels but the model's problem_type is '\(cfg.problemType)'")
    case (.values, _):
      throw TrainerError.value("\(role) has real-valued labels but the model's problem_type is '\(cfg.problemType)'")
    }
  }

  public func createOptimizer() throws -> Optimizer {
    let a = args
    var extra: [String: Double] = [:]
    for part in (a.optimArgs ?? "").split(separator: ",") {
      let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard kv.count == 2 else { throw TrainingArgumentsError.invalid("optim_args: expected key=value, got '\(part)'") }
      let v = kv[1].lowercased()
      guard let d = v == "true" ? 1 : v == "false" ? 0 : Double(kv[1]) else {
        throw TrainingArgumentsError.invalid("optim_args: '\(kv[0])' needs a number, got '\(kv[1])'")
      }
      extra[kv[0]] = d
    }
    switch a.optim {
    case "adam":
      return AdamW(learningRate: a.learningRate, beta1: a.adamBeta1, beta2: a.adamBeta2, epsilon: a.adamEpsilon,
                   weightDecay: a.weightDecay, decoupled: false)
    case "sgd":
      return SGD(learningRate: a.learningRate, momentum: extra["momentum"] ?? 0, dampening: extra["dampening"] ?? 0,
                 weightDecay: a.weightDecay, nesterov: (extra["nesterov"] ?? 0) != 0)
    case "rmsprop":
      return RMSprop(learningRate: a.learningRate, alpha: extra["alpha"] ?? 0.99, epsilon: extra["eps"] ?? 1e-8,
                     weightDecay: a.weightDecay)
    case "adagrad":
      return Adagrad(learningRate: a.learningRate, epsilon: extra["eps"] ?? 1e-10, weightDecay: a.weightDecay)
    default:
      return AdamW(learningRate: a.learningRate, beta1: a.adamBeta1, beta2: a.adamBeta2, epsilon: a.adamEpsilon,
                   weightDecay: a.weightDecay)
    }
  }

  // MARK: Training

  /// Trains the model (building a fresh one through model_init when given) and returns the
  /// TrainOutput. `trial` is the search's trial object (nil outside a search).
  @discardableResult
  public func train(trial: Any? = nil) throws -> TrainOutput {
    if let applyTrial, trial != nil { try applyTrial(&args, trial) }
    try args.validate()
    if modelInit != nil {
      model = try callModelInit(trial)
      optimizer = nil
    }
    guard let model else { throw TrainerError.neitherModelNorInit }
    guard let train = trainDataset else { throw TrainerError.value("Trainer: training requires a train_dataset.") }
    try check(train, "train_dataset", model)
    if let e = evalDataset { try check(e, "eval_dataset", model) }
    if args.evalStrategy != "no" && evalDataset == nil {
      throw TrainerError.value("You have set `args.eval_strategy` to \(args.evalStrategy) but you didn't pass an `eval_dataset` to `Trainer`. Either set `args.eval_strategy` to `no` or pass an `eval_dataset`. ")
    }

    let batch = args.perDeviceTrainBatchSize
    BLAS.threadCount = args.numThreads > 0 ? args.numThreads
      : Trainer.defaultThreadCount(parameterCount: model.parameterCount, batchSize: batch)
    let seed = UInt64(bitPattern: Int64(args.seed))
    model.reseedDropout(seed &+ 1)
    var shuffleRNG = RandomSource(seed: UInt64(bitPattern: Int64(args.dataSeed ?? args.seed)))

    let n = train.count
    let batchesPerEpoch = args.dataloaderDropLast ? n / batch : (n + batch - 1) / batch
    guard batchesPerEpoch > 0 else {
      throw TrainerError.value("train_dataset has \(n) rows, fewer than one batch of per_device_train_batch_size=\(batch) with dataloader_drop_last=True")
    }
    let accum = args.gradientAccumulationSteps
    let updatesPerEpoch = (batchesPerEpoch + accum - 1) / accum
    let totalSteps: Int, epochs: Int
    if args.maxSteps > 0 {
      totalSteps = args.maxSteps
      epochs = (args.maxSteps + updatesPerEpoch - 1) / updatesPerEpoch
    } else {
      totalSteps = Int((args.numTrainEpochs * Double(updatesPerEpoch)).rounded(.up))
      epochs = Int(args.numTrainEpochs.rounded(.up))
    }
    let warmup = args.warmupSteps > 0 ? args.warmupSteps : Int((args.warmupRatio * Double(totalSteps)).rounded(.up))
    guard let schedulerType = SchedulerType(rawValue: args.lrSchedulerType) else {
      throw TrainingArgumentsError.invalidChoice(field: "lr_scheduler_type", value: args.lrSchedulerType, options: SchedulerType.allCases.map(\.rawValue))
    }
    var schedule = userSchedule ?? LearningRateSchedule(type: schedulerType, initialLR: args.learningRate,
                                                        warmupSteps: warmup, totalSteps: totalSteps)
    let opt: Optimizer
    if let optimizerHook { (opt, schedule) = try optimizerHook(totalSteps, schedule) } else {
      opt = try userOptimizer ?? optimizer ?? createOptimizer()
    }
    optimizer = opt
    plateau = PlateauTracker(greaterIsBetter: args.metricForBestModel == nil ? false : args.effectiveGreaterIsBetter)
    bestWeights = nil

    let previousTrial = (state.trialName, state.trialParams)
    state = TrainerState()
    (state.trialName, state.trialParams) = previousTrial
    state.isHyperParamSearch = trial != nil
    state.maxSteps = totalSteps
    state.numTrainEpochs = epochs
    state.epoch = 0
    control = TrainerControl()
    let loss = lossFunction
    let usesClassIDs: Bool = { if case .crossEntropy = loss { return true } else { return false } }()
    let params = model.parameters
    let start = DispatchTime.now().uptimeNanoseconds
    var resumeStep = 0
    if let snapshot = resumeSnapshot {
      resumeSnapshot = nil
      try restore(snapshot, model: model, optimizer: opt)
      resumeStep = min(snapshot.globalStep, totalSteps)
      state.globalStep = resumeStep
      state.epoch = snapshot.epoch
      state.bestMetric = snapshot.bestMetric
    }
    // The batch (within its epoch) a resumed run starts at; earlier epochs are skipped whole.
    let resumeEpoch = resumeStep / updatesPerEpoch
    let resumeBatch = min((resumeStep % updatesPerEpoch) * accum, batchesPerEpoch)

    for c in callbacks { try c.onTrainBegin(args: args, state: state, control: &control) }
    if args.evalOnStart { try evaluateDuringTraining() }

    var lossSinceLog = 0.0, stepsSinceLog = 0, totalLoss = 0.0
    var gradNorm = 0.0
    var order = [Int](repeating: 0, count: n)
    var samplesSeen = 0
    epochLoop: for epoch in 0..<epochs {
      order = shuffleRNG.permutation(n)
      if epoch < resumeEpoch { continue }
      for c in callbacks { try c.onEpochBegin(args: args, state: state, control: &control) }
      var micro = 0, stepLoss = 0.0
      for b in (epoch == resumeEpoch ? resumeBatch : 0)..<batchesPerEpoch {
        if micro == 0 { for c in callbacks { try c.onStepBegin(args: args, state: state, control: &control) } }
        let range = (b * batch)..<min(n, (b + 1) * batch)
        buffers.gather(train, order: order, range: range)
        model.forward(buffers.x, training: true)
        let batchLoss = try self.batchLoss(loss, logits: model.output, rows: range.count, isClassification: usesClassIDs,
                                           training: true, accumulation: accum)
        let lr = schedule.initialLR * schedule.multiplier(at: state.globalStep) * plateau.multiplier
        guard batchLoss.isFinite else {
          throw TrainerError.nonFiniteLoss(step: state.globalStep + 1, learningRate: lr, loss: batchLoss)
        }
        stepLoss += batchLoss / Double(accum)
        model.backward(buffers.x, outputGradient: buffers.gradient, accumulate: micro > 0)
        samplesSeen += range.count
        micro += 1
        guard micro == accum || b == batchesPerEpoch - 1 else { continue }
        micro = 0
        var gradientScale: Float = 1
        if args.maxGradNorm > 0 { (gradNorm, gradientScale) = gradientClipping(params, maxNorm: args.maxGradNorm) }
        opt.learningRate = lr
        opt.step(params, gradientScale: gradientScale)
        state.globalStep += 1
        state.epoch = Double(epoch) + Double(b + 1) / Double(batchesPerEpoch)
        lossSinceLog += stepLoss
        totalLoss += stepLoss
        stepsSinceLog += 1
        stepLoss = 0
        for c in callbacks { try c.onStepEnd(args: args, state: state, control: &control) }
        let step = state.globalStep
        if args.loggingStrategy == "steps" && (step % args.loggingSteps == 0 || (step == 1 && args.loggingFirstStep)) {
          control.shouldLog = true
        }
        if args.evalStrategy == "steps" && step % args.effectiveEvalSteps == 0 { control.shouldEvaluate = true }
        if args.saveStrategy == "steps" && step % args.saveSteps == 0 { control.shouldSave = true }
        if step >= totalSteps { control.shouldTrainingStop = true }
        try maybeLogEvaluateSave(&lossSinceLog, &stepsSinceLog, gradNorm: gradNorm, learningRate: lr)
        if control.shouldTrainingStop || control.shouldEpochStop { break }
      }
      control.shouldEpochStop = false
      for c in callbacks { try c.onEpochEnd(args: args, state: state, control: &control) }
      if args.loggingStrategy == "epoch" { control.shouldLog = true }
      if args.evalStrategy == "epoch" { control.shouldEvaluate = true }
      if args.saveStrategy == "epoch" { control.shouldSave = true }
      try maybeLogEvaluateSave(&lossSinceLog, &stepsSinceLog, gradNorm: gradNorm, learningRate: opt.learningRate)
      if control.shouldTrainingStop { break epochLoop }
    }

    if args.loadBestModelAtEnd, let best = bestWeights {
      for (p, w) in zip(params, best) { p.value = w }
    }
    let runtime = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let trainingLoss = state.globalStep > 0 ? totalLoss / Double(state.globalStep) : 0
    var metrics = Metrics()
    metrics["train_runtime"] = rounded(runtime, 4)
    metrics["train_samples_per_second"] = rounded(Double(samplesSeen) / max(runtime, 1e-9), 3)
    metrics["train_steps_per_second"] = rounded(Double(state.globalStep) / max(runtime, 1e-9), 3)
    metrics["train_loss"] = trainingLoss
    metrics["epoch"] = state.epoch
    var entry = metrics
    entry["step"] = Double(state.globalStep)
    state.logHistory.append(entry)
    for c in callbacks { try c.onTrainEnd(args: args, state: state, control: &control) }
    return TrainOutput(globalStep: state.globalStep, trainingLoss: trainingLoss, metrics: metrics)
  }

  private func maybeLogEvaluateSave(_ lossSinceLog: inout Double, _ stepsSinceLog: inout Int, gradNorm: Double, learningRate: Double) throws {
    if control.shouldLog {
      control.shouldLog = false
      if stepsSinceLog > 0 {
        var logs = Metrics()
        logs["loss"] = rounded(lossSinceLog / Double(stepsSinceLog), 4)
        logs["grad_norm"] = gradNorm
        logs["learning_rate"] = learningRate
        try log(logs)
        lossSinceLog = 0
        stepsSinceLog = 0
      }
    }
    if control.shouldEvaluate {
      control.shouldEvaluate = false
      try evaluateDuringTraining()
    }
    if control.shouldSave {
      control.shouldSave = false
      if args.saveStrategy != "no" { try saveCheckpoint() }
    }
  }

  private func evaluateDuringTraining() throws {
    let metrics = try evaluationHook.map { try $0() } ?? evaluate()
    if let model, args.metricForBestModel != nil || args.loadBestModelAtEnd, let value = metrics[args.bestMetricKey] {
      let better = args.effectiveGreaterIsBetter
      if state.bestMetric.map({ better ? value > $0 : value < $0 }) ?? true {
        state.bestMetric = value
        state.bestGlobalStep = state.globalStep
        if args.loadBestModelAtEnd { bestWeights = model.parameters.map(\.value) }
        if args.saveStrategy == "best" { control.shouldSave = true }
      }
    }
    if args.lrSchedulerType == SchedulerType.reduceLROnPlateau.rawValue, let v = metrics[args.bestMetricKey] {
      plateau.record(v)
    }
    try trialReporter?(metrics, state.globalStep)
  }

  /// Appends to log_history (adding epoch and step as Transformers does) and calls on_log.
  public func log(_ logs: Metrics) throws {
    var entry = logs
    if let e = state.epoch { entry["epoch"] = e }
    entry["step"] = Double(state.globalStep)
    state.logHistory.append(entry)
    for c in callbacks { try c.onLog(args: args, state: state, control: &control, logs: entry) }
  }

  // MARK: Evaluation and prediction

  /// Evaluates on `evalDataset` (or the Trainer's) and returns eval_loss, eval_<compute_metrics>,
  /// eval_runtime, eval_samples_per_second, eval_steps_per_second and (once training started) epoch.
  @discardableResult
  public func evaluate(_ dataset: Dataset? = nil, metricKeyPrefix: String = "eval") throws -> Metrics {
    guard let data = dataset ?? evalDataset else { throw TrainerError.value("Trainer: evaluation requires an eval_dataset.") }
    var (_, _, metrics) = try predictionLoop(data, prefix: metricKeyPrefix)
    if let e = state.epoch { metrics["epoch"] = e }
    try log(metrics)
    for c in callbacks { try c.onEvaluate(args: args, state: state, control: &control, metrics: metrics) }
    return metrics
  }

  /// Rows per forward pass in evaluation and prediction: one pass over a digits-sized split
  /// instead of 45 passes of 8 rows, each paying OpenBLAS's per-call cost.
  static let evaluationChunkRows = 1024

  /// Predictions for every row of `dataset`, with test_ metrics when labels are present.
  public func predict(_ dataset: Dataset, metricKeyPrefix: String = "test") throws -> PredictionOutput {
    let (preds, labels, metrics) = try predictionLoop(dataset, prefix: metricKeyPrefix)
    return PredictionOutput(predictions: preds, labelIDs: labels, metrics: metrics)
  }

  func predictionLoop(_ data: Dataset, prefix: String) throws -> (Matrix, Dataset.Labels, Metrics) {
    guard let model else { throw TrainerError.neitherModelNorInit }
    try check(data, prefix == "eval" ? "eval_dataset" : "test_dataset", model)
    let start = DispatchTime.now().uptimeNanoseconds
    let loss = lossFunction
    let usesClassIDs: Bool = { if case .crossEntropy = loss { return true } else { return false } }()
    let c = model.config.numLabels
    var predictions = Matrix(rows: data.count, cols: c)
    // eval_loss is Transformers' sample-weighted mean (its loop repeats each batch's mean loss
    // once per sample), so the rows can go through the model in chunks larger than
    // per_device_eval_batch_size with the same result; steps still count that batch size.
    let steps = (data.count + args.perDeviceEvalBatchSize - 1) / args.perDeviceEvalBatchSize
    var lossSum = 0.0
    // A custom loss (compute_loss) sees the batches Transformers would give it.
    let chunk = lossHook == nil ? max(args.perDeviceEvalBatchSize, Trainer.evaluationChunkRows) : args.perDeviceEvalBatchSize
    for range in data.batchRanges(size: chunk, dropLast: false) {
      buffers.gather(data, order: nil, range: range)
      model.forward(buffers.x, training: false)
      // Each batch's mean loss (the custom loss hook's too) weighted by its rows, as
      // Transformers repeats it once per sample.
      let chunkMean = try batchLoss(loss, logits: model.output, rows: range.count, isClassification: usesClassIDs,
                                    training: false, accumulation: 1)
      lossSum += chunkMean * Double(range.count)
      model.output.withUnsafePointer { out in
        predictions.withUnsafeMutablePointer { ($0 + range.lowerBound * c).update(from: out, count: range.count * c) }
      }
    }
    let meanLoss = lossSum / Double(max(1, data.count))
    guard meanLoss.isFinite else {
      throw TrainerError.runtime("evaluation produced a non-finite \(prefix)_loss (\(meanLoss)); the model has diverged")
    }
    var metrics = Metrics()
    metrics["\(prefix)_loss"] = meanLoss
    if let computeMetrics {
      for (k, v) in try computeMetrics(EvalPrediction(predictions: predictions, labelIDs: data.labels)) {
        metrics[k.hasPrefix("\(prefix)_") ? k : "\(prefix)_\(k)"] = v
      }
    }
    let runtime = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    metrics["\(prefix)_runtime"] = rounded(runtime, 4)
    if runtime > 0 {
      metrics["\(prefix)_samples_per_second"] = rounded(Double(data.count) / runtime, 3)
      metrics["\(prefix)_steps_per_second"] = rounded(Double(steps) / runtime, 3)
    }
    return (predictions, data.labels, metrics)
  }

  // MARK: Checkpoints

  /// Writes `<output_dir>/checkpoint-<step>` (model + trainer_state.json) and rotates old ones.
  public func saveCheckpoint() throws {
    guard let model else { return }
    let dir = (args.outputDir as NSString).appendingPathComponent("checkpoint-\(state.globalStep)")
    try model.savePretrained(dir)
    let history = state.logHistory.map { entry in Dictionary(uniqueKeysWithValues: entry.map { ($0.key, $0.value) }) }
    var trainerState: [String: Any] = ["global_step": state.globalStep, "epoch": state.epoch ?? 0,
                                       "max_steps": state.maxSteps, "log_history": history]
    if let b = state.bestMetric { trainerState["best_metric"] = b }
    if state.bestGlobalStep == state.globalStep { state.bestModelCheckpoint = dir }
    if let b = state.bestModelCheckpoint { trainerState["best_model_checkpoint"] = b }
    do {
      let data = try JSONSerialization.data(withJSONObject: trainerState, options: [.prettyPrinted, .sortedKeys])
      try data.write(to: URL(fileURLWithPath: dir).appendingPathComponent("trainer_state.json"))
    } catch { throw CheckpointError.writeFailed("\(dir): \(error)") }
    for c in callbacks { try c.onSave(args: args, state: state, control: &control) }
    try rotateCheckpoints()
  }

  func rotateCheckpoints() throws {
    guard let limit = args.saveTotalLimit else { return }
    let fm = FileManager.default
    let names = ((try? fm.contentsOfDirectory(atPath: args.outputDir)) ?? []).filter { $0.hasPrefix("checkpoint-") }
    var steps = names.compactMap { Int($0.dropFirst("checkpoint-".count)) }.sorted()
    let bestStep = state.bestModelCheckpoint.flatMap { Int(($0 as NSString).lastPathComponent.dropFirst("checkpoint-".count)) }
    while steps.count > limit {
      guard let victim = steps.first(where: { $0 != bestStep }) else { break }
      try? fm.removeItem(atPath: (args.outputDir as NSString).appendingPathComponent("checkpoint-\(victim)"))
      steps.removeAll { $0 == victim }
    }
  }
}
