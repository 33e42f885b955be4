// Reused buffers for one batch: gathered features, labels and the loss gradient. Sized for the
// largest batch once, so the training loop does not allocate.
import HPSNumerics

struct BatchBuffers {
  var x = Matrix(rows: 0, cols: 0)
  var classIDs: [Int32] = []
  var targets = Matrix(rows: 0, cols: 0)
  var gradient = Matrix(rows: 0, cols: 0)

  /// Copies the rows `order[range]` of `data` into the buffers.
  mutating func gather(_ data: Dataset, order: [Int]?, range: Range<Int>) {
    let n = range.count, d = data.numFeatures
    x.ensure(rows: n, cols: d)
    data.features.withUnsafePointer { src in
      x.withUnsafeMutablePointer { dst in
        if let order {
          for (r, i) in range.enumerated() { (dst + r * d).update(from: src + order[i] * d, count: d) }
        } else {
          (dst).update(from: src + range.lowerBound * d, count: n * d)
        }
      }
    }
    switch data.labels {
    case .classes(let c):
      if classIDs.count < n { classIDs = [Int32](repeating: 0, count: n) }
      for (r, i) in range.enumerated() { classIDs[r] = c[order?[i] ?? i] }
    case .values(let v):
      let k = v.cols
      targets.ensure(rows: n, cols: k)
      for (r, i) in range.enumerated() {
        let src = (order?[i] ?? i) * k
        for j in 0..<k { targets.storage[r * k + j] = v.storage[src + j] }
      }
    }
  }

  /// Loss sum over the batch for `logits`; writes gradScale·∂sum/∂logits when `withGradient`.
  mutating func loss(_ loss: Loss, logits: Matrix, isClassification: Bool, withGradient: Bool, gradScale: Float) -> Double {
    let (n, c) = (logits.rows, logits.cols)
    if withGradient { gradient.ensure(rows: n, cols: c) }
    return logits.withUnsafePointer { pz in
      classIDs.withUnsafeBufferPointer { pl in
        targets.withUnsafePointer { pt in
          if withGradient {
            return gradient.withUnsafeMutablePointer { pg in
              loss.evaluate(logits: pz, rows: n, cols: c, labels: isClassification ? pl.baseAddress : nil,
                            targets: isClassification ? nil : pt, grad: pg, gradScale: gradScale)
            }
          }
          return loss.evaluate(logits: pz, rows: n, cols: c, labels: isClassification ? pl.baseAddress : nil,
                               targets: isClassification ? nil : pt, grad: nil, gradScale: gradScale)
        }
      }
    }
  }
}
