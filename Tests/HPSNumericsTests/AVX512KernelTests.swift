import Testing
@testable import HPSNumerics
@testable import HPSNumericsAVX2
import HPSNumericsAVX512

/// The AVX-512 build of AdamW's loop computes the same bits as the baseline build, in each of its
/// specialisations (clipping factor or not, L2 term or not) and over vector tails. (Runs where the
/// CPU has AVX-512; elsewhere that code is never called.)
@Suite(.enabled(if: CPUFeatures.avx512, "the CPU has no AVX-512")) struct AVX512KernelTests {
  static let cases: [(count: Int, gradientScale: Float, l2: Float)] = [
    (1, 1, 0), (15, 1, 0), (16, 0.37, 0), (17, 1, 0.01), (33, 0.37, 0.01), (8_320, 1, 0), (8_339, 0.37, 0),
  ]

  @Test(arguments: cases)
  func adamMatchesTheBaselineBitForBit(_ c: (count: Int, gradientScale: Float, l2: Float)) {
    var rng = RandomSource(seed: UInt64(c.count))
    func random(_ low: Float, _ high: Float) -> [Float] { (0..<c.count).map { _ in rng.uniform(low, high) } }
    let g = random(-1, 1), w0 = random(-1, 1), m0 = random(-1, 1), v0 = random(0, 1)
    var (wa, ma, va) = (w0, m0, v0), (wb, mb, vb) = (w0, m0, v0)
    for _ in 0..<3 {
      AVX512Kernels.adamUpdate(weights: &wa, gradients: g, m: &ma, v: &va, count: c.count, beta1: 0.9, beta2: 0.999,
                               stepSize: 1e-3, invSqrtBiasCorrection2: 1.3, epsilon: 1e-8, decayFactor: 0.99, l2: c.l2,
                               gradientScale: c.gradientScale)
      KernelLoops.adamUpdate(weights: &wb, gradients: g, m: &mb, v: &vb, count: c.count, beta1: 0.9, beta2: 0.999,
                             stepSize: 1e-3, invSqrtBiasCorrection2: 1.3, epsilon: 1e-8, decayFactor: 0.99, l2: c.l2,
                             gradientScale: c.gradientScale)
    }
    #expect(wa.map(\.bitPattern) == wb.map(\.bitPattern))
    #expect(ma.map(\.bitPattern) == mb.map(\.bitPattern) && va.map(\.bitPattern) == vb.map(\.bitPattern))
  }
}

@Suite struct AdamSpecialisationTests {
  /// The specialised loops skip g·1 and g + 0·w; on finite values that changes no bit.
  @Test func skippedScaleAndL2TermsChangeNothing() {
    var rng = RandomSource(seed: 5)
    let n = 100
    let g = (0..<n).map { _ in rng.uniform(-1, 1) }, w0 = (0..<n).map { _ in rng.uniform(-1, 1) }
    var (wa, ma, va) = (w0, [Float](repeating: 0, count: n), [Float](repeating: 0, count: n))
    var (wb, mb, vb) = (wa, ma, va)
    // Fast path (scale 1, no L2) against the general loop forced with the same values.
    KernelLoops.adamUpdate(weights: &wa, gradients: g, m: &ma, v: &va, count: n, beta1: 0.9, beta2: 0.999, stepSize: 1e-3,
                           invSqrtBiasCorrection2: 1.3, epsilon: 1e-8, decayFactor: 0.99, l2: 0, gradientScale: 1)
    KernelLoops.adamLoop(&wb, g, &mb, &vb, n, 0.9, 0.999, 1e-3, 1.3, 1e-8, 0.99, 0, 1, scales: true, addsL2: true)
    #expect(wa.map(\.bitPattern) == wb.map(\.bitPattern))
    #expect(ma.map(\.bitPattern) == mb.map(\.bitPattern) && va.map(\.bitPattern) == vb.map(\.bitPattern))
  }
}
