// compute_loss and create_optimizer_and_scheduler overrides (and Trainer(optimizers=...)) really
// drive the native trainer: weighted losses change the model, neutral ones do not, SGD(lr=0)
// freezes it, schedules log the learning rates of their formulas, and bad input is a clear error.
import Foundation
import Testing

@Suite("TrainerHooks")
struct TrainerHooksTests {
  /// Data, a model factory and a subclass whose loss weights / smoothing come from globals.
  static let prelude = """
    import math, torch
    from torch import nn
    import torch.nn.functional as F
    from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments
    from datasets import load_dataset
    digits = load_dataset("digits", split="train").select(range(240))
    digits = digits.map(lambda row: {k: v / 16 for k, v in row.items() if k != "label"})
    ds = digits.train_test_split(test_size=0.25, seed=0)
    def model():
        return AutoModelForSequenceClassification.from_pretrained("mlp-tiny", hidden_sizes=[16])
    def args(**kw):
        kw.setdefault("learning_rate", 0.03)
        return TrainingArguments(output_dir="/tmp/hps-hooks-test", num_train_epochs=2, save_strategy="no", disable_tqdm=True, seed=5, **kw)
    WEIGHTS = None
    SMOOTHING = 0.0
    class LossTrainer(Trainer):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            labels = inputs.pop("labels")
            outputs = model(**inputs)
            weight = None if WEIGHTS is None else torch.tensor(WEIGHTS)
            loss = nn.CrossEntropyLoss(weight=weight, label_smoothing=SMOOTHING)(outputs.logits.view(-1, 10), labels.view(-1))
            return (loss, outputs) if return_outputs else loss
    def predictions(trainer):
        return [x for row in trainer.predict(ds["test"]).predictions for x in row]
    def max_diff(a, b):
        return max(abs(x - y) for x, y in zip(a, b))

    """

  static func run(_ body: String, path: String = "/tmp/hps-test.hps") -> ScriptResult { ScriptHarness.run(prelude + body, path: path) }

  static func numbers(_ stdout: String, _ key: String) -> [Double] {
    stdout.split(separator: "\n").first { $0.hasPrefix(key + " ") }
      .map { $0.dropFirst(key.count + 1).split(separator: " ").compactMap { Double($0) } } ?? []
  }

  @Test func testClassWeights_changeTheModel_andAllOnesEqualTheDefault() {
    let r = Self.run("""
      base = Trainer(model=model(), args=args(), train_dataset=ds["train"])
      base_out = base.train()
      WEIGHTS = [1.0] * 10
      ones = LossTrainer(model=model(), args=args(), train_dataset=ds["train"])
      ones_out = ones.train()
      WEIGHTS = [1.0, 4.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.2, 1.0]
      weighted = LossTrainer(model=model(), args=args(), train_dataset=ds["train"])
      weighted.train()
      WEIGHTS = None
      assert base_out.training_loss < 2.0, base_out.training_loss
      print("loss", base_out.training_loss, ones_out.training_loss)
      print("diff", max_diff(predictions(base), predictions(ones)), max_diff(predictions(base), predictions(weighted)))
      """)
    #expect(r.status == 0, "\(r.stderr)")
    let losses = Self.numbers(r.stdout, "loss"), diffs = Self.numbers(r.stdout, "diff")
    #expect(losses.count == 2 && abs(losses[0] - losses[1]) < 1e-6, "\(r.stdout)")
    #expect(diffs.count == 2 && diffs[0] < 1e-4, "all-ones weights must train like the default: \(r.stdout)")
    #expect(diffs.count == 2 && diffs[1] > 0.1, "class weights must change the model: \(r.stdout)")
  }

  @Test func testLabelSmoothing_matchesHandComputation_andTrainsLikeTheArgument() {
    let r = Self.run("""
      logits = torch.tensor([[2.0, 0.0, -1.0], [0.5, 0.5, 0.0]])
      labels = torch.tensor([0, 2])
      print("smooth", F.cross_entropy(logits, labels, label_smoothing=0.2).item(),
            nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 3.0]), label_smoothing=0.2)(logits, labels).item())
      SMOOTHING = 0.1
      custom = LossTrainer(model=model(), args=args(), train_dataset=ds["train"])
      custom_out = custom.train()
      SMOOTHING = 0.0
      native = Trainer(model=model(), args=args(label_smoothing_factor=0.1), train_dataset=ds["train"])
      native_out = native.train()
      assert custom_out.training_loss < 2.0, custom_out.training_loss
      print("train", custom_out.training_loss, native_out.training_loss, max_diff(predictions(custom), predictions(native)))
      """)
    #expect(r.status == 0, "\(r.stderr)")
    // By hand: loss_n = −Σ_c t_c·log p_c with t = (1−ε)·onehot(y) + ε/C, weighted per torch.
    func logSoftmax(_ z: [Double]) -> [Double] {
      let m = z.max() ?? 0
      let s = log(z.reduce(0) { $0 + exp($1 - m) }) + m
      return z.map { $0 - s }
    }
    let rows: [[Double]] = [[2, 0, -1], [0.5, 0.5, 0]], ys = [0, 2], eps = 0.2, w = [1.0, 2.0, 3.0]
    var plain = 0.0, weightedSum = 0.0, weightTotal = 0.0
    for (z, y) in zip(rows, ys) {
      let lp = logSoftmax(z)
      plain += -(1 - eps) * lp[y] - eps / 3 * lp.reduce(0, +)
      weightedSum += -(1 - eps) * w[y] * lp[y] - eps / 3 * zip(w, lp).map { $0 * $1 }.reduce(0, +)
      weightTotal += w[y]
    }
    let smooth = Self.numbers(r.stdout, "smooth"), train = Self.numbers(r.stdout, "train")
    #expect(smooth.count == 2 && abs(smooth[0] - plain / 2) < 1e-12, "\(smooth) vs \(plain / 2)")
    #expect(smooth.count == 2 && abs(smooth[1] - weightedSum / weightTotal) < 1e-12, "\(smooth) vs \(weightedSum / weightTotal)")
    #expect(train.count == 3 && abs(train[0] - train[1]) < 1e-6 && train[2] < 1e-4, "\(r.stdout)")
  }

  @Test func testOptimizerOverride_sgdWithZeroLearningRate_leavesWeightsUnchanged() {
    let r = Self.run("""
      from transformers import get_constant_schedule
      class Frozen(Trainer):
          def create_optimizer_and_scheduler(self, num_training_steps):
              self.optimizer = torch.optim.SGD(self.model.parameters(), lr=0.0, momentum=0.9, weight_decay=0.1)
              self.lr_scheduler = get_constant_schedule(self.optimizer)
      frozen = Frozen(model=model(), args=args(), train_dataset=ds["train"])
      before = predictions(frozen)
      frozen.train()
      trained = Trainer(model=model(), args=args(), train_dataset=ds["train"])
      start = predictions(trained)
      trained.train()
      m = model()
      given = Trainer(model=m, args=args(), train_dataset=ds["train"], optimizers=(torch.optim.AdamW(m.parameters(), lr=0.0), None))
      given_before = predictions(given)
      given.train()
      print("diff", max_diff(before, predictions(frozen)), max_diff(start, predictions(trained)), max_diff(given_before, predictions(given)))
      print("same start", max_diff(before, start))
      """)
    #expect(r.status == 0, "\(r.stderr)")
    let d = Self.numbers(r.stdout, "diff")
    #expect(d.count == 3 && d[0] == 0 && d[2] == 0, "lr=0 must leave the weights unchanged: \(r.stdout)")
    #expect(d.count == 3 && d[1] > 0.1, "the default optimizer must train: \(r.stdout)")
    #expect(Self.numbers(r.stdout, "same start").first == 0, "\(r.stdout)")
  }

  @Test func testCosineSchedule_loggedLearningRatesMatchTheFormula() {
    let r = Self.run("""
      from transformers import get_scheduler
      class Cosine(Trainer):
          def create_optimizer(self):
              self.optimizer = torch.optim.Adam(self.model.parameters(), lr=0.02, betas=(0.8, 0.99))
              return self.optimizer
          def create_scheduler(self, num_training_steps, optimizer=None):
              self.lr_scheduler = get_scheduler("cosine", optimizer, num_warmup_steps=4, num_training_steps=num_training_steps,
                                                scheduler_specific_kwargs={"num_cycles": 0.75})
              return self.lr_scheduler
      t = Cosine(model=model(), args=args(logging_steps=1), train_dataset=ds["train"])
      t.train()
      print("lrs", *[h["learning_rate"] for h in t.state.log_history if "learning_rate" in h])
      """)
    #expect(r.status == 0, "\(r.stderr)")
    let lrs = Self.numbers(r.stdout, "lrs")
    let total = 2 * Int((180.0 / 8).rounded(.up))
    #expect(lrs.count == total, "\(r.stdout)")
    for (step, lr) in lrs.enumerated() {
      let expected = step < 4 ? 0.02 * Double(step) / 4
        : 0.02 * max(0, 0.5 * (1 + cos(Double.pi * 0.75 * 2 * Double(step - 4) / Double(total - 4))))
      #expect(abs(lr - expected) < 1e-12, "step \(step): \(lr) vs \(expected)")
    }
  }

  @Test func testComputeLossFuncAndOptimizerClsAndKwargs_takeEffect() {
    let r = Self.run("""
      seen = []
      def loss_func(outputs, labels, num_items_in_batch=None):
          seen.append(num_items_in_batch)
          return F.cross_entropy(outputs.logits, labels)
      base = Trainer(model=model(), args=args(), train_dataset=ds["train"])
      base.train()
      viaFunc = Trainer(model=model(), args=args(), train_dataset=ds["train"], compute_loss_func=loss_func)
      viaFunc.train()
      frozen = Trainer(model_init=model, args=args(), train_dataset=ds["train"], optimizer_cls_and_kwargs=(torch.optim.SGD, {"lr": 0.0}))
      start = predictions(frozen)
      frozen.train()
      print("func", max_diff(predictions(base), predictions(viaFunc)), len(seen), seen[0])
      print("frozen", max_diff(start, predictions(frozen)), frozen.optimizer.param_groups[0]["lr"])
      try:
          Trainer(model=model(), args=args(), optimizers=(torch.optim.SGD(model().parameters()), None), optimizer_cls_and_kwargs=(torch.optim.SGD, {}))
      except RuntimeError as e:
          print("RuntimeError:", e)
      """)
    #expect(r.status == 0, "\(r.stderr)")
    let f = Self.numbers(r.stdout, "func")
    #expect(f.count == 3 && f[0] < 1e-4 && f[1] > 0 && f[2] == 8, "\(r.stdout)")
    // model_init builds a fresh (seeded) model for train(), so compare against its own start.
    #expect(Self.numbers(r.stdout, "frozen") == [0, 0], "\(r.stdout)")
    #expect(r.stdout.contains("RuntimeError: Passing both `optimizers` and `optimizer_cls_and_kwargs` arguments is incompatible."))
  }

  @Test func testBadInput_givesClearErrorsWithTheScriptLine() {
    let r = Self.run("""
      def attempt(f):
          try:
              f()
          except Exception as e:
              print(type(e).__name__ + ":", e)
      WEIGHTS = [1.0, 2.0]
      attempt(lambda: LossTrainer(model=model(), args=args(), train_dataset=ds["train"]).train())
      WEIGHTS = None
      class Wrong(Trainer):
          def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
              return 1.0
      attempt(lambda: Wrong(model=model(), args=args(), train_dataset=ds["train"]).train())
      class Nothing(Trainer):
          def create_optimizer_and_scheduler(self, num_training_steps):
              pass
      attempt(lambda: Nothing(model=model(), args=args(), train_dataset=ds["train"]).train())
      attempt(lambda: torch.zeros(3))
      attempt(lambda: torch.optim.SGD(model().parameters(), lr=-1))
      attempt(lambda: torch.optim.Adam(model().parameters(), amsgrad=True))
      attempt(lambda: Trainer(model_init=model, args=args(), optimizers=(torch.optim.SGD(model().parameters()), None)))
      attempt(lambda: F.mse_loss(torch.tensor([[1.0], [2.0]]), torch.tensor([1.0, 2.0, 3.0])))
      m = model()
      attempt(lambda: m(input_features=torch.tensor([[1.0]])))
      WEIGHTS = [1.0, 2.0]
      LossTrainer(model=model(), args=args(), train_dataset=ds["train"]).train()
      """, path: "/tmp/hooks-errors.hps")
    let out = r.stdout
    #expect(out.contains("RuntimeError: weight tensor should be defined either for all 10 classes or no classes but got weight tensor of shape: [2]"), "\(out)\n\(r.stderr)")
    #expect(out.contains("TypeError: Wrong.compute_loss must return a loss tensor (torch.Tensor), got float"), "\(out)")
    #expect(out.contains("RuntimeError: Nothing.create_optimizer_and_scheduler left self.optimizer None"), "\(out)")
    #expect(out.contains("AttributeError: module 'torch' has no attribute 'zeros' (hps's torch is a small subset"), "\(out)")
    #expect(out.contains("ValueError: Invalid learning rate: -1"), "\(out)")
    #expect(out.contains("NotImplementedError: hps's Adam does not support amsgrad=True"), "\(out)")
    #expect(out.contains("RuntimeError: Passing a `model_init` is incompatible with providing the `optimizers` argument."), "\(out)")
    #expect(out.contains("RuntimeError: input shape [2, 1] and target shape [3] differ"), "\(out)")
    #expect(out.contains("RuntimeError: hps models run natively: model(**inputs) works inside a Trainer's compute_loss only"), "\(out)")
    // The uncaught one: a traceback through the script's compute_loss line.
    #expect(r.status != 0)
    let lossLine = Self.prelude.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("loss = nn.CrossEntropyLoss(weight=weight") }.map { $0 + 1 } ?? -1
    #expect(r.stderr.contains("File \"/tmp/hooks-errors.hps\", line \(lossLine), in compute_loss"), "\(r.stderr)")
    #expect(r.stderr.contains("RuntimeError: weight tensor should be defined either for all 10 classes"), "\(r.stderr)")
  }
}
