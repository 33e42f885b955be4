// Draws the model-based samplers need on top of the shared SeededRandom.
import Foundation

extension SeededRandom {
  /// Uniform in the open interval (0, 1): safe to take a logarithm or a normal quantile of.
  public mutating func nextOpenUniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1.0p-53 }

  /// An index drawn with probability proportional to `weights` (non-negative, positive sum).
  public mutating func nextIndex(weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    var u = nextUniform() * total
    for (i, w) in weights.enumerated() {
      u -= w
      if u < 0 { return i }
    }
    return weights.lastIndex(where: { $0 > 0 }) ?? 0
  }
}
