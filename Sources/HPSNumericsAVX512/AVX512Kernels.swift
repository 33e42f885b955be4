// AdamW's loop (KernelLoops.adamUpdate, inlined from HPSNumericsAVX2) compiled a third time, with
// the +avx512f target feature (Package.swift). The update is bound by √ and ÷; what AVX-512 adds
// here is 32 vector registers, so every constant of the loop stays in a register (measured on a
// digits step: 8.1–8.4 µs with AVX2, 7.2–7.6 µs with AVX-512). Still no fused multiply-add and no
// reassociation, so it computes the same bits as the other two builds.
import HPSNumericsAVX2

/// Call only when `CPUFeatures.avx512` holds.
public enum AVX512Kernels {
  @inline(never)
  public static func adamUpdate(
    weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
    v: UnsafeMutablePointer<Float>, count n: Int, beta1 b1: Float, beta2 b2: Float, stepSize: Float,
    invSqrtBiasCorrection2 invSqrtBC2: Float, epsilon eps: Float, decayFactor: Float, l2: Float, gradientScale gs: Float = 1
  ) {
    KernelLoops.adamUpdate(weights: w, gradients: g, m: m, v: v, count: n, beta1: b1, beta2: b2, stepSize: stepSize,
                           invSqrtBiasCorrection2: invSqrtBC2, epsilon: eps, decayFactor: decayFactor, l2: l2,
                           gradientScale: gs)
  }
}
