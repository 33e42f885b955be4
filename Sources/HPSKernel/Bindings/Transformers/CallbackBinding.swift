// Callbacks for scripts: TrainerCallback (script subclasses receive the on_* hooks),
// EarlyStoppingCallback, and the TrainerState / TrainerControl objects the hooks see.
import HPSScript
import HPSTraining

final class StateBox {
  let state: TrainerState
  init(_ s: TrainerState) { state = s }
}

final class ControlBox {
  var control: TrainerControl
  init(_ c: TrainerControl) { control = c }
}

/// EarlyStoppingCallback's settings; each training run gets its own engine callback from them
/// (parallel trials must not share the patience counter).
final class EarlyStoppingBox {
  let patience: Int
  let threshold: Double
  let shared: EarlyStoppingCallback
  init(patience: Int, threshold: Double) throws {
    self.patience = patience
    self.threshold = threshold
    shared = try EarlyStoppingCallback(patience: patience, threshold: threshold)
  }
  func fresh() throws -> EarlyStoppingCallback { try EarlyStoppingCallback(patience: patience, threshold: threshold) }
}

final class CallbackBindings {
  static let hooks: [(script: String, doc: String)] = [
    ("on_init_end", "At the end of Trainer.__init__."), ("on_train_begin", "At the beginning of training."),
    ("on_train_end", "At the end of training."), ("on_epoch_begin", "At the beginning of an epoch."),
    ("on_epoch_end", "At the end of an epoch."), ("on_step_begin", "Before a training step."),
    ("on_step_end", "After a training step (an optimizer update)."), ("on_evaluate", "After an evaluation (kwargs: metrics)."),
    ("on_log", "After logging (kwargs: logs)."), ("on_save", "After a checkpoint is saved."),
  ]

  private(set) var callbackClass: NativeClass!
  private(set) var earlyStoppingClass: NativeClass!
  private(set) var stateClass: NativeClass!
  private(set) var controlClass: NativeClass!

  init() {
    callbackClass = NativeClass(
      name: "TrainerCallback", module: "transformers",
      doc: "Subclass and override on_train_begin, on_epoch_end, on_evaluate, on_log, ... (each receives args, state, control, **kwargs). Set control.should_training_stop = True to stop.",
      initializer: NativeFunction("__init__", signature: "(self)") { _, _, _ in .none },
      methods: CallbackBindings.hooks.map { hook in
        NativeFunction(hook.script, signature: "(self, args, state, control, **kwargs)", doc: hook.doc) { _, _, _ in .none }
      })
    earlyStoppingClass = NativeClass(
      name: "EarlyStoppingCallback", module: "transformers",
      doc: "Stops training when metric_for_best_model has not improved by more than early_stopping_threshold for early_stopping_patience evaluations (needs load_best_model_at_end=True and an eval_strategy).", base: callbackClass,
      initializer: NativeFunction("__init__", Signature([.init("self"), .init("early_stopping_patience", default: .int(1)),
                                                         .init("early_stopping_threshold", default: .float(0))])) { vm, a in
        guard case .instance(let i) = a[0] else { return .none }
        guard case .int(let p) = a["early_stopping_patience"], let t = a["early_stopping_threshold"].asDouble else {
          throw vm.error("TypeError", "early_stopping_patience must be an int and early_stopping_threshold a number")
        }
        i.native = try bridged(vm) { try EarlyStoppingBox(patience: p, threshold: t) }
        return .none
      },
      properties: [
        NativeProperty("early_stopping_patience") { vm, i in .int(try payload(.instance(i), EarlyStoppingBox.self, vm, "EarlyStoppingCallback").patience) },
        NativeProperty("early_stopping_threshold") { vm, i in .float(try payload(.instance(i), EarlyStoppingBox.self, vm, "EarlyStoppingCallback").threshold) },
      ])
    func state(_ name: String, _ doc: String, _ get: @escaping (TrainerState, VM) throws -> Value) -> NativeProperty {
      NativeProperty(name, doc: doc) { vm, i in try get(try payload(.instance(i), StateBox.self, vm, "TrainerState").state, vm) }
    }
    stateClass = NativeClass(
      name: "TrainerState", module: "transformers", doc: "Progress of the current training run.",
      initializer: NativeFunction("__init__", signature: "(self)") { _, _, _ in .none },
      properties: [
        state("global_step", "Optimizer updates so far.") { s, _ in .int(s.globalStep) },
        state("epoch", "Fractional epoch (None before training).") { s, _ in s.epoch.map { Value.float($0) } ?? .none },
        state("max_steps", "Updates this run will make.") { s, _ in .int(s.maxSteps) },
        state("num_train_epochs", "Epochs this run will make.") { s, _ in .int(s.numTrainEpochs) },
        state("log_history", "Every log and evaluation dict so far.") { s, vm in Value(try s.logHistory.map { try Convert.dict($0, vm: vm) }) },
        state("best_metric", "Best value of metric_for_best_model so far.") { s, _ in s.bestMetric.map { Value.float($0) } ?? .none },
        state("best_global_step", "Step of best_metric.") { s, _ in s.bestGlobalStep.map { Value.int($0) } ?? .none },
        state("best_model_checkpoint", "Folder of the best checkpoint.") { s, _ in s.bestModelCheckpoint.map { Value.str($0) } ?? .none },
        state("trial_name", "hp_name(trial) during a search.") { s, _ in s.trialName.map { Value.str($0) } ?? .none },
        state("is_hyper_param_search", "True while training a search trial.") { s, _ in .bool(s.isHyperParamSearch) },
        state("trial_params", "The trial's hyperparameters during a search.") { s, vm in
          guard let p = s.trialParams else { return .none }
          return try vm.makeDict(p.keys.sorted().map { ($0, Convert.value(p[$0] ?? .none)) })
        },
      ])
    func flag(_ name: String, _ key: WritableKeyPath<TrainerControl, Bool>) -> NativeProperty {
      NativeProperty(
        name, doc: "Set to True to ask the training loop to act.",
        get: { vm, i in .bool(try payload(.instance(i), ControlBox.self, vm, "TrainerControl").control[keyPath: key]) },
        set: { vm, i, v in
          guard let b = v.asBool else { throw vm.error("TypeError", "\(name) must be a bool") }
          try payload(.instance(i), ControlBox.self, vm, "TrainerControl").control[keyPath: key] = b
        })
    }
    controlClass = NativeClass(
      name: "TrainerControl", module: "transformers", doc: "Flags callbacks set to steer training.",
      initializer: NativeFunction("__init__", signature: "(self)") { _, args, _ in
        if case .instance(let i)? = args.first { i.native = ControlBox(TrainerControl()) }
        return .none
      },
      properties: [
        flag("should_training_stop", \.shouldTrainingStop), flag("should_epoch_stop", \.shouldEpochStop),
        flag("should_save", \.shouldSave), flag("should_evaluate", \.shouldEvaluate), flag("should_log", \.shouldLog),
      ])
  }
}

/// Calls a script TrainerCallback's overridden hooks from the engine's training loop (through the
/// gate, so parallel trials run them one at a time).
final class ScriptCallbackAdapter: TrainerCallback {
  let object: Value
  let vm: VM
  let gate: ScriptGate
  let bindings: CallbackBindings
  let argumentsClass: NativeClass
  let model: () -> Value
  private let overridden: Set<String>

  init(object: Value, vm: VM, gate: ScriptGate, bindings: CallbackBindings, argumentsClass: NativeClass, model: @escaping () -> Value) {
    self.object = object
    self.vm = vm
    self.gate = gate
    self.bindings = bindings
    self.argumentsClass = argumentsClass
    self.model = model
    if case .instance(let i) = object {
      overridden = Set(CallbackBindings.hooks.map(\.script).filter { i.cls.overrides($0) })
    } else {
      overridden = []
    }
  }

  private func call(_ hook: String, _ args: TrainingArguments, _ state: TrainerState, _ control: inout TrainerControl,
                    extra: [(String, Metrics)] = []) throws {
    guard overridden.contains(hook) else { return }
    let box = ControlBox(control)
    let vm = self.vm, bindings = self.bindings, argumentsClass = self.argumentsClass, model = self.model, object = self.object
    try gate.perform {
      let argsValue = try argumentsClass.instance(vm, ArgumentsBox(args))
      let stateValue = try bindings.stateClass.instance(vm, StateBox(state))
      let controlValue = try bindings.controlClass.instance(vm, box)
      var kwargs: Kwargs = [("model", model())]
      for (k, m) in extra { kwargs.append((k, try Convert.dict(m, vm: vm))) }
      let returned = try vm.invokeMethod(object, hook, [argsValue, stateValue, controlValue], kwargs)
      if let r = NativeClass.payload(returned, as: ControlBox.self), r !== box { box.control = r.control }
    }
    control = box.control
  }

  func onInitEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { try call("on_init_end", args, state, &control) }
  func onTrainBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { try call("on_train_begin", args, state, &control) }
  func onTrainEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { try call("on_train_end", args, state, &control) }
  func onEpochBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { try call("on_epoch_begin", args, state, &control) }
  func onEpochEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { try call("on_epoch_end", args, state, &control) }
  func onStepBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { try call("on_step_begin", args, state, &control) }
  func onStepEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { try call("on_step_end", args, state, &control) }
  func onEvaluate(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, metrics: Metrics) throws {
    try call("on_evaluate", args, state, &control, extra: [("metrics", metrics)])
  }
  func onLog(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, logs: Metrics) throws {
    try call("on_log", args, state, &control, extra: [("logs", logs)])
  }
  func onSave(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws { try call("on_save", args, state, &control) }
}
