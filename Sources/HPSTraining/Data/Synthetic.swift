// Seeded synthetic data sets in the spirit of scikit-learn's make_* generators.
import Foundation
import HPSNumerics

public enum SyntheticDatasets {
  static func check(_ cond: Bool, _ message: String) throws { if !cond { throw DataError.invalid(message) } }

  /// Two interleaving half circles.
  public static func moons(samples n: Int = 100, noise: Double = 0, seed: UInt64 = 0) throws -> Dataset {
    try check(n >= 2, "n_samples must be >= 2, got \(n)")
    var rng = RandomSource(seed: seed)
    let nOut = n / 2, nIn = n - nOut
    var x: [Float] = [], y: [Int32] = []
    for i in 0..<nOut {
      let t = Double.pi * Double(i) / Double(max(1, nOut - 1))
      x += [Float(cos(t) + noise * rng.normal()), Float(sin(t) + noise * rng.normal())]; y.append(0)
    }
    for i in 0..<nIn {
      let t = Double.pi * Double(i) / Double(max(1, nIn - 1))
      x += [Float(1 - cos(t) + noise * rng.normal()), Float(0.5 - sin(t) + noise * rng.normal())]; y.append(1)
    }
    return try Dataset(features: Matrix(rows: n, cols: 2, values: x), labels: .classes(y)).shuffled(seed: seed &+ 1)
  }

  /// A small circle inside a large one (`factor` = inner radius / outer radius).
  public static func circles(samples n: Int = 100, noise: Double = 0, factor: Double = 0.8, seed: UInt64 = 0) throws -> Dataset {
    try check(n >= 2, "n_samples must be >= 2, got \(n)")
    try check(factor > 0 && factor < 1, "factor must be in (0, 1), got \(factor)")
    var rng = RandomSource(seed: seed)
    var x: [Float] = [], y: [Int32] = []
    for i in 0..<n {
      let inner = i >= n / 2
      let t = 2 * Double.pi * rng.nextDouble()
      let r = inner ? factor : 1
      x += [Float(r * cos(t) + noise * rng.normal()), Float(r * sin(t) + noise * rng.normal())]
      y.append(inner ? 1 : 0)
    }
    return try Dataset(features: Matrix(rows: n, cols: 2, values: x), labels: .classes(y)).shuffled(seed: seed &+ 1)
  }

  /// Isotropic Gaussian blobs around `centers` random centres in [−10, 10]^features.
  public static func blobs(samples n: Int = 100, features d: Int = 2, centers k: Int = 3, clusterStd: Double = 1,
                           seed: UInt64 = 0) throws -> Dataset {
    try check(n >= 1 && d >= 1 && k >= 1, "n_samples, n_features and centers must be >= 1")
    var rng = RandomSource(seed: seed)
    let c = (0..<(k * d)).map { _ in rng.nextDouble() * 20 - 10 }
    var x: [Float] = [], y: [Int32] = []
    for i in 0..<n {
      let cls = i % k
      for j in 0..<d { x.append(Float(c[cls * d + j] + clusterStd * rng.normal())) }
      y.append(Int32(cls))
    }
    return try Dataset(features: Matrix(rows: n, cols: d, values: x), labels: .classes(y)).shuffled(seed: seed &+ 1)
  }

  /// Classes as Gaussian clusters on the informative features; the remaining features are noise.
  public static func classification(samples n: Int = 100, features d: Int = 20, informative: Int = 2, classes k: Int = 2,
                                    classSep: Double = 1, seed: UInt64 = 0) throws -> Dataset {
    try check(informative >= 1 && informative <= d, "n_informative must be in 1...n_features")
    try check(k >= 2, "n_classes must be >= 2")
    var rng = RandomSource(seed: seed)
    let centroids = (0..<(k * informative)).map { _ in (rng.nextDouble() < 0.5 ? -1.0 : 1.0) * classSep * (1 + rng.nextDouble()) }
    var x: [Float] = [], y: [Int32] = []
    for i in 0..<n {
      let cls = i % k
      for j in 0..<d { x.append(Float((j < informative ? centroids[cls * informative + j] : 0) + rng.normal())) }
      y.append(Int32(cls))
    }
    return try Dataset(features: Matrix(rows: n, cols: d, values: x), labels: .classes(y)).shuffled(seed: seed &+ 1)
  }

  /// y = x · w + noise with random w on the informative features.
  public static func regression(samples n: Int = 100, features d: Int = 10, informative: Int = 10, noise: Double = 0,
                                seed: UInt64 = 0) throws -> Dataset {
    try check(n >= 1 && d >= 1 && informative >= 1 && informative <= d, "need n_samples >= 1 and 1 <= n_informative <= n_features")
    var rng = RandomSource(seed: seed)
    let w = (0..<d).map { j in j < informative ? 100 * rng.nextDouble() : 0 }
    var x: [Float] = [], t: [Float] = []
    for _ in 0..<n {
      var s = 0.0
      for j in 0..<d { let v = rng.normal(); x.append(Float(v)); s += v * w[j] }
      t.append(Float(s + noise * rng.normal()))
    }
    return try Dataset(features: Matrix(rows: n, cols: d, values: x), labels: .values(Matrix(rows: n, cols: 1, values: t)))
  }

  /// `classes` interleaved spiral arms in the plane.
  public static func spirals(samples n: Int = 300, classes k: Int = 2, noise: Double = 0.1, seed: UInt64 = 0) throws -> Dataset {
    try check(n >= k && k >= 2, "need n_samples >= n_classes >= 2")
    var rng = RandomSource(seed: seed)
    var x: [Float] = [], y: [Int32] = []
    let perClass = n / k
    for i in 0..<n {
      let cls = i % k
      let t = Double(i / k) / Double(max(1, perClass)) // 0..1 along the arm
      let angle = 4 * t * Double.pi + 2 * Double.pi * Double(cls) / Double(k)
      x += [Float(t * cos(angle) + noise * rng.normal()), Float(t * sin(angle) + noise * rng.normal())]
      y.append(Int32(cls))
    }
    return try Dataset(features: Matrix(rows: n, cols: 2, values: x), labels: .classes(y)).shuffled(seed: seed &+ 1)
  }
}
