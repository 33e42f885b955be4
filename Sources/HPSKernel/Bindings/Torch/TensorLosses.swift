// The losses of hps's torch subset on tensor nodes, with PyTorch's formulas, reductions and
// error messages (torch.nn.functional.cross_entropy, mse_loss, l1_loss, smooth_l1_loss,
// huber_loss), each with its derivative beside it.
import Foundation

enum Reduction: String, CaseIterable {
  case none, mean, sum

  static func parse(_ s: String) throws -> Reduction {
    guard let r = Reduction(rawValue: s) else { throw TensorError.value("\(s) is not a valid value for reduction") }
    return r
  }

  /// Reduces per-element losses; `normalizer` is what "mean" divides by.
  func apply(_ losses: [Double], shape: [Int], normalizer: Double, operation: String,
             backward: @escaping (_ perElementUpstream: [Double]) -> [[Double]?], parents: [TensorNode]) -> TensorNode {
    switch self {
    case .none:
      return TensorNode(shape: shape, data: losses, parents: parents, operation: operation) { g in backward(g) }
    case .sum:
      let n = losses.count
      return TensorNode(shape: [], data: [losses.reduce(0, +)], parents: parents, operation: operation) { g in
        backward([Double](repeating: g[0], count: n))
      }
    case .mean:
      let n = losses.count
      return TensorNode(shape: [], data: [losses.reduce(0, +) / normalizer], parents: parents, operation: operation) { g in
        backward([Double](repeating: g[0] / normalizer, count: n))
      }
    }
  }
}

enum TensorLosses {
  /// torch.nn.functional.cross_entropy for class-index targets: input (N, C) logits, target (N,)
  /// class ids. With weights the mean divides by the summed weights of the targets; label
  /// smoothing mixes in ε/C of the uniform distribution (weighted by `weight` when given).
  static func crossEntropy(_ input: TensorNode, _ target: TensorNode, weight: TensorNode?, ignoreIndex: Int,
                           reduction: Reduction, labelSmoothing: Double) throws -> TensorNode {
    guard (0...1).contains(labelSmoothing) else {
      throw TensorError.runtime("label_smoothing must be between 0.0 and 1.0. Got: \(labelSmoothing)")
    }
    guard input.shape.count == 2 else {
      throw TensorError.runtime("hps's cross_entropy takes input of shape (N, C); got \(TensorNode.describe(input.shape)) (use logits.view(-1, num_labels))")
    }
    let (n, c) = (input.shape[0], input.shape[1])
    guard target.isIntegral else {
      throw TensorError.runtime("hps's cross_entropy takes class-index targets (a Long tensor of shape (N,)); got a float tensor of shape \(TensorNode.describe(target.shape))")
    }
    guard target.shape == [n] else {
      throw TensorError.value("Expected input batch_size (\(n)) to match target batch_size (\(target.shape.first ?? target.count)); target has shape \(TensorNode.describe(target.shape)) (use labels.view(-1))")
    }
    if let weight, weight.shape != [c] {
      throw TensorError.runtime("weight tensor should be defined either for all \(c) classes or no classes but got weight tensor of shape: \(TensorNode.describe(weight.shape))")
    }
    let w = weight?.data ?? [Double](repeating: 1, count: c)
    let weightTotal = w.reduce(0, +)
    let eps = labelSmoothing
    var losses = [Double](repeating: 0, count: n)
    var probabilities = [Double](repeating: 0, count: n * c)
    var targetWeights = [Double](repeating: 0, count: n)
    for r in 0..<n {
      let y = Int(target.data[r])
      if y == ignoreIndex { continue }
      guard (0..<c).contains(y) else { throw TensorError.runtime("Target \(y) is out of bounds.") }
      let z = Array(input.data[(r * c)..<((r + 1) * c)])
      let m = z.max() ?? 0
      let logSum = m + log(z.reduce(0) { $0 + exp($1 - m) })
      var smooth = 0.0
      for j in 0..<c {
        probabilities[r * c + j] = exp(z[j] - logSum)
        smooth -= w[j] * (z[j] - logSum)
      }
      targetWeights[r] = w[y]
      losses[r] = (1 - eps) * w[y] * -(z[y] - logSum) + eps / Double(c) * smooth
    }
    let normalizer = targetWeights.reduce(0, +)
    let targetData = target.data
    return reduction.apply(losses, shape: [n], normalizer: normalizer, operation: "NllLossBackward0", backward: { upstream in
      // ∂l_r/∂z_rk = (1−ε)·w_y·(p_k − [k = y]) + ε/C·(Σw·p_k − w_k)
      var g = [Double](repeating: 0, count: n * c)
      for r in 0..<n {
        let y = Int(targetData[r])
        if y == ignoreIndex { continue }
        for k in 0..<c {
          let p = probabilities[r * c + k]
          var d = (1 - eps) * w[y] * (p - (k == y ? 1 : 0))
          d += eps / Double(c) * (weightTotal * p - w[k])
          g[r * c + k] = upstream[r] * d
        }
      }
      return [g, nil]
    }, parents: [input, target])
  }

  /// The element-wise losses of input x against target y: (x−y)², |x−y|, smooth L1 (beta),
  /// Huber (delta), and binary cross-entropy of the logit x against the probability y.
  enum Elementwise {
    case squared, absolute
    case smoothL1(beta: Double)
    case huber(delta: Double)
    case binaryCrossEntropyWithLogits

    var name: String {
      switch self {
      case .squared: return "MseLossBackward0"
      case .absolute: return "L1LossBackward0"
      case .smoothL1: return "SmoothL1LossBackward0"
      case .huber: return "HuberLossBackward0"
      case .binaryCrossEntropyWithLogits: return "BinaryCrossEntropyWithLogitsBackward0"
      }
    }

    /// The loss of input x against target y, and its derivatives in x and in y.
    func evaluate(_ x: Double, _ y: Double) -> (loss: Double, dx: Double, dy: Double) {
      if case .binaryCrossEntropyWithLogits = self {
        // max(x, 0) − x·y + log(1 + e^−|x|): the stable form of −[y·log σ(x) + (1−y)·log(1−σ(x))].
        return (max(x, 0) - x * y + log1p(exp(-abs(x))), 1 / (1 + exp(-x)) - y, -x)
      }
      let d = x - y
      let (loss, slope) = difference(d)
      return (loss, slope, -slope)
    }

    private func difference(_ d: Double) -> (Double, Double) {
      let a = abs(d), sign: Double = d > 0 ? 1 : d < 0 ? -1 : 0
      switch self {
      case .squared: return (d * d, 2 * d)
      case .absolute: return (a, sign)
      case .smoothL1(let beta):
        if beta == 0 || a >= beta { return (a - 0.5 * beta, sign) }
        return (0.5 * d * d / beta, d / beta)
      case .huber(let delta):
        if a <= delta { return (0.5 * d * d, d) }
        return (delta * (a - 0.5 * delta), delta * sign)
      case .binaryCrossEntropyWithLogits: return (0, 0)
      }
    }
  }

  /// mse_loss / l1_loss / smooth_l1_loss / huber_loss. Input and target must have one shape (or
  /// the same number of elements with one of them flat): torch would broadcast (N, 1) against
  /// (N,) into an (N, N) matrix with only a warning; hps refuses.
  static func elementwise(_ kind: Elementwise, _ input: TensorNode, _ target: TensorNode, reduction: Reduction) throws -> TensorNode {
    guard input.shape == target.shape || (input.count == target.count && (input.shape.count <= 1 || target.shape.count <= 1) && input.squeezed().shape == target.squeezed().shape) else {
      throw TensorError.runtime("input shape \(TensorNode.describe(input.shape)) and target shape \(TensorNode.describe(target.shape)) differ; hps's torch does not broadcast losses (reshape with .view(-1) or .squeeze())")
    }
    let n = input.count
    var losses = [Double](repeating: 0, count: n), dx = losses, dy = losses
    for i in 0..<n { (losses[i], dx[i], dy[i]) = kind.evaluate(input.data[i], target.data[i]) }
    return reduction.apply(losses, shape: input.shape, normalizer: Double(max(n, 1)), operation: kind.name, backward: { upstream in
      [(0..<n).map { upstream[$0] * dx[$0] }, (0..<n).map { upstream[$0] * dy[$0] }]
    }, parents: [input, target])
  }
}
