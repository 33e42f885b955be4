// Feature scaling fitted on the training split only, then applied to any split.
import HPSNumerics

public struct FeatureScaler: Sendable, Equatable {
  public enum Kind: String, Sendable { case standard, minMax = "min_max" }
  public let kind: Kind
  /// Per feature: subtract `shift`, then multiply by `scale`.
  public let shift: [Float]
  public let scale: [Float]

  /// Standard scaling (zero mean, unit variance; population std like scikit-learn) or min–max to [0, 1].
  /// Constant features get scale 1 so they map to 0.
  public static func fit(_ data: Dataset, kind: Kind = .standard) -> FeatureScaler {
    let (n, d) = (data.count, data.numFeatures)
    var shift = [Float](repeating: 0, count: d), scale = [Float](repeating: 1, count: d)
    for j in 0..<d {
      var mean = 0.0, m2 = 0.0, lo = Double.infinity, hi = -Double.infinity
      for r in 0..<n {
        let v = Double(data.features.storage[r * d + j])
        mean += v; m2 += v * v; lo = min(lo, v); hi = max(hi, v)
      }
      if n == 0 { continue }
      mean /= Double(n)
      switch kind {
      case .standard:
        let std = max(0, m2 / Double(n) - mean * mean).squareRoot()
        shift[j] = Float(mean)
        scale[j] = std > 1e-12 ? Float(1 / std) : 1
      case .minMax:
        shift[j] = Float(lo)
        scale[j] = hi - lo > 1e-12 ? Float(1 / (hi - lo)) : 1
      }
    }
    return FeatureScaler(kind: kind, shift: shift, scale: scale)
  }

  public func transform(_ data: Dataset) throws -> Dataset {
    guard data.numFeatures == shift.count else {
      throw DataError.invalid("scaler was fitted on \(shift.count) features, data has \(data.numFeatures)")
    }
    var out = data
    let d = shift.count
    for r in 0..<data.count { for j in 0..<d {
      out.features.storage[r * d + j] = (out.features.storage[r * d + j] - shift[j]) * scale[j]
    } }
    return out
  }
}
