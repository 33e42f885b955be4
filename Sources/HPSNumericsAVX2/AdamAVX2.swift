// AdamW's update compiled for AVX2 (Package.swift gives this module the +avx2 target feature), so
// its √ and ÷ run eight lanes wide instead of SSE2's four: on digits at batch 16 the update is a
// quarter of a step. HPSNumerics calls it only after checking the CPU (`CPUFeatures`); with no
// FMA contraction in Swift the lanes compute exactly what the portable loop computes.

public enum AVX2Kernels {
  /// The loop of `Kernels.adamUpdate`, the same expression in the same order.
  @inline(never)
  public static func adamUpdate(
    weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
    v: UnsafeMutablePointer<Float>, count n: Int, beta1 b1: Float, beta2 b2: Float, stepSize: Float,
    invSqrtBiasCorrection2 invSqrtBC2: Float, epsilon eps: Float, decayFactor: Float, l2: Float
  ) {
    let c1 = 1 - b1, c2 = 1 - b2
    for i in 0..<n {
      let wi = w[i]
      let gi = g[i] + l2 * wi
      let mi = b1 * m[i] + c1 * gi
      let vi = b2 * v[i] + c2 * gi * gi
      m[i] = mi
      v[i] = vi
      w[i] = wi * decayFactor - stepSize * mi / (vi.squareRoot() * invSqrtBC2 + eps)
    }
  }
}
