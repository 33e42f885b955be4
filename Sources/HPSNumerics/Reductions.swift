// Reductions written as plain loops over contiguous memory so the compiler vectorizes them.
public enum Kernels {
  /// out[j] (+)= Σ_r x[r, j]  — the bias gradient of a dense layer.
  public static func columnSums(
    _ x: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>, accumulate: Bool
  ) {
    if !accumulate { out.update(repeating: 0, count: cols) }
    for r in 0..<rows {
      let row = x + r * cols
      for j in 0..<cols { out[j] += row[j] }
    }
  }

  /// Σ x² accumulated in Double in blocks of Float partial sums (fast and accurate enough for
  /// gradient-norm clipping). Sixteen independent Float lanes per block: one running sum made
  /// every add wait for the previous one, which cost more than a training step's GEMMs.
  public static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Double {
    let raw = UnsafeRawPointer(x)
    var total = 0.0
    var start = 0
    while start < count {
      let end = min(count, start + 4096)
      var lanes = SIMD16<Float>()
      var i = start
      while i + 16 <= end {
        let v = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
        lanes += v * v
        i += 16
      }
      var s = lanes.sum()
      while i < end { s += x[i] * x[i]; i += 1 }
      total += Double(s)
      start = end
    }
    return total
  }

  public static func scale(_ x: UnsafeMutablePointer<Float>, count: Int, by a: Float) {
    for i in 0..<count { x[i] *= a }
  }

  /// Whether every element is finite.
  public static func allFinite(_ x: UnsafePointer<Float>, count: Int) -> Bool {
    var acc: Float = 0
    for i in 0..<count { acc += x[i] * 0 }  // NaN or ±inf turns 0·x into NaN
    return acc == 0
  }
}
