// Transformers' TrainingArguments: the fields that mean something on a CPU, with the same names
// (as strings, for scripts) and defaults. Settable from a [String: ArgumentValue] dictionary with
// Python-style errors for unknown names and out-of-range values.
public struct TrainingArguments: Sendable, Equatable {
  public var outputDir = "trainer_output"
  public var evalStrategy = "no"
  public var perDeviceTrainBatchSize = 8
  public var perDeviceEvalBatchSize = 8
  public var gradientAccumulationSteps = 1
  public var learningRate = 5e-5
  public var weightDecay = 0.0
  public var adamBeta1 = 0.9
  public var adamBeta2 = 0.999
  public var adamEpsilon = 1e-8
  public var maxGradNorm = 1.0
  public var numTrainEpochs = 3.0
  public var maxSteps = -1
  public var lrSchedulerType = "linear"
  public var warmupRatio = 0.0
  public var warmupSteps = 0
  public var loggingStrategy = "steps"
  public var loggingSteps = 500
  public var loggingFirstStep = false
  public var loggingNanInfFilter = true
  public var saveStrategy = "steps"
  public var saveSteps = 500
  public var saveTotalLimit: Int? = nil
  public var seed = 42
  public var dataSeed: Int? = nil
  public var evalSteps: Int? = nil
  public var evalOnStart = false
  public var dataloaderDropLast = false
  public var loadBestModelAtEnd = false
  public var metricForBestModel: String? = nil
  public var greaterIsBetter: Bool? = nil
  public var labelSmoothingFactor = 0.0
  public var optim = "adamw_torch"
  public var optimArgs: String? = nil
  public var runName: String? = nil
  public var reportTo = "none"
  /// Transformers' default: the training progress bar is shown (front ends decide where).
  public var disableTqdm = false
  public var doTrain = false
  public var doEval = false
  public var doPredict = false
  /// hps extension: BLAS threads for this trainer; 0 picks from the work per step (docs/trainer.md).
  public var numThreads = 0

  public init() {}

  /// Builds arguments from script keywords: defaults first, then each given field (in sorted key
  /// order, so the first error reported is deterministic), then validation.
  public init(_ values: [String: ArgumentValue]) throws {
    self.init()
    for key in values.keys.sorted() { try set(key, values[key] ?? .none) }
    try validate()
  }

  public static let fieldNames: [String] = [
    "output_dir", "eval_strategy", "per_device_train_batch_size", "per_device_eval_batch_size",
    "gradient_accumulation_steps", "learning_rate", "weight_decay", "adam_beta1", "adam_beta2", "adam_epsilon",
    "max_grad_norm", "num_train_epochs", "max_steps", "lr_scheduler_type", "warmup_ratio", "warmup_steps",
    "logging_strategy", "logging_steps", "logging_first_step", "logging_nan_inf_filter", "save_strategy",
    "save_steps", "save_total_limit", "seed", "data_seed", "eval_steps", "eval_on_start", "dataloader_drop_last",
    "load_best_model_at_end", "metric_for_best_model", "greater_is_better", "label_smoothing_factor", "optim",
    "optim_args", "run_name", "report_to", "disable_tqdm", "do_train", "do_eval", "do_predict", "num_threads",
  ]

  public static let optimizerNames = ["adamw_torch", "adamw_torch_fused", "adamw_hf", "adam", "sgd", "rmsprop", "adagrad"]
  public static let strategies = ["no", "steps", "epoch"]

  // MARK: Reading and writing fields by their Transformers names

  public func get(_ name: String) throws -> ArgumentValue {
    func opt(_ v: Int?) -> ArgumentValue { v.map { .int($0) } ?? .none }
    switch name {
    case "output_dir": return .string(outputDir)
    case "eval_strategy": return .string(evalStrategy)
    case "per_device_train_batch_size": return .int(perDeviceTrainBatchSize)
    case "per_device_eval_batch_size": return .int(perDeviceEvalBatchSize)
    case "gradient_accumulation_steps": return .int(gradientAccumulationSteps)
    case "learning_rate": return .double(learningRate)
    case "weight_decay": return .double(weightDecay)
    case "adam_beta1": return .double(adamBeta1)
    case "adam_beta2": return .double(adamBeta2)
    case "adam_epsilon": return .double(adamEpsilon)
    case "max_grad_norm": return .double(maxGradNorm)
    case "num_train_epochs": return .double(numTrainEpochs)
    case "max_steps": return .int(maxSteps)
    case "lr_scheduler_type": return .string(lrSchedulerType)
    case "warmup_ratio": return .double(warmupRatio)
    case "warmup_steps": return .int(warmupSteps)
    case "logging_strategy": return .string(loggingStrategy)
    case "logging_steps": return .int(loggingSteps)
    case "logging_first_step": return .bool(loggingFirstStep)
    case "logging_nan_inf_filter": return .bool(loggingNanInfFilter)
    case "save_strategy": return .string(saveStrategy)
    case "save_steps": return .int(saveSteps)
    case "save_total_limit": return opt(saveTotalLimit)
    case "seed": return .int(seed)
    case "data_seed": return opt(dataSeed)
    case "eval_steps": return opt(evalSteps)
    case "eval_on_start": return .bool(evalOnStart)
    case "dataloader_drop_last": return .bool(dataloaderDropLast)
    case "load_best_model_at_end": return .bool(loadBestModelAtEnd)
    case "metric_for_best_model": return metricForBestModel.map { .string($0) } ?? .none
    case "greater_is_better": return greaterIsBetter.map { .bool($0) } ?? .none
    case "label_smoothing_factor": return .double(labelSmoothingFactor)
    case "optim": return .string(optim)
    case "optim_args": return optimArgs.map { .string($0) } ?? .none
    case "run_name": return runName.map { .string($0) } ?? .none
    case "report_to": return .string(reportTo)
    case "disable_tqdm": return .bool(disableTqdm)
    case "do_train": return .bool(doTrain)
    case "do_eval": return .bool(doEval)
    case "do_predict": return .bool(doPredict)
    case "num_threads": return .int(numThreads)
    default: throw unknownField(name)
    }
  }

  func unknownField(_ name: String) -> TrainingArgumentsError {
    .unknownField(name: name, suggestion: closestMatch(name, in: TrainingArguments.fieldNames))
  }

  /// Sets one field by its Transformers name. Values are converted by the field's declared type
  /// (an int is accepted for a float field; nothing else is coerced).
  public mutating func set(_ name: String, _ value: ArgumentValue) throws {
    func int() throws -> Int {
      if case .int(let v) = value { return v }
      throw TrainingArgumentsError.wrongType(field: name, expected: "int", got: value)
    }
    func optInt() throws -> Int? { if case .none = value { return nil }; return try int() }
    func double() throws -> Double {
      switch value {
      case .double(let v): return v
      case .int(let v): return Double(v)
      default: throw TrainingArgumentsError.wrongType(field: name, expected: "float", got: value)
      }
    }
    func bool() throws -> Bool {
      if case .bool(let v) = value { return v }
      throw TrainingArgumentsError.wrongType(field: name, expected: "bool", got: value)
    }
    func optBool() throws -> Bool? { if case .none = value { return nil }; return try bool() }
    func string() throws -> String {
      if case .string(let v) = value { return v }
      throw TrainingArgumentsError.wrongType(field: name, expected: "str", got: value)
    }
    func optString() throws -> String? { if case .none = value { return nil }; return try string() }
    func choice(_ options: [String]) throws -> String {
      let s = try string()
      guard options.contains(s) else { throw TrainingArgumentsError.invalidChoice(field: name, value: s, options: options) }
      return s
    }
    switch name {
    case "output_dir": outputDir = try string()
    case "eval_strategy": evalStrategy = try choice(Self.strategies)
    case "per_device_train_batch_size": perDeviceTrainBatchSize = try int()
    case "per_device_eval_batch_size": perDeviceEvalBatchSize = try int()
    case "gradient_accumulation_steps": gradientAccumulationSteps = try int()
    case "learning_rate": learningRate = try double()
    case "weight_decay": weightDecay = try double()
    case "adam_beta1": adamBeta1 = try double()
    case "adam_beta2": adamBeta2 = try double()
    case "adam_epsilon": adamEpsilon = try double()
    case "max_grad_norm": maxGradNorm = try double()
    case "num_train_epochs": numTrainEpochs = try double()
    case "max_steps": maxSteps = try int()
    case "lr_scheduler_type": lrSchedulerType = try choice(SchedulerType.allCases.map(\.rawValue))
    case "warmup_ratio": warmupRatio = try double()
    case "warmup_steps": warmupSteps = try int()
    case "logging_strategy": loggingStrategy = try choice(Self.strategies)
    case "logging_steps": loggingSteps = try int()
    case "logging_first_step": loggingFirstStep = try bool()
    case "logging_nan_inf_filter": loggingNanInfFilter = try bool()
    case "save_strategy": saveStrategy = try choice(Self.strategies + ["best"])
    case "save_steps": saveSteps = try int()
    case "save_total_limit": saveTotalLimit = try optInt()
    case "seed": seed = try int()
    case "data_seed": dataSeed = try optInt()
    case "eval_steps": evalSteps = try optInt()
    case "eval_on_start": evalOnStart = try bool()
    case "dataloader_drop_last": dataloaderDropLast = try bool()
    case "load_best_model_at_end": loadBestModelAtEnd = try bool()
    case "metric_for_best_model": metricForBestModel = try optString()
    case "greater_is_better": greaterIsBetter = try optBool()
    case "label_smoothing_factor": labelSmoothingFactor = try double()
    case "optim": optim = try choice(Self.optimizerNames)
    case "optim_args": optimArgs = try optString()
    case "run_name": runName = try optString()
    case "report_to": reportTo = try string()
    case "disable_tqdm": disableTqdm = try bool()
    case "do_train": doTrain = try bool()
    case "do_eval": doEval = try bool()
    case "do_predict": doPredict = try bool()
    case "num_threads": numThreads = try int()
    default: throw unknownField(name)
    }
  }

  // MARK: Validation

  public func validate() throws {
    func range(_ field: String, _ ok: Bool, _ requirement: String, _ value: Any) throws {
      if !ok { throw TrainingArgumentsError.outOfRange(field: field, requirement: requirement, value: "\(value)") }
    }
    try range("learning_rate", learningRate >= 0 && learningRate.isFinite, "must be >= 0", learningRate)
    try range("per_device_train_batch_size", perDeviceTrainBatchSize >= 1, "must be >= 1", perDeviceTrainBatchSize)
    try range("per_device_eval_batch_size", perDeviceEvalBatchSize >= 1, "must be >= 1", perDeviceEvalBatchSize)
    try range("gradient_accumulation_steps", gradientAccumulationSteps >= 1, "must be >= 1", gradientAccumulationSteps)
    try range("weight_decay", weightDecay >= 0, "must be >= 0", weightDecay)
    try range("adam_beta1", adamBeta1 >= 0 && adamBeta1 < 1, "must be in [0, 1)", adamBeta1)
    try range("adam_beta2", adamBeta2 >= 0 && adamBeta2 < 1, "must be in [0, 1)", adamBeta2)
    try range("adam_epsilon", adamEpsilon >= 0, "must be >= 0", adamEpsilon)
    try range("max_grad_norm", maxGradNorm >= 0, "must be >= 0", maxGradNorm)
    try range("num_train_epochs", numTrainEpochs >= 0 && numTrainEpochs.isFinite, "must be >= 0", numTrainEpochs)
    try range("warmup_ratio", warmupRatio >= 0 && warmupRatio <= 1, "must be in [0, 1]", warmupRatio)
    try range("warmup_steps", warmupSteps >= 0, "must be >= 0", warmupSteps)
    try range("logging_steps", loggingSteps >= 1, "must be >= 1", loggingSteps)
    try range("save_steps", saveSteps >= 1, "must be >= 1", saveSteps)
    if let e = evalSteps { try range("eval_steps", e >= 1, "must be >= 1", e) }
    if let s = saveTotalLimit { try range("save_total_limit", s >= 1, "must be >= 1", s) }
    try range("label_smoothing_factor", labelSmoothingFactor >= 0 && labelSmoothingFactor < 1, "must be in [0, 1)", labelSmoothingFactor)
    try range("num_threads", numThreads >= 0, "must be >= 0 (0 picks automatically)", numThreads)
    if loadBestModelAtEnd && saveStrategy != "best" && evalStrategy != saveStrategy {
      throw TrainingArgumentsError.invalid(
        "--load_best_model_at_end requires the save and eval strategy to match, but found\n- Evaluation strategy: \(evalStrategy)\n- Save strategy: \(saveStrategy)")
    }
    if loadBestModelAtEnd && evalStrategy == "steps" && saveStrategy == "steps" && saveSteps % effectiveEvalSteps != 0 {
      throw TrainingArgumentsError.invalid(
        "--load_best_model_at_end requires the saving steps to be a round multiple of the evaluation steps, but found \(saveSteps), which is not a round multiple of \(effectiveEvalSteps).")
    }
  }

  /// eval_steps defaults to logging_steps (Transformers' rule).
  public var effectiveEvalSteps: Int { evalSteps ?? loggingSteps }

  /// greater_is_better defaults to true unless the metric is a loss.
  public var effectiveGreaterIsBetter: Bool {
    if let g = greaterIsBetter { return g }
    guard let m = metricForBestModel else { return false }
    return !(m.hasSuffix("loss"))
  }

  /// The metric key as evaluate() names it (an "eval_" prefix is added when missing).
  public var bestMetricKey: String {
    let m = metricForBestModel ?? "loss"
    return m.hasPrefix("eval_") ? m : "eval_" + m
  }

  /// Every field and its current value, by Transformers name (for display and logging).
  public var asDictionary: [(String, ArgumentValue)] {
    TrainingArguments.fieldNames.map { ($0, (try? get($0)) ?? .none) }
  }
}

public enum TrainingArgumentsError: Error, Equatable, CustomStringConvertible {
  case unknownField(name: String, suggestion: String?)
  case wrongType(field: String, expected: String, got: ArgumentValue)
  case invalidChoice(field: String, value: String, options: [String])
  case outOfRange(field: String, requirement: String, value: String)
  case invalid(String)

  /// The Python exception type a script should see.
  public var pythonType: String {
    switch self {
    case .unknownField, .wrongType: return "TypeError"
    default: return "ValueError"
    }
  }

  public var description: String {
    switch self {
    case .unknownField(let name, let suggestion):
      let base = "TrainingArguments.__init__() got an unexpected keyword argument '\(name)'"
      return suggestion.map { base + ". Did you mean '\($0)'?" } ?? base
    case .wrongType(let field, let expected, let got):
      return "\(field) must be \(expected), got \(got.typeName) \(got)"
    case .invalidChoice(let field, let value, let options):
      return "'\(value)' is not a valid value for \(field); choose from \(options.map { "'\($0)'" }.joined(separator: ", "))"
    case .outOfRange(let field, let requirement, let value):
      return "\(field) \(requirement), got \(value)"
    case .invalid(let m): return m
    }
  }
}
