// TPE's density model: a mixture of product kernels, one per observation plus one prior kernel
// (Optuna's _ParzenEstimator). Numbers are modelled in an internal space (log for log
// parameters, bounds widened by half a step for stepped ones) with truncated-normal kernels;
// stepped values get the kernel's mass over their bin; categoricals get a smoothed one-hot row.
import Foundation

public struct ParzenEstimatorOptions: Sendable {
  public var priorWeight = 1.0
  public var considerMagicClip = true
  public var considerEndpoints = false
  /// Optuna 4.x multivariate bandwidth (0.2·n^(−1/(d+4))·range). Optuna 5.0 uses the
  /// neighbour-distance rule in every mode, which is the default here.
  public var scottBandwidth = false

  public init(priorWeight: Double = 1.0, considerMagicClip: Bool = true,
              considerEndpoints: Bool = false, scottBandwidth: Bool = false) {
    self.priorWeight = priorWeight
    self.considerMagicClip = considerMagicClip
    self.considerEndpoints = considerEndpoints
    self.scottBandwidth = scottBandwidth
  }
}

struct ParzenEstimator {
  /// Per-dimension kernel parameters; every array has one entry per kernel (observations, then prior).
  enum Kernels {
    case continuous(mus: [Double], sigmas: [Double], logNorms: [Double], low: Double, high: Double, log: Bool)
    case discrete(mus: [Double], sigmas: [Double], logMasses: [Double], low: Double, high: Double,
                  step: Double, log: Bool, originalLow: Double, originalHigh: Double)
    /// Row-normalized log probabilities, [kernel][choice].
    case categorical(logProbabilities: [[Double]], probabilities: [[Double]])
  }

  let parameters: [TPEParameter]
  let logWeights: [Double]
  let weights: [Double]
  let kernels: [Kernels]

  /// `observations[i][d]` is observation i's value of parameter d; `observationWeights` one per row.
  init(observations: [[Double]], parameters: [TPEParameter], observationWeights: [Double],
       options: ParzenEstimatorOptions) {
    self.parameters = parameters
    let n = observations.count
    var w: [Double]
    if n == 0 {
      w = [1]
    } else {
      w = observationWeights + [options.priorWeight]
    }
    let total = w.reduce(0, +)
    w = w.map { $0 / total }
    weights = w
    logWeights = w.map { log($0) }
    kernels = parameters.enumerated().map { (d, parameter) in
      ParzenEstimator.makeKernels(observations.map { $0[d] }, parameter, dimensionCount: parameters.count,
                                  options: options)
    }
  }

  static func makeKernels(_ values: [Double], _ parameter: TPEParameter, dimensionCount: Int,
                          options: ParzenEstimatorOptions) -> Kernels {
    switch parameter {
    case .categorical(let choices):
      let n = values.count
      if n == 0 {
        let row = [Double](repeating: 1 / Double(choices), count: choices)
        return .categorical(logProbabilities: [row.map { log($0) }], probabilities: [row])
      }
      let kernelCount = n + 1
      var rows = [[Double]](repeating: [Double](repeating: options.priorWeight / Double(kernelCount), count: choices),
                            count: kernelCount)
      for (i, v) in values.enumerated() {
        let index = min(max(Int(v), 0), choices - 1)
        rows[i][index] += 1
      }
      for k in 0..<kernelCount {
        let s = rows[k].reduce(0, +)
        if s > 0 { rows[k] = rows[k].map { $0 / s } }
      }
      return .categorical(logProbabilities: rows.map { $0.map { log($0) } }, probabilities: rows)

    case .numeric(let originalLow, let originalHigh, let isLog, let step):
      var low = originalLow, high = originalHigh
      if let step { low -= step / 2; high += step / 2 }
      var mus = values
      if isLog {
        low = log(low); high = log(high)
        mus = mus.map { log($0) }
      }
      let sigmas = bandwidths(mus, low: low, high: high, dimensionCount: dimensionCount, options: options)
      let allMus = mus + [0.5 * (low + high)]
      let allSigmas = sigmas + [high - low]
      let logMasses = zip(allMus, allSigmas).map { mu, sigma in
        TruncatedNormal.logMass((low - mu) / sigma, (high - mu) / sigma)
      }
      if let step {
        return .discrete(mus: allMus, sigmas: allSigmas, logMasses: logMasses, low: low, high: high,
                         step: step, log: isLog, originalLow: originalLow, originalHigh: originalHigh)
      }
      let logNorms = zip(allSigmas, logMasses).map { log($0) + $1 }
      return .continuous(mus: allMus, sigmas: allSigmas, logNorms: logNorms, low: low, high: high, log: isLog)
    }
  }

  /// Each observation's kernel width (Optuna 5.0): the larger gap to its neighbours in the sorted
  /// list [low, observations…, high], the extreme observations using their inner gap when endpoints
  /// are not considered (and there are at least two), clipped to [range/min(100, n+2), range].
  static func bandwidths(_ mus: [Double], low: Double, high: Double, dimensionCount: Int,
                         options: ParzenEstimatorOptions) -> [Double] {
    let n = mus.count
    let range = high - low
    var sigmas = [Double](repeating: 0, count: n)
    if options.scottBandwidth {
      let s = 0.2 * pow(Double(max(n, 1)), -1.0 / Double(dimensionCount + 4)) * range
      sigmas = [Double](repeating: s, count: n)
    } else if n > 0 {
      // Sort the plain values (the fastest sort there is), then map each observation to its
      // rank by binary search; equal values take consecutive ranks in observation order.
      let sortedValues = mus.sorted()
      var padded = [Double](repeating: 0, count: n + 2)
      padded[0] = low
      for r in 0..<n { padded[r + 1] = sortedValues[r] }
      padded[n + 1] = high
      var sorted = [Double](repeating: 0, count: n)
      for r in 0..<n {
        sorted[r] = max(padded[r + 1] - padded[r], padded[r + 2] - padded[r + 1])
      }
      if !options.considerEndpoints && n >= 2 {
        sorted[0] = padded[2] - padded[1]
        sorted[n - 1] = padded[n] - padded[n - 1]
      }
      var taken = [Int](repeating: 0, count: n)
      for i in 0..<n {
        var lo = 0, hi = n
        while lo < hi {
          let mid = (lo + hi) / 2
          if sortedValues[mid] < mus[i] { lo = mid + 1 } else { hi = mid }
        }
        let rank = min(lo + taken[lo], n - 1)
        taken[lo] += 1
        sigmas[i] = sorted[rank]
      }
    }
    let minSigma = options.considerMagicClip ? range / min(100, Double(n + 2)) : 1e-12
    return sigmas.map { min(max($0, minSigma), range) }
  }

  var kernelCount: Int { weights.count }

  /// Draws `count` points: a kernel by mixture weight for the whole vector, then each dimension
  /// from that kernel.
  func sample(count: Int, rng: inout SeededRandom) -> [[Double]] {
    (0..<count).map { _ in
      let k = rng.nextIndex(weights: weights)
      return kernels.map { kernel in ParzenEstimator.draw(kernel, k, &rng) }
    }
  }

  static func draw(_ kernel: Kernels, _ k: Int, _ rng: inout SeededRandom) -> Double {
    switch kernel {
    case .categorical(_, let probabilities):
      return Double(rng.nextIndex(weights: probabilities[k]))
    case .continuous(let mus, let sigmas, _, let low, let high, let isLog):
      let x = TruncatedNormal.quantile(rng.nextOpenUniform(), mu: mus[k], sigma: sigmas[k], low: low, high: high)
      return isLog ? min(max(exp(x), exp(low)), exp(high)) : x
    case .discrete(let mus, let sigmas, _, let low, let high, let step, let isLog, let originalLow, let originalHigh):
      var x = TruncatedNormal.quantile(rng.nextOpenUniform(), mu: mus[k], sigma: sigmas[k], low: low, high: high)
      if isLog { x = exp(x) }
      let snapped = originalLow + ((x - originalLow) / step).rounded() * step
      return min(max(snapped, originalLow), originalHigh)
    }
  }

  /// Log density (or log mass, for stepped and categorical dimensions) of each point.
  func logPdf(_ points: [[Double]]) -> [Double] {
    let m = kernelCount
    var acc = [Double](repeating: 0, count: m)
    return points.map { point in
      for k in 0..<m { acc[k] = logWeights[k] }
      for (d, kernel) in kernels.enumerated() {
        ParzenEstimator.accumulate(kernel, point[d], into: &acc)
      }
      return ParzenEstimator.logSumExpSkippingNegligible(acc)
    }
  }

  /// log Σ exp(aₖ), skipping terms more than 40 nats below the largest (they change the sum by
  /// less than 1e-17 relative): with many kernels most are far from a point, and skipping their
  /// exponentials is most of TPE's speed at 1,000 trials.
  static func logSumExpSkippingNegligible(_ a: [Double]) -> Double {
    var m = -Double.infinity
    for v in a where v > m { m = v }
    if m == -.infinity || m == .infinity { return m }
    let cutoff = m - 40
    var s = 0.0
    for v in a where v > cutoff { s += exp(v - m) }
    return m + log(s)
  }

  static func accumulate(_ kernel: Kernels, _ value: Double, into acc: inout [Double]) {
    switch kernel {
    case .categorical(let logProbabilities, _):
      let index = Int(value)
      for k in acc.indices { acc[k] += logProbabilities[k][index] }
    case .continuous(let mus, let sigmas, let logNorms, let low, let high, let isLog):
      let x = isLog ? log(value) : value
      if x < low - 1e-12 * abs(low) || x > high + 1e-12 * abs(high) {
        for k in acc.indices { acc[k] = -.infinity }
        return
      }
      mus.withUnsafeBufferPointer { mu in
        sigmas.withUnsafeBufferPointer { sigma in
          logNorms.withUnsafeBufferPointer { norm in
            acc.withUnsafeMutableBufferPointer { out in
              for k in 0..<out.count {
                let z = (x - mu[k]) / sigma[k]
                out[k] += -0.5 * z * z - Normal.logSqrt2Pi - norm[k]
              }
            }
          }
        }
      }
    case .discrete(let mus, let sigmas, let logMasses, _, _, let step, let isLog, _, _):
      var lower = value - step / 2, upper = value + step / 2
      if isLog { lower = log(lower); upper = log(upper) }
      for k in acc.indices {
        let s = sigmas[k]
        acc[k] += TruncatedNormal.logMass((lower - mus[k]) / s, (upper - mus[k]) / s) - logMasses[k]
      }
    }
  }
}
