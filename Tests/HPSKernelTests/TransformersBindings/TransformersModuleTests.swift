// The transformers module outside searches: arguments, models, training, callbacks, checkpoints.
import Foundation
import Testing

@Suite("TransformersModule")
struct TransformersModuleTests {
  @Test func trainingArgumentsFieldsAndErrors() {
    let r = ScriptHarness.run("""
      from transformers import TrainingArguments, IntervalStrategy
      a = TrainingArguments(output_dir="o", learning_rate=1e-3, num_train_epochs=2, eval_strategy=IntervalStrategy.EPOCH, use_cpu=True, report_to=[])
      print(a.learning_rate, a.num_train_epochs, a.eval_strategy, a.seed, a.report_to, a.use_cpu)
      a.seed = 7
      print(a.to_dict()["seed"], repr(a).startswith("TrainingArguments(output_dir='o'"))
      for kw in [{"learnig_rate": 1}, {"evaluation_strategy": "epoch"}, {"eval_strategy": "sometimes"}, {"per_device_train_batch_size": 0}, {"seed": "x"}]:
          try:
              TrainingArguments(**kw)
          except (TypeError, ValueError) as e:
              print(type(e).__name__, e)
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("0.001 2.0 epoch 42 none True"), "\(r.stdout)")
    #expect(r.stdout.contains("7 True"))
    #expect(r.stdout.contains("TypeError TrainingArguments.__init__() got an unexpected keyword argument 'learnig_rate'. Did you mean 'learning_rate'?"))
    #expect(r.stdout.contains("'evaluation_strategy'. Did you mean 'eval_strategy'?"), "\(r.stdout)")
    #expect(r.stdout.contains("ValueError 'sometimes' is not a valid value for eval_strategy"))
    #expect(r.stdout.contains("ValueError per_device_train_batch_size must be >= 1, got 0"))
    #expect(r.stdout.contains("TypeError seed must be int, got str"))
  }

  @Test func modelZooOverridesAndRegressionHead() {
    let r = ScriptHarness.run("""
      from transformers import AutoModelForSequenceClassification, AutoConfig, list_models
      m = AutoModelForSequenceClassification.from_pretrained("mlp-small", num_labels=3, hidden_sizes=[8], dropout=0.1, num_features=4)
      print(m.config.num_labels, m.config.hidden_sizes, m.config.hidden_dropout_prob, m.num_parameters())
      r = AutoModelForSequenceClassification.from_pretrained("logreg", num_labels=1)
      print(r.config.problem_type, r.config.num_features)
      c = AutoConfig.from_pretrained("mlp-base", hidden_act="gelu")
      print(c.hidden_act, AutoModelForSequenceClassification.from_config(c).config.hidden_sizes)
      print(sorted(list_models()))
      for f in [lambda: AutoModelForSequenceClassification.from_pretrained("bert-base-uncased"),
                lambda: AutoModelForSequenceClassification.from_pretrained("mlp-tiny", hiden_sizes=[3]),
                lambda: AutoModelForSequenceClassification.from_pretrained("mlp-tiny", dropout=1.5),
                lambda: AutoModelForSequenceClassification.from_pretrained("mlp-tiny").num_parameters()]:
          try:
              f()
          except Exception as e:
              print(type(e).__name__, str(e)[:100])
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("3 [8] 0.1 67"), "\(r.stdout)")  // 4*8+8 + 8*3+3
    #expect(r.stdout.contains("regression None"))
    #expect(r.stdout.contains("gelu [128, 128]"))
    #expect(r.stdout.contains("['linreg', 'logreg', 'mlp-base', 'mlp-small', 'mlp-tiny']"))
    #expect(r.stdout.contains("OSError 'bert-base-uncased' is not a local folder and not a built-in model, and"))
    #expect(r.stdout.contains("TypeError from_pretrained() got an unexpected config keyword 'hiden_sizes'. Did you me"))
    #expect(r.stdout.contains("ValueError invalid model config: hidden_dropout_prob must be in [0, 1)"))
    #expect(r.stdout.contains("ValueError invalid model config: num_features is not known yet"))
  }

  @Test func trainEvaluatePredictCallbacksAndCheckpoints() {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hps-ckpt-\(getpid())").path
    let r = ScriptHarness.run("""
      from datasets import load_dataset
      from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments, TrainerCallback, EarlyStoppingCallback
      ds = load_dataset("wine", split="train")
      ds = ds.map(lambda r: {k: v / 1000 if k == "proline" else v for k, v in r.items()}).train_test_split(test_size=0.3, seed=0)
      class Stopper(TrainerCallback):
          def __init__(self):
              self.events = []
          def on_train_begin(self, args, state, control, **kw):
              self.events.append("begin")
          def on_evaluate(self, args, state, control, metrics=None, **kw):
              self.events.append(round(state.epoch))
              if state.epoch >= 2:
                  control.should_training_stop = True
      stop = Stopper()
      args = TrainingArguments(output_dir="\(dir)", eval_strategy="epoch", save_strategy="no", num_train_epochs=10, learning_rate=0.01)
      model = AutoModelForSequenceClassification.from_pretrained("mlp-small")
      t = Trainer(model=model, args=args, train_dataset=ds["train"], eval_dataset=ds["test"], compute_metrics=["accuracy", "f1"], callbacks=[stop])
      out = t.train()
      print(stop.events, round(t.state.epoch), out.global_step == t.state.global_step, t.model is model)
      m = t.evaluate()
      print(sorted(k for k in m if not k.endswith("_runtime") and not k.endswith("_second")))
      p = t.predict(ds["test"])
      print(len(p.predictions) == ds["test"].num_rows, len(p.predictions[0]), p.metrics["test_loss"] == m["eval_loss"])
      t.save_model()
      back = AutoModelForSequenceClassification.from_pretrained("\(dir)")
      t2 = Trainer(model=back, args=args, eval_dataset=ds["test"])
      print(abs(t2.evaluate()["eval_loss"] - m["eval_loss"]) < 1e-9)
      es = TrainingArguments(eval_strategy="epoch", save_strategy="epoch", load_best_model_at_end=True, metric_for_best_model="eval_loss", num_train_epochs=30, learning_rate=0.5, output_dir="\(dir)/es")
      t3 = Trainer(model=AutoModelForSequenceClassification.from_pretrained("mlp-small"), args=es, train_dataset=ds["train"], eval_dataset=ds["test"], callbacks=[EarlyStoppingCallback(early_stopping_patience=2)])
      t3.train()
      print(t3.state.epoch < 30)
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("['begin', 1, 2] 2 True True"), "\(r.stdout)")
    #expect(r.stdout.contains("['epoch', 'eval_accuracy', 'eval_f1', 'eval_loss']"), "\(r.stdout)")
    #expect(r.stdout.contains("True 3 True"), "\(r.stdout)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.suffix(2) == ["True", "True"], "\(r.stdout)")
  }
}
