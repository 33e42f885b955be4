// Losses fused with their gradient: one pass computes the loss sum and ∂loss/∂logits.
import HPSNumerics

public enum Loss: Sendable, Equatable {
  /// Softmax cross-entropy over class ids, with PyTorch's label smoothing (target = (1−ε)·onehot + ε/C).
  case crossEntropy(labelSmoothing: Float)
  /// Sigmoid + binary cross-entropy on 0/1 targets per output (multi-label classification).
  case binaryCrossEntropy
  /// Mean squared error (regression).
  case meanSquaredError

  /// Sum over rows of the per-sample loss (cross-entropy), or over all elements (BCE, MSE).
  /// Writes `gradScale · ∂(sum)/∂logits` into `grad` when given. Class targets come as `labels`,
  /// float targets as `targets` (rows × cols like the logits). `grad` must not overlap the logits.
  public func evaluate(
    logits: UnsafePointer<Float>, rows: Int, cols: Int, labels: UnsafePointer<Int32>?, targets: UnsafePointer<Float>?,
    grad: UnsafeMutablePointer<Float>?, gradScale: Float
  ) -> Double {
    switch self {
    case .crossEntropy(let eps):
      guard let labels else { return .nan }
      var total = 0.0
      let offValue = eps / Float(cols)
      for r in 0..<rows {
        let z = logits + r * cols
        var m = z[0]
        for j in 1..<cols where z[j] > m { m = z[j] }
        var s: Float = 0
        // The exponentials go into the gradient row when there is one, so they are computed once.
        if let grad {
          let g = grad + r * cols
          for j in 0..<cols { let e = expf_(z[j] - m); g[j] = e; s += e }
        } else {
          for j in 0..<cols { s += expf_(z[j] - m) }
        }
        let logSum = m + logf_(s)
        let y = Int(labels[r])
        // loss = −Σ t_j (z_j − logSum) with t = (1−ε)·onehot + ε/C
        var loss = -(1 - eps) * (z[y] - logSum)
        if eps > 0 {
          var sumLogP: Float = 0
          for j in 0..<cols { sumLogP += z[j] - logSum }
          loss -= offValue * sumLogP
        }
        total += Double(loss)
        if let grad {
          let g = grad + r * cols
          let inv = 1 / s
          for j in 0..<cols { g[j] = (g[j] * inv - offValue) * gradScale }
          g[y] -= (1 - eps) * gradScale
        }
      }
      return total
    case .binaryCrossEntropy:
      guard let targets else { return .nan }
      var total = 0.0
      for i in 0..<(rows * cols) {
        let z = logits[i], t = targets[i]
        let softplus: Float = logf_(1 + expf_(-abs(z)))
        total += Double(max(z, 0) - z * t + softplus)
        if let grad { grad[i] = (Activation.sigmoid(z) - t) * gradScale }
      }
      return total
    case .meanSquaredError:
      guard let targets else { return .nan }
      var total = 0.0
      for i in 0..<(rows * cols) {
        let d = logits[i] - targets[i]
        total += Double(d * d)
        if let grad { grad[i] = 2 * d * gradScale }
      }
      return total
    }
  }

  /// What the sum returned by `evaluate` is divided by to get the mean loss.
  public func denominator(rows: Int, cols: Int) -> Int {
    if case .crossEntropy = self { return rows }
    return rows * cols
  }
}
