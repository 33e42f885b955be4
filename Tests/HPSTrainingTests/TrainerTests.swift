import Foundation
import Testing
@testable import HPSNumerics
@testable import HPSTraining

/// Standardized stratified 80/20 split of a bundled set (scaler fitted on train).
func prepared(_ name: String, seed: UInt64 = 0) throws -> (Dataset, Dataset) {
  let ds = try BundledDatasets.load(name)
  let (train, test) = try ds.trainTestSplit(testSize: 0.2, seed: seed, stratify: ds.isClassification)
  let scaler = FeatureScaler.fit(train)
  return (try scaler.transform(train), try scaler.transform(test))
}

func args(_ values: [String: ArgumentValue]) throws -> TrainingArguments {
  var base: [String: ArgumentValue] = ["save_strategy": .string("no"), "logging_strategy": .string("no")]
  for (k, v) in values { base[k] = v }
  return try TrainingArguments(base)
}

final class RecordingCallback: TrainerCallback {
  var events: [String] = []
  var stopAfterStep: Int?
  func onTrainBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { events.append("train_begin") }
  func onEpochEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { events.append("epoch_end") }
  func onStepEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {
    events.append("step_end")
    if let s = stopAfterStep, state.globalStep >= s { control.shouldTrainingStop = true }
  }
  func onEvaluate(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, metrics: Metrics) throws { events.append("evaluate") }
  func onLog(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, logs: Metrics) throws { events.append("log") }
  func onTrainEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { events.append("train_end") }
}

struct Pruned: Error, Equatable { let step: Int }

@Suite struct TrainerConstructionTests {
  let model = { try Model(config: .logisticRegression(features: 4, labels: 3)) }

  @Test func exactTransformersErrorsForModelAndModelInit() throws {
    #expect(throws: TrainerError.neitherModelNorInit) { try Trainer() }
    #expect(TrainerError.neitherModelNorInit.description == "`Trainer` requires either a `model` or `model_init` argument")
    #expect(TrainerError.neitherModelNorInit.pythonType == "RuntimeError")
    #expect(throws: TrainerError.bothModelAndInit) { try Trainer(model: model(), modelInit: { _ in try model() }) }
    #expect(TrainerError.bothModelAndInit.description == "`Trainer` requires either a `model` or `model_init` argument, but not both.")
    #expect(TrainerError.bothModelAndInit.pythonType == "ValueError")
    #expect(throws: TrainerError.modelInitWithOptimizers) { try Trainer(optimizers: (AdamW(), nil), modelInit: { _ in try model() }) }
    #expect(throws: TrainerError.modelInitReturnedNone) { try Trainer(modelInit: { _ in nil }) }
  }

  @Test func modelInitBuildsAFreshSeededModelPerTrain() throws {
    var calls = 0
    let (train, _) = try prepared("iris")
    let trainer = try Trainer(args: args(["num_train_epochs": .int(1)]), trainDataset: train,
                              modelInit: { _ in calls += 1; return try Model(config: .logisticRegression(features: 4, labels: 3)) })
    #expect(calls == 1)
    let first = trainer.model?.parameters[0].value
    try trainer.train()
    #expect(calls == 2)
    // Each model_init call sees TrainingSeed = args.seed, so the fresh model starts equal.
    let fresh = try TrainingSeed.$current.withValue(42) { try Model(config: .logisticRegression(features: 4, labels: 3)) }
    #expect(fresh.parameters[0].value == first)
    #expect(try Model(config: .logisticRegression(features: 4, labels: 3), seed: 7).parameters[0].value != first)
  }

  @Test func incompatibleDataIsAClearError() throws {
    let (train, _) = try prepared("wine")
    let trainer = try Trainer(model: model(), args: args([:]), trainDataset: train)
    #expect(throws: TrainerError.value("train_dataset has 13 feature columns but the model expects num_features=4")) { try trainer.train() }
    let t2 = try Trainer(model: model(), args: args(["eval_strategy": .string("epoch")]), trainDataset: try prepared("iris").0)
    #expect(throws: TrainerError.self) { try t2.train() }
  }
}

@Suite struct TrainingArgumentsTests {
  @Test func unknownFieldSuggestsTheClosest() {
    #expect(throws: TrainingArgumentsError.unknownField(name: "lerning_rate", suggestion: "learning_rate")) {
      try TrainingArguments(["lerning_rate": .double(0.1)])
    }
    let e = TrainingArgumentsError.unknownField(name: "lerning_rate", suggestion: "learning_rate")
    #expect(e.description == "TrainingArguments.__init__() got an unexpected keyword argument 'lerning_rate'. Did you mean 'learning_rate'?")
    #expect(throws: TrainingArgumentsError.unknownField(name: "zzzzzzzz", suggestion: nil)) { try TrainingArguments(["zzzzzzzz": .int(1)]) }
  }

  @Test func outOfRangeNamesTheField() {
    #expect(throws: TrainingArgumentsError.outOfRange(field: "learning_rate", requirement: "must be >= 0", value: "-0.1")) {
      try TrainingArguments(["learning_rate": .double(-0.1)])
    }
    #expect(throws: TrainingArgumentsError.outOfRange(field: "per_device_train_batch_size", requirement: "must be >= 1", value: "0")) {
      try TrainingArguments(["per_device_train_batch_size": .int(0)])
    }
    #expect(throws: TrainingArgumentsError.wrongType(field: "seed", expected: "int", got: .string("x"))) {
      try TrainingArguments(["seed": .string("x")])
    }
    #expect(throws: TrainingArgumentsError.self) { try TrainingArguments(["lr_scheduler_type": .string("cosin")]) }
    #expect(throws: TrainingArgumentsError.self) {
      try TrainingArguments(["load_best_model_at_end": .bool(true), "eval_strategy": .string("epoch"), "save_strategy": .string("steps")])
    }
  }

  @Test func everyFieldReadsAndWritesByName() throws {
    var a = TrainingArguments()
    for name in TrainingArguments.fieldNames {
      let v = try a.get(name)
      try a.set(name, v)
    }
    #expect(a == TrainingArguments())
    try a.set("num_train_epochs", .int(2))  // ints are accepted for float fields
    #expect(a.numTrainEpochs == 2)
  }
}

@Suite struct TrainingRunTests {
  @Test func irisReachesHighAccuracy() throws {
    let (train, test) = try prepared("iris")
    let trainer = try Trainer(
      model: Model(config: .mlp(features: 4, labels: 3, hidden: [16])),
      args: args(["learning_rate": .double(0.01), "num_train_epochs": .int(30), "per_device_train_batch_size": .int(16)]),
      trainDataset: train, evalDataset: test, computeMetrics: BuiltinMetrics.computeMetrics(["accuracy"]))
    try trainer.train()
    let m = try trainer.evaluate()
    #expect((m["eval_accuracy"] ?? 0) >= 0.93, "\(m)")
  }

  /// The issue's reference configuration: digits, MLP 64-128-128-10 ReLU, AdamW lr 1e-3 wd 0.01,
  /// batch 32, 20 epochs. About 1 s in a debug build.
  @Test func digitsMLPReaches96Percent() throws {
    let (train, test) = try prepared("digits")
    let trainer = try Trainer(
      model: Model(config: .mlp(features: 64, labels: 10, hidden: [128, 128]), seed: 0),
      args: args(["learning_rate": .double(1e-3), "weight_decay": .double(0.01), "num_train_epochs": .int(20),
                  "per_device_train_batch_size": .int(32), "per_device_eval_batch_size": .int(128), "max_grad_norm": .double(0),
                  "lr_scheduler_type": .string("constant")]),
      trainDataset: train, evalDataset: test, computeMetrics: BuiltinMetrics.computeMetrics(["accuracy", "f1"]))
    let out = try trainer.train()
    #expect(out.globalStep == 20 * 45)
    let m = try trainer.evaluate()
    #expect((m["eval_accuracy"] ?? 0) >= 0.96, "\(m)")
    #expect(m.keys == ["eval_loss", "eval_accuracy", "eval_f1", "eval_runtime", "eval_samples_per_second", "eval_steps_per_second", "epoch"])
    #expect(m["epoch"] == 20)
  }

  @Test func regressionFitsASyntheticLinearTarget() throws {
    let ds = try SyntheticDatasets.regression(samples: 400, features: 5, informative: 3, noise: 5, seed: 3)
    let (train, test) = try ds.trainTestSplit(testSize: 0.25, seed: 1)
    let trainer = try Trainer(
      model: Model(config: .mlp(features: 5, labels: 1, hidden: [32], activation: "tanh").regressionVariant()),
      args: args(["learning_rate": .double(0.05), "num_train_epochs": .int(60), "per_device_train_batch_size": .int(32),
                  "lr_scheduler_type": .string("constant"), "max_grad_norm": .double(0)]),
      trainDataset: train, evalDataset: test, computeMetrics: BuiltinMetrics.computeMetrics(["r2", "mae"]))
    try trainer.train()
    let m = try trainer.evaluate()
    #expect((m["eval_r2"] ?? 0) > 0.97, "\(m)")
  }

  @Test func diabetesLinearRegressionBeatsTheMean() throws {
    let (train, test) = try prepared("diabetes")
    let trainer = try Trainer(
      model: Model(config: .linearRegression(features: 10)),
      args: args(["learning_rate": .double(2.0), "num_train_epochs": .int(60), "per_device_train_batch_size": .int(32),
                  "lr_scheduler_type": .string("constant"), "max_grad_norm": .double(0)]),
      trainDataset: train, evalDataset: test, computeMetrics: BuiltinMetrics.computeMetrics(["r2"]))
    try trainer.train()
    let m = try trainer.evaluate()
    #expect((m["eval_r2"] ?? 0) > 0.35, "\(m)")
  }

  func runOnce(_ extra: [String: ArgumentValue] = [:]) throws -> (Trainer, TrainOutput) {
    let (train, test) = try prepared("wine")
    var values: [String: ArgumentValue] = ["learning_rate": .double(1e-2), "num_train_epochs": .int(3),
                                           "eval_strategy": .string("epoch"), "logging_strategy": .string("epoch")]
    for (k, v) in extra { values[k] = v }
    let trainer = try Trainer(
      args: args(values), trainDataset: train, evalDataset: test,
      computeMetrics: BuiltinMetrics.computeMetrics(["accuracy"]),
      modelInit: { _ in try Model(config: .mlp(features: 13, labels: 3, hidden: [16], dropout: 0.1)) })
    return (trainer, try trainer.train())
  }

  @Test func twoRunsAreBitIdentical() throws {
    let (a, outA) = try runOnce(), (b, outB) = try runOnce()
    #expect(outA.trainingLoss == outB.trainingLoss)
    #expect(a.model?.parameters.map(\.value) == b.model?.parameters.map(\.value))
    func stable(_ h: [Metrics]) -> [[String: Double]] {
      h.map { $0.dictionary.filter { !$0.key.hasSuffix("_runtime") && !$0.key.hasSuffix("_per_second") } }
    }
    #expect(stable(a.logHistory) == stable(b.logHistory))
    let (c, _) = try runOnce(["seed": .int(7)])
    #expect(c.model?.parameters.map(\.value) != a.model?.parameters.map(\.value))
  }

  @Test func logHistoryHasTransformersEntries() throws {
    let (t, out) = try runOnce()
    #expect(out.metrics.keys == ["train_runtime", "train_samples_per_second", "train_steps_per_second", "train_loss", "epoch"])
    let losses = t.logHistory.filter { $0["loss"] != nil }
    #expect(losses.count == 3 && losses.allSatisfy { $0["learning_rate"] != nil && $0["grad_norm"] != nil })
    #expect(t.logHistory.filter { $0["eval_loss"] != nil }.map { $0["epoch"] } == [1, 2, 3])
    #expect(t.state.globalStep == 3 * 18)
  }

  @Test func callbacksSeeHooksAndCanStopTraining() throws {
    let (train, test) = try prepared("iris")
    let rec = RecordingCallback()
    rec.stopAfterStep = 3
    let trainer = try Trainer(
      model: Model(config: .logisticRegression(features: 4, labels: 3)),
      args: args(["eval_strategy": .string("steps"), "eval_steps": .int(2)]), trainDataset: train, evalDataset: test,
      callbacks: [rec])
    let out = try trainer.train()
    #expect(out.globalStep == 3)
    #expect(rec.events == ["train_begin", "step_end", "step_end", "log", "evaluate", "step_end", "epoch_end", "train_end"])
  }

  @Test func trialReporterCanPrune() throws {
    let (train, test) = try prepared("iris")
    let trainer = try Trainer(
      args: args(["eval_strategy": .string("steps"), "eval_steps": .int(5)]), trainDataset: train, evalDataset: test,
      modelInit: { _ in try Model(config: .logisticRegression(features: 4, labels: 3)) })
    var reported: [Int] = []
    trainer.trialReporter = { metrics, step in
      #expect(metrics["eval_loss"] != nil)
      reported.append(step)
      if step >= 10 { throw Pruned(step: step) }
    }
    trainer.applyTrial = { args, trial in
      if let lr = trial as? Double { args.learningRate = lr }
    }
    #expect(throws: Pruned(step: 10)) { try trainer.train(trial: 0.5) }
    #expect(reported == [5, 10])
    #expect(trainer.args.learningRate == 0.5)
  }

  @Test func earlyStoppingStopsAndChecksItsPreconditions() throws {
    let (train, test) = try prepared("iris")
    let bad = try Trainer(model: Model(config: .logisticRegression(features: 4, labels: 3)), args: args([:]),
                          trainDataset: train, callbacks: [EarlyStoppingCallback(patience: 1)])
    #expect(throws: TrainerError.assertion("EarlyStoppingCallback requires load_best_model_at_end = True")) { try bad.train() }
    // lr 0: the metric never improves, so training stops after 1 + patience evaluations.
    let trainer = try Trainer(
      model: Model(config: .logisticRegression(features: 4, labels: 3)),
      args: args(["learning_rate": .double(0), "num_train_epochs": .int(20), "eval_strategy": .string("epoch"),
                  "save_strategy": .string("epoch"), "load_best_model_at_end": .bool(true),
                  "metric_for_best_model": .string("accuracy"), "output_dir": .string(temporaryDirectory())]),
      trainDataset: train, evalDataset: test, computeMetrics: BuiltinMetrics.computeMetrics(["accuracy"]),
      callbacks: [EarlyStoppingCallback(patience: 2)])
    let out = try trainer.train()
    #expect(out.metrics["epoch"] == 3)
    #expect(trainer.state.bestMetric != nil)
  }

  @Test func divergenceIsAnErrorNamingStepAndLearningRate() throws {
    let (train, _) = try prepared("iris")
    let trainer = try Trainer(
      model: Model(config: .mlp(features: 4, labels: 3, hidden: [8])),
      args: args(["learning_rate": .double(1e30), "optim": .string("sgd"), "max_grad_norm": .double(0),
                  "lr_scheduler_type": .string("constant")]),
      trainDataset: train)
    do {
      try trainer.train()
      Issue.record("training with lr 1e30 should diverge")
    } catch let TrainerError.nonFiniteLoss(step, lr, _) {
      #expect(step >= 2 && lr == 1e30)
      #expect(TrainerError.nonFiniteLoss(step: step, learningRate: lr, loss: .nan).description.contains("at step \(step) with learning_rate 1e+30"))
    }
  }

  @Test func gradientAccumulationEqualsALargerBatch() throws {
    let (train, _) = try prepared("iris")
    func weights(_ batch: Int, _ accum: Int) throws -> [Matrix] {
      let t = try Trainer(
        model: Model(config: .mlp(features: 4, labels: 3, hidden: [8]), seed: 1),
        args: args(["per_device_train_batch_size": .int(batch), "gradient_accumulation_steps": .int(accum),
                    "optim": .string("sgd"), "learning_rate": .double(0.1), "max_steps": .int(10)]),
        trainDataset: train)
      try t.train()
      return t.model?.parameters.map(\.value) ?? []
    }
    let a = try weights(8, 1), b = try weights(4, 2)
    for (x, y) in zip(a, b) { for i in 0..<x.count { #expect(abs(x.storage[i] - y.storage[i]) < 1e-5) } }
  }

  @Test func checkpointsAreSavedAndRotated() throws {
    let dir = temporaryDirectory()
    let (train, _) = try prepared("iris")
    let trainer = try Trainer(
      model: Model(config: .logisticRegression(features: 4, labels: 3)),
      args: TrainingArguments(["output_dir": .string(dir), "save_strategy": .string("steps"), "save_steps": .int(5),
                               "save_total_limit": .int(2), "max_steps": .int(20), "logging_strategy": .string("no")]),
      trainDataset: train)
    try trainer.train()
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    #expect(names == ["checkpoint-15", "checkpoint-20"])
    let reloaded = try Model.fromPretrained(dir + "/checkpoint-20")
    #expect(reloaded.parameters.map(\.value) == trainer.model?.parameters.map(\.value))
    #expect(FileManager.default.fileExists(atPath: dir + "/checkpoint-20/trainer_state.json"))
  }

  @Test func predictReturnsLogitsAndTestMetrics() throws {
    let (train, test) = try prepared("iris")
    let trainer = try Trainer(model: Model(config: .logisticRegression(features: 4, labels: 3)), args: args([:]),
                              trainDataset: train, computeMetrics: BuiltinMetrics.computeMetrics(["accuracy"]))
    let out = try trainer.predict(test)
    #expect(out.predictions.rows == 30 && out.predictions.cols == 3)
    #expect(out.metrics.keys.first == "test_loss" && out.metrics["test_accuracy"] != nil)
  }
}

@Suite struct MetricTests {
  @Test func classificationMetricsMatchScikitLearn() throws {
    let truth: [Int32] = [0, 0, 1, 1, 2, 2], pred: [Int32] = [0, 1, 1, 1, 2, 0]
    #expect(abs(BuiltinMetrics.accuracy(pred, truth) - 4.0 / 6) < 1e-12)
    // sklearn: precision_recall_fscore_support(average="macro") → (0.7222, 0.6667, 0.6556)
    let macro = try BuiltinMetrics.precisionRecallF1(pred, truth, average: "macro")
    #expect(abs(macro.precision - 0.7222222) < 1e-6 && abs(macro.recall - 2.0 / 3) < 1e-9 && abs(macro.f1 - 0.6555556) < 1e-6)
    let micro = try BuiltinMetrics.precisionRecallF1(pred, truth, average: "micro")
    #expect(abs(micro.f1 - 4.0 / 6) < 1e-12)
    #expect(throws: MetricError.invalidAverage("mean")) { try BuiltinMetrics.computeMetrics(["f1"], average: "mean") }
    #expect(throws: MetricError.unknownMetric("acuracy", suggestion: "accuracy")) { try BuiltinMetrics.computeMetrics(["acuracy"]) }
  }

  @Test func regressionMetrics() {
    let p: [Float] = [1, 2, 3], t: [Float] = [1, 2, 5]
    #expect(abs(BuiltinMetrics.mse(p, t) - 4.0 / 3) < 1e-9 && abs(BuiltinMetrics.mae(p, t) - 2.0 / 3) < 1e-9)
    #expect(abs(BuiltinMetrics.r2(p, t) - (1 - 36.0 / 78)) < 1e-9)  // ss_res 4, ss_tot 78/9
    #expect(abs(BuiltinMetrics.r2(t, t) - 1) < 1e-12)
  }

  @Test func defaultObjectiveFollowsTransformers() {
    let m: Metrics = ["eval_loss": 0.5, "eval_accuracy": 0.9, "eval_f1": 0.8, "eval_runtime": 1, "eval_samples_per_second": 3, "epoch": 2]
    #expect(abs((m.defaultObjective ?? 0) - 1.7) < 1e-12)
    let onlyLoss: Metrics = ["eval_loss": 0.5, "eval_runtime": 1, "epoch": 2]
    #expect(onlyLoss.defaultObjective == 0.5)
  }
}

func temporaryDirectory() -> String {
  let dir = NSTemporaryDirectory() + "hps-trainer-tests-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  return dir
}

extension ModelConfig {
  func regressionVariant() -> ModelConfig {
    var c = self
    c.problemType = "regression"
    return c
  }
}

@Suite struct MultiLabelTests {
  /// Multi-label classification: two independent 0/1 targets per row, sigmoid + BCE.
  @Test func multiLabelTrainsWithBinaryCrossEntropy() throws {
    let base = try SyntheticDatasets.blobs(samples: 200, features: 2, centers: 4, clusterStd: 0.5, seed: 2)
    // Label bits: class id's two binary digits.
    let bits = base.classIDs.flatMap { [Float($0 & 1), Float(($0 >> 1) & 1)] }
    let ds = try Dataset(features: base.features, labels: .values(Matrix(rows: 200, cols: 2, values: bits)))
    var cfg = ModelConfig.mlp(features: 2, labels: 2, hidden: [16])
    cfg.problemType = "multi_label_classification"
    let trainer = try Trainer(
      model: Model(config: cfg),
      args: args(["learning_rate": .double(0.02), "num_train_epochs": .int(20), "lr_scheduler_type": .string("constant")]),
      trainDataset: ds)
    let before = try trainer.evaluate(ds)["eval_loss"] ?? 0
    try trainer.train()
    let after = try trainer.evaluate(ds)["eval_loss"] ?? 9
    #expect(after < 0.2 && after < before / 3, "\(before) → \(after)")
  }
}

@Suite struct EvaluationLossTests {
  /// eval_loss is Transformers' sample-weighted mean: the per-row losses averaged over all rows,
  /// whatever per_device_eval_batch_size is (the last, smaller batch weighs by its rows).
  @Test func evalLossIsTheMeanPerRowWhateverTheBatchSize() throws {
    let (train, test) = try prepared("iris")
    let model = try Model(config: .mlp(features: 4, labels: 3, hidden: [8]), seed: 3)
    let trainer = try Trainer(model: model, args: args(["per_device_eval_batch_size": .int(7)]), trainDataset: train)
    let logits = try trainer.predict(test).predictions
    var expected = 0.0
    for r in 0..<test.count {
      let z = (0..<3).map { Double(logits[r, $0]) }
      let m = z.max() ?? 0
      let logSum = m + Foundation.log(z.map { Foundation.exp($0 - m) }.reduce(0, +))
      expected += logSum - z[Int(test.classIDs[r])]
    }
    expected /= Double(test.count)
    for batch in [1, 7, 29, 4096] {
      trainer.args.perDeviceEvalBatchSize = batch
      let loss = try trainer.evaluate(test)["eval_loss"] ?? .nan
      #expect(abs(loss - expected) < 1e-5, "per_device_eval_batch_size=\(batch): \(loss) vs \(expected)")
    }
  }
}
