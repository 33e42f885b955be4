// Dense linear algebra for the small symmetric systems of a Gaussian process (n ≤ a few hundred).
// Matrices are row-major [Double] of n×n; plain loops are fast enough at these sizes and keep
// HPSSearch free of a BLAS dependency.
import Foundation

public enum Cholesky {
  /// Lower-triangular L with L·Lᵀ = A, or nil when A is not positive definite.
  public static func factor(_ a: [Double], n: Int) -> [Double]? {
    var l = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
      var diag = a[j * n + j]
      for k in 0..<j { diag -= l[j * n + k] * l[j * n + k] }
      guard diag > 0, diag.isFinite else { return nil }
      let ljj = diag.squareRoot()
      l[j * n + j] = ljj
      for i in (j + 1)..<max(j + 1, n) {
        var s = a[i * n + j]
        for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
        l[i * n + j] = s / ljj
      }
    }
    return l
  }

  /// Factor A + jitter·I, raising the jitter tenfold until it succeeds (from `jitter` up to 1e-2
  /// times the mean diagonal); nil only for a matrix with non-finite entries.
  public static func factorWithJitter(_ a: [Double], n: Int, jitter: Double = 0) -> [Double]? {
    if let l = factor(a, n: n), jitter == 0 { return l }
    var meanDiag = 0.0
    for i in 0..<n { meanDiag += a[i * n + i] }
    meanDiag = max(meanDiag / Double(max(n, 1)), 1e-300)
    var eps = max(jitter, 1e-10 * meanDiag)
    while eps <= 1e-2 * meanDiag {
      var b = a
      for i in 0..<n { b[i * n + i] += eps }
      if let l = factor(b, n: n) { return l }
      eps *= 10
    }
    return nil
  }

  /// Solves L·x = b (L lower triangular).
  public static func solveLower(_ l: [Double], n: Int, _ b: [Double]) -> [Double] {
    var x = b
    for i in 0..<n {
      var s = x[i]
      for k in 0..<i { s -= l[i * n + k] * x[k] }
      x[i] = s / l[i * n + i]
    }
    return x
  }

  /// Solves Lᵀ·x = b (L lower triangular).
  public static func solveUpperTransposed(_ l: [Double], n: Int, _ b: [Double]) -> [Double] {
    var x = b
    for i in stride(from: n - 1, through: 0, by: -1) {
      var s = x[i]
      for k in (i + 1)..<max(i + 1, n) { s -= l[k * n + i] * x[k] }
      x[i] = s / l[i * n + i]
    }
    return x
  }

  /// Solves A·x = b given A's Cholesky factor.
  public static func solve(_ l: [Double], n: Int, _ b: [Double]) -> [Double] {
    solveUpperTransposed(l, n: n, solveLower(l, n: n, b))
  }

  /// A⁻¹ from A's Cholesky factor (needed for the marginal-likelihood gradient).
  public static func inverse(_ l: [Double], n: Int) -> [Double] {
    // Invert L (lower), then A⁻¹ = L⁻ᵀ·L⁻¹.
    var li = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
      li[j * n + j] = 1 / l[j * n + j]
      for i in (j + 1)..<max(j + 1, n) {
        var s = 0.0
        for k in j..<i { s -= l[i * n + k] * li[k * n + j] }
        li[i * n + j] = s / l[i * n + i]
      }
    }
    var inv = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0...i {
        var s = 0.0
        for k in i..<n { s += li[k * n + i] * li[k * n + j] }
        inv[i * n + j] = s
        inv[j * n + i] = s
      }
    }
    return inv
  }

  /// log det A = 2 Σ log Lᵢᵢ.
  public static func logDeterminant(_ l: [Double], n: Int) -> Double {
    var s = 0.0
    for i in 0..<n { s += log(l[i * n + i]) }
    return 2 * s
  }
}
