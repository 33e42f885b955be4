// Eigen-decomposition for CMA-ES's covariance (small dense symmetric matrices).

/// Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations.
enum SymmetricEigen {
  /// (eigenvalues, eigenvectors as the columns of a row-major n×n matrix).
  static func decompose(_ matrix: [Double], n: Int) -> ([Double], [Double]) {
    var a = matrix
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n { v[i * n + i] = 1 }
    for _ in 0..<50 {
      var off = 0.0
      for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { off += a[i * n + j] * a[i * n + j] } }
      if off < 1e-22 { break }
      for p in 0..<n {
        for q in (p + 1)..<max(p + 1, n) {
          let apq = a[p * n + q]
          if abs(apq) < 1e-300 { continue }
          let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
          let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
          let cs = 1 / (t * t + 1).squareRoot(), sn = t * cs
          for k in 0..<n {
            let akp = a[k * n + p], akq = a[k * n + q]
            a[k * n + p] = cs * akp - sn * akq
            a[k * n + q] = sn * akp + cs * akq
          }
          for k in 0..<n {
            let apk = a[p * n + k], aqk = a[q * n + k]
            a[p * n + k] = cs * apk - sn * aqk
            a[q * n + k] = sn * apk + cs * aqk
          }
          for k in 0..<n {
            let vkp = v[k * n + p], vkq = v[k * n + q]
            v[k * n + p] = cs * vkp - sn * vkq
            v[k * n + q] = sn * vkp + cs * vkq
          }
        }
      }
    }
    return ((0..<n).map { a[$0 * n + $0] }, v)
  }
}
