// hyperparameter_search's interactive behaviour: the printed objective choice, the progress
// line, tracebacks of failing trials, Ctrl-C, and the seed of a trial governing that trial.
import Foundation
import Testing

@Suite("TransformersSearch")
struct TransformersSearchTests {
  static let setup = """
    import optuna
    from datasets import load_dataset
    from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments
    ds = load_dataset("iris", split="train").train_test_split(test_size=0.3, seed=0)
    def model_init(trial):
        return AutoModelForSequenceClassification.from_pretrained("mlp-tiny")
    args = TrainingArguments(eval_strategy="epoch", save_strategy="no", num_train_epochs=2)
    trainer = Trainer(model_init=model_init, args=args, train_dataset=ds["train"], eval_dataset=ds["test"], compute_metrics="accuracy")

    """

  @Test func defaultObjectiveIsAnnouncedOnceAndFollowsTheDirection() {
    let r = ScriptHarness.run(Self.setup + """
      b1 = trainer.hyperparameter_search(n_trials=3, sampler=optuna.samplers.RandomSampler(seed=0))
      b2 = trainer.hyperparameter_search(n_trials=3, direction="maximize", sampler=optuna.samplers.RandomSampler(seed=0))
      print(b2.objective <= 1.0, b1.objective > 0)
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.components(separatedBy: "the objective is eval_loss, direction=minimize").count == 2, "\(r.stdout)")
    #expect(r.stdout.components(separatedBy: "the objective is eval_accuracy, direction=maximize").count == 2, "\(r.stdout)")
    #expect(r.stdout.contains("True True"))
  }

  @Test func progressLinesWhenNotATerminal() {
    let r = ScriptHarness.run(Self.setup + "trainer.hyperparameter_search(n_trials=4, sampler=optuna.samplers.RandomSampler(seed=0))\n")
    #expect(r.status == 0, "\(r.stderr)")
    for i in 1...4 { #expect(r.stdout.contains("trial \(i)/4  #"), "\(r.stdout)") }
    #expect(r.stdout.contains("best "))
    #expect(r.stdout.contains("ETA "))
    #expect(!r.stdout.contains("\r"))
  }

  @Test func failingTrialShowsTracebackWithTrialNumberAndSearchContinues() {
    let r = ScriptHarness.run(Self.setup + """
      def space(trial):
          lr = trial.suggest_float("learning_rate", 1e-3, 1e-1, log=True)
          if trial.number == 1:
              raise KeyError("missing-thing")
          return {"learning_rate": lr}
      best = trainer.hyperparameter_search(hp_space=space, n_trials=4, sampler=optuna.samplers.RandomSampler(seed=0))
      print([t.state.name for t in trainer.study.trials])
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("Trial 1 failed:\nTraceback (most recent call last):"), "\(r.stderr)")
    #expect(r.stderr.contains("in space"), "\(r.stderr)")
    #expect(r.stderr.contains("KeyError: 'missing-thing'"), "\(r.stderr)")
    #expect(r.stdout.contains("['COMPLETE', 'FAIL', 'COMPLETE', 'COMPLETE']"), "\(r.stdout)")
  }

  @Test func catchNarrowsWhichErrorsTheSearchSurvives() {
    let r = ScriptHarness.run(Self.setup + """
      def space(trial):
          raise ZeroDivisionError("stop here")
      try:
          trainer.hyperparameter_search(hp_space=space, n_trials=3, catch=(ValueError,))
      except ZeroDivisionError as e:
          print("stopped:", e)
      """)
    #expect(r.stdout.contains("stopped: stop here"), "\(r.stdout)\(r.stderr)")
  }

  @Test func sampledSeedGovernsItsOwnTrial() {
    // Two searches whose first trial draws seed 7 and 11 must match plain runs with those seeds.
    let r = ScriptHarness.run(Self.setup + """
      def space(trial):
          return {"seed": trial.suggest_categorical("seed", [7, 11]), "learning_rate": 0.01}
      objs = {}
      for s in (7, 11):
          best = trainer.hyperparameter_search(hp_space=lambda t, s=s: {"seed": t.suggest_categorical("seed", [s]), "learning_rate": 0.01},
                                               compute_objective=lambda m: m["eval_loss"], n_trials=1)
          objs[s] = best.objective
      for s in (7, 11):
          t2 = Trainer(model_init=model_init, args=TrainingArguments(eval_strategy="epoch", save_strategy="no", num_train_epochs=2, seed=s, learning_rate=0.01),
                       train_dataset=ds["train"], eval_dataset=ds["test"])
          t2.train()
          print(s, abs(t2.evaluate()["eval_loss"] - objs[s]) < 1e-12, objs[7] != objs[11])
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("7 True True"), "\(r.stdout)")
    #expect(r.stdout.contains("11 True True"), "\(r.stdout)")
  }

  @Test func ctrlCStopsParallelTrialsToo() {
    let r = ScriptHarness.run(Self.setup + """
      big = Trainer(model_init=lambda: AutoModelForSequenceClassification.from_pretrained("mlp-base"),
                    args=TrainingArguments(eval_strategy="epoch", save_strategy="no", num_train_epochs=50, per_device_train_batch_size=4),
                    train_dataset=ds["train"], eval_dataset=ds["test"])
      result = big.hyperparameter_search(n_trials=500, n_jobs=2, hp_space=lambda t: {"learning_rate": t.suggest_float("learning_rate", 1e-4, 1e-2)})
      states = [t.state.name for t in result.trials]
      print("returned", "FAIL" in states, "RUNNING" not in states, len(states) < 500)
      """, during: { interpreter, sink in
        let deadline = Date().addingTimeInterval(60)
        while !sink.stdout.contains("trial 2/500") && Date() < deadline { usleep(20_000) }
        usleep(100_000)
        interpreter.interrupt.set()
      })
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("KeyboardInterrupt: search stopped"), "\(r.stdout)")
    #expect(r.stdout.contains("returned True True True"), "\(r.stdout)")
  }

  @Test func ctrlCStopsTheRunningTrialAndReturnsTheStudy() {
    let r = ScriptHarness.run(Self.setup + """
      big = Trainer(model_init=lambda: AutoModelForSequenceClassification.from_pretrained("mlp-base"),
                    args=TrainingArguments(eval_strategy="epoch", save_strategy="no", num_train_epochs=50, per_device_train_batch_size=4),
                    train_dataset=ds["train"], eval_dataset=ds["test"])
      result = big.hyperparameter_search(n_trials=500, hp_space=lambda t: {"learning_rate": t.suggest_float("learning_rate", 1e-4, 1e-2)})
      states = [t.state.name for t in result.trials]
      print("returned", type(result).__name__, states[-1], len(states) < 500, result is big.study)
      print("after")
      """, during: { interpreter, sink in
        let deadline = Date().addingTimeInterval(60)
        while !sink.stdout.contains("trial 2/500") && Date() < deadline { usleep(20_000) }
        usleep(100_000)
        interpreter.interrupt.set()
      })
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("KeyboardInterrupt: search stopped"), "\(r.stdout)")
    #expect(r.stdout.contains("returned Study FAIL True True"), "\(r.stdout)")
    #expect(r.stdout.contains("after"))
  }
}
