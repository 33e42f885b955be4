// Reductions written as plain loops over contiguous memory so the compiler vectorizes them. The
// loops live in HPSNumericsAVX2 (KernelLoops), compiled both for the baseline and for AVX2.
import HPSNumericsAVX2

public enum Kernels {
  /// out[j] (+)= Σ_r x[r, j]  — the bias gradient of a dense layer.
  public static func columnSums(
    _ x: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>, accumulate: Bool
  ) {
    if CPUFeatures.avx2 {
      AVX2Kernels.columnSums(x, rows: rows, cols: cols, into: out, accumulate: accumulate)
    } else {
      KernelLoops.columnSums(x, rows: rows, cols: cols, into: out, accumulate: accumulate)
    }
  }

  /// Σ x² accumulated in Double in blocks of Float partial sums (fast and accurate enough for
  /// gradient-norm clipping); sixteen Float lanes per block, combined in a fixed order.
  public static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Double {
    CPUFeatures.avx2 ? AVX2Kernels.sumOfSquares(x, count: count) : KernelLoops.sumOfSquares(x, count: count)
  }

  public static func scale(_ x: UnsafeMutablePointer<Float>, count: Int, by a: Float) {
    if CPUFeatures.avx2 { AVX2Kernels.scale(x, count: count, by: a) } else { KernelLoops.scale(x, count: count, by: a) }
  }

  /// Whether every element is finite.
  public static func allFinite(_ x: UnsafePointer<Float>, count: Int) -> Bool {
    var acc: Float = 0
    for i in 0..<count { acc += x[i] * 0 }  // NaN or ±inf turns 0·x into NaN
    return acc == 0
  }
}
