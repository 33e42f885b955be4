// The Matérn-5/2 correlation as a function of the squared scaled distance r² = Σ λⱼ Δⱼ²:
// m = (1 + √5 r + 5r²/3)·e^(−√5 r). Its derivative in r², −(5/6)(1 + √5 r)·e^(−√5 r), is smooth at
// r = 0, which is why the model differentiates in r² rather than r.
import Foundation

enum Matern52 {
  static let sqrt5 = 5.0.squareRoot()

  @inline(__always)
  static func value(r2: Double) -> Double {
    let r = r2.squareRoot()
    return (1 + sqrt5 * r + 5.0 / 3.0 * r2) * exp(-sqrt5 * r)
  }

  /// (m, dm/d(r²)) together (they share the exponential).
  @inline(__always)
  static func valueAndDerivative(r2: Double) -> (Double, Double) {
    let r = r2.squareRoot()
    let e = exp(-sqrt5 * r)
    return ((1 + sqrt5 * r + 5.0 / 3.0 * r2) * e, -5.0 / 6.0 * (1 + sqrt5 * r) * e)
  }
}
