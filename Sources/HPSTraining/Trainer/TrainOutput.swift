// What train() and predict() return (Transformers' TrainOutput and PredictionOutput).
import HPSNumerics

public struct TrainOutput: Sendable, Equatable {
  public let globalStep: Int
  public let trainingLoss: Double
  public let metrics: Metrics
}

public struct PredictionOutput: Sendable {
  /// Raw model outputs (logits for classification), one row per sample.
  public let predictions: Matrix
  public let labelIDs: Dataset.Labels
  /// test_loss, test_<metric>, test_runtime, ... (prefix "test").
  public let metrics: Metrics
}
