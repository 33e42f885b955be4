import Foundation
import HPSScript
import HPSSyntax
import Testing

@testable import HPSKernel

/// `from ray import tune` scripts run through the interpreter: domains, Tuner, schedulers,
/// result grids, trial errors and Ctrl-C.
@Suite struct RayModuleTests {
  final class Run {
    let interpreter: Interpreter
    var stderr = ""
    var stdout = ""
    var error: String?
    init() {
      interpreter = Interpreter()
      RayModules.register(on: interpreter)
      interpreter.writeStdout = { _ in }
      let vm = interpreter.vm
      interpreter.setBuiltin("press_ctrl_c", .object(NativeFunction("press_ctrl_c", signature: "()") { _, _, _ in
        vm.interrupt.set()
        return .none
      }))
    }

    @discardableResult
    func exec(_ code: String) -> Run {
      interpreter.writeStderr = { [unowned self] in self.stderr += $0 }
      interpreter.writeStdout = { [unowned self] in self.stdout += $0 }
      nonisolated(unsafe) var outcome: Interpreter.Outcome = .value(nil)
      let i = interpreter
      Interpreter.runOnLargeStack { outcome = i.execute(SourceFile(name: "<test>", text: code), mode: .file) }
      if case .error(let e) = outcome { error = interpreter.render(e) }
      return self
    }

    func eval(_ expression: String) -> String {
      nonisolated(unsafe) var text = ""
      let i = interpreter
      Interpreter.runOnLargeStack { text = (try? i.evaluate(expression)).map { i.repr($0) } ?? "<error>" }
      return text
    }
  }

  @Test func gridSearchTimesNumSamplesMakesEveryCombination() {
    let r = Run().exec("""
      from ray import tune
      def trainable(config):
          return {"score": config["a"] * 10 + config["nested"]["b"]}
      tuner = tune.Tuner(trainable, param_space={"a": tune.grid_search([1, 2, 3]), "nested": {"b": tune.uniform(0, 1)}},
                         tune_config=tune.TuneConfig(num_samples=2, metric="score", mode="max"))
      grid = tuner.fit()
      counts = sorted([res.config["a"] for res in grid])
      bs = [res.config["nested"]["b"] for res in grid]
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("len(grid)") == "6")
    #expect(r.eval("counts") == "[1, 1, 2, 2, 3, 3]")
    #expect(r.eval("all(0 <= b < 1 for b in bs)") == "True")
    #expect(r.eval("len(set(bs))") == "6")
    #expect(r.eval("grid.get_best_result().config['a']") == "3")
    #expect(r.eval("grid.num_terminated") == "6")
  }

  @Test func suspendedTrialsKeepTheirOwnFramesWhileTakingTurns() {
    // Twelve trials (eight at a time) report from inside recursions that deepen every iteration and
    // take turns; on one shared slot stack a resumed trial would overwrite a suspended one's locals.
    let r = Run().exec("""
      from ray import tune
      def deep(n, x, i):
          if n == 0:
              local = x * 100 + i
              tune.report({"v": local, "x": x, "i": i})
              return local
          return deep(n - 1, x, i) + 0
      def trainable(config):
          x = config["x"]
          total = 0
          for i in range(6):
              total += deep(3 + x + 2 * i, x, i)
          assert total == sum(x * 100 + i for i in range(6)), total
      grid = tune.Tuner(trainable, param_space={"x": tune.grid_search(list(range(12)))}).fit()
      ok = all(row["v"] == row["x"] * 100 + row["i"] for res in grid for row in res.metrics_dataframe)
      iters = [res.metrics["training_iteration"] for res in grid]
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("ok") == "True")
    #expect(r.eval("iters") == "[6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6]")
    #expect(r.eval("grid.num_errors") == "0")
  }

  @Test func ashaStopsBadTrialsEarly() {
    let r = Run().exec("""
      from ray import tune
      from ray.tune.schedulers import ASHAScheduler
      def trainable(config):
          for step in range(1, 28):
              tune.report({"loss": config["q"] / step})
      sched = ASHAScheduler(max_t=27, grace_period=1, reduction_factor=3)
      grid = tune.Tuner(trainable, param_space={"q": tune.grid_search([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])},
                        tune_config=tune.TuneConfig(metric="loss", mode="min", scheduler=sched, max_concurrent_trials=3)).fit()
      iters = {res.config["q"]: res.metrics["training_iteration"] for res in grid}
      best = grid.get_best_result()
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("iters[1.0]") == "27")
    #expect(r.eval("min(iters.values()) < 27") == "True")
    #expect(r.eval("sum(1 for v in iters.values() if v < 27) >= 4") == "True")
    #expect(r.eval("best.config['q']") == "1.0")
  }

  @Test func pbtExploitRestoresTheSourceCheckpoint() {
    let r = Run().exec("""
      from ray import tune
      from ray.tune.schedulers import PopulationBasedTraining
      restored = []
      def trainable(config):
          ck = tune.get_checkpoint()
          state = ck.to_dict() if ck else {"w": 0.0}
          if ck:
              restored.append(state["w"])
          while True:
              state["w"] += config["lr"]
              tune.report({"score": state["w"]}, checkpoint=tune.Checkpoint.from_dict(state))
              if state["w"] > 40:
                  return
      pbt = PopulationBasedTraining(time_attr="training_iteration", perturbation_interval=4,
                                    hyperparam_mutations={"lr": [0.1, 0.5, 1.0, 2.0]})
      grid = tune.Tuner(trainable, param_space={"lr": tune.grid_search([0.1, 0.5, 1.0, 2.0])},
                        tune_config=tune.TuneConfig(metric="score", mode="max", scheduler=pbt),
                        run_config=tune.RunConfig(stop={"training_iteration": 40})).fit()
      scores = [row["score"] for res in grid for row in res.metrics_dataframe]
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("len(restored) > 0") == "True")
    // A restored state is one some trial reported (its checkpoint), not a fresh start.
    #expect(r.eval("all(w > 0 and any(abs(w - s) < 1e-9 for s in scores) for w in restored)") == "True")
    #expect(r.eval("grid.num_errors") == "0")
  }

  @Test func failingTrainableIsAnErrorAndTheRunGoesOn() {
    let r = Run().exec("""
      from ray import tune
      def trainable(config):
          if config["x"] == 2:
              raise ValueError("bad x " + str(config["x"]))
          tune.report({"score": config["x"]})
      grid = tune.Tuner(trainable, param_space={"x": tune.grid_search([1, 2, 3])},
                        tune_config=tune.TuneConfig(metric="score", mode="max")).fit()
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("grid.num_errors") == "1")
    #expect(r.eval("grid.num_terminated") == "2")
    #expect(r.eval("type(grid.errors[0]).__name__") == "'ValueError'")
    #expect(r.eval("str(grid.errors[0])") == "'bad x 2'")
    #expect(r.eval("grid.get_best_result().config['x']") == "3")
    #expect(r.stderr.contains("raise ValueError"))
    #expect(r.stderr.contains("1 of 3 trials errored"))
  }

  @Test func badDomainArgumentsGiveClearErrors() {
    let cases: [(String, String)] = [
      ("tune.loguniform(0, 1)", "LogUniform requires a lower bound greater than 0"),
      ("tune.randint(5, 5)", "lower must be < upper"),
      ("tune.choice([])", "categories must not be empty"),
      ("tune.uniform('a', 1)", "argument 'lower' must be a number"),
      ("tune.grid_search(3)", "must be a list"),
      ("tune.quniform(0, 1, 0)", "q must be a positive number"),
      ("tune.Tuner(lambda c: None, param_space=[1])", "param_space"),
      ("tune.TuneConfig(mode='up')", "`mode` must be 'min' or 'max'"),
    ]
    for (code, message) in cases {
      let r = Run().exec("from ray import tune\n" + code)
      #expect(r.error?.contains(message) == true, "\(code): \(r.error ?? "no error")")
    }
  }

  @Test func ctrlCStopsFitAndKeepsFinishedTrials() {
    let r = Run().exec("""
      from ray import tune
      def trainable(config):
          for i in range(5):
              if config["x"] == 3 and i == 2:
                  press_ctrl_c()
              tune.report({"score": config["x"] + i})
      grid = tune.Tuner(trainable, param_space={"x": tune.grid_search([1, 2, 3, 4, 5, 6])},
                        tune_config=tune.TuneConfig(metric="score", mode="max", max_concurrent_trials=1)).fit()
      statuses = [res.status for res in grid]
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("statuses") == "['TERMINATED', 'TERMINATED', 'ERROR']")
    #expect(r.eval("type(grid.errors[0]).__name__") == "'KeyboardInterrupt'")
    #expect(r.eval("grid[1].metrics['training_iteration']") == "5")
    #expect(r.stderr.contains("interrupted"))
  }

  @Test func sampleFromReadsTheResolvedConfig() {
    let r = Run().exec("""
      import ray.tune as tune
      from ray.tune import Tuner, TuneConfig
      space = {"a": tune.randint(1, 100), "b": tune.sample_from(lambda spec: spec.config.a * 2),
               "c": tune.sample_from(lambda spec: spec.config["b"] + 1)}
      grid = Tuner(lambda config: {"m": config["a"]}, param_space=space, tune_config=TuneConfig(num_samples=4)).fit()
      ok = all(res.config["b"] == 2 * res.config["a"] and res.config["c"] == res.config["b"] + 1 for res in grid)
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("ok") == "True")
    #expect(r.eval("len(grid)") == "4")
  }

  @Test func optunaSearchAndOtherSchedulersRun() {
    let r = Run().exec("""
      import ray
      ray.init()
      from ray import tune
      from ray.tune.search.optuna import OptunaSearch
      from ray.tune.search import ConcurrencyLimiter
      from ray.tune.schedulers import MedianStoppingRule, HyperBandScheduler, FIFOScheduler
      def trainable(config):
          for i in range(9):
              tune.report({"loss": (config["x"] - 0.3) ** 2 + config["n"] / 100 + 1 / (i + 1)})
      space = {"x": tune.uniform(0, 1), "n": tune.qrandint(0, 10, 2), "act": tune.choice(["relu", "tanh"])}
      results = {}
      for name, sched in [("median", MedianStoppingRule(time_attr="training_iteration", grace_period=2)),
                          ("hyperband", HyperBandScheduler(max_t=9)), ("fifo", FIFOScheduler())]:
          g = tune.Tuner(trainable, param_space=space,
                         tune_config=tune.TuneConfig(metric="loss", mode="min", num_samples=6, scheduler=sched,
                                                     search_alg=ConcurrencyLimiter(OptunaSearch(seed=1), max_concurrent=3))).fit()
          results[name] = (len(g), g.num_errors)
      rows = g.get_dataframe()
      ray.shutdown()
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("results") == "{'median': (6, 0), 'hyperband': (6, 0), 'fifo': (6, 0)}")
    #expect(r.eval("'config/x' in rows[0] and 'loss' in rows[0]") == "True")
  }
}
