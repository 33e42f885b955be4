import Foundation
import HPSScript
import Testing

@testable import HPSKernel

/// Bad arguments raise Optuna's exception classes with messages that name the culprit; every
/// published name has a docstring and signature; the submodules import every way Python allows.
@Suite struct OptunaErrorAndHelpTests {
  private func error(_ h: OptunaScriptHarness, _ statement: String) -> String {
    h.run("""
      try:
          \(statement)
      except Exception as e:
          print(type(e).__name__ + ": " + str(e))
      """)
    let out = h.stdout
    return String(out.split(separator: "\n").last ?? "")
  }

  @Test func badArgumentsGiveClearErrors() {
    let h = OptunaScriptHarness()
    h.run("import optuna\noptuna.logging.set_verbosity(optuna.logging.WARNING)\nstudy = optuna.create_study()\ntrial = study.ask()")
    #expect(error(h, "trial.suggest_float('lr', 1.0, 0.5)")
      == "ValueError: suggest_float() parameter 'lr': low must be <= high (got low=1.0, high=0.5)")
    #expect(error(h, "trial.suggest_float('lr', 0.0, 1.0, log=True)")
      == "ValueError: suggest_float() parameter 'lr': low must be > 0 for a log distribution (got low=0.0, high=1.0)")
    #expect(error(h, "trial.suggest_int('n', 1, 10, step=2, log=True)")
      == "ValueError: suggest_int() parameter 'n': step must be 1 when log is true (got step=2, log=True)")
    #expect(error(h, "trial.suggest_int('n', 1.5, 10)") == "TypeError: suggest_int() argument 'low' must be an int, not 'float'")
    #expect(error(h, "trial.suggest_categorical('c', [])")
      == "ValueError: suggest_categorical() parameter 'c': choices must contain at least one value (got [])")
    #expect(error(h, "trial.suggest_categorical('c', [[1]])").hasPrefix("ValueError: suggest_categorical() parameter 'c': choices must be None"))
    #expect(error(h, "trial.suggest_float('x', 0, 1, 0.1)") == "TypeError: suggest_float() takes 4 positional arguments but 5 were given")
    #expect(error(h, "trial.report('high', 1)").hasPrefix("TypeError: The `value` argument is of type 'str'"))
    #expect(error(h, "trial.report(1.0, -1)") == "ValueError: report() argument 'step': must be >= 0 (got -1)")
    #expect(error(h, "optuna.create_study(direction='up')")
      == "ValueError: Please set either 'minimize' or 'maximize' to direction. You specified 'up'.")
    #expect(error(h, "optuna.create_study(sampler='tpe')").hasPrefix("TypeError: sampler must be an optuna.samplers sampler"))
    #expect(error(h, "optuna.samplers.TPESampler(n_startup_trials=-1)") == "ValueError: n_startup_trials must be >= 0, but got -1.")
    #expect(error(h, "optuna.pruners.PercentilePruner(150)").contains("Percentile must be between 0 and 100"))
    #expect(error(h, "optuna.create_study(storage='postgresql://db/x')").hasPrefix("ValueError: invalid storage URL"))
    #expect(error(h, "optuna.load_study(study_name='nope', storage=None)").hasPrefix("ValueError: load_study() argument 'storage'"))
    #expect(error(h, "study.optimize(42, n_trials=1)") == "TypeError: optimize() argument 'func' must be callable, not 'int'")
    #expect(error(h, "study.optimize(lambda t: 1.0, n_trials=-1)") == "ValueError: optimize() argument 'n_trials': must be >= 0 (got -1)")
    #expect(error(h, "optuna.trial.Trial()").hasPrefix("TypeError: Trial objects are not created directly"))
    #expect(error(h, "study.best_value") == "ValueError: No trials are completed yet.")
  }

  @Test func submodulesImportEveryWay() {
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      import optuna.samplers
      import optuna.pruners as pr
      from optuna.samplers import TPESampler, GPSampler, CmaEsSampler, QMCSampler
      from optuna.trial import TrialState, Trial, FrozenTrial
      from optuna.study import StudyDirection, Study
      from optuna import samplers, exceptions
      from optuna.exceptions import TrialPruned
      print(optuna.samplers.TPESampler is TPESampler, samplers is optuna.samplers, pr.MedianPruner is optuna.pruners.MedianPruner)
      print(TrialPruned is optuna.TrialPruned, issubclass(TrialPruned, exceptions.OptunaError), issubclass(TrialPruned, Exception))
      print(isinstance(TPESampler(seed=1), optuna.samplers.BaseSampler), TrialState.COMPLETE.is_finished(), TrialState.RUNNING.value)
      print(StudyDirection.MAXIMIZE, optuna.__version__)
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == "True True True\nTrue True True\nTrue True 0\nStudyDirection.MAXIMIZE 5.0.0\n")
  }

  @Test func everyPublishedNameHasADocstringAndSignature() {
    let h = OptunaScriptHarness()
    h.run("import optuna")
    var undocumented: [String] = []
    for module in ["optuna"] + OptunaModule.submodules.map({ "optuna." + $0.0 }) {
      h.run("import \(module) as _m\n_names = [n for n in dir(_m) if not n.startswith('_')]")
      let names = h.eval("_names").dropFirst().dropLast().split(separator: ",").map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: " '"))
      }
      #expect(!names.isEmpty, "\(module) lists no names")
      for name in names where !name.isEmpty {
        Interpreter.runOnLargeStack {
          guard let value = try? h.interpreter.evaluate("_m.\(name)") else { return }
          if case .int = value { return }  // logging levels
          let (_, _, doc) = h.interpreter.describe(value)
          if doc?.isEmpty ?? true { undocumented.append("\(module).\(name)") }
        }
      }
    }
    #expect(undocumented == [])
    Interpreter.runOnLargeStack {
      let (_, signature, doc) = h.interpreter.describe((try? h.interpreter.evaluate("optuna.create_study")) ?? .none)
      #expect(signature.contains("*, storage=None, sampler=None, pruner=None, study_name=None, direction=None, load_if_exists=False"))
      #expect(doc?.contains("load_if_exists=True") == true)
      let (_, trialSignature, _) = h.interpreter.describe((try? h.interpreter.evaluate("optuna.trial.Trial.suggest_float")) ?? .none)
      #expect(trialSignature == "(self, name, low, high, *, step=None, log=False)")
      let (_, samplerSignature, _) = h.interpreter.describe((try? h.interpreter.evaluate("optuna.samplers.TPESampler")) ?? .none)
      #expect(samplerSignature.contains("n_startup_trials=10"))
      #expect(samplerSignature.contains("seed=None"))
    }
  }

  @Test func helpShowsSignatureAndDoc() {
    let h = OptunaScriptHarness()
    let session = Session(interpreter: h.interpreter, isInteractive: false)
    Interpreter.runOnLargeStack {
      _ = session.execute("import optuna")
      _ = session.execute("help(optuna.samplers.GridSampler)")
    }
    #expect(h.stdout.contains("GridSampler(search_space, seed=None)"))
    #expect(h.stdout.contains("Tries every combination"))
  }
}
