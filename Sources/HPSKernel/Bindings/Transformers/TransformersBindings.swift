// Shared state of the `transformers` module of one interpreter: its classes, the gate script
// calls go through, and the conversions the Trainer and the search both use.
import Foundation
import HPSScript
import HPSNumerics
import HPSTraining

/// A script trial carried through the engine's `trial: Any?` parameters.
final class ScriptTrialCarrier {
  let value: Value
  init(_ value: Value) { self.value = value }
}

final class TransformersBindings {
  let builtins: ScriptBuiltins
  let datasets: DatasetBindings
  let torch: TorchBindings
  let models: ModelBindings
  let callbacks = CallbackBindings()
  let argumentsClass = ArgumentsBinding.makeClass()
  /// The interpreter's gate: script calls made from worker threads (parallel trials) go through it.
  let gate: ScriptGate
  /// The search backends other modules provide (optuna), by name.
  /// The interpreter, for rendering tracebacks of failed trials.
  weak var interpreter: Interpreter?
  /// set_seed()'s seed, for models built outside a Trainer.
  var defaultSeed: UInt64?
  private var defaultsModule: Value?

  init(builtins: ScriptBuiltins, datasets: DatasetBindings, torch: TorchBindings, gate: ScriptGate) {
    self.builtins = builtins
    self.gate = gate
    self.datasets = datasets
    self.torch = torch
    self.models = ModelBindings(torch: torch)
  }

  /// stdlib/hpo_defaults.hps (default spaces, default objective, record types), imported on first use.
  func defaults(_ vm: VM) throws -> Value {
    if let defaultsModule { return defaultsModule }
    do {
      let m = try builtins.importModule(vm, "hpo_defaults")
      defaultsModule = m
      return m
    } catch {
      throw vm.error("ImportError", "hps could not import its stdlib module hpo_defaults (is the stdlib/ folder next to the package, or HPS_STDLIB set?): \((error as? ScriptError).map { "\($0.typeName): \($0.message)" } ?? "\(error)")")
    }
  }

  func defaultsMember(_ vm: VM, _ name: String) throws -> Value { try builtins.attribute(vm, try defaults(vm), name) }

  /// One of hpo_defaults' record types (BestRun, TrainOutput, PredictionOutput, EvalPrediction).
  func record(_ vm: VM, _ name: String, _ values: [Value]) throws -> Value {
    try vm.callValue(try defaultsMember(vm, name), values)
  }

  func arguments(_ v: Value, _ vm: VM) throws -> ArgumentsBox {
    guard let box = NativeClass.payload(v, as: ArgumentsBox.self) else {
      throw vm.error("TypeError", "args must be a TrainingArguments, got \(v.typeName)")
    }
    return box
  }

  // MARK: Conversions shared by Trainer and hyperparameter_search

  static func rows(_ m: Matrix) -> [Value] {
    (0..<m.rows).map { r in Value((0..<m.cols).map { Value.float(Double(m.storage[r * m.cols + $0])) }) }
  }

  func labelValues(_ labels: Dataset.Labels) -> Value {
    switch labels {
    case .classes(let c): return Value(c.map { Value.int(Int($0)) })
    case .values(let v):
      if v.cols == 1 { return Value((0..<v.rows).map { Value.float(Double(v.storage[$0])) }) }
      return Value(TransformersBindings.rows(v))
    }
  }

  /// compute_metrics as the engine wants it: None, a builtin metric name (or list of names) run
  /// natively, or a script function called with an EvalPrediction through the gate —
  /// after preprocess_logits_for_metrics(logits, labels) when the trainer has one. Transformers
  /// calls that per evaluation batch and concatenates; hps calls it once with every row, which
  /// is the same for the row-wise functions it is meant for (argmax, slicing).
  func computeMetrics(_ box: TrainerBox, _ vm: VM) throws -> ComputeMetrics? {
    let v = box.computeMetricsValue, preprocess = box.preprocessLogitsValue
    if v.isNone { return nil }
    if !preprocess.isNone, v.asString != nil || v.asArray != nil {
      throw vm.error("TypeError", "preprocess_logits_for_metrics needs compute_metrics to be a function; the builtin metric names read the logits themselves")
    }
    if let name = v.asString { return try bridged(vm) { try BuiltinMetrics.computeMetrics([name]) } }
    if let list = v.asArray {
      let names = try list.map { x -> String in
        guard let s = x.asString else { throw vm.error("TypeError", "compute_metrics names must be str") }
        return s
      }
      return try bridged(vm) { try BuiltinMetrics.computeMetrics(names) }
    }
    let gate = self.gate
    return { [unowned self] prediction in
      try gate.perform {
        var preds = Value(TransformersBindings.rows(prediction.predictions))
        let labels = self.labelValues(prediction.labelIDs)
        if !preprocess.isNone { preds = try vm.callValue(preprocess, [preds, labels]) }
        let pred = try self.record(vm, "EvalPrediction", [preds, labels])
        return try Convert.metrics(try vm.callValue(v, [pred]), vm: vm, from: "compute_metrics")
      }
    }
  }

  /// Engine callbacks for the script callbacks list (a fresh EarlyStopping per training run).
  func engineCallbacks(_ values: [Value], _ vm: VM, model: @escaping () -> Value) throws -> [TrainerCallback] {
    try values.map { v in
      if let es = NativeClass.payload(v, as: EarlyStoppingBox.self) { return try bridged(vm) { try es.fresh() } }
      guard case .instance(let i) = v, i.cls.isSubtype(of: callbacks.callbackClass.type) else {
        throw vm.error("TypeError", "callbacks must be TrainerCallback instances, got \(v.typeName)")
      }
      return ScriptCallbackAdapter(object: v, vm: vm, gate: gate, bindings: callbacks, argumentsClass: argumentsClass, model: model)
    }
  }

  /// The number of parameters of a script callable (Transformers' number_of_arguments).
  func parameterCount(_ f: Value, _ vm: VM) -> Int {
    let sig = vm.describeCallable(f).signature.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
    return sig.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && $0 != "/" && $0 != "*" }.count
  }

  /// Transformers' call_model_init: 0 parameters → model_init(), 1 → model_init(trial). Run
  /// holding the interpreter lock; the model is built for `data` with weights drawn from `seed`.
  func callModelInit(_ f: Value, trial: Value, data: Dataset?, seed: UInt64?, _ vm: VM) throws -> Model {
    let count = parameterCount(f, vm)
    let result: Value
    switch count {
    case 0: result = try vm.callValue(f, [])
    case 1: result = try vm.callValue(f, [trial])
    default: throw vm.error("RuntimeError", "model_init should have 0 or 1 argument.")
    }
    if result.isNone { throw vm.error("RuntimeError", "model_init should not return None.") }
    let box = try ModelBindings.unwrap(result, vm, role: "model_init's return value")
    return try bridged(vm) { try box.materialize(for: data, seed: seed) }
  }
}
