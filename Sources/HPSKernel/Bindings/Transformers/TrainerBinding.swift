// `transformers.Trainer` for scripts: construction with Transformers' checks, train / evaluate /
// predict / save_model over the engine's Trainer, and hyperparameter_search.
import Foundation
import HPSScript
import HPSTraining

final class TrainerBox {
  var argsValue: Value
  var modelInit: Value
  var computeMetricsValue: Value
  /// Trainer(preprocess_logits_for_metrics=f): f(logits, labels) replaces the predictions
  /// compute_metrics receives.
  var preprocessLogitsValue: Value = .none
  var trainValue: Value
  var evalValue: Value
  var callbackValues: [Value]
  var engine: Trainer!
  /// The script model object for engine.model (kept so `trainer.model is model` holds).
  var modelValue: (Model, Value)?
  /// Transformers' trainer.objective: the last objective a search computed.
  var objective: Value = .none
  /// hps: the study of the last hyperparameter_search.
  var study: Value = .none
  var hpSearchBackend: Value = .none
  /// The script object (a Trainer or a script subclass of it).
  weak var instance: InstanceObject?
  /// The engine trainer a script `evaluate` override is running for (a search trial's); the
  /// native methods it calls through super() act on it.
  var activeEngine: Trainer?
  var current: Trainer { activeEngine ?? engine }
  /// Transformers' self.optimizer / self.lr_scheduler: torch.optim specifications (or None) that
  /// create_optimizer_and_scheduler fills in and the engine's optimizer hook reads.
  var optimizerValue: Value = .none
  var schedulerValue: Value = .none
  /// Trainer(optimizers=(...)) was given something other than (None, None).
  var hasGivenOptimizers = false
  /// Trainer(compute_loss_func=...): loss = compute_loss_func(outputs, labels, num_items_in_batch=...).
  var computeLossFunc: Value = .none
  /// Trainer(optimizer_cls_and_kwargs=(cls, kwargs)): create_optimizer's default optimizer.
  var optimizerClsAndKwargs: Value = .none

  init(argsValue: Value, modelInit: Value, computeMetrics: Value, trainValue: Value, evalValue: Value, callbacks: [Value]) {
    self.argsValue = argsValue
    self.modelInit = modelInit
    self.computeMetricsValue = computeMetrics
    self.trainValue = trainValue
    self.evalValue = evalValue
    self.callbackValues = callbacks
  }
}

extension TransformersBindings {
  func trainerBox(_ v: Value, _ vm: VM) throws -> TrainerBox { try payload(v, TrainerBox.self, vm, "Trainer") }

  func modelValue(_ box: TrainerBox, _ vm: VM) throws -> Value {
    guard let m = (box.activeEngine ?? box.engine)?.model else { return .none }
    if let (cached, value) = box.modelValue, cached === m { return value }
    let value = try models.wrap(vm, ModelBox(model: m, name: m.config.modelType))
    box.modelValue = (m, value)
    return value
  }

  /// Pushes the script-side settings (args, data sets, compute_metrics) into the engine trainer.
  func sync(_ box: TrainerBox, _ vm: VM) throws {
    guard box.activeEngine == nil else { return }
    box.engine.args = try arguments(box.argsValue, vm).args
    box.engine.trainDataset = try DatasetBindings.unwrap(box.trainValue, vm, role: "train_dataset")
    box.engine.evalDataset = try DatasetBindings.unwrap(box.evalValue, vm, role: "eval_dataset")
    box.engine.computeMetrics = try computeMetrics(box, vm)
  }

  func makeTrainerClass() -> NativeClass {
    let initSignature = Signature([
      .init("self"), .init("model", default: Value.none), .init("args", default: Value.none), .init("data_collator", default: Value.none),
      .init("train_dataset", default: Value.none), .init("eval_dataset", default: Value.none),
      .init("processing_class", default: Value.none), .init("model_init", default: Value.none),
      .init("compute_loss_func", default: Value.none), .init("compute_metrics", default: Value.none),
      .init("callbacks", default: Value.none), .init("optimizers", default: .tuple([.none, .none])),
      .init("optimizer_cls_and_kwargs", default: Value.none), .init("preprocess_logits_for_metrics", default: Value.none),
    ])
    func method(_ name: String, _ params: [Signature.Parameter], doc: String, kwargs: String? = nil,
                _ body: @escaping (VM, TrainerBox, BoundArguments) throws -> Value) -> NativeFunction {
      NativeFunction(name, Signature([.init("self")] + params, kwargs: kwargs), doc: doc) { [unowned self] vm, a in
        try body(vm, try self.trainerBox(a[0], vm), a)
      }
    }
    func property(_ name: String, doc: String, get: @escaping (VM, TrainerBox) throws -> Value,
                  set: ((VM, TrainerBox, Value) throws -> Void)? = nil) -> NativeProperty {
      NativeProperty(
        name, doc: doc, get: { [unowned self] vm, i in try get(vm, try self.trainerBox(.instance(i), vm)) },
        set: set.map { s in { [unowned self] vm, i, v in try s(vm, try self.trainerBox(.instance(i), vm), v) } })
    }
    let searchDoc = """
      Searches hyperparameters: every trial copies args, applies hp_space(trial)'s values to the copy, calls
      model_init(trial) and trains, reporting compute_objective(metrics) at each evaluation so the pruner can stop
      bad trials. Returns a BestRun(run_id, objective, hyperparameters, run_summary), or a list of them (the Pareto
      front) when direction is a list. Keywords go to the backend: optuna takes sampler, pruner, timeout, n_jobs,
      storage, study_name, load_if_exists, catch, callbacks. hps prints which metric the default objective uses.
      """
    return NativeClass(
      name: "Trainer", module: "transformers",
      doc: "Trains a model (or one built by model_init) on a Dataset with TrainingArguments; hyperparameter_search() tunes them.",
      initializer: NativeFunction("__init__", initSignature) { [unowned self] vm, a in
        guard case .instance(let inst) = a[0] else { return .none }
        try self.initialize(vm, inst, a)
        return .none
      },
      methods: [
        method("train", [.init("resume_from_checkpoint", default: Value.none), .init("trial", default: Value.none),
                         .init("ignore_keys_for_eval", default: Value.none)],
               doc: "Trains (building a fresh model through model_init when given) and returns TrainOutput(global_step, training_loss, metrics).",
               kwargs: "kwargs") { [unowned self] vm, box, a in
          try self.sync(box, vm)
          let trial = a["trial"]
          // A trial of a parallel optuna.optimize trains without a bar of its own, as a search's
          // trials do, and lets go of the interpreter lock while it trains so other trials' script
          // runs meanwhile (its script calls take the lock back through the gate).
          let gate = self.gate
          let progress = gate.isWorkerThread ? nil : TrainingProgress.make(vm, box.engine.args)
          if let progress { box.engine.addCallback(progress) }
          defer { if let progress { box.engine.removeCallback(progress) } }
          let out = try bridged(vm) {
            try gate.releasing { try box.engine.train(trial: trial.isNone ? nil : ScriptTrialCarrier(trial)) }
          }
          return try self.record(vm, "TrainOutput", [.int(out.globalStep), .float(out.trainingLoss), try Convert.dict(out.metrics, vm: vm)])
        },
        method("evaluate", [.init("eval_dataset", default: Value.none), .init("ignore_keys", default: Value.none),
                            .init("metric_key_prefix", default: .str("eval"))],
               doc: "Evaluates and returns a dict: eval_loss, eval_<compute_metrics>, eval_runtime, ... and epoch.") { [unowned self] vm, box, a in
          try self.sync(box, vm)
          let data = try DatasetBindings.unwrap(a["eval_dataset"], vm, role: "eval_dataset")
          guard let prefix = a["metric_key_prefix"].asString else { throw vm.error("TypeError", "metric_key_prefix must be a str") }
          return try Convert.dict(try bridged(vm) { try box.current.evaluate(data, metricKeyPrefix: prefix) }, vm: vm)
        },
        method("predict", [.init("test_dataset"), .init("ignore_keys", default: Value.none), .init("metric_key_prefix", default: .str("test"))],
               doc: "PredictionOutput(predictions, label_ids, metrics) for every row of test_dataset.") { [unowned self] vm, box, a in
          try self.sync(box, vm)
          guard let data = try DatasetBindings.unwrap(a["test_dataset"], vm, role: "test_dataset") else {
            throw vm.error("TypeError", "predict() needs a test_dataset")
          }
          guard let prefix = a["metric_key_prefix"].asString else { throw vm.error("TypeError", "metric_key_prefix must be a str") }
          let out = try bridged(vm) { try box.current.predict(data, metricKeyPrefix: prefix) }
          return try self.record(vm, "PredictionOutput", [
            Value(TransformersBindings.rows(out.predictions)), self.labelValues(out.labelIDs), try Convert.dict(out.metrics, vm: vm),
          ])
        },
        method("save_model", [.init("output_dir", default: Value.none)], doc: "Saves the model (config.json + model.safetensors) to output_dir or args.output_dir.") {
          [unowned self] vm, box, a in
          try self.sync(box, vm)
          guard let model = box.engine.model else { throw vm.error("RuntimeError", "the trainer has no model to save") }
          let dir = a["output_dir"].asString ?? box.engine.args.outputDir
          try bridged(vm) { try model.savePretrained(dir) }
          return .none
        },
        method("add_callback", [.init("callback")], doc: "Adds a TrainerCallback (an instance or a class).") { [unowned self] vm, box, a in
          var cb = a["callback"]
          if case .type = cb { cb = try vm.callValue(cb, []) }
          for engineCallback in try self.engineCallbacks([cb], vm, model: { [unowned self, weak box] in
            guard let box else { return .none }
            return (try? self.modelValue(box, vm)) ?? .none
          }) {
            box.engine.addCallback(engineCallback)
          }
          box.callbackValues.append(cb)
          return .none
        },
        method("apply_hyperparameters", [.init("best_run")],
               doc: "hps: sets args from a BestRun (or a dict of hyperparameters) with the casting the search uses, so train() retrains with them.") {
          [unowned self] vm, box, a in
          var hp = a["best_run"]
          if case .dict = hp {} else { hp = try self.builtins.attribute(vm, hp, "hyperparameters") }
          let argsBox = try self.arguments(box.argsValue, vm)
          var args = argsBox.args
          for (k, v) in try vm.dictItems(hp) {
            guard let key = k.asString else { continue }
            if let warning = try TrialArguments.apply(key, v, to: &args, vm: vm) { vm.writeStderr(warning + "\n") }
          }
          argsBox.args = args
          return .none
        },
        method("hyperparameter_search",
               [.init("hp_space", default: Value.none), .init("compute_objective", default: Value.none), .init("n_trials", default: .int(20)),
                .init("direction", default: .str("minimize")), .init("backend", default: Value.none), .init("hp_name", default: Value.none)],
               doc: searchDoc, kwargs: "kwargs") { [unowned self] vm, box, a in
          try HyperparameterSearch(bindings: self, vm: vm, trainer: box, trainerValue: a[0]).run(a)
        },
      ] + hookMethods(),
      properties: [
        property("args", doc: "The TrainingArguments (inside a search trial's hooks: that trial's copy, with its hyperparameters).", get: {
          [unowned self] vm, b in
          // Transformers sets a trial's hyperparameters on self.args; hps trains each trial on a copy.
          guard let engine = b.activeEngine else { return b.argsValue }
          return try self.argumentsClass.instance(vm, ArgumentsBox(engine.args))
        }, set: { [unowned self] vm, b, v in
          _ = try self.arguments(v, vm)
          b.argsValue = v
        }),
        property("model", doc: "The current model.", get: { [unowned self] vm, b in try self.modelValue(b, vm) }),
        property("state", doc: "TrainerState of the last run (global_step, log_history, best_metric, ...).", get: { [unowned self] vm, b in
          try self.callbacks.stateClass.instance(vm, StateBox(b.current.state))
        }),
        property("train_dataset", doc: "The Dataset train() uses.", get: { _, b in b.trainValue }, set: { _, b, v in b.trainValue = v }),
        property("eval_dataset", doc: "The Dataset evaluate() uses.", get: { _, b in b.evalValue }, set: { _, b, v in b.evalValue = v }),
        property("model_init", doc: "The function that builds a fresh model for every run (None when a model was given).", get: { _, b in b.modelInit }),
        property("compute_metrics", doc: "The metrics function (or builtin metric names) evaluate() adds to eval_loss.", get: { _, b in b.computeMetricsValue }, set: { _, b, v in b.computeMetricsValue = v }),
        property("callbacks", doc: "hps: the script callbacks.", get: { _, b in Value(b.callbackValues) }),
        property("objective", doc: "The objective of the last search evaluation.", get: { _, b in b.objective }),
        property("study", doc: "hps: the study of the last hyperparameter_search (inspect or resume it).", get: { _, b in b.study }),
        property("hp_search_backend", doc: "The backend while a search runs, else None.", get: { _, b in b.hpSearchBackend }),
      ] + hookProperties())
  }

  private func initialize(_ vm: VM, _ inst: InstanceObject, _ a: BoundArguments) throws {
    let model = a["model"], modelInit = a["model_init"]
    if model.isNone && modelInit.isNone { throw vm.error("RuntimeError", TrainerError.neitherModelNorInit.description) }
    if !model.isNone && !modelInit.isNone { throw vm.error("ValueError", TrainerError.bothModelAndInit.description) }
    let optimizers = a["optimizers"].asArray ?? [a["optimizers"]]
    if optimizers.contains(where: { !$0.isNone }) {
      if !modelInit.isNone { throw vm.error("RuntimeError", TrainerError.modelInitWithOptimizers.description) }
      try checkGivenOptimizers(optimizers, vm)
    }
    var argsValue = a["args"]
    if argsValue.isNone { argsValue = try vm.callValue(argumentsClass.value, []) }
    let args = try arguments(argsValue, vm).args
    var callbackValues: [Value] = []
    if !a["callbacks"].isNone {
      for cb in try builtins.items(vm, a["callbacks"]) {
        if case .type = cb { callbackValues.append(try vm.callValue(cb, [])) } else { callbackValues.append(cb) }
      }
    }
    let box = TrainerBox(argsValue: argsValue, modelInit: modelInit, computeMetrics: a["compute_metrics"],
                         trainValue: a["train_dataset"], evalValue: a["eval_dataset"], callbacks: callbackValues)
    box.preprocessLogitsValue = a["preprocess_logits_for_metrics"]
    inst.native = box
    box.instance = inst
    if optimizers.count == 2, optimizers.contains(where: { !$0.isNone }) {
      (box.optimizerValue, box.schedulerValue) = (optimizers[0], optimizers[1])
      box.hasGivenOptimizers = true
    }
    try setLossAndOptimizerArguments(box, lossFunc: a["compute_loss_func"], optimizerClsAndKwargs: a["optimizer_cls_and_kwargs"],
                                     optimizersGiven: box.hasGivenOptimizers, vm)
    let train = try DatasetBindings.unwrap(box.trainValue, vm, role: "train_dataset")
    let eval = try DatasetBindings.unwrap(box.evalValue, vm, role: "eval_dataset")
    let metrics = try computeMetrics(box, vm)
    let engineCallbacks = try self.engineCallbacks(callbackValues, vm, model: { [unowned self, weak box] in
      guard let box else { return .none }
      return (try? self.modelValue(box, vm)) ?? .none
    })
    var engineModel: Model?
    if !model.isNone {
      let modelBox = try ModelBindings.unwrap(model, vm, role: "model")
      let built = try bridged(vm) { try modelBox.materialize(for: train ?? eval, seed: UInt64(bitPattern: Int64(args.seed))) }
      engineModel = built
      box.modelValue = (built, model)
    }
    let initFunction: ModelInit? = modelInit.isNone ? nil : { [unowned self, weak box] trial in
      guard let box else { return nil }
      let scriptTrial = (trial as? ScriptTrialCarrier)?.value ?? .none
      let data = box.engine?.trainDataset ?? train ?? eval
      let seed = TrainingSeed.current
      return try self.gate.perform { try self.callModelInit(modelInit, trial: scriptTrial, data: data, seed: seed, vm) }
    }
    box.engine = try bridged(vm) {
      try Trainer(model: engineModel, args: args, trainDataset: train, evalDataset: eval, computeMetrics: metrics,
                  callbacks: engineCallbacks, modelInit: initFunction)
    }
    installScriptOverrides(box, engine: box.engine, vm)
  }

  /// Connects a script subclass's overrides (evaluate, compute_loss, create_optimizer_and_scheduler
  /// and its parts) and Trainer(optimizers=...) to an engine trainer: the Trainer's own, or a
  /// search trial's.
  func installScriptOverrides(_ box: TrainerBox, engine: Trainer, _ vm: VM) {
    installEvaluateOverride(box, engine: engine, vm)
    installLossOverride(box, engine: engine, vm)
    installOptimizerOverride(box, engine: engine, vm)
  }

  /// A script subclass overriding `evaluate` gets it called for the evaluations inside train(), as
  /// Transformers' loop calls `self.evaluate()`; its metrics feed the search's objective.
  func installEvaluateOverride(_ box: TrainerBox, engine: Trainer, _ vm: VM) {
    guard let inst = box.instance, inst.cls.overrides("evaluate") else { return }
    let gate = self.gate
    engine.evaluationHook = { [weak engine, weak box, weak inst] in
      guard let engine, let box, let inst else { return Metrics() }
      return try gate.perform {
        let previous = box.activeEngine
        box.activeEngine = engine
        defer { box.activeEngine = previous }
        return try Convert.metrics(try vm.invokeMethod(.instance(inst), "evaluate", []), vm: vm, from: "evaluate")
      }
    }
  }
}
