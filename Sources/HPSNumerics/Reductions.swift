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
  /// gradient-norm clipping).
  public static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Double {
    var total = 0.0
    var start = 0
    while start < count {
      let end = min(count, start + 4096)
      var s: Float = 0
      for i in start..<end { s += x[i] * x[i] }
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
