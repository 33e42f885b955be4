// Publishes the engine to scripts: the `datasets`, `torch` (the subset Trainer subclasses use)
// and `transformers` modules of one interpreter.
import HPSScript

public enum MachineLearningModules {
  /// Registers `datasets`, `torch` and `transformers` (imported on first use).
  public static func register(in interpreter: Interpreter) {
    let builtins = ScriptBuiltins(interpreter)
    let datasets = DatasetBindings(builtins: builtins)
    interpreter.registerModule(DatasetsModule.module(datasets))
    let torch = TorchBindings(builtins: builtins)
    torch.register(in: interpreter)
    let transformers = TransformersBindings(builtins: builtins, datasets: datasets, torch: torch,
                                            gate: ScriptGate.of(interpreter.vm))
    transformers.interpreter = interpreter
    let trainerClass = transformers.makeTrainerClass()
    let module = TransformersModule.module(transformers, trainerClass: trainerClass)
    interpreter.registerModule(module)
    interpreter.registerModule(NativeModule("transformers.trainer_utils", doc: "BestRun, TrainOutput, PredictionOutput, EvalPrediction, the default objective and search spaces.") { vm in
      let names = ["BestRun", "TrainOutput", "PredictionOutput", "EvalPrediction", "default_compute_objective",
                   "default_hp_space_optuna", "default_hp_space_ray", "default_hp_space_wandb"]
      return try names.map { ($0, try transformers.defaultsMember(vm, $0)) }
    })
    interpreter.registerModule(NativeModule("transformers.optimization", doc: "get_scheduler and the get_*_schedule functions.") { _ in
      torch.makeScheduleFunctions().map { ($0.name, Value($0)) }
    })
  }
}
