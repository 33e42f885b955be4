import Foundation
import HPSScript
import HPSSearch
import Testing

@testable import HPSKernel

/// The Swift-side API other bindings use: engine objects wrapped for scripts, script objects
/// unwrapped for the engine, and TrialPruned crossing in both directions.
@Suite struct OptunaBridgeTests {
  @Test func scriptSamplerAndPrunerUnwrapAndAStudyRunsAScriptObjective() throws {
    let h = OptunaScriptHarness()
    h.run("""
      import optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      sampler = optuna.samplers.RandomSampler(seed=5)
      pruner = optuna.pruners.ThresholdPruner(upper=0.5)
      def objective(trial):
          x = trial.suggest_float("x", 0, 1)
          trial.report(x, 0)
          if trial.should_prune():
              raise optuna.TrialPruned("too big")
          return x
      """)
    nonisolated(unsafe) var states: [TrialState] = []
    nonisolated(unsafe) var thrown: Error?
    let vm = h.interpreter.vm
    let interpreter = h.interpreter
    Interpreter.runOnLargeStack {
      do {
        let sampler = try OptunaBridge.sampler(from: interpreter[global: "sampler"] ?? .none)
        let pruner = try OptunaBridge.pruner(from: interpreter[global: "pruner"] ?? .none)
        #expect(sampler is RandomSampler)
        #expect(pruner is ThresholdPruner)
        let study = try Study.create(sampler: sampler, pruner: pruner, logger: .silent)
        try study.optimize(nTrials: 12, { trial in try OptunaBridge.objective(interpreter[global: "objective"] ?? .none, vm: vm)(trial)?.first })
        states = study.trials.map(\.state)
        // The study as a script value, read back from script code.
        interpreter[global: "wrapped"] = OptunaBridge.wrap(study)
        #expect(OptunaBridge.study(from: interpreter[global: "wrapped"] ?? .none) === study)
      } catch { thrown = error }
    }
    #expect(thrown == nil)
    #expect(states.count == 12)
    #expect(states.contains(.pruned) && states.contains(.complete))
    #expect(h.eval("len(wrapped.trials), wrapped.best_value <= 0.5") == "(12, True)")
  }

  @Test func trialPrunedCrossesBothWays() {
    let scriptSide = OptunaBridge.trialPruned("stop here")
    #expect(OptunaBridge.isTrialPruned(scriptSide))
    #expect((OptunaBridge.engineError(scriptSide) as? HPSSearch.TrialPruned)?.message == "stop here")
    let back = OptunaBridge.scriptError(HPSSearch.TrialPruned("again"))
    #expect((back as? ScriptError)?.exception.cls === OptunaBridge.trialPrunedClass)
    #expect((back as? ScriptError)?.message == "again")
    let valueError = OptunaBridge.scriptError(
      SearchError.invalidArgument(function: "f", argument: "a", message: "bad")) as? ScriptError
    #expect(valueError?.typeName == "ValueError")
    #expect(valueError?.message == "f() argument 'a': bad")
  }

  @Test func wrappedTrialExposesTheLiveEngineTrial() throws {
    let h = OptunaScriptHarness()
    h.run("import optuna")
    let study = try Study.create(sampler: RandomSampler(seed: 1), logger: .silent)
    let trial = try study.ask()
    h.interpreter[global: "t"] = OptunaBridge.wrap(trial)
    #expect(h.eval("t.suggest_int('n', 3, 3), t.number, type(t).__name__") == "(3, 0, 'Trial')")
    #expect(trial.params["n"] == .int(3))
    #expect(OptunaBridge.trial(from: h.interpreter[global: "t"] ?? .none) === trial)
  }
}
