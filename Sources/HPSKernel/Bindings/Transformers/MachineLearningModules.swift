// Publishes the engine to scripts: the `datasets` and `transformers` modules of one interpreter.
import HPSScript

public enum MachineLearningModules {
  /// Registers `datasets` and `transformers` (imported on first use).
  public static func register(in interpreter: Interpreter) {
    let builtins = ScriptBuiltins(interpreter)
    let datasets = DatasetBindings(builtins: builtins)
    interpreter.registerModule(DatasetsModule.module(datasets))
    let transformers = TransformersBindings(builtins: builtins, datasets: datasets)
    transformers.interpreter = interpreter
    let trainerClass = transformers.makeTrainerClass()
    let module = TransformersModule.module(transformers, trainerClass: trainerClass)
    interpreter.registerModule(module)
    interpreter.registerModule(NativeModule("transformers.trainer_utils", doc: "BestRun, TrainOutput, PredictionOutput, EvalPrediction, the default objective and search spaces.") { vm in
      let names = ["BestRun", "TrainOutput", "PredictionOutput", "EvalPrediction", "default_compute_objective",
                   "default_hp_space_optuna", "default_hp_space_ray", "default_hp_space_wandb"]
      return try names.map { ($0, try transformers.defaultsMember(vm, $0)) }
    })
  }
}
