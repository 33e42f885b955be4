// log EI for a Gaussian posterior, stable deep in the tail where EI itself underflows (the logEI
// of Ament et al. 2023, which Optuna's GPSampler also uses). With z = (μ − best)/σ,
// EI = σ·h(z), h(z) = φ(z) + zΦ(z).
import Foundation

enum LogExpectedImprovement {
  /// (log h(z), d log h / dz).
  static func logH(_ z: Double) -> (Double, Double) {
    if z > -1 {
      let phi = Normal.pdf(z), cdf = Normal.cdf(z)
      let h = phi + z * cdf
      return (log(h), cdf / h)
    }
    // Mills ratio R = Φ(z)/φ(z); h = φ·(1 + zR).
    let w = -z
    if w < 12 {
      let millsRatio = Normal.erfcx(w / 2.0.squareRoot()) * (Double.pi / 2).squareRoot()
      let factor = 1 - w * millsRatio
      return (Normal.logPdf(z) + log(factor), millsRatio / factor)
    }
    // Asymptotics: 1 + zR ≈ 1/z² − 3/z⁴ + 15/z⁶ − 105/z⁸, R ≈ (1/w)(1 − 1/w² + 3/w⁴ − 15/w⁶).
    let w2 = w * w
    let factor = (1 - 3 / w2 + 15 / (w2 * w2) - 105 / (w2 * w2 * w2)) / w2
    let millsRatio = (1 - 1 / w2 + 3 / (w2 * w2) - 15 / (w2 * w2 * w2)) / w
    return (Normal.logPdf(z) + log(factor), millsRatio / factor)
  }
}
