// The engine's training hooks without any language: a loss closure (value + ∂loss/∂logits) and an
// optimizer/schedule factory really replace the built-in ones.
import Foundation
import Testing
@testable import HPSNumerics
@testable import HPSTraining

@Suite struct TrainerHookTests {
  static func model() throws -> Model {
    try TrainingSeed.$current.withValue(7) { try Model(config: .logisticRegression(features: 4, labels: 3)) }
  }

  /// Mean softmax cross-entropy and its gradient, written out independently of Loss.swift.
  static func crossEntropy(_ batch: LossBatch, scale: Double = 1) -> LossResult {
    let (n, c) = (batch.logits.rows, batch.logits.cols)
    var g = Matrix(rows: n, cols: c)
    var total = 0.0
    for r in 0..<n {
      let z = (0..<c).map { Double(batch.logits[r, $0]) }
      let m = z.max() ?? 0
      let s = z.reduce(0) { $0 + exp($1 - m) }
      let y = Int(batch.classIDs?[r] ?? 0)
      total += -(z[y] - m - log(s))
      for j in 0..<c { g.storage[r * c + j] = Float(scale * (exp(z[j] - m) / s - (j == y ? 1 : 0)) / Double(n)) }
    }
    return LossResult(loss: scale * total / Double(n), logitsGradient: g)
  }

  @Test func testLossHook_equalToTheDefault_trainsTheSameModel() throws {
    let (train, test) = try prepared("iris")
    let a = try args(["num_train_epochs": .int(3), "learning_rate": .double(0.05)])
    let plain = try Trainer(model: Self.model(), args: a, trainDataset: train, evalDataset: test)
    let hooked = try Trainer(model: Self.model(), args: a, trainDataset: train, evalDataset: test)
    var trainingCalls = 0, evaluationCalls = 0
    hooked.lossHook = { batch in
      if batch.training { trainingCalls += 1 } else { evaluationCalls += 1 }
      return Self.crossEntropy(batch)
    }
    let p = try plain.train(), h = try hooked.train()
    #expect(abs(p.trainingLoss - h.trainingLoss) < 1e-6)
    let pe = try plain.evaluate()["eval_loss"] ?? .nan, he = try hooked.evaluate()["eval_loss"] ?? .nan
    #expect(abs(pe - he) < 1e-6, "\(pe) vs \(he)")
    #expect(trainingCalls == p.globalStep && evaluationCalls > 0)
    for (x, y) in zip(plain.model?.parameters ?? [], hooked.model?.parameters ?? []) {
      #expect(zip(x.value.values, y.value.values).allSatisfy { abs($0 - $1) < 1e-5 })
    }
    // A scaled loss changes the trained weights.
    let scaled = try Trainer(model: Self.model(), args: a, trainDataset: train)
    scaled.lossHook = { Self.crossEntropy($0, scale: 3) }
    try scaled.train()
    let moved = zip(plain.model?.parameters[0].value.values ?? [], scaled.model?.parameters[0].value.values ?? []).map { abs($0 - $1) }.max() ?? 0
    #expect(moved > 1e-3)
  }

  @Test func testLossHook_withoutAGradient_isAnError() throws {
    let (train, _) = try prepared("iris")
    let trainer = try Trainer(model: Self.model(), args: args(["max_steps": .int(2)]), trainDataset: train)
    trainer.lossHook = { _ in LossResult(loss: 1, logitsGradient: nil) }
    #expect(throws: TrainerError.self) { try trainer.train() }
  }

  @Test func testOptimizerHook_replacesOptimizerAndSchedule() throws {
    let (train, _) = try prepared("iris")
    let trainer = try Trainer(model: Self.model(), args: args(["num_train_epochs": .int(2), "logging_strategy": .string("steps"), "logging_steps": .int(1)]),
                              trainDataset: train)
    let before = trainer.model?.parameters.map(\.value.values) ?? []
    var seenSteps = 0
    trainer.optimizerHook = { steps, argumentsSchedule in
      seenSteps = steps
      #expect(argumentsSchedule.totalSteps == steps)
      return (SGD(learningRate: 0), LearningRateSchedule(type: .cosine, initialLR: 0.5, warmupSteps: 2, totalSteps: steps))
    }
    let out = try trainer.train()
    #expect(seenSteps == out.globalStep)
    let after = trainer.model?.parameters.map(\.value.values) ?? []
    // The engine sets the optimizer's rate from the schedule, so SGD(learningRate: 0) still moves
    // the weights: the schedule's initialLR governs.
    #expect(before != after)
    let logged = trainer.logHistory.compactMap { $0["learning_rate"] }
    #expect(logged.count == out.globalStep)
    for (step, lr) in logged.enumerated() {
      let expected = step < 2 ? 0.5 * Double(step) / 2 : 0.5 * 0.5 * (1 + cos(Double.pi * Double(step - 2) / Double(out.globalStep - 2)))
      #expect(abs(lr - expected) < 1e-12)
    }
  }
}
