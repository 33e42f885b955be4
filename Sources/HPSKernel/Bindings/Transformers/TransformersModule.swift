// The `transformers` module: Trainer, TrainingArguments, the Auto classes over the built-in model
// zoo, callbacks, set_seed and the trainer_utils names (BestRun, IntervalStrategy, ...).
import HPSScript
import HPSTraining

enum TransformersModule {
  static func constants(_ name: String, doc: String, _ pairs: [(String, String)]) -> NativeClass {
    NativeClass(
      name: name, module: "transformers", doc: doc, subclassable: false,
      initializer: NativeFunction("__init__", signature: "(self, value)") { vm, args, _ in
        throw vm.error("TypeError", "\(name) is a set of names (\(pairs.map { "\(name).\($0.0)" }.joined(separator: ", "))); use the strings directly")
      },
      attributes: pairs.map { ($0.0, Value.str($0.1)) })
  }

  static func module(_ b: TransformersBindings, trainerClass: NativeClass) -> NativeModule {
    let interval = constants("IntervalStrategy", doc: "Evaluation/save/logging strategies (plain strings).",
                             [("NO", "no"), ("STEPS", "steps"), ("EPOCH", "epoch")])
    let backend = constants("HPSearchBackend", doc: "Hyperparameter search backends (plain strings).",
                            [("OPTUNA", "optuna"), ("RAY", "ray"), ("WANDB", "wandb")])
    let scheduler = constants("SchedulerType", doc: "Learning-rate schedules (plain strings).",
                              SchedulerType.allCases.map { ($0.rawValue.uppercased(), $0.rawValue) })
    let setSeed = NativeFunction("set_seed", Signature([.init("seed"), .init("deterministic", default: .bool(false))]),
                                 doc: "Seeds the `random` module; models drawn outside a Trainer use this seed too (Trainers seed from args.seed).") { vm, a in
      guard case .int(let s) = a["seed"] else { throw vm.error("TypeError", "seed must be an int") }
      _ = try vm.callValue(try b.builtins.attribute(vm, try b.builtins.importModule(vm, "random"), "seed"), [.int(s)])
      b.defaultSeed = UInt64(bitPattern: Int64(s))
      return .none
    }
    let listModels = NativeFunction("list_models", Signature([Signature.Parameter]()), doc: "hps: the built-in model zoo (name → description).") { vm, _ in
      try vm.makeDict(ModelZoo.entries.map { ($0.name, Value.str($0.summary)) })
    }
    return NativeModule(
      "transformers",
      doc: """
        Hugging Face Transformers' training API on hps's native engine: Trainer, TrainingArguments,
        AutoModelForSequenceClassification.from_pretrained over the built-in zoo (\(ModelZoo.listing)) or
        save_pretrained() folders, callbacks, and Trainer.hyperparameter_search. No network access.
        """
    ) { vm in
      let defaults = try b.defaults(vm)
      func fromDefaults(_ name: String) throws -> (String, Value) { (name, try b.builtins.attribute(vm, defaults, name)) }
      return [
        ("Trainer", trainerClass.value), ("TrainingArguments", b.argumentsClass.value),
        ("AutoConfig", b.models.autoConfigClass.value), ("AutoModelForSequenceClassification", b.models.autoModelClass.value),
        ("PreTrainedModel", b.models.modelClass.value), ("PretrainedConfig", b.models.configClass.value),
        ("TrainerCallback", b.callbacks.callbackClass.value), ("EarlyStoppingCallback", b.callbacks.earlyStoppingClass.value),
        ("TrainerState", b.callbacks.stateClass.value), ("TrainerControl", b.callbacks.controlClass.value),
        ("IntervalStrategy", interval.value), ("HPSearchBackend", backend.value), ("SchedulerType", scheduler.value),
        ("set_seed", Value(setSeed)), ("list_models", Value(listModels)),
        try fromDefaults("BestRun"), try fromDefaults("TrainOutput"), try fromDefaults("PredictionOutput"),
        try fromDefaults("EvalPrediction"), try fromDefaults("default_compute_objective"),
        try fromDefaults("default_hp_space_optuna"), try fromDefaults("default_hp_space_ray"), try fromDefaults("default_hp_space_wandb"),
      ] + b.torch.makeScheduleFunctions().map { ($0.name, Value($0)) }
    }
  }
}
