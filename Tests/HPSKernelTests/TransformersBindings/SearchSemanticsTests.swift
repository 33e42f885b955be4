// Transformers' per-trial rules: the objective of a trial (last vs best evaluation), parameter
// casting and the "no corresponding field" warning, hp_name and per-trial folders.
import Foundation
import Testing

@Suite("TransformersSearchSemantics")
struct TransformersSearchSemanticsTests {
  static func setup(_ dir: String) -> String {
    """
    import optuna
    from datasets import load_dataset
    from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments, TrainerCallback
    ds = load_dataset("iris", split="train").train_test_split(test_size=0.3, seed=0)
    def model_init(trial):
        return AutoModelForSequenceClassification.from_pretrained("mlp-tiny")

    """
  }

  @Test func objectiveIsLastEvaluationOrBestWithLoadBestModelAtEnd() {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hps-best-\(getpid())").path
    let r = ScriptHarness.run(Self.setup(dir) + """
      space = lambda t: {"learning_rate": t.suggest_float("learning_rate", 0.001, 0.01)}
      last = Trainer(model_init=model_init, args=TrainingArguments(output_dir="\(dir)/a", eval_strategy="epoch", save_strategy="no", num_train_epochs=3),
                     train_dataset=ds["train"], eval_dataset=ds["test"])
      b1 = last.hyperparameter_search(hp_space=space, compute_objective=lambda m: m["epoch"], n_trials=1)
      best = Trainer(model_init=model_init, args=TrainingArguments(output_dir="\(dir)/b", eval_strategy="epoch", save_strategy="epoch", num_train_epochs=3,
                                                                    load_best_model_at_end=True, save_total_limit=1),
                     train_dataset=ds["train"], eval_dataset=ds["test"])
      b2 = best.hyperparameter_search(hp_space=space, compute_objective=lambda m: m["epoch"], n_trials=1, hp_name=lambda t: f"trial_{t.number}")
      import os
      print(b1.objective, b2.objective, sorted(os.listdir("\(dir)/b")))
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("3.0 1.0 ['trial_0']"), "\(r.stdout)")
  }

  @Test func castingAndUnknownFieldWarnings() {
    let r = ScriptHarness.run(Self.setup("") + """
      class Seen(TrainerCallback):
          def on_train_begin(self, args, state, control, **kw):
              print("args", args.num_train_epochs, args.per_device_train_batch_size, args.warmup_steps, args.seed, state.trial_params["dropout_rate"])
      t = Trainer(model_init=model_init, args=TrainingArguments(eval_strategy="epoch", save_strategy="no"), train_dataset=ds["train"], eval_dataset=ds["test"],
                  callbacks=[Seen()])
      def space(trial):
          return {"num_train_epochs": trial.suggest_int("num_train_epochs", 1, 1), "per_device_train_batch_size": "16",
                  "warmup_steps": 2.0, "seed": trial.suggest_float("seed", 3.5, 3.5), "dropout_rate": 0.25}
      t.hyperparameter_search(hp_space=space, n_trials=2)
      print("after", t.args.num_train_epochs, t.args.seed)
      t.apply_hyperparameters({"seed": 7.9, "learning_rate": 1})
      print("applied", t.args.seed, t.args.learning_rate)
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("args 1.0 16 2 3 0.25"), "\(r.stdout)")
    #expect(r.stdout.contains("after 3.0 42"), "\(r.stdout)")
    #expect(r.stdout.contains("applied 7 1.0"), "\(r.stdout)")
    let warning = "Trying to set dropout_rate in the hyperparameter search but there is no corresponding field in `TrainingArguments`."
    #expect(r.stderr.components(separatedBy: warning).count == 2, "\(r.stderr)")
    #expect(r.stderr.contains("'seed' = 3.5 truncated to 3"), "\(r.stderr)")
  }

  @Test func modelInitWithoutParametersAndTheTrialItReceives() {
    let r = ScriptHarness.run(Self.setup("") + """
      got = []
      def with_trial(trial):
          got.append(None if trial is None else trial.params)
          return AutoModelForSequenceClassification.from_pretrained("logreg")
      t = Trainer(model_init=with_trial, args=TrainingArguments(eval_strategy="no", save_strategy="no", num_train_epochs=1), train_dataset=ds["train"], eval_dataset=ds["test"])
      best = t.hyperparameter_search(hp_space=lambda tr: {"learning_rate": tr.suggest_float("learning_rate", 0.01, 0.02)}, n_trials=2)
      print(got[0], sorted(got[1]), len(got), best.objective > 0)
      """)
    #expect(r.status == 0, "\(r.stderr)")
    // The constructor calls model_init(None); every trial sees the trial with its values drawn.
    #expect(r.stdout.contains("None ['learning_rate'] 3 True"), "\(r.stdout)")
  }
}
