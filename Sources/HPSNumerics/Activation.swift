// Elementwise activations: forward, and backward from whichever of input/output the derivative needs.
//
// ReLU, tanh and sigmoid have derivatives expressible through their output, so a layer that fuses
// them after a GEMM need not keep the pre-activation. GELU and SiLU need the input.
public enum Activation: String, Sendable, CaseIterable {
  case identity, relu, gelu, tanh, sigmoid, silu

  /// Whether backward needs the pre-activation (otherwise the output suffices).
  public var backwardNeedsInput: Bool { self == .gelu || self == .silu }

  @inline(__always)
  public static func sigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + expf_(-x)) }
    let e = expf_(x)
    return e / (1 + e)
  }

  @inline(__always)
  func apply(_ x: Float) -> Float {
    switch self {
    case .identity: return x
    case .relu: return x > 0 ? x : 0
    case .gelu: return 0.5 * x * (1 + erff_(x * 0.70710678118654752))
    case .tanh: return tanhf_(x)
    case .sigmoid: return Activation.sigmoid(x)
    case .silu: return x * Activation.sigmoid(x)
    }
  }

  /// y = f(x) over `count` elements (x and y may alias).
  public func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
    switch self {
    case .identity:
      if UnsafePointer(y) != x { y.update(from: x, count: count) }
    case .relu:
      for i in 0..<count { let v = x[i]; y[i] = v > 0 ? v : 0 }
    default:
      for i in 0..<count { y[i] = apply(x[i]) }
    }
  }

  /// c[r, j] = f(c[r, j] + bias[j]); stores the pre-activation in `pre` when given.
  /// The bias add is fused here so each GEMM output is touched once.
  public func biasForward(
    _ c: UnsafeMutablePointer<Float>, rows: Int, cols: Int, bias: UnsafePointer<Float>,
    pre: UnsafeMutablePointer<Float>?
  ) {
    for r in 0..<rows {
      let row = c + r * cols
      if let pre {
        let prow = pre + r * cols
        for j in 0..<cols { let z = row[j] + bias[j]; prow[j] = z; row[j] = apply(z) }
        continue
      }
      switch self {
      case .identity: for j in 0..<cols { row[j] += bias[j] }
      case .relu: for j in 0..<cols { let z = row[j] + bias[j]; row[j] = z > 0 ? z : 0 }
      default: for j in 0..<cols { row[j] = apply(row[j] + bias[j]) }
      }
    }
  }

  /// dx = dy · f'(·), where `input` is the pre-activation and `output` the activation (only the
  /// one this activation needs is read). dx may alias dy.
  public func backward(
    dy: UnsafePointer<Float>, input: UnsafePointer<Float>?, output: UnsafePointer<Float>?,
    dx: UnsafeMutablePointer<Float>, count: Int
  ) {
    switch self {
    case .identity:
      if UnsafePointer(dx) != dy { dx.update(from: dy, count: count) }
    case .relu:
      guard let y = output ?? input else { return }
      // Both loads first: a load under the condition keeps the loop from vectorizing.
      for i in 0..<count { let d = dy[i], v = y[i]; dx[i] = v > 0 ? d : 0 }
    case .tanh:
      guard let y = output else { return }
      for i in 0..<count { dx[i] = dy[i] * (1 - y[i] * y[i]) }
    case .sigmoid:
      guard let y = output else { return }
      for i in 0..<count { dx[i] = dy[i] * y[i] * (1 - y[i]) }
    case .gelu:
      guard let x = input else { return }
      for i in 0..<count {
        let v = x[i]
        let cdf = 0.5 * (1 + erff_(v * 0.70710678118654752))
        let pdf = expf_(-0.5 * v * v) * 0.39894228040143268
        dx[i] = dy[i] * (cdf + v * pdf)
      }
    case .silu:
      guard let x = input else { return }
      for i in 0..<count {
        let s = Activation.sigmoid(x[i])
        dx[i] = dy[i] * s * (1 + x[i] * (1 - s))
      }
    }
  }
}
