// Kernel hyperparameters by MAP: maximize the log marginal likelihood plus Optuna's priors
// (−Σ(0.1/λⱼ + 0.1·λⱼ) on the inverse squared lengthscales, Gamma(2, 1) on the kernel scale,
// Gamma(1.1, 30) on the noise), in log parameters, by bounded L-BFGS with analytic gradients.
import Foundation

enum GPHyperparameterFit {
  static let minimumNoise = 1e-6

  /// Fits from `warmStart` and from the default start; returns the better optimum.
  static func fit(dimensions: [GPDimension], x: [[Double]], y: [Double], warmStart: GPHyperparameters?,
                  deterministic: Bool, maxIterations: Int = 60, fromDefaultWhenWarm: Bool = true,
                  gradientTolerance: Double = 1e-4) -> GPHyperparameters {
    let d = dimensions.count
    var starts = [GPHyperparameters.initial(dimensions: d)]
    if let warmStart, warmStart.inverseSquaredLengthscales.count == d {
      if fromDefaultWhenWarm { starts.insert(warmStart, at: 0) } else { starts = [warmStart] }
    }
    let lower = [Double](repeating: log(1e-3), count: d) + [log(1e-2), log(deterministic ? minimumNoise : minimumNoise)]
    let upper = [Double](repeating: log(1e4), count: d) + [log(1e2), log(deterministic ? minimumNoise * 1.0000001 : 1)]
    var best: (GPHyperparameters, Double)?
    let optimizer = BoundedLBFGS(maxIterations: maxIterations, gradientTolerance: gradientTolerance)
    for start in starts {
      let theta0 = start.inverseSquaredLengthscales.map { log($0) } + [log(start.kernelScale), log(max(start.noiseVariance, minimumNoise))]
      let result = optimizer.minimize({ negativeLogPosterior($0, dimensions: dimensions, x: x, y: y) },
                                      x0: theta0, lower: lower, upper: upper)
      guard result.value.isFinite else { continue }
      if let current = best, current.1 <= result.value { continue }
      best = (hyper(from: result.x, d: d), result.value)
    }
    return best?.0 ?? starts[0]
  }

  static func hyper(from theta: [Double], d: Int) -> GPHyperparameters {
    GPHyperparameters(inverseSquaredLengthscales: theta[0..<d].map { exp($0) },
                      kernelScale: exp(theta[d]), noiseVariance: exp(theta[d + 1]))
  }

  /// −(log marginal likelihood + log prior) and its gradient in θ = (log λ, log s, log noise).
  /// Over raw buffers: this runs on every L-BFGS step of every fit.
  static func negativeLogPosterior(_ theta: [Double], dimensions: [GPDimension], x: [[Double]], y: [Double]) -> (value: Double, gradient: [Double]) {
    let d = dimensions.count, n = x.count
    let h = hyper(from: theta, d: d)
    let lambda = h.inverseSquaredLengthscales
    let xFlat = x.flatMap { $0 }
    let isCat = dimensions.map(\.isCategorical)
    let scale = h.kernelScale
    // k = s·m + noise·I and dm = m'(r²); s·m off the diagonal is k itself.
    var k = [Double](repeating: 0, count: n * n), dm = k
    lambda.withUnsafeBufferPointer { lam in
      xFlat.withUnsafeBufferPointer { xs in
        isCat.withUnsafeBufferPointer { cat in
          k.withUnsafeMutableBufferPointer { kp in
            dm.withUnsafeMutableBufferPointer { dp in
              for i in 0..<n {
                for j in 0...i {
                  var r2 = 0.0
                  for q in 0..<d {
                    let diff = cat[q] ? (xs[i * d + q] == xs[j * d + q] ? 0 : 1) : xs[i * d + q] - xs[j * d + q]
                    r2 += lam[q] * diff * diff
                  }
                  let (v, dv) = Matern52.valueAndDerivative(r2: r2)
                  kp[i * n + j] = scale * v; kp[j * n + i] = scale * v
                  dp[i * n + j] = dv; dp[j * n + i] = dv
                }
                kp[i * n + i] += h.noiseVariance
              }
            }
          }
        }
      }
    }
    guard let l = GPLinearAlgebra.factor(k, n: n) else {
      return (.infinity, [Double](repeating: 0, count: d + 2))
    }
    let alpha = GPLinearAlgebra.solve(l, n: n, y)
    var yAlpha = 0.0
    for i in 0..<n { yAlpha += y[i] * alpha[i] }
    let logLikelihood = -0.5 * yAlpha - 0.5 * Cholesky.logDeterminant(l, n: n) - 0.5 * Double(n) * log(2 * Double.pi)
    // Prior (Optuna's default_log_prior).
    var logPrior = 0.0
    for v in lambda { logPrior -= 0.1 / v + 0.1 * v }
    logPrior += (2 - 1) * log(h.kernelScale) - 1 * h.kernelScale
    logPrior += (1.1 - 1) * log(h.noiseVariance) - 30 * h.noiseVariance

    // dLML/dθ = ½ tr(W ∂K/∂θ), W = ααᵀ − K⁻¹.
    let kInv = GPLinearAlgebra.inverse(l, n: n)
    var gradient = [Double](repeating: 0, count: d + 2)
    var gScale = 0.0, gNoise = 0.0
    var gLambda = [Double](repeating: 0, count: d)
    kInv.withUnsafeBufferPointer { ki in
      k.withUnsafeBufferPointer { kp in
        dm.withUnsafeBufferPointer { dp in
          xFlat.withUnsafeBufferPointer { xs in
            isCat.withUnsafeBufferPointer { cat in
              gLambda.withUnsafeMutableBufferPointer { gl in
                for i in 0..<n {
                  let wii = alpha[i] * alpha[i] - ki[i * n + i]
                  gScale += wii * (kp[i * n + i] - h.noiseVariance)
                  gNoise += wii * h.noiseVariance
                  for j in 0..<i {
                    // W and ∂K are symmetric: count each off-diagonal pair twice.
                    let w = 2 * (alpha[i] * alpha[j] - ki[i * n + j])
                    gScale += w * kp[i * n + j]
                    let c = w * scale * dp[i * n + j]
                    for q in 0..<d {
                      let diff = cat[q] ? (xs[i * d + q] == xs[j * d + q] ? 0 : 1) : xs[i * d + q] - xs[j * d + q]
                      gl[q] += c * diff * diff
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    for q in 0..<d {
      // d/dlogλ of the likelihood carries a factor λ; of the prior: 0.1/λ − 0.1λ.
      gradient[q] = -(0.5 * gLambda[q] * lambda[q] + 0.1 / lambda[q] - 0.1 * lambda[q])
    }
    gradient[d] = -(0.5 * gScale + 1 - h.kernelScale)
    gradient[d + 1] = -(0.5 * gNoise + 0.1 - 30 * h.noiseVariance)
    return (-(logLikelihood + logPrior), gradient)
  }
}
