// The script-visible `optuna` package: the top-level module and its submodules (samplers,
// pruners, storages, distributions, importance, exceptions, logging, study, trial), each a native
// module so that `import optuna.samplers`, `from optuna.samplers import TPESampler` and
// `optuna.samplers.TPESampler` all work.
import HPSScript
import HPSSearch

enum OptunaModule {
  /// Optuna's version whose names and defaults this module follows.
  static let version = "5.0.0"

  static let submodules: [(String, String, () -> [(String, Value)])] = [
    ("samplers", "Samplers: how each trial's parameters are chosen.", OptunaSamplers.members),
    ("pruners", "Pruners: when an unpromising trial is stopped early.", OptunaPruners.members),
    ("storages", "Storages: where studies and trials are kept.", OptunaStorages.members),
    ("distributions", "The distributions of hyperparameters.", OptunaDistributions.members),
    ("importance", "Hyperparameter importance.", OptunaImportance.members),
    ("exceptions", "Optuna's exception classes.", { OptunaErrors.exceptionMembers }),
    ("logging", "Verbosity of Optuna's messages.", OptunaLogging.members),
    ("visualization", "Optuna's plots, drawn by hps as SVG (notebooks) and Unicode charts (terminals).",
     OptunaVisualization.members),
    ("study", "Study and the functions that create, load and delete studies.", {
      [("Study", OptunaStudyAPI.studyClass.value), ("StudyDirection", OptunaEnums.directionClass.value),
       ("MaxTrialsCallback", OptunaMaxTrialsCallback.callbackClass.value)]
        + OptunaStudyFunctions.members()
    }),
    ("trial", "Trial, FrozenTrial, TrialState and create_trial.", {
      [("Trial", OptunaTrialAPI.trialClass.value), ("FrozenTrial", OptunaFrozenTrialAPI.frozenClass.value),
       ("TrialState", OptunaEnums.trialStateClass.value), ("create_trial", .object(OptunaFrozenTrialAPI.createTrial))]
    }),
  ]

  /// Makes `optuna` and its submodules importable in `interpreter`.
  static func register(in interpreter: Interpreter) {
    // hps.plot's plot_* functions read optuna studies too, whether or not optuna.visualization is imported.
    StudyPlotFunctions.binding = OptunaVisualization.binding
    for (name, doc, members) in submodules {
      interpreter.registerModule(NativeModule("optuna.\(name)", doc: doc) { _ in members() })
    }
    let importer = interpreter[global: "__import__"] ?? .none
    interpreter.registerModule(
      NativeModule(
        "optuna",
        doc: """
          Hyperparameter optimization with Optuna's API, run by hps's native search engine.

              import optuna
              def objective(trial):
                  x = trial.suggest_float("x", -10, 10)
                  return (x - 2) ** 2
              study = optuna.create_study()
              study.optimize(objective, n_trials=50)
              study.best_params
          """
      ) { vm in
        var members: [(String, Value)] = [("__version__", .str(version))]
        for (name, _, _) in submodules {
          members.append((name, try vm.callValue(importer, [.str("optuna.\(name)")])))
        }
        members += OptunaStudyFunctions.members()
        members += [
          ("Study", OptunaStudyAPI.studyClass.value), ("Trial", OptunaTrialAPI.trialClass.value),
          ("FrozenTrial", OptunaFrozenTrialAPI.frozenClass.value), ("TrialPruned", .type(OptunaErrors.trialPruned)),
          ("create_trial", .object(OptunaFrozenTrialAPI.createTrial)),
        ]
        return members
      })
  }
}
