// Layers with hand-written forward and backward passes over preallocated buffers.
//
// A model, its layers and their buffers belong to one trainer on one thread at a time (they are
// deliberately not Sendable); parallel trials each build their own model through `modelInit`.
import HPSNumerics

/// A trainable tensor and its gradient. `decays` follows Transformers: weight decay applies to
/// weights, not to biases or LayerNorm parameters.
public final class Parameter {
  public let name: String
  public var value: Matrix
  public var grad: Matrix
  public let decays: Bool

  public init(name: String, value: Matrix, decays: Bool) {
    self.name = name
    self.value = value
    self.grad = Matrix(rows: value.rows, cols: value.cols)
    self.decays = decays
  }
}

public protocol Layer: AnyObject {
  var inputSize: Int { get }
  var outputSize: Int { get }
  var parameters: [Parameter] { get }
  /// The result of the last `forward` (batch × outputSize).
  var output: Matrix { get }
  /// ∂loss/∂input from the last `backward` (batch × inputSize), when it was requested.
  var inputGradient: Matrix { get }
  func forward(_ x: Matrix, training: Bool)
  /// Backpropagates `dy` (∂loss/∂output) given the forward input `x`. Parameter gradients are
  /// overwritten, or added to when `accumulate` is set (gradient accumulation).
  func backward(_ x: Matrix, _ dy: Matrix, needInputGradient: Bool, accumulate: Bool)
}

extension Matrix {
  /// Grows the buffer to `rows × cols` if its shape differs (no allocation once sized).
  @inline(__always)
  mutating func ensure(rows: Int, cols: Int) {
    if self.rows != rows || self.cols != cols { reshape(rows: rows, cols: cols) }
  }
}
