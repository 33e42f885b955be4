// The backends Trainer.hyperparameter_search can use, by name, in Transformers' priority order.
// optuna is built in; other bindings (Ray Tune, W&B sweeps) register theirs:
//
//     HyperparameterSearchBackends.register(MyBackend())
//
// A backend draws each trial's values its own way, then for every trial calls
// `session.guarded(number:stop:)` around `session.prepare(items:scriptTrial:number:)` (inside
// `session.gate.perform`, holding the interpreter lock) and `session.train(_:scriptTrial:number:report:)`
// (on any thread), and returns `session.bestRun(...)` (or a list of them). Run the trial loop
// through `session.execute` (off the interpreter thread when trials run in parallel), set
// `session.run.stopBackend` so Ctrl-C stops new trials, and return the study-like object when
// `session.run.interrupted` is set.
import HPSScript

protocol HyperparameterSearchBackend: AnyObject {
  /// "optuna", "ray" or "wandb".
  var name: String { get }
  /// The stdlib/hpo_defaults.hps function giving the default space for this backend.
  var defaultSpaceFunction: String { get }
  /// Runs the search; `kwargs` are the backend keywords of hyperparameter_search.
  func run(_ session: SearchSession, hpSpace: Value, kwargs: Kwargs) throws -> Value
}

enum HyperparameterSearchBackends {
  /// Transformers' HPSearchBackend values, in its order.
  static let names = ["optuna", "ray", "wandb"]
  private static var registered: [String: HyperparameterSearchBackend] = [
    "optuna": OptunaSearchBackend(), "ray": RaySearchBackend(), "wandb": WandbSearchBackend(),
  ]

  static func register(_ backend: HyperparameterSearchBackend) { registered[backend.name] = backend }

  static func backend(_ name: String) -> HyperparameterSearchBackend? { registered[name] }
}
