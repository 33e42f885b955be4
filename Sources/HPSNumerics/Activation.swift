// Elementwise activations: forward, and backward from whichever of input/output the derivative needs.
//
// ReLU, tanh and sigmoid have derivatives expressible through their output, so a layer that fuses
// them after a GEMM need not keep the pre-activation. GELU and SiLU need the input.
import HPSNumericsAVX2
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
    if let pre {
      for r in 0..<rows {
        let row = c + r * cols, prow = pre + r * cols
        for j in 0..<cols { let z = row[j] + bias[j]; prow[j] = z; row[j] = apply(z) }
      }
      return
    }
    let avx2 = CPUFeatures.avx2
    switch self {
    case .relu:
      if avx2 { AVX2Kernels.biasReLU(c, rows: rows, cols: cols, bias: bias) } else { KernelLoops.biasReLU(c, rows: rows, cols: cols, bias: bias) }
    case .identity:
      if avx2 { AVX2Kernels.addBias(c, rows: rows, cols: cols, bias: bias) } else { KernelLoops.addBias(c, rows: rows, cols: cols, bias: bias) }
    default:
      for r in 0..<rows {
        let row = c + r * cols
        for j in 0..<cols { row[j] = apply(row[j] + bias[j]) }
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
      if CPUFeatures.avx2 {
        AVX2Kernels.reluBackward(dy: dy, output: y, dx: dx, count: count)
      } else {
        KernelLoops.reluBackward(dy: dy, output: y, dx: dx, count: count)
      }
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
