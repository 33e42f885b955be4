// Script calls of a parallel hyperparameter_search run on the trials' worker threads, holding the
// interpreter lock: two calls never overlap, however many trials train at once, and recursion
// too deep for a worker's smaller stack is a RecursionError for that trial, not a crash. A parallel
// search started from inside another's script call (a callback) runs to the end instead of waiting
// forever for the lock its caller holds.
import Foundation
import Testing

@Suite("ParallelScriptCalls")
struct ParallelScriptCallTests {
  @Test func scriptCallsOfParallelTrialsNeverOverlap() {
    let r = ScriptHarness.run(ParallelSearchBackendTests.prelude + """
      import optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      inside = [0]
      most = [0]
      events = []
      def exclusive(kind, who):
          # A read-modify-write with work in between: two calls at once would see inside[0] == 1.
          inside[0] += 1
          most[0] = max(most[0], inside[0])
          total = 0
          for i in range(200):
              total += i
          events.append((kind, who))
          inside[0] -= 1

      class Trace(TrainerCallback):
          def on_step_end(self, args, state, control, **kwargs):
              exclusive("step", args.seed)
          def on_evaluate(self, args, state, control, **kwargs):
              exclusive("eval", args.seed)

      def space(trial):
          exclusive("space", trial.number)
          return {"learning_rate": trial.suggest_float("learning_rate", 1e-3, 1e-1, log=True),
                  "seed": trial.suggest_int("seed", 1, 10**9)}

      def objective(metrics):
          exclusive("objective", None)
          return metrics["eval_loss"]

      trainer = Trainer(model_init=lambda trial: AutoModelForSequenceClassification.from_pretrained("mlp-tiny"),
                        args=TrainingArguments(eval_strategy="epoch", save_strategy="no", num_train_epochs=2,
                                               per_device_train_batch_size=1),
                        train_dataset=ds["train"], eval_dataset=ds["test"], callbacks=[Trace()])
      trainer.hyperparameter_search(hp_space=space, compute_objective=objective, n_trials=6, n_jobs=2,
                                    direction="minimize", pruner=optuna.pruners.NopPruner(),
                                    show_progress_bar=False)
      states = [t.state.name for t in trainer.study.trials]
      print("most", most[0], "states", sorted(set(states)), len(states))
      print("interleavings", interleavings([e for e in events if e[0] in ("step", "eval")]))
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("most 1 states ['COMPLETE'] 6"), "\(r.stdout)\n\(r.stderr)")
    #expect((ParallelSearchBackendTests.number(after: "interleavings ", in: r.stdout) ?? 0) > 0, "\(r.stdout)")
  }

  @Test func recursionTooDeepForAWorkersStackFailsThatTrialOnly() {
    let r = ScriptHarness.run(ParallelSearchBackendTests.prelude + """
      import sys, optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      sys.setrecursionlimit(200000)
      def down(n):
          return 0 if n == 0 else 1 + down(n - 1)

      def space(trial):
          if trial.number == 0:
              down(150000)  # fine on the interpreter's 1 GiB stack, far past a worker's
          return {"learning_rate": trial.suggest_float("learning_rate", 1e-3, 1e-1, log=True)}

      trainer = Trainer(model_init=lambda trial: AutoModelForSequenceClassification.from_pretrained("mlp-tiny"),
                        args=TrainingArguments(eval_strategy="epoch", save_strategy="no", num_train_epochs=1),
                        train_dataset=ds["train"], eval_dataset=ds["test"])
      trainer.hyperparameter_search(hp_space=space, n_trials=4, n_jobs=2, direction="minimize",
                                    pruner=optuna.pruners.NopPruner(), show_progress_bar=False)
      print("states", [t.state.name for t in sorted(trainer.study.trials, key=lambda t: t.number)])
      print("depth on the interpreter thread", down(150000))
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("states ['FAIL', 'COMPLETE', 'COMPLETE', 'COMPLETE']"), "\(r.stdout)\n\(r.stderr)")
    #expect(r.stderr.contains("Trial 0 failed") && r.stderr.contains("RecursionError"), "\(r.stderr.prefix(2000))")
    #expect(r.stdout.contains("depth on the interpreter thread 150000"), "\(r.stdout)")
  }

  @Test func aParallelSearchStartedFromAParallelSearchsCallbackFinishes() {
    let r = ScriptHarness.run(ParallelSearchBackendTests.prelude + """
      import optuna
      optuna.logging.set_verbosity(optuna.logging.WARNING)
      def make():
          return Trainer(model_init=lambda trial: AutoModelForSequenceClassification.from_pretrained("mlp-tiny"),
                         args=TrainingArguments(eval_strategy="epoch", save_strategy="no", num_train_epochs=1),
                         train_dataset=ds["train"], eval_dataset=ds["test"])
      inner_states = []
      class Nested(TrainerCallback):
          def on_train_end(self, args, state, control, **kwargs):
              if not inner_states:
                  inner = make()
                  inner_states.append("started")
                  inner.hyperparameter_search(n_trials=4, n_jobs=2, direction="minimize",
                                              pruner=optuna.pruners.NopPruner(), show_progress_bar=False)
                  inner_states.extend(t.state.name for t in inner.study.trials)
      outer = make()
      outer.add_callback(Nested())
      outer.hyperparameter_search(n_trials=4, n_jobs=2, direction="minimize",
                                  pruner=optuna.pruners.NopPruner(), show_progress_bar=False)
      print("outer", sorted(set(t.state.name for t in outer.study.trials)), len(outer.study.trials))
      print("inner", inner_states)
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("outer ['COMPLETE'] 4"), "\(r.stdout)\n\(r.stderr)")
    #expect(r.stdout.contains("inner ['started', 'COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE']"), "\(r.stdout)\n\(r.stderr)")
  }
}
