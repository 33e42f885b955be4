// The optimizers' inner loops, one fused pass per parameter tensor. They live in HPSNumerics,
// which is compiled with -fno-math-errno (Package.swift) so that √ lowers to a vector instruction
// and these loops vectorize; with errno semantics every √ was a scalar call and AdamW alone took
// a quarter of a digits training step. The Adam loop itself lives in HPSNumericsAVX2
// (KernelLoops), which also compiles it eight lanes wide for CPUs with AVX2; HPSNumericsAVX512
// compiles it once more for CPUs with AVX-512.
import HPSNumericsAVX2
import HPSNumericsAVX512

extension Kernels {
  /// Adam/AdamW (PyTorch's formula): g' = g·gradientScale + l2·w; m ← β1·m + (1−β1)·g'; v ← β2·v + (1−β2)·g'²;
  /// w ← w·decay − stepSize·m / (√v·invSqrtBC2 + ε).
  public static func adamUpdate(
    weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
    v: UnsafeMutablePointer<Float>, count n: Int, beta1 b1: Float, beta2 b2: Float, stepSize: Float,
    invSqrtBiasCorrection2 invSqrtBC2: Float, epsilon eps: Float, decayFactor: Float, l2: Float, gradientScale gs: Float = 1
  ) {
    if CPUFeatures.avx2 && CPUFeatures.avx512 {  // HPS_DISABLE_AVX2=1 turns both off
      AVX512Kernels.adamUpdate(weights: w, gradients: g, m: m, v: v, count: n, beta1: b1, beta2: b2, stepSize: stepSize,
                               invSqrtBiasCorrection2: invSqrtBC2, epsilon: eps, decayFactor: decayFactor, l2: l2,
                               gradientScale: gs)
    } else if CPUFeatures.avx2 {
      AVX2Kernels.adamUpdate(weights: w, gradients: g, m: m, v: v, count: n, beta1: b1, beta2: b2, stepSize: stepSize,
                             invSqrtBiasCorrection2: invSqrtBC2, epsilon: eps, decayFactor: decayFactor, l2: l2, gradientScale: gs)
    } else {
      KernelLoops.adamUpdate(weights: w, gradients: g, m: m, v: v, count: n, beta1: b1, beta2: b2, stepSize: stepSize,
                             invSqrtBiasCorrection2: invSqrtBC2, epsilon: eps, decayFactor: decayFactor, l2: l2, gradientScale: gs)
    }
  }

  /// RMSprop: s ← α·s + (1−α)·g'²; w ← w − lr·g'/(√s + ε), with g' = g + wd·w.
  public static func rmspropUpdate(
    weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>, square s: UnsafeMutablePointer<Float>,
    count n: Int, learningRate lr: Float, alpha a: Float, epsilon eps: Float, weightDecay wd: Float
  ) {
    for i in 0..<n {
      let wi = w[i]
      let gi = g[i] + wd * wi
      let si = a * s[i] + (1 - a) * gi * gi
      s[i] = si
      w[i] = wi - lr * gi / (si.squareRoot() + eps)
    }
  }

  /// Adagrad: s ← s + g'²; w ← w − lr·g'/(√s + ε), with g' = g + wd·w.
  public static func adagradUpdate(
    weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>, sum s: UnsafeMutablePointer<Float>,
    count n: Int, learningRate lr: Float, epsilon eps: Float, weightDecay wd: Float
  ) {
    for i in 0..<n {
      let wi = w[i]
      let gi = g[i] + wd * wi
      let si = s[i] + gi * gi
      s[i] = si
      w[i] = wi - lr * gi / (si.squareRoot() + eps)
    }
  }
}
