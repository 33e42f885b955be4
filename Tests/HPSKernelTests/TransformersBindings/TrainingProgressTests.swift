// trainer.train()'s progress bar: one updating display where the front end can update outputs,
// nothing on a pipe, and nothing with disable_tqdm=True.
import HPSKernel
import HPSScript
import Testing

@Suite struct TrainingProgressTests {
  static func train(disableTqdm: Bool?, notebook: Bool) -> (events: [DisplayEvent], stdout: String, result: CellResult?) {
    let interpreter = KernelEnvironment.makeInterpreter(argv: ["test"], scriptPath: nil)
    nonisolated(unsafe) var out = ""
    interpreter.writeStdout = { out += $0 }
    let session = Session(interpreter: interpreter, isInteractive: false)
    nonisolated(unsafe) var events: [DisplayEvent] = []
    if notebook { session.displayPublisher = { events.append($0) } }
    let flag = disableTqdm.map { ", disable_tqdm=\($0 ? "True" : "False")" } ?? ""
    nonisolated(unsafe) var result: CellResult?
    Interpreter.runOnLargeStack {
      result = session.execute("""
        from datasets import load_dataset
        from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments
        ds = load_dataset("iris", split="train").train_test_split(test_size=0.2, seed=0)
        args = TrainingArguments(output_dir="unused", num_train_epochs=2, per_device_train_batch_size=8, eval_strategy="epoch"\(flag))
        out = Trainer(model=AutoModelForSequenceClassification.from_pretrained("logreg"), args=args,
                      train_dataset=ds["train"], eval_dataset=ds["test"]).train()
        out.global_step
        """)
    }
    return (events, out, result)
  }

  @Test func notebookGetsOneUpdatingDisplay() throws {
    let run = Self.train(disableTqdm: nil, notebook: true)
    #expect(run.result?.resultBundle?.plainText == "30")
    guard case .display(let first, let id?) = run.events.first else {
      Issue.record("expected a progress display with an id, got \(run.events)")
      return
    }
    #expect(first.plainText?.hasPrefix("train: ") == true)
    #expect(run.events.dropFirst().allSatisfy { if case .update(_, let u) = $0 { return u == id } else { return false } })
    guard case .update(let last, _) = run.events.last else { Issue.record("expected updates"); return }
    #expect(last.plainText?.contains("30/30") == true)
    #expect(last.plainText?.contains("eval_loss=") == true)
  }

  @Test func disableTqdmTurnsItOff() {
    let run = Self.train(disableTqdm: true, notebook: true)
    #expect(run.result?.resultBundle?.plainText == "30")
    #expect(run.events.isEmpty)
  }

  @Test func pipesGetNoProgress() {
    let run = Self.train(disableTqdm: false, notebook: false)
    #expect(run.result?.resultBundle?.plainText == "30")
    #expect(!run.stdout.contains("train:"))
  }
}
