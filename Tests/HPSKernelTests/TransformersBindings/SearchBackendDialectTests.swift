// backend="ray" and backend="wandb" of Trainer.hyperparameter_search: an hp_space of another
// backend's dialect is refused with a message naming the right one; backend keywords are checked;
// a failing trial prints a traceback with its number and the search goes on.
import Foundation
import Testing

@Suite("SearchBackendDialects")
struct SearchBackendDialectTests {
  static let prelude = """
    from ray import tune
    from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments
    from datasets import load_dataset
    ds = load_dataset("iris", split="train").train_test_split(test_size=0.3, seed=0)
    trainer = Trainer(model_init=lambda trial: AutoModelForSequenceClassification.from_pretrained("logreg"),
                      args=TrainingArguments(eval_strategy="epoch", save_strategy="no", num_train_epochs=2),
                      train_dataset=ds["train"], eval_dataset=ds["test"])
    optuna_space = lambda trial: {"learning_rate": trial.suggest_float("learning_rate", 1e-4, 1e-1, log=True)}
    ray_space = lambda _: {"learning_rate": tune.loguniform(1e-4, 1e-1)}
    wandb_space = lambda _: {"method": "random", "parameters": {"learning_rate": {"min": 1e-4, "max": 1e-1}}}

    """

  /// Runs the prelude plus `call` inside try/except and returns what the script printed.
  static func raised(_ call: String) -> String {
    let source = prelude + """
      try:
          \(call)
          print("NO ERROR")
      except Exception as e:
          print(type(e).__name__ + ": " + str(e))
      """
    let r = ScriptHarness.run(source)
    return r.stdout + r.stderr
  }

  @Test func optunaSpaceForRay() {
    let out = Self.raised("trainer.hyperparameter_search(hp_space=optuna_space, backend='ray', n_trials=2)")
    #expect(out.contains("ValueError: hp_space looks like an Optuna space"), "\(out)")
    #expect(out.contains("backend=\"ray\" calls hp_space(None)"), "\(out)")
  }

  @Test func optunaSpaceForWandb() {
    let out = Self.raised("trainer.hyperparameter_search(hp_space=optuna_space, backend='wandb', n_trials=2)")
    #expect(out.contains("ValueError: hp_space looks like an Optuna space"), "\(out)")
    #expect(out.contains("sweep configuration"), "\(out)")
  }

  @Test func wandbSpaceForRay() {
    let out = Self.raised("trainer.hyperparameter_search(hp_space=wandb_space, backend='ray', n_trials=2)")
    #expect(out.contains("ValueError: hp_space returned a W&B sweep configuration"), "\(out)")
    #expect(out.contains("backend is ray"), "\(out)")
  }

  @Test func raySpaceForWandb() {
    let out = Self.raised("trainer.hyperparameter_search(hp_space=ray_space, backend='wandb', n_trials=2)")
    #expect(out.contains("ValueError: hp_space returned a Ray Tune space"), "\(out)")
  }

  @Test func raySpaceForOptuna() {
    let out = Self.raised("trainer.hyperparameter_search(hp_space=ray_space, backend='optuna', n_trials=2)")
    #expect(out.contains("ValueError"), "\(out)")
    #expect(out.contains("backend=\\\"ray\\\"") || out.contains("backend=\"ray\""), "\(out)")
  }

  @Test func wandbSpaceForOptuna() {
    let out = Self.raised("trainer.hyperparameter_search(hp_space=wandb_space, backend='optuna', n_trials=2)")
    #expect(out.contains("ValueError: hp_space returned a W&B sweep configuration, but the backend is optuna"), "\(out)")
  }

  @Test func plainDictForWandb() {
    let out = Self.raised("trainer.hyperparameter_search(hp_space=lambda _: {'learning_rate': 0.01}, backend='wandb', n_trials=2)")
    #expect(out.contains("ValueError: hp_space returned a dict without 'parameters'"), "\(out)")
  }

  @Test func asaWithoutEvaluationIsRefused() {
    let source = """
      from ray.tune.schedulers import ASHAScheduler
      trainer.args.eval_strategy = "no"
      trainer.hyperparameter_search(hp_space=ray_space, backend='ray', n_trials=2, scheduler=ASHAScheduler())
      """
    let out = Self.raised(source.replacingOccurrences(of: "\n", with: "; "))
    #expect(out.contains("RuntimeError: You are using AsyncHyperBandScheduler as a scheduler but you haven't enabled evaluation during training"), "\(out)")
  }

  @Test func unknownKeywordsNameTheBackend() {
    let ray = Self.raised("trainer.hyperparameter_search(hp_space=ray_space, backend='ray', n_trials=2, num_sample=3)")
    #expect(ray.contains("TypeError") && ray.contains("ray backend") && ray.contains("Did you mean 'num_samples'"), "\(ray)")
    let wandb = Self.raised("trainer.hyperparameter_search(hp_space=wandb_space, backend='wandb', n_trials=2, sweepid='x')")
    #expect(wandb.contains("TypeError") && wandb.contains("wandb backend") && wandb.contains("Did you mean 'sweep_id'"), "\(wandb)")
    let metric = Self.raised("trainer.hyperparameter_search(hp_space=ray_space, backend='ray', n_trials=2, metric='eval_loss')")
    #expect(metric.contains("the metric is always \"objective\""), "\(metric)")
  }

  @Test func failingTrialShowsTracebackAndSearchContinues() {
    for (backend, space) in [("ray", "ray_space"), ("wandb", "wandb_space")] {
      let source = Self.prelude + """
        calls = []
        def model_init(trial):
            calls.append(1)
            if len(calls) == 3:
                raise ValueError("boom in model_init")
            return AutoModelForSequenceClassification.from_pretrained("logreg")
        trainer = Trainer(model_init=model_init, args=trainer.args, train_dataset=ds["train"], eval_dataset=ds["test"])
        best = trainer.hyperparameter_search(hp_space=\(space), backend='\(backend)', n_trials=4)
        print("BEST", best.run_id, best.objective)
        """
      let r = ScriptHarness.run(source)
      #expect(r.status == 0, "\(backend): \(r.stderr)")
      #expect(r.stdout.contains("BEST"), "\(backend): \(r.stdout)")
      #expect(r.stderr.contains("failed:") && r.stderr.contains("boom in model_init") && r.stderr.contains("Traceback"), "\(backend): \(r.stderr)")
    }
  }

  @Test func defaultSpacesAreTransformers() {
    let source = """
      from hpo_defaults import default_hp_space_ray, default_hp_space_wandb
      ray = default_hp_space_ray(None)
      print(sorted(ray))
      print(ray["learning_rate"].lower, ray["learning_rate"].upper, ray["seed"].lower, ray["seed"].upper)
      w = default_hp_space_wandb(None)
      print(w["method"], w["metric"], w["parameters"]["num_train_epochs"])
      """
    let r = ScriptHarness.run(source)
    #expect(r.stdout.contains("['learning_rate', 'num_train_epochs', 'per_device_train_batch_size', 'seed']"), "\(r.stdout)\(r.stderr)")
    // seed is a float domain in Ray (truncated to an int when applied), as in Transformers
    #expect(r.stdout.contains("1e-06 0.0001 1.0 40.0"), "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("random {'name': 'objective', 'goal': 'minimize'} {'distribution': 'int_uniform', 'min': 1, 'max': 6}"), "\(r.stdout)\(r.stderr)")
  }

  @Test(arguments: ["ray", "wandb"])
  func ctrlCStopsTheSearchAndKeepsFinishedTrials(_ backend: String) {
    let space = backend == "ray" ? "ray_space" : "wandb_space"
    let r = ScriptHarness.run(Self.prelude + """
      big = Trainer(model_init=lambda: AutoModelForSequenceClassification.from_pretrained("mlp-base"),
                    args=TrainingArguments(eval_strategy="epoch", save_strategy="no", num_train_epochs=40, per_device_train_batch_size=4),
                    train_dataset=ds["train"], eval_dataset=ds["test"])
      result = big.hyperparameter_search(hp_space=\(space), backend="\(backend)", n_trials=300)
      states = [t.state.name for t in big.study.trials]
      print("returned", type(result).__name__, len(states) < 300, states.count("COMPLETE") >= 2)
      print("after")
      """, during: { interpreter, sink in
        let deadline = Date().addingTimeInterval(120)
        while !sink.stdout.contains("trial 2/300") && Date() < deadline { usleep(20_000) }
        usleep(100_000)
        interpreter.interrupt.set()
      })
    #expect(r.status == 0, "\(backend): \(r.stderr)")
    #expect(r.stdout.contains("KeyboardInterrupt: search stopped"), "\(backend): \(r.stdout)")
    let kind = backend == "ray" ? "ResultGrid" : "str"
    #expect(r.stdout.contains("returned \(kind) True True"), "\(backend): \(r.stdout)")
    #expect(r.stdout.contains("after"))
  }

  @Test(arguments: ["ray", "wandb"])
  func defaultSpaceSearchTrainsAndAppliesValues(_ backend: String) {
    let r = ScriptHarness.run(Self.prelude + """
      best = trainer.hyperparameter_search(backend="\(backend)", n_trials=3)
      hp = best.hyperparameters
      print(sorted(hp))
      print(type(best.objective).__name__, 1e-6 <= hp["learning_rate"] <= 1e-4, hp["per_device_train_batch_size"] in (4, 8, 16, 32, 64))
      """)
    #expect(r.status == 0, "\(backend): \(r.stderr)")
    #expect(r.stdout.contains("['learning_rate', 'num_train_epochs', 'per_device_train_batch_size', 'seed']"), "\(backend): \(r.stdout)")
    #expect(r.stdout.contains("float True True"), "\(backend): \(r.stdout)")
  }
}
