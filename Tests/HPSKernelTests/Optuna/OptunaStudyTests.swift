import Foundation
import HPSScript
import HPSSearch
import Testing

/// The `optuna` module driven by real `.hps` snippets: optimize, pruning, failures, storage.
@Suite struct OptunaStudyTests {
  @Test func tpeFindsTheMinimumOfAQuadratic() {
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      def objective(trial):
          x = trial.suggest_float("x", -10, 10)
          y = trial.suggest_float("y", -10, 10)
          return (x - 2) ** 2 + (y + 3) ** 2
      study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=7))
      study.optimize(objective, n_trials=80)
      print(len(study.trials), study.best_value < 0.5, abs(study.best_params["x"] - 2) < 0.7, abs(study.best_params["y"] + 3) < 0.7)
      print(study.best_trial.number == min(study.trials, key=lambda t: t.value).number)
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == "80 True True True\nTrue\n")
  }

  @Test func randomSamplerBeatsNothingButTpeBeatsRandomOnAverage() {
    // TPE must do better than random search on the same budget (median over seeds), otherwise
    // the sampler wiring (e.g. a sampler ignored by create_study) is broken.
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      from optuna.samplers import TPESampler, RandomSampler
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      def objective(trial):
          return sum((trial.suggest_float("x%d" % i, -5, 5) - 1) ** 2 for i in range(3))
      def best(sampler):
          s = optuna.create_study(sampler=sampler)
          s.optimize(objective, n_trials=60)
          return s.best_value
      tpe = sorted(best(TPESampler(seed=s)) for s in range(5))[2]
      rnd = sorted(best(RandomSampler(seed=s)) for s in range(5))[2]
      print(tpe < rnd)
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == "True\n")
  }

  @Test func medianPrunerPrunesLosingTrials() {
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      from optuna.trial import TrialState
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      def objective(trial):
          slope = trial.suggest_float("slope", 0.0, 1.0)
          for step in range(20):
              trial.report(slope * (20 - step), step)
              if trial.should_prune():
                  raise optuna.TrialPruned()
          return slope
      study = optuna.create_study(pruner=optuna.pruners.MedianPruner(n_startup_trials=5, n_warmup_steps=2),
                                  sampler=optuna.samplers.RandomSampler(seed=3))
      study.optimize(objective, n_trials=30)
      pruned = study.get_trials(states=(TrialState.PRUNED,))
      complete = study.get_trials(states=[TrialState.COMPLETE])
      print(len(pruned) > 5, len(complete) >= 5, len(pruned) + len(complete) == 30)
      print(all(t.last_step is not None and t.last_step >= 2 for t in pruned))
      print(all(t.value == t.intermediate_values[t.last_step] for t in pruned))
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == "True True True\nTrue\nTrue\n")
  }

  @Test func failingObjectiveFailsTheTrialAndIsReRaisedWithItsTraceback() {
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      def objective(trial):
          x = trial.suggest_int("x", 0, 10)
          if trial.number == 2:
              raise KeyError("missing-thing")
          return x
      study = optuna.create_study()
      study.optimize(objective, n_trials=10)
      """, file: "/tmp/objective_script.hps")
    #expect(failure?.name == "KeyError")
    #expect(failure?.traceback.contains("line 5, in objective") == true)
    #expect(failure?.traceback.contains("raise KeyError(\"missing-thing\")") == true)
    #expect(h.eval("[t.state.name for t in study.trials]") == "['COMPLETE', 'COMPLETE', 'FAIL']")
    #expect(h.stderr.contains("Trial 2 failed"))
    #expect(h.stderr.contains("KeyError('missing-thing')"))
  }

  @Test func caughtExceptionsLetTheStudyContinue() {
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      class Flaky(ValueError):
          pass
      def objective(trial):
          x = trial.suggest_float("x", 0, 1)
          if trial.number % 3 == 1:
              raise Flaky("flaky")
          return x
      study = optuna.create_study()
      study.optimize(objective, n_trials=9, catch=(ValueError,))
      print([t.state.name[0] for t in study.trials])
      try:
          study.optimize(objective, n_trials=3, catch=[ZeroDivisionError])
      except ValueError as e:
          print("re-raised:", e)
      print(len(study.trials))
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == "['C', 'F', 'C', 'C', 'F', 'C', 'C', 'F', 'C']\nre-raised: flaky\n11\n")
  }

  @Test func nonNumericAndNanResultsFailTheTrialWithoutRaising() {
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      results = [None, float("nan"), "text", 1.5]
      study = optuna.create_study()
      study.optimize(lambda t: results[t.number], n_trials=4)
      print([t.state.name for t in study.trials], study.best_value)
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == "['FAIL', 'FAIL', 'FAIL', 'COMPLETE'] 1.5\n")
  }

  @Test func sqliteStorageResumesWithLoadIfExists() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hps-optuna-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = "sqlite:///" + dir.appendingPathComponent("study.db").path
    let first = OptunaScriptHarness()
    let f1 = first.run("""
      import optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      study = optuna.create_study(study_name="persisted", storage="\(url)", direction="maximize")
      study.set_user_attr("owner", "tests")
      study.optimize(lambda t: t.suggest_int("k", 0, 100), n_trials=5)
      """)
    #expect(f1 == nil, "\(f1?.traceback ?? "")")
    // A second interpreter (a new session) resumes the same study from the file.
    let second = OptunaScriptHarness()
    let f2 = second.run("""
      import optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      storage = optuna.storages.RDBStorage("\(url)")
      study = optuna.create_study(study_name="persisted", storage=storage, load_if_exists=True)
      print(len(study.trials), study.direction, study.user_attrs)
      study.optimize(lambda t: t.suggest_int("k", 0, 100), n_trials=3)
      print(len(study.trials), [t.number for t in study.trials][-3:])
      print(optuna.get_all_study_names(storage))
      again = optuna.load_study(study_name="persisted", storage="\(url)")
      print(again.best_value == max(t.value for t in again.trials))
      try:
          optuna.create_study(study_name="persisted", storage="\(url)")
      except optuna.exceptions.DuplicatedStudyError as e:
          print("duplicate:", "already exists" in str(e))
      optuna.delete_study(study_name="persisted", storage="\(url)")
      print(optuna.get_all_study_names("\(url)"))
      """)
    #expect(f2 == nil, "\(f2?.traceback ?? "")")
    #expect(second.stdout == """
      5 StudyDirection.MAXIMIZE {'owner': 'tests'}
      8 [5, 6, 7]
      ['persisted']
      True
      duplicate: True
      []

      """)
  }

  @Test func askTellEnqueueAndAddTrial() {
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      from optuna.distributions import FloatDistribution, CategoricalDistribution
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      study = optuna.create_study()
      study.enqueue_trial({"x": 0.25, "opt": "sgd"})
      trial = study.ask()
      print(trial.suggest_float("x", 0, 1), trial.suggest_categorical("opt", ["adam", "sgd"]))
      frozen = study.tell(trial, 0.25 ** 2)
      print(frozen.state.name, frozen.value, frozen.params)
      t2 = study.ask({"x": FloatDistribution(0, 1)})
      print(sorted(t2.params), isinstance(t2.distributions["x"], FloatDistribution))
      study.tell(t2.number, state=optuna.trial.TrialState.PRUNED)
      study.add_trial(optuna.trial.create_trial(params={"x": 0.1, "opt": "adam"},
          distributions={"x": FloatDistribution(0, 1), "opt": CategoricalDistribution(["adam", "sgd"])}, value=0.01))
      print(study.best_value, study.best_params)
      try:
          study.tell(trial, 1.0)
      except RuntimeError as e:
          print("RuntimeError:", e)
      try:
          optuna.trial.create_trial(params={"x": 2.0}, distributions={"x": FloatDistribution(0, 1)}, value=1.0)
      except ValueError as e:
          print("ValueError:", e)
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == """
      0.25 sgd
      COMPLETE 0.0625 {'opt': 'sgd', 'x': 0.25}
      ['x'] True
      0.01 {'opt': 'adam', 'x': 0.1}
      RuntimeError: Cannot tell a COMPLETE trial (trial number 0).
      ValueError: parameter 'x': value 2.0 is not in FloatDistribution(high=1.0, log=False, low=0.0, step=None)

      """)
  }

  @Test func frozenBestTrialReplaysTheObjective() {
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      def objective(trial):
          a = trial.suggest_int("a", 1, 9, step=2)
          b = trial.suggest_float("b", 1e-3, 1.0, log=True)
          return a * b
      study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=1))
      study.optimize(objective, n_trials=12)
      print(objective(study.best_trial) == study.best_value)
      try:
          study.best_trial.suggest_float("missing", 0, 1)
      except ValueError as e:
          print(e)
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == """
      True
      The value of the parameter 'missing' is not found. Please set it at the construction of the FrozenTrial object.

      """)
  }

  @Test func multiObjectiveStudiesAndImportance() {
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      from optuna.importance import get_param_importances, MeanDecreaseImpurityImportanceEvaluator
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      ms = optuna.create_study(directions=["minimize", "maximize"], sampler=optuna.samplers.NSGAIISampler(seed=0, population_size=10))
      ms.optimize(lambda t: (t.suggest_float("a", 0, 1), t.suggest_float("b", 0, 1)), n_trials=30)
      print(len(ms.best_trials) >= 1, [d.name for d in ms.directions])
      try:
          ms.best_trial
      except RuntimeError as e:
          print("RuntimeError")
      study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=0))
      study.optimize(lambda t: 10 * t.suggest_float("big", 0, 1) + 0.1 * t.suggest_float("small", 0, 1), n_trials=40)
      imp = get_param_importances(study)
      print(list(imp), abs(sum(imp.values()) - 1) < 1e-9)
      imp2 = get_param_importances(study, evaluator=MeanDecreaseImpurityImportanceEvaluator(seed=0), params=["small", "big"])
      print(list(imp2)[0])
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == "True ['MINIMIZE', 'MAXIMIZE']\nRuntimeError\n['big', 'small'] True\nbig\n")
  }

  @Test func ctrlCStopsTheStudyAndKeepsFinishedTrials() {
    let h = OptunaScriptHarness()
    let interrupt = h.interpreter.interrupt
    h.interpreter.setBuiltin("press_ctrl_c", .object(HPSScript.NativeFunction("press_ctrl_c") { _, _, _ in
      interrupt.set()
      return .none
    }))
    let failure = h.run("""
      import optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      def objective(trial):
          x = trial.suggest_float("x", 0, 1)
          if trial.number == 3:
              press_ctrl_c()
              while True:
                  pass
          return x
      study = optuna.create_study()
      try:
          study.optimize(objective, n_trials=100)
      except KeyboardInterrupt:
          print("interrupted")
      print([t.state.name for t in study.trials])
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == "interrupted\n['COMPLETE', 'COMPLETE', 'COMPLETE', 'FAIL']\n")
  }

  @Test func callbacksStopAndMaxTrialsCallbackAndInfoLogging() {
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      from optuna.study import MaxTrialsCallback
      from optuna.trial import TrialState
      optuna.logging.set_verbosity(optuna.logging.INFO)
      seen = []
      def stopper(study, trial):
          seen.append(trial.number)
          if trial.number == 3:
              study.stop()
      study = optuna.create_study(study_name="cb")
      study.optimize(lambda t: t.suggest_float("x", 0, 1), callbacks=[stopper])
      print(seen)
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      study.optimize(lambda t: t.suggest_float("x", 0, 1), callbacks=[MaxTrialsCallback(9, states=(TrialState.COMPLETE,))])
      print(len(study.trials))
      df = study.trials_dataframe()
      print(df.shape, df.columns[:2], df["number"][-1], len(df.to_dict(orient="records")))
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == "[0, 1, 2, 3]\n9\n(9, 7) ['number', 'value'] 8 9\n")
    #expect(h.stderr.contains("] A new study created in memory with name: cb\n"))
    #expect(h.stderr.contains("] Trial 3 finished with value: "))
    #expect(!h.stderr.contains("Trial 4 finished"))  // WARNING level hides INFO lines
  }

  @Test func parallelJobsRunScriptCallsOneAtATime() {
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      inside = [0]
      most = [0]
      def exclusive():
          # A read-modify-write with work in between: two calls at once would see inside[0] == 1.
          inside[0] += 1
          most[0] = max(most[0], inside[0])
          total = 0
          for i in range(300):
              total += i
          inside[0] -= 1
      def objective(trial):
          exclusive()
          x = trial.suggest_float("x", -1, 1)
          if trial.number == 5:
              raise ValueError("caught")
          return x * x
      study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=0))
      study.optimize(objective, n_trials=24, n_jobs=3, catch=(ValueError,), callbacks=[lambda s, t: exclusive()])
      print(len(study.trials), sorted(t.number for t in study.trials) == list(range(24)))
      print(sum(1 for t in study.trials if t.state.name == "FAIL"), study.best_value >= 0, most[0])
      try:
          study.optimize(lambda t: 1 / 0, n_trials=5, n_jobs=2)
      except ZeroDivisionError:
          print("raised")
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    #expect(h.stdout == "24 True\n1 True 1\nraised\n")
  }

  /// `trainer.train()` inside an objective lets go of the interpreter lock while it trains (as
  /// PyTorch releases the GIL), so with n_jobs=2 two trials' training steps interleave.
  @Test func parallelJobsTrainAtTheSameTime() {
    setenv("HPS_STDLIB", ScriptHarness.stdlibDirectory, 1)  // `transformers` reads stdlib/hpo_defaults.hps
    let h = OptunaScriptHarness()
    let failure = h.run("""
      import optuna
      from datasets import load_dataset
      from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments, TrainerCallback
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      ds = load_dataset("iris", split="train").train_test_split(test_size=0.3, seed=0)
      events = []
      class Trace(TrainerCallback):
          def __init__(self, who):
              self.who = who
          def on_step_end(self, args, state, control, **kwargs):
              events.append(self.who)
      def objective(trial):
          lr = trial.suggest_float("learning_rate", 1e-3, 1e-1, log=True)
          trainer = Trainer(model=AutoModelForSequenceClassification.from_pretrained("mlp-tiny"),
                            args=TrainingArguments(learning_rate=lr, num_train_epochs=2, per_device_train_batch_size=1,
                                                   save_strategy="no", seed=trial.number),
                            train_dataset=ds["train"], eval_dataset=ds["test"], callbacks=[Trace(trial.number)])
          trainer.train()
          return trainer.evaluate()["eval_loss"]
      study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=0))
      study.optimize(objective, n_trials=4, n_jobs=2)
      switches = sum(1 for a, b in zip(events, events[1:]) if a != b)
      print(len(study.trials), all(t.state.name == "COMPLETE" for t in study.trials), len(events))
      print("switches", switches)
      """)
    #expect(failure == nil, "\(failure?.traceback ?? "")")
    // 4 trials × 2 epochs × 105 steps; one trial after another would switch 3 times.
    #expect(h.stdout.hasPrefix("4 True 840\n"), "\(h.stdout)")
    let switches = h.stdout.split(separator: "\n").first { $0.hasPrefix("switches ") }.flatMap { Int($0.dropFirst(9)) }
    #expect((switches ?? 0) > 3, "\(h.stdout)")
  }
}
