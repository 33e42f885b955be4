import Foundation
import HPSScript
import Testing

@testable import HPSKernel

/// The surface of the `ray` package: import forms, help texts, checkpoints, stop criteria,
/// storage, errors raised where Ray raises them.
@Suite struct RayModuleAPITests {
  typealias Run = RayModuleTests.Run

  @Test func everyPublishedNameHasASignatureAndDocstring() {
    let r = Run().exec("""
      import ray, ray.tune, ray.train, ray.tune.schedulers, ray.tune.search, ray.tune.search.optuna
      missing = []
      for mod in [ray, ray.tune, ray.train, ray.tune.schedulers, ray.tune.search, ray.tune.search.optuna]:
          for name in dir(mod):
              if name.startswith("_"):
                  continue
              obj = getattr(mod, name)
              if callable(obj) and not (getattr(obj, "__doc__", None) or "").strip():
                  missing.append(mod.__name__ + "." + name)
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("missing") == "[]")
    #expect(r.interpreter.vm.helpText(r.interpreterValue("ray.tune.schedulers.ASHAScheduler")).contains("grace_period=1"))
    #expect(r.interpreter.vm.helpText(r.interpreterValue("ray.tune.Tuner.fit")).contains("ResultGrid"))
  }

  @Test func importFormsReachTheSameObjects() {
    let r = Run().exec("""
      import ray
      import ray.tune as tune
      from ray import tune as tune2
      from ray.tune import Tuner, TuneConfig
      from ray.tune.schedulers import ASHAScheduler, AsyncHyperBandScheduler
      from ray.train import RunConfig, Checkpoint
      same = [tune is tune2, Tuner is tune.Tuner, ASHAScheduler is AsyncHyperBandScheduler,
              RunConfig is tune.RunConfig, Checkpoint is tune.Checkpoint, ray.tune is tune]
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("same") == "[True, True, True, True, True, True]")
  }

  @Test func domainsProduceValuesOfTheirKindAndRange() {
    let r = Run().exec("""
      from ray import tune
      space = {"u": tune.uniform(-1, 1), "qu": tune.quniform(0, 10, 2.5), "lu": tune.loguniform(1e-4, 1e-1),
               "qlu": tune.qloguniform(3, 99, 3), "n": tune.randn(5, 0.1), "qn": tune.qrandn(0, 1, 0.5),
               "ri": tune.randint(0, 3), "qri": tune.qrandint(0, 10, 5), "lri": tune.lograndint(1, 100),
               "qlri": tune.qlograndint(2, 64, 2), "c": tune.choice(["a", 1, None]), "nested": {"deep": {"x": tune.randint(5, 6)}}}
      def check(config):
          ok = (-1 <= config["u"] < 1 and config["qu"] in (0.0, 2.5, 5.0, 7.5, 10.0) and 1e-4 <= config["lu"] <= 1e-1
                and config["qlu"] % 3 == 0 and 4 < config["n"] < 6 and config["qn"] % 0.5 == 0
                and config["ri"] in (0, 1, 2) and config["qri"] in (0, 5, 10) and 1 <= config["lri"] < 100
                and config["qlri"] % 2 == 0 and config["c"] in ("a", 1, None) and config["nested"]["deep"]["x"] == 5
                and type(config["ri"]) is int and type(config["qri"]) is int and type(config["u"]) is float)
          return {"ok": 1 if ok else 0}
      grid = tune.Tuner(check, param_space=space, tune_config=tune.TuneConfig(num_samples=30, seed=7)).fit()
      oks = [res.metrics["ok"] for res in grid]
      d = tune.loguniform(1e-3, 1)
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("oks == [1] * 30") == "True")
    #expect(r.eval("repr(d)") == "'tune.loguniform(0.001, 1.0)'")
    #expect(r.eval("(d.lower, d.upper, tune.choice([1, 2]).categories)") == "(0.001, 1.0, [1, 2])")
  }

  @Test func checkpointsAreSnapshots() {
    let r = Run().exec("""
      from ray import tune
      state = {"w": [1, 2]}
      ck = tune.Checkpoint.from_dict(state)
      state["w"].append(3)
      first = ck.to_dict()
      first["w"].append(99)
      second = ck.to_dict()
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("second") == "{'w': [1, 2]}")
  }

  @Test func stopCriteriaAndStorageAndLegacyReport() throws {
    let dir = NSTemporaryDirectory() + "hps-ray-\(UUID().uuidString.prefix(6))"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = Run().exec("""
      from ray import tune
      def trainable(config):
          for i in range(100):
              tune.report(score=i * config["k"])
      g1 = tune.Tuner(trainable, param_space={"k": tune.grid_search([1, 2])},
                      run_config=tune.RunConfig(name="exp", storage_path="\(dir)", stop={"training_iteration": 7})).fit()
      g2 = tune.Tuner(trainable, param_space={"k": tune.grid_search([1, 2])},
                      run_config=tune.RunConfig(stop=lambda trial_id, result: result["score"] >= 10)).fit()
      iters1 = [res.metrics["training_iteration"] for res in g1]
      last2 = [res.metrics["score"] for res in g2]
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("iters1") == "[7, 7]")
    #expect(r.eval("last2") == "[10, 10]")
    #expect(FileManager.default.fileExists(atPath: dir + "/exp.db"))
  }

  @Test func reportOutsideATrainableAndBadTrainablesAreClearErrors() {
    let outside = Run().exec("from ray import tune\ntune.report({'a': 1})")
    #expect(outside.error?.contains("tune.report() was called outside a trainable") == true, "\(outside.error ?? "")")
    let notCallable = Run().exec("from ray import tune\ntune.Tuner(3)")
    #expect(notCallable.error?.contains("argument 'trainable' must be a function") == true)
    let badScheduler = Run().exec("from ray import tune\ntune.TuneConfig(scheduler='asha')")
    #expect(badScheduler.error?.contains("argument 'scheduler' must be a scheduler") == true)
    let asha = Run().exec("from ray.tune.schedulers import ASHAScheduler\nASHAScheduler(grace_period=10, max_t=5)")
    #expect(asha.error?.contains("grace_period must be <= max_t") == true, "\(asha.error ?? "")")
    let returnsNumber = Run().exec("""
      from ray import tune
      grid = tune.Tuner(lambda config: 3.0).fit()
      """)
    #expect(returnsNumber.error == nil)
    #expect(returnsNumber.eval("type(grid[0].error).__name__") == "'TypeError'")
  }

  @Test func sampleFromErrorsRaiseTheUsersException() {
    let r = Run().exec("""
      from ray import tune
      def broken(spec):
          return spec.config.a / 0
      tune.Tuner(lambda c: None, param_space={"a": 1, "b": tune.sample_from(broken)}).fit()
      """)
    #expect(r.error?.contains("ZeroDivisionError") == true, "\(r.error ?? "")")
    #expect(r.error?.contains("in broken") == true)
  }

  @Test func stopSignalIsNotSwallowedByExceptException() {
    let r = Run().exec("""
      from ray import tune
      from ray.tune.schedulers import ASHAScheduler
      caught = []
      def trainable(config):
          for i in range(1, 20):
              try:
                  tune.report({"loss": config["q"] / i})
              except Exception as e:
                  caught.append(e)
      grid = tune.Tuner(trainable, param_space={"q": tune.grid_search([1.0, 5.0, 9.0, 13.0])},
                        tune_config=tune.TuneConfig(metric="loss", mode="min", max_concurrent_trials=1,
                                                    scheduler=ASHAScheduler(max_t=19, reduction_factor=2))).fit()
      iters = [res.metrics["training_iteration"] for res in grid]
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("caught") == "[]")
    #expect(r.eval("issubclass(tune.TrialStopped, BaseException) and not issubclass(tune.TrialStopped, Exception)") == "True")
    #expect(r.eval("min(iters) < 19") == "True")
    #expect(r.eval("grid.num_errors") == "0")
  }

  @Test func pbtAcceptsFunctionsDomainsAndCustomExplore() {
    let r = Run().exec("""
      import random
      from ray import tune
      from ray.tune.schedulers import PopulationBasedTraining
      explored = []
      def explore(config):
          explored.append(config["lr"])
          config["lr"] = min(config["lr"], 1.0)
          return config
      def trainable(config):
          ck = tune.get_checkpoint()
          w = ck.to_dict()["w"] if ck else 0.0
          for _ in range(30):
              w += config["lr"]
              tune.report({"w": w}, checkpoint=tune.Checkpoint.from_dict({"w": w}))
      pbt = PopulationBasedTraining(time_attr="training_iteration", perturbation_interval=3, metric="w", mode="max",
                                    hyperparam_mutations={"lr": lambda: random.uniform(0, 2), "m": tune.uniform(0, 1)},
                                    custom_explore_fn=explore)
      grid = tune.Tuner(trainable, param_space={"lr": tune.grid_search([0.1, 0.2, 0.3, 0.4]), "m": 0.5},
                        tune_config=tune.TuneConfig(scheduler=pbt)).fit()
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("len(explored) > 0") == "True")
    #expect(r.eval("all(res.config['lr'] <= 1.0 for res in grid)") == "True")
  }
}

extension RayModuleAPITests {
  @Test func objectsInTheConfigComeBackAsTheSameObjects() {
    let r = Run().exec("""
      from ray import tune
      class Net:
          pass
      def relu(x):
          return max(x, 0)
      seen = []
      def trainable(config):
          seen.append(config["act"] is relu and config["model"] is Net)
          return {"y": config["act"](-1)}
      grid = tune.Tuner(trainable, param_space={"act": tune.choice([relu]), "model": Net},
                        tune_config=tune.TuneConfig(num_samples=3)).fit()
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("seen") == "[True, True, True]")
    #expect(r.eval("[res.metrics['y'] for res in grid]") == "[0, 0, 0]")
    #expect(r.eval("grid[0].config['act'] is relu") == "True")
  }

  @Test func timeBudgetEndsAnUnlimitedRun() {
    let r = Run().exec("""
      import time
      from ray import tune
      def trainable(config):
          for i in range(1000000):
              time.sleep(0.002)
              tune.report({"i": i})
      start = time.time()
      grid = tune.Tuner(trainable, param_space={"x": tune.uniform(0, 1)},
                        tune_config=tune.TuneConfig(num_samples=-1, time_budget_s=0.3)).fit()
      elapsed = time.time() - start
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("0.3 <= elapsed < 5") == "True")
    #expect(r.eval("len(grid) >= 1 and grid.num_errors == 0") == "True")
  }
}

extension RayModuleTests.Run {
  func interpreterValue(_ expression: String) -> Value {
    nonisolated(unsafe) var v: Value = .none
    let i = interpreter
    Interpreter.runOnLargeStack { v = (try? i.evaluate(expression)) ?? .none }
    return v
  }
}

extension RayModuleAPITests {
  @Test func legacyTuneRunReturnsAnAnalysisAndRaisesOnFailedTrials() {
    let r = Run().exec("""
      from ray import tune
      def trainable(config, offset=0):
          for i in range(3):
              tune.report(loss=(config["x"] - 2) ** 2 + i + offset)
      analysis = tune.run(tune.with_parameters(trainable, offset=10), config={"x": tune.grid_search([1, 2, 3])},
                          metric="loss", mode="min")
      def failing(config):
          raise RuntimeError("no")
      try:
          tune.run(failing, config={"x": 1})
          raised = None
      except tune.TuneError as e:
          raised = str(e)
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("analysis.best_config") == "{'x': 2}")
    #expect(r.eval("analysis.best_result['loss']") == "12")
    #expect(r.eval("len(analysis.trials), len(analysis.results_df)") == "(3, 3)")
    #expect(r.eval("raised.startswith('Trials did not complete')") == "True")
  }
}

extension RayModuleAPITests {
  @Test func fitShowsAProgressLineUnlessVerboseIsZero() {
    let code = """
      from ray import tune
      def trainable(config):
          tune.report({"loss": config["x"]})
      tune.Tuner(trainable, param_space={"x": tune.grid_search([3, 1, 2])}, tune_config=tune.TuneConfig(metric="loss", mode="min"),
                 run_config=tune.RunConfig(verbose=VERBOSE)).fit()
      """
    let shown = Run().exec(code.replacingOccurrences(of: "VERBOSE", with: "None"))
    #expect(shown.error == nil, "\(shown.error ?? "")")
    #expect(shown.stdout.contains("3/3"), "\(shown.stdout)")
    #expect(shown.stdout.contains("best loss=1"), "\(shown.stdout)")
    let quiet = Run().exec(code.replacingOccurrences(of: "VERBOSE", with: "0"))
    #expect(quiet.error == nil)
    #expect(quiet.stdout.isEmpty, "\(quiet.stdout)")
  }
}

extension RayModuleAPITests {
  @Test func optunaSearchTakesTheOptunaModulesSamplerObjects() {
    let r = Run()
    KernelEnvironment.registerEngineModules(in: r.interpreter)
    r.exec("""
      import optuna
      from ray import tune
      from ray.tune.search.optuna import OptunaSearch
      search = OptunaSearch(sampler=optuna.samplers.RandomSampler(seed=3), metric="y", mode="min")
      grid = tune.Tuner(lambda c: {"y": (c["x"] - 1) ** 2}, param_space={"x": tune.uniform(-3, 3)},
                        tune_config=tune.TuneConfig(search_alg=search, num_samples=5)).fit()
      """)
    #expect(r.error == nil, "\(r.error ?? "")")
    #expect(r.eval("len(grid), grid.num_errors") == "(5, 0)")
  }
}
