// Errors raised by the Trainer, with the Python exception type a script should see and, where
// Transformers has one, its exact message.
public enum TrainerError: Error, Equatable, CustomStringConvertible {
  case runtime(String)
  case value(String)
  case assertion(String)
  /// The training loss became NaN or infinite.
  case nonFiniteLoss(step: Int, learningRate: Double, loss: Double)

  public static let neitherModelNorInit = TrainerError.runtime("`Trainer` requires either a `model` or `model_init` argument")
  public static let bothModelAndInit = TrainerError.value("`Trainer` requires either a `model` or `model_init` argument, but not both.")
  public static let modelInitWithOptimizers = TrainerError.runtime(
    "Passing a `model_init` is incompatible with providing the `optimizers` argument. You should subclass `Trainer` and override the `create_optimizer_and_scheduler` method.")
  public static let modelInitReturnedNone = TrainerError.runtime("model_init should not return None.")

  public var pythonType: String {
    switch self {
    case .runtime, .nonFiniteLoss: return "RuntimeError"
    case .value: return "ValueError"
    case .assertion: return "AssertionError"
    }
  }

  public var description: String {
    switch self {
    case .runtime(let m), .value(let m), .assertion(let m): return m
    case .nonFiniteLoss(let step, let lr, let loss):
      return "training diverged: the loss became \(loss) at step \(step) with learning_rate \(lr); "
        + "lower learning_rate or keep max_grad_norm clipping on"
    }
  }
}
