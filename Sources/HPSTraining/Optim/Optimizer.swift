// Optimizers with PyTorch's update rules (the ones Transformers' `optim` names select).
// Each keeps per-parameter state in buffers allocated on the first step and reused afterwards.
import Foundation
import HPSNumerics

public protocol Optimizer: AnyObject {
  /// The learning rate for the next step (the scheduler sets it before each step).
  var learningRate: Double { get set }
  /// Applies one update to every parameter from its gradient.
  func step(_ parameters: [Parameter])
  /// Applies one update from the gradients multiplied by `gradientScale` (gradient clipping's
  /// coefficient). Afterwards the stored gradients hold the scaled or the original values
  /// (AdamW scales while it reads them, saving a pass); the next backward overwrites them.
  func step(_ parameters: [Parameter], gradientScale: Float)
  /// The per-parameter state (moments, momentum buffers, step counters), for in-memory
  /// snapshots (PBT's exploit copies it from one trial into another).
  func exportState() -> OptimizerState
  func importState(_ state: OptimizerState)
}

/// An optimizer's state as plain arrays: its buffers and counters, in a fixed order per type.
public struct OptimizerState: Sendable {
  public var buffers: [[[Float]]]
  public var counters: [Int]
  public init(buffers: [[[Float]]] = [], counters: [Int] = []) {
    self.buffers = buffers
    self.counters = counters
  }
}

extension Optimizer {
  /// Scales the gradients in place, then steps.
  public func step(_ parameters: [Parameter], gradientScale: Float) {
    if gradientScale != 1 { scaleGradients(parameters, by: gradientScale) }
    step(parameters)
  }

  /// Stateless (or foreign) optimizers keep nothing.
  public func exportState() -> OptimizerState { OptimizerState() }
  public func importState(_ state: OptimizerState) {}
}

/// Per-parameter state buffers, created lazily with the parameters' sizes.
struct StateBuffers {
  var buffers: [[Float]] = []
  mutating func prepare(_ parameters: [Parameter]) {
    if buffers.count != parameters.count { buffers = parameters.map { [Float](repeating: 0, count: $0.value.count) } }
  }
}

/// AdamW (decoupled weight decay), PyTorch's formula: p ← p·(1 − lr·wd);
/// m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; p ← p − (lr/(1−β1ᵗ))·m / (√v/√(1−β2ᵗ) + ε).
/// With `decoupled == false` it is Adam with L2 (g ← g + wd·p), PyTorch's `Adam(weight_decay=)`.
/// Transformers' defaults: β1 0.9, β2 0.999, ε 1e-8, weight decay 0 (decay skips biases and norms).
public final class AdamW: Optimizer {
  public var learningRate: Double
  public let beta1: Double, beta2: Double, epsilon: Double, weightDecay: Double
  public let decoupled: Bool
  public private(set) var stepCount = 0
  private var m = StateBuffers(), v = StateBuffers()

  public init(learningRate: Double = 5e-5, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
              weightDecay: Double = 0, decoupled: Bool = true) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.decoupled = decoupled
  }

  public func exportState() -> OptimizerState { OptimizerState(buffers: [m.buffers, v.buffers], counters: [stepCount]) }
  public func importState(_ state: OptimizerState) {
    guard state.buffers.count == 2, state.counters.count == 1 else { return }
    m.buffers = state.buffers[0]
    v.buffers = state.buffers[1]
    stepCount = state.counters[0]
  }

  public func step(_ parameters: [Parameter]) { step(parameters, gradientScale: 1) }

  public func step(_ parameters: [Parameter], gradientScale: Float) {
    m.prepare(parameters)
    v.prepare(parameters)
    stepCount += 1
    let t = Double(stepCount)
    let bc1 = 1 - powD(beta1, t), bc2 = 1 - powD(beta2, t)
    let stepSize = Float(learningRate / bc1)
    let invSqrtBC2 = Float(1 / bc2.squareRoot())
    let b1 = Float(beta1), b2 = Float(beta2), eps = Float(epsilon)
    for (k, p) in parameters.enumerated() {
      let n = p.value.count
      let wd = p.decays ? Float(weightDecay) : 0
      let decayFactor = decoupled ? 1 - Float(learningRate) * wd : 1
      let l2 = decoupled ? 0 : wd
      p.grad.withUnsafePointer { g in
        p.value.withUnsafeMutablePointer { w in
          m.buffers[k].withUnsafeMutableBufferPointer { mb in
            v.buffers[k].withUnsafeMutableBufferPointer { vb in
              guard let mp = mb.baseAddress, let vp = vb.baseAddress else { return }
              Kernels.adamUpdate(weights: w, gradients: g, m: mp, v: vp, count: n, beta1: b1, beta2: b2, stepSize: stepSize,
                                 invSqrtBiasCorrection2: invSqrtBC2, epsilon: eps, decayFactor: decayFactor, l2: l2,
                                 gradientScale: gradientScale)
            }
          }
        }
      }
    }
  }
}

/// SGD with optional momentum, dampening, Nesterov momentum and L2 weight decay (PyTorch's rule).
public final class SGD: Optimizer {
  public var learningRate: Double
  public let momentum: Double, dampening: Double, weightDecay: Double, nesterov: Bool
  private var buf = StateBuffers()
  private var started = false

  public init(learningRate: Double, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0, nesterov: Bool = false) {
    self.learningRate = learningRate
    self.momentum = momentum
    self.dampening = dampening
    self.weightDecay = weightDecay
    self.nesterov = nesterov
  }

  public func exportState() -> OptimizerState { OptimizerState(buffers: [buf.buffers], counters: [started ? 1 : 0]) }
  public func importState(_ state: OptimizerState) {
    guard state.buffers.count == 1, state.counters.count == 1 else { return }
    buf.buffers = state.buffers[0]
    started = state.counters[0] != 0
  }

  public func step(_ parameters: [Parameter]) {
    buf.prepare(parameters)
    let lr = Float(learningRate), mu = Float(momentum), damp = Float(dampening)
    let first = !started
    started = true
    for (k, p) in parameters.enumerated() {
      let n = p.value.count
      let wd = p.decays ? Float(weightDecay) : 0
      let nest = nesterov
      p.grad.withUnsafePointer { g in
        p.value.withUnsafeMutablePointer { w in
          buf.buffers[k].withUnsafeMutableBufferPointer { bb in
            guard let b = bb.baseAddress else { return }
            for i in 0..<n {
              var gi = g[i] + wd * w[i]
              if mu != 0 {
                b[i] = first ? gi : mu * b[i] + (1 - damp) * gi
                gi = nest ? gi + mu * b[i] : b[i]
              }
              w[i] -= lr * gi
            }
          }
        }
      }
    }
  }
}

/// RMSprop (PyTorch defaults α 0.99, ε 1e-8): v ← α·v + (1−α)·g²; p ← p − lr·g/(√v + ε).
public final class RMSprop: Optimizer {
  public var learningRate: Double
  public let alpha: Double, epsilon: Double, weightDecay: Double
  private var sq = StateBuffers()

  public init(learningRate: Double, alpha: Double = 0.99, epsilon: Double = 1e-8, weightDecay: Double = 0) {
    self.learningRate = learningRate
    self.alpha = alpha
    self.epsilon = epsilon
    self.weightDecay = weightDecay
  }

  public func exportState() -> OptimizerState { OptimizerState(buffers: [sq.buffers]) }
  public func importState(_ state: OptimizerState) { if state.buffers.count == 1 { sq.buffers = state.buffers[0] } }

  public func step(_ parameters: [Parameter]) {
    sq.prepare(parameters)
    let lr = Float(learningRate), a = Float(alpha), eps = Float(epsilon)
    for (k, p) in parameters.enumerated() {
      let n = p.value.count
      let wd = p.decays ? Float(weightDecay) : 0
      p.grad.withUnsafePointer { g in
        p.value.withUnsafeMutablePointer { w in
          sq.buffers[k].withUnsafeMutableBufferPointer { sb in
            guard let s = sb.baseAddress else { return }
            Kernels.rmspropUpdate(weights: w, gradients: g, square: s, count: n, learningRate: lr, alpha: a, epsilon: eps, weightDecay: wd)
          }
        }
      }
    }
  }
}

/// Adagrad (PyTorch default ε 1e-10): s ← s + g²; p ← p − lr·g/(√s + ε).
public final class Adagrad: Optimizer {
  public var learningRate: Double
  public let epsilon: Double, weightDecay: Double
  private var sum = StateBuffers()

  public init(learningRate: Double, epsilon: Double = 1e-10, weightDecay: Double = 0) {
    self.learningRate = learningRate
    self.epsilon = epsilon
    self.weightDecay = weightDecay
  }

  public func exportState() -> OptimizerState { OptimizerState(buffers: [sum.buffers]) }
  public func importState(_ state: OptimizerState) { if state.buffers.count == 1 { sum.buffers = state.buffers[0] } }

  public func step(_ parameters: [Parameter]) {
    sum.prepare(parameters)
    let lr = Float(learningRate), eps = Float(epsilon)
    for (k, p) in parameters.enumerated() {
      let n = p.value.count
      let wd = p.decays ? Float(weightDecay) : 0
      p.grad.withUnsafePointer { g in
        p.value.withUnsafeMutablePointer { w in
          sum.buffers[k].withUnsafeMutableBufferPointer { sb in
            guard let s = sb.baseAddress else { return }
            Kernels.adagradUpdate(weights: w, gradients: g, sum: s, count: n, learningRate: lr, epsilon: eps, weightDecay: wd)
          }
        }
      }
    }
  }
}

/// Clips gradients so their global L2 norm is at most `maxNorm` (PyTorch's clip_grad_norm_:
/// scale by maxNorm/(norm + 1e-6) when that is below 1). Returns the norm before clipping.
@discardableResult
public func clipGradientNorm(_ parameters: [Parameter], maxNorm: Double) -> Double {
  let clip = gradientClipping(parameters, maxNorm: maxNorm)
  if clip.scale != 1 { scaleGradients(parameters, by: clip.scale) }
  return clip.norm
}

/// The global L2 norm of the gradients and the factor clip_grad_norm_ would scale them by (1 when
/// the norm is within `maxNorm`, or when `maxNorm` is not positive), without scaling them: the
/// trainer hands the factor to `Optimizer.step(_:gradientScale:)`.
public func gradientClipping(_ parameters: [Parameter], maxNorm: Double) -> (norm: Double, scale: Float) {
  var total = 0.0
  for p in parameters { total += p.grad.withUnsafePointer { Kernels.sumOfSquares($0, count: p.grad.count) } }
  let norm = total.squareRoot()
  guard maxNorm > 0 else { return (norm, 1) }
  let coef = maxNorm / (norm + 1e-6)
  return (norm, coef < 1 ? Float(coef) : 1)
}

func scaleGradients(_ parameters: [Parameter], by factor: Float) {
  for p in parameters {
    let n = p.grad.count
    p.grad.withUnsafeMutablePointer { Kernels.scale($0, count: n, by: factor) }
  }
}

@inline(__always) func powD(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
