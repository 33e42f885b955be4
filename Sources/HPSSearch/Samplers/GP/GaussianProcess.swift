// A Gaussian process with a Matérn-5/2 ARD kernel on normalized inputs:
// K = s·M(X, X) + noise·I, M built from r² = Σ λⱼ·dⱼ(x, x')², where dⱼ is the coordinate difference
// for numbers and the 0/1 mismatch for categoricals. Outputs are standardized before fitting.
import Foundation

public struct GPHyperparameters: Sendable, Equatable {
  /// λⱼ = 1/ℓⱼ²: larger means the objective varies faster along dimension j.
  public var inverseSquaredLengthscales: [Double]
  public var kernelScale: Double
  public var noiseVariance: Double

  public init(inverseSquaredLengthscales: [Double], kernelScale: Double, noiseVariance: Double) {
    self.inverseSquaredLengthscales = inverseSquaredLengthscales
    self.kernelScale = kernelScale
    self.noiseVariance = noiseVariance
  }

  public static func initial(dimensions: Int) -> GPHyperparameters {
    GPHyperparameters(inverseSquaredLengthscales: [Double](repeating: 1, count: dimensions),
                      kernelScale: 1, noiseVariance: 1e-4)
  }
}

/// The Cholesky factor of the last kernel matrix, kept between suggestions (see GaussianProcess).
public struct GPFactorCache: Sendable {
  var hyper: GPHyperparameters
  var dimensions: [GPDimension]
  var x: [[Double]]
  var cholesky: [Double]
}

struct GaussianProcess {
  let dimensions: [GPDimension]
  let x: [[Double]]
  let y: [Double]  // standardized
  let hyper: GPHyperparameters
  let cholesky: [Double]
  let alpha: [Double]  // K⁻¹ y
  /// x as one row-major n×d buffer, and which coordinates are categorical (posterior's fast path).
  let xFlat: [Double]
  let categoricalMask: [Bool]
  /// Lᵀ row-major, so the back substitution of the gradient reads rows, not strided columns.
  let choleskyTransposed: [Double]
  var n: Int { x.count }

  /// Factors the kernel matrix; nil if it cannot be made positive definite.
  init?(dimensions: [GPDimension], x: [[Double]], y: [Double], hyper: GPHyperparameters) {
    var noCache: GPFactorCache? = nil
    self.init(dimensions: dimensions, x: x, y: y, hyper: hyper, cache: &noCache)
  }

  /// As above, reusing `cache` when it holds the factor of a prefix of `x` under the same
  /// hyperparameters: only the new rows are factored (O(n²) each instead of O(n³) in all), which
  /// is most of a suggestion's cost between kernel refits. The cache is updated.
  init?(dimensions: [GPDimension], x: [[Double]], y: [Double], hyper: GPHyperparameters, cache: inout GPFactorCache?) {
    self.dimensions = dimensions
    self.x = x
    self.y = y
    self.hyper = hyper
    xFlat = x.flatMap { $0 }
    categoricalMask = dimensions.map(\.isCategorical)
    let n = x.count
    let lambda = hyper.inverseSquaredLengthscales
    func kernel(_ i: Int, _ j: Int) -> Double {
      hyper.kernelScale * Matern52.value(r2: GaussianProcess.r2(x[i], x[j], dimensions, lambda)) + (i == j ? hyper.noiseVariance : 0)
    }
    var reused = 0
    if let c = cache, c.hyper == hyper, c.dimensions == dimensions {
      let m = min(c.x.count, n)
      while reused < m && c.x[reused] == x[reused] { reused += 1 }
    }
    var factor: [Double]?
    if reused > 0, let c = cache {
      var l = [Double](repeating: 0, count: n * n)
      let old = c.x.count
      for i in 0..<reused { for j in 0...i { l[i * n + j] = c.cholesky[i * old + j] } }
      var ok = true
      l.withUnsafeMutableBufferPointer { lb in
        for i in reused..<n where ok {
          let row = i * n
          var diag = kernel(i, i)
          for j in 0..<i {
            let rowJ = j * n
            let v = (kernel(i, j) - GPLinearAlgebra.dot(lb.baseAddress! + row, lb.baseAddress! + rowJ, j)) / lb[rowJ + j]
            lb[row + j] = v
            diag -= v * v
          }
          if diag > 0 && diag.isFinite { lb[row + i] = diag.squareRoot() } else { ok = false }
        }
      }
      if ok { factor = l }
    }
    if factor == nil {
      var k = [Double](repeating: 0, count: n * n)
      for i in 0..<n {
        for j in 0...i {
          let v = kernel(i, j)
          k[i * n + j] = v
          k[j * n + i] = v
        }
      }
      if let l = GPLinearAlgebra.factor(k, n: n) {
        factor = l
      } else {
        // A jittered factor is not the factor of this kernel: do not extend it later.
        cache = nil
        guard let l = Cholesky.factorWithJitter(k, n: n) else { return nil }
        cholesky = l
        choleskyTransposed = GaussianProcess.transpose(l, n: n)
        alpha = Cholesky.solve(l, n: n, y)
        return
      }
    }
    guard let l = factor else { return nil }
    cache = GPFactorCache(hyper: hyper, dimensions: dimensions, x: x, cholesky: l)
    cholesky = l
    choleskyTransposed = GaussianProcess.transpose(l, n: n)
    alpha = GPLinearAlgebra.solve(l, n: n, y)
  }

  static func transpose(_ a: [Double], n: Int) -> [Double] {
    var t = a
    for i in 0..<n { for j in 0..<n { t[j * n + i] = a[i * n + j] } }
    return t
  }

  @inline(__always)
  static func r2(_ a: [Double], _ b: [Double], _ dims: [GPDimension], _ lambda: [Double]) -> Double {
    var s = 0.0
    for j in 0..<a.count {
      let d = dims[j].isCategorical ? (a[j] == b[j] ? 0 : 1) : a[j] - b[j]
      s += lambda[j] * d * d
    }
    return s
  }

  /// Posterior mean and variance at `point` (noise-free variance, floored at 1e-10), with their
  /// gradients in the numeric coordinates when `withGradient` (zeros for categorical ones).
  /// The hot loop of every acquisition: written over raw buffers so the O(n²) triangular solve
  /// runs without bounds checks (about 2× faster than indexed arrays at n = 100).
  func posterior(_ point: [Double], withGradient: Bool) -> (mean: Double, variance: Double, dMean: [Double], dVariance: [Double]) {
    let d = point.count, n = self.n
    let scale = hyper.kernelScale
    let anyCategorical = categoricalMask.contains(true)
    var kStar = [Double](repeating: 0, count: n)
    var kPrime = [Double](repeating: 0, count: withGradient ? n : 0)
    var v = [Double](repeating: 0, count: n)
    var mean = 0.0, vv = 0.0
    hyper.inverseSquaredLengthscales.withUnsafeBufferPointer { lambda in
      xFlat.withUnsafeBufferPointer { xs in
        categoricalMask.withUnsafeBufferPointer { isCat in
          point.withUnsafeBufferPointer { p in
            for i in 0..<n {
              var r2 = 0.0
              let row = i * d
              if anyCategorical {
                for j in 0..<d {
                  let diff = isCat[j] ? (p[j] == xs[row + j] ? 0 : 1) : p[j] - xs[row + j]
                  r2 += lambda[j] * diff * diff
                }
              } else {
                for j in 0..<d {
                  let diff = p[j] - xs[row + j]
                  r2 += lambda[j] * diff * diff
                }
              }
              if withGradient {
                let (m, dm) = Matern52.valueAndDerivative(r2: r2)
                kStar[i] = scale * m
                kPrime[i] = scale * dm
              } else {
                kStar[i] = scale * Matern52.value(r2: r2)
              }
            }
          }
        }
      }
    }
    cholesky.withUnsafeBufferPointer { l in
      alpha.withUnsafeBufferPointer { a in
        kStar.withUnsafeBufferPointer { ks in
          v.withUnsafeMutableBufferPointer { vb in
            for i in 0..<n where n > 0 {
              mean += ks[i] * a[i]
              let row = i * n
              let vi = (ks[i] - GPLinearAlgebra.dot(l.baseAddress! + row, UnsafePointer(vb.baseAddress!), i)) / l[row + i]
              vb[i] = vi
              vv += vi * vi
            }
          }
        }
      }
    }
    let variance = max(scale - vv, 1e-10)
    guard withGradient else { return (mean, variance, [], []) }
    var kInvKStar = v
    choleskyTransposed.withUnsafeBufferPointer { lt in
      kInvKStar.withUnsafeMutableBufferPointer { xp in
        var i = n - 1
        while i >= 0 {
          let ri = i * n
          let tail = n - i - 1
          let s = tail > 0 ? GPLinearAlgebra.dot(lt.baseAddress! + ri + i + 1, UnsafePointer(xp.baseAddress!) + i + 1, tail) : 0
          xp[i] = (xp[i] - s) / lt[ri + i]
          i -= 1
        }
      }
    }
    let lambda = hyper.inverseSquaredLengthscales
    var dMean = [Double](repeating: 0, count: d), dVariance = dMean
    for j in 0..<d where !dimensions[j].isCategorical {
      var gm = 0.0, gv = 0.0
      for i in 0..<n {
        // ∂k*ᵢ/∂xⱼ = s·m'(r²)·2λⱼ(xⱼ − Xᵢⱼ)
        let dk = kPrime[i] * 2 * lambda[j] * (point[j] - xFlat[i * d + j])
        gm += alpha[i] * dk
        gv += kInvKStar[i] * dk
      }
      dMean[j] = gm
      dVariance[j] = variance > 1e-10 ? -2 * gv : 0
    }
    return (mean, variance, dMean, dVariance)
  }
}
