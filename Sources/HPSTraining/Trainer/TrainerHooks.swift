// The two training hooks a caller can plug into the Trainer without the engine knowing who
// supplies them (HPSKernel installs them for a script subclass overriding `compute_loss` and
// `create_optimizer_and_scheduler`): a loss over one batch's logits, and the optimizer and
// learning-rate schedule of a run.
import HPSNumerics

/// One batch as a custom loss sees it: the model's inputs, its logits and the labels.
public struct LossBatch {
  /// rows × num_features.
  public let features: Matrix
  /// rows × num_labels, the model's output for `features`.
  public let logits: Matrix
  /// Class ids (one per row) when the data has class labels.
  public let classIDs: [Int32]?
  /// rows × k real-valued targets when the data has them.
  public let targets: Matrix?
  /// True inside a training step (a gradient is needed); false during evaluation.
  public let training: Bool
  /// The loss the Trainer would use without the hook (label smoothing included).
  public let defaultLoss: Loss

  public init(features: Matrix, logits: Matrix, classIDs: [Int32]?, targets: Matrix?, training: Bool, defaultLoss: Loss) {
    self.features = features
    self.logits = logits
    self.classIDs = classIDs
    self.targets = targets
    self.training = training
    self.defaultLoss = defaultLoss
  }
}

/// A custom loss's answer: the batch's loss (already reduced, as the value the training log
/// averages) and ∂loss/∂logits (rows × num_labels), which training back-propagates.
public struct LossResult {
  public var loss: Double
  public var logitsGradient: Matrix?
  public init(loss: Double, logitsGradient: Matrix?) {
    self.loss = loss
    self.logitsGradient = logitsGradient
  }
}

/// Replaces the built-in loss for training steps and for eval_loss.
public typealias LossFunction = (LossBatch) throws -> LossResult

/// Supplies a run's optimizer and schedule before the first step. Receives the run's number of
/// optimizer steps and the schedule TrainingArguments would give (for its warmup and type).
public typealias OptimizerAndScheduleFactory =
  (_ numTrainingSteps: Int, _ argumentsSchedule: LearningRateSchedule) throws -> (Optimizer, LearningRateSchedule)

extension Trainer {
  /// The batch's mean loss for the logits of the last forward pass. With `training`, leaves
  /// ∂(loss / accumulation)/∂logits in the batch buffers for backward.
  func batchLoss(_ loss: Loss, logits: Matrix, rows: Int, isClassification: Bool, training: Bool, accumulation: Int) throws -> Double {
    guard let lossHook else {
      let denom = loss.denominator(rows: rows, cols: logits.cols)
      let sum = buffers.loss(loss, logits: logits, isClassification: isClassification, withGradient: training,
                             gradScale: 1 / Float(denom * accumulation))
      return sum / Double(denom)
    }
    let batch = LossBatch(
      features: Matrix(rows: rows, cols: buffers.x.cols, values: Array(buffers.x.storage[0..<(rows * buffers.x.cols)])),
      logits: Matrix(rows: rows, cols: logits.cols, values: Array(logits.storage[0..<(rows * logits.cols)])),
      classIDs: isClassification ? Array(buffers.classIDs[0..<rows]) : nil,
      targets: isClassification ? nil
        : Matrix(rows: rows, cols: buffers.targets.cols, values: Array(buffers.targets.storage[0..<(rows * buffers.targets.cols)])),
      training: training, defaultLoss: loss)
    let result = try lossHook(batch)
    guard training else { return result.loss }
    guard let g = result.logitsGradient, g.rows == rows, g.cols == logits.cols else {
      throw TrainerError.runtime("the custom loss returned no gradient of shape (\(rows), \(logits.cols)) for the logits")
    }
    buffers.gradient.ensure(rows: rows, cols: logits.cols)
    let scale = 1 / Float(accumulation)
    for i in 0..<(rows * logits.cols) { buffers.gradient.storage[i] = g.storage[i] * scale }
    return result.loss
  }
}
