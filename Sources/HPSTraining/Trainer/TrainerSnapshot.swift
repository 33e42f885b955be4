// An in-memory checkpoint of a training run: the weights, the optimizer's state and the step.
// Population-based training copies it from a better trial into a worse one (Ray's exploit);
// `Trainer.resumeSnapshot` makes the next train() continue from it instead of from step 0.
import HPSNumerics

public struct TrainerSnapshot: @unchecked Sendable {
  public let weights: [Matrix]
  public let optimizer: OptimizerState
  public let globalStep: Int
  public let epoch: Double
  public let bestMetric: Double?

  /// Model parameter count the snapshot fits (restoring into another architecture is refused).
  public var parameterShapes: [Int] { weights.map(\.count) }
}

extension Trainer {
  /// The current weights, optimizer state and step (nil before the first training step).
  public func snapshot() -> TrainerSnapshot? {
    guard let model, let optimizer = currentOptimizer else { return nil }
    return TrainerSnapshot(weights: model.parameters.map(\.value), optimizer: optimizer.exportState(),
                           globalStep: state.globalStep, epoch: state.epoch ?? 0, bestMetric: state.bestMetric)
  }

  /// Loads `snapshot` into `model` and `optimizer`; throws when the shapes do not match.
  func restore(_ snapshot: TrainerSnapshot, model: Model, optimizer: Optimizer) throws {
    let params = model.parameters
    guard params.map(\.value.count) == snapshot.parameterShapes else {
      throw TrainerError.value("resume snapshot: its \(snapshot.weights.count) weight tensors do not fit this model's \(params.count) (a different architecture)")
    }
    for (p, w) in zip(params, snapshot.weights) { p.value = w }
    optimizer.importState(snapshot.optimizer)
  }
}
