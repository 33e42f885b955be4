// Drawing TPE's candidates from l(x) in the order Optuna's `_MixtureOfProductDistribution.sample`
// consumes its random stream: first one kernel per candidate, then each categorical dimension
// (one uniform per candidate), then one uniform per (numerical dimension, candidate), dimension
// by dimension, turned into truncated-normal values by a single batched quantile. Fed numpy's
// stream (`NumpyRandomState`) this reproduces Optuna's candidates for the same seed.
import Foundation

extension ParzenEstimator {
  /// `count` candidate points, each `[value per parameter]` (categoricals as choice indices).
  /// `memo` keeps the truncated normals' tail terms between calls (the draws are the same).
  func sample<R: UniformRandomSource>(count: Int, rng: inout R, memo: TruncatedNormalMemo? = nil) -> [[Double]] {
    let active = rng.choice(probabilities: weights, count: count)
    var points = [[Double]](repeating: [Double](repeating: 0, count: kernels.count), count: count)

    for (d, kernel) in kernels.enumerated() {
      guard case .categorical(let rows) = kernel else { continue }
      let u = rng.rand(count)
      for i in 0..<count {
        // The number of cumulative probabilities below u, the last one taken as exactly 1.
        var cumulative = 0.0
        var index = 0
        for c in 0..<rows.choices {
          cumulative += rows.probability(kernel: active[i], choice: c)
          if (c == rows.choices - 1 ? 1.0 : cumulative) < u[i] { index += 1 }
        }
        points[i][d] = Double(index)
      }
    }

    let numerical = kernels.indices.filter {
      if case .categorical = kernels[$0] { return false }
      return true
    }
    guard !numerical.isEmpty else { return points }
    var q: [Double] = [], a: [Double] = [], b: [Double] = []
    var mus: [Double] = [], sigmas: [Double] = []
    let drawn = numerical.count * count
    q.reserveCapacity(drawn); a.reserveCapacity(drawn); b.reserveCapacity(drawn)
    mus.reserveCapacity(drawn); sigmas.reserveCapacity(drawn)
    for d in numerical {
      let (kernelMus, kernelSigmas, low, high) = ParzenEstimator.truncation(kernels[d])
      for i in 0..<count {
        let mu = kernelMus[active[i]], sigma = kernelSigmas[active[i]]
        q.append(rng.uniform(low: 0, high: 1))
        a.append((low - mu) / sigma)
        b.append((high - mu) / sigma)
        mus.append(mu)
        sigmas.append(sigma)
      }
    }
    let z = OptunaTruncatedNormal.ppf(q, a, b, memo: memo)
    for (slot, d) in numerical.enumerated() {
      let toExternal = ParzenEstimator.externalValue(kernels[d])
      for i in 0..<count {
        let e = slot * count + i
        points[i][d] = toExternal(z[e] * sigmas[e] + mus[e])
      }
    }
    return points
  }

  /// A numerical kernel's centres, widths and the bounds it is truncated to (in the model's space).
  private static func truncation(_ kernel: Kernels) -> (mus: [Double], sigmas: [Double], low: Double, high: Double) {
    switch kernel {
    case .continuous(let mus, let sigmas, _, _, let low, let high, _): return (mus, sigmas, low, high)
    case .discrete(let mus, let sigmas, _, let low, let high, _, _, _, _): return (mus, sigmas, low, high)
    case .categorical: return ([], [], 0, 0)
    }
  }

  /// A drawn model-space value as the parameter's value: exp for log scales; stepped values
  /// rounded (half to even, as numpy rounds) onto the grid. Optuna does not clip continuous
  /// draws; here a draw that rounding pushed past a bound is clipped to it, so no candidate
  /// lies outside the distribution.
  /// (The kernel's fields are read once per dimension, not once per candidate.)
  private static func externalValue(_ kernel: Kernels) -> (Double) -> Double {
    switch kernel {
    case .continuous(_, _, _, _, let low, let high, let isLog):
      if isLog {
        let lowest = exp(low), highest = exp(high)
        return { x in min(max(exp(x), lowest), highest) }
      }
      return { x in min(max(x, low), high) }
    case .discrete(_, _, _, _, _, let step, let isLog, let originalLow, let originalHigh):
      return { x in
        let v = isLog ? exp(x) : x
        let snapped = originalLow + ((v - originalLow) / step).rounded(.toNearestOrEven) * step
        return min(max(snapped, originalLow), originalHigh)
      }
    case .categorical:
      return { x in x }
    }
  }
}
