// In-memory snapshots (PBT's exploit): a run stopped at step k, snapshotted and resumed in a new
// Trainer ends with the same weights as one run straight through — the optimizer state, the step
// (learning-rate schedule) and the data order all carry over.
import Foundation
import Testing
@testable import HPSNumerics
@testable import HPSTraining

@Suite struct TrainerSnapshotTests {
  func model(_ copyOf: Model? = nil) throws -> Model {
    let m = try Model(config: .logisticRegression(features: 4, labels: 3))
    if let copyOf { for (p, q) in zip(m.parameters, copyOf.parameters) { p.value = q.value } }
    return m
  }

  func trainingArgs(_ optim: String) throws -> TrainingArguments {
    try args(["max_steps": .int(30), "per_device_train_batch_size": .int(16), "learning_rate": .double(0.05),
              "optim": .string(optim), "num_threads": .int(1)])
  }

  @Test(arguments: ["adamw_torch", "sgd"])
  func resumedRunMatchesStraightRun(_ optim: String) throws {
    let (train, _) = try prepared("iris")
    let initial = try model()
    let straight = try Trainer(model: try model(initial), args: try trainingArgs(optim), trainDataset: train)
    try straight.train()

    let stopper = RecordingCallback()
    stopper.stopAfterStep = 13
    let first = try Trainer(model: try model(initial), args: try trainingArgs(optim), trainDataset: train, callbacks: [stopper])
    try first.train()
    let snapshot = try #require(first.snapshot())
    #expect(snapshot.globalStep == 13)

    let resumed = try Trainer(model: try model(), args: try trainingArgs(optim), trainDataset: train)
    resumed.resumeSnapshot = snapshot
    try resumed.train()
    #expect(resumed.state.globalStep == 30)
    #expect(resumed.resumeSnapshot == nil)
    for (a, b) in zip(straight.model!.parameters, resumed.model!.parameters) {
      let diff = zip(a.value.storage, b.value.storage).map { abs($0 - $1) }.max() ?? 0
      #expect(diff < 1e-5, "\(a.name) differs by \(diff)")
    }
    // Without the snapshot the second half alone ends elsewhere: the test can tell them apart.
    let fresh = try Trainer(model: try model(initial), args: try args(["max_steps": .int(17), "per_device_train_batch_size": .int(16),
                                                                          "learning_rate": .double(0.05), "optim": .string(optim)]), trainDataset: train)
    try fresh.train()
    let far = zip(straight.model!.parameters, fresh.model!.parameters).map { a, b in
      zip(a.value.storage, b.value.storage).map { abs($0 - $1) }.max() ?? 0
    }.max() ?? 0
    #expect(far > 1e-4)
  }

  @Test func snapshotOfAnotherArchitectureIsRefused() throws {
    let (train, _) = try prepared("iris")
    let first = try Trainer(model: try model(), args: try trainingArgs("adamw_torch"), trainDataset: train)
    try first.train()
    let snapshot = try #require(first.snapshot())
    let other = try Trainer(model: try Model(config: .mlp(features: 4, labels: 3, hidden: [8])),
                            args: try trainingArgs("adamw_torch"), trainDataset: train)
    other.resumeSnapshot = snapshot
    #expect(throws: TrainerError.self) { try other.train() }
  }
}
