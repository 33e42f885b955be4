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

struct GaussianProcess {
  let dimensions: [GPDimension]
  let x: [[Double]]
  let y: [Double]  // standardized
  let hyper: GPHyperparameters
  let cholesky: [Double]
  let alpha: [Double]  // K⁻¹ y
  var n: Int { x.count }

  /// Factors the kernel matrix; nil if it cannot be made positive definite.
  init?(dimensions: [GPDimension], x: [[Double]], y: [Double], hyper: GPHyperparameters) {
    self.dimensions = dimensions
    self.x = x
    self.y = y
    self.hyper = hyper
    let n = x.count
    var k = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0...i {
        let v = hyper.kernelScale * Matern52.value(r2: GaussianProcess.r2(x[i], x[j], dimensions, hyper.inverseSquaredLengthscales))
        k[i * n + j] = v
        k[j * n + i] = v
      }
      k[i * n + i] += hyper.noiseVariance
    }
    guard let l = Cholesky.factorWithJitter(k, n: n) else { return nil }
    cholesky = l
    alpha = Cholesky.solve(l, n: n, y)
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
  func posterior(_ point: [Double], withGradient: Bool) -> (mean: Double, variance: Double, dMean: [Double], dVariance: [Double]) {
    let d = point.count
    let lambda = hyper.inverseSquaredLengthscales
    var kStar = [Double](repeating: 0, count: n)
    var kPrime = [Double](repeating: 0, count: withGradient ? n : 0)
    for i in 0..<n {
      let (m, dm) = Matern52.valueAndDerivative(r2: GaussianProcess.r2(point, x[i], dimensions, lambda))
      kStar[i] = hyper.kernelScale * m
      if withGradient { kPrime[i] = hyper.kernelScale * dm }
    }
    var mean = 0.0
    for i in 0..<n { mean += kStar[i] * alpha[i] }
    let v = Cholesky.solveLower(cholesky, n: n, kStar)
    var vv = 0.0
    for i in 0..<n { vv += v[i] * v[i] }
    let variance = max(hyper.kernelScale - vv, 1e-10)
    guard withGradient else { return (mean, variance, [], []) }
    let kInvKStar = Cholesky.solveUpperTransposed(cholesky, n: n, v)
    var dMean = [Double](repeating: 0, count: d), dVariance = dMean
    for j in 0..<d where !dimensions[j].isCategorical {
      var gm = 0.0, gv = 0.0
      for i in 0..<n {
        // ∂k*ᵢ/∂xⱼ = s·m'(r²)·2λⱼ(xⱼ − Xᵢⱼ)
        let dk = kPrime[i] * 2 * lambda[j] * (point[j] - x[i][j])
        gm += alpha[i] * dk
        gv += kInvKStar[i] * dk
      }
      dMean[j] = gm
      dVariance[j] = variance > 1e-10 ? -2 * gv : 0
    }
    return (mean, variance, dMean, dVariance)
  }
}
