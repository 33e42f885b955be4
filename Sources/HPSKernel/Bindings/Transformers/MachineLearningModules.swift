// Publishes the engine to scripts: the `datasets` and `transformers` modules of one interpreter.
import HPSScript

public enum MachineLearningModules {
  /// Registers `datasets` and `transformers` (imported on first use).
  public static func register(in interpreter: Interpreter) {
    let builtins = ScriptBuiltins(interpreter)
    let datasets = DatasetBindings(builtins: builtins)
    interpreter.registerModule(DatasetsModule.module(datasets))
  }
}
