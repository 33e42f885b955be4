// The numeric dimensions' kernels, built in plain passes over preallocated buffers: at trial
// 1,000 g(x) rebuilds ~1,000 kernels per dimension per suggestion, and per-element array
// appends, uniqueness checks and intermediate arrays cost more than the arithmetic. The numbers
// are the ones `makeKernels` always computed (same order of operations).
import Foundation

extension ParzenEstimator {
  /// Rows sorted by (value, row) through the cache only pay off when they are many: for a few
  /// rows (l(x) holds ~25) sorting them is cheaper than walking the cache's order of every trial.
  static let cachedOrderMinimumRows = 64

  static func numericKernels(_ values: [Double], originalLow: Double, originalHigh: Double, isLog: Bool,
                             step: Double?, dimension: Int, dimensionCount: Int, options: ParzenEstimatorOptions,
                             source: CachedSource?, positionOfTrial: [Int]) -> Kernels {
    var low = originalLow, high = originalHigh
    if let step { low -= step / 2; high += step / 2 }
    if isLog { low = log(low); high = log(high) }
    let n = values.count
    let mus = [Double](unsafeUninitializedCapacity: n + 1) { buffer, initialized in
      values.withUnsafeBufferPointer { v in
        if isLog {
          for i in 0..<n { buffer[i] = log(v[i]) }
        } else {
          for i in 0..<n { buffer[i] = v[i] }
        }
      }
      buffer[n] = 0.5 * (low + high)
      initialized = n + 1
    }
    var sigmas: [Double]
    if options.scottBandwidth {
      sigmas = bandwidths(Array(mus[0..<n]), low: low, high: high, dimensionCount: dimensionCount, options: options)
    } else {
      let order: [Int]
      if let source, n >= cachedOrderMinimumRows {
        order = sortedRows(values, dimension: dimension, source: source, positionOfTrial: positionOfTrial)
      } else {
        order = sortedRows(values)
      }
      sigmas = neighbourBandwidths(mus, count: n, order: order, low: low, high: high, options: options)
    }
    sigmas.append(high - low)
    // Continuous kernels keep only the normalizer; stepped ones need the mass of their bounds too.
    let wantsMasses = step != nil
    var logMasses: [Double], logNorms: [Double]
    if let source {
      (logMasses, logNorms) = source.cache.normalizers(dimension: dimension, trialIndices: source.trialIndices,
                                                       mus: mus, sigmas: sigmas, low: low, high: high,
                                                       wantsMasses: wantsMasses)
    } else {
      logMasses = [Double](repeating: 0, count: wantsMasses ? n + 1 : 0)
      logNorms = [Double](repeating: 0, count: n + 1)
    }
    // The prior (and, without a cache, every kernel) computed here.
    let first = source == nil ? 0 : n
    for k in first...n {
      let m = kernelLogMass(mu: mus[k], sigma: sigmas[k], low: low, high: high)
      if wantsMasses { logMasses[k] = m }
      logNorms[k] = TPEKernelCache.logNorm(sigma: sigmas[k], logMass: m)
    }
    if let step {
      return .discrete(mus: mus, sigmas: sigmas, logMasses: logMasses, low: low, high: high,
                       step: step, log: isLog, originalLow: originalLow, originalHigh: originalHigh)
    }
    let invSigmas = [Double](unsafeUninitializedCapacity: n + 1) { buffer, initialized in
      sigmas.withUnsafeBufferPointer { s in for k in 0...n { buffer[k] = 1 / s[k] } }
      initialized = n + 1
    }
    return .continuous(mus: mus, sigmas: sigmas, invSigmas: invSigmas, logNorms: logNorms,
                       low: low, high: high, log: isLog)
  }

  /// The log of a kernel's mass inside [low, high] (model space): every build and edit of a kernel
  /// computes it here, so they agree to the bit.
  static func kernelLogMass(mu: Double, sigma: Double, low: Double, high: Double) -> Double {
    TruncatedNormal.logMass((low - mu) / sigma, (high - mu) / sigma)
  }

  /// The neighbour rule over the first `count` entries of `mus`, `order` sorting them; room is
  /// reserved for the prior's bandwidth.
  static func neighbourBandwidths(_ mus: [Double], count n: Int, order: [Int], low: Double, high: Double,
                                  options: ParzenEstimatorOptions) -> [Double] {
    let range = high - low
    let minSigma = options.considerMagicClip ? range / min(100, Double(n + 2)) : 1e-12
    var sigmas = [Double](unsafeUninitializedCapacity: n + 1) { buffer, initialized in
      mus.withUnsafeBufferPointer { mu in
        order.withUnsafeBufferPointer { o in
          if n > 0 {
            var previous = low
            for r in 0..<n {
              let here = mu[o[r]]
              let next = r + 1 < n ? mu[o[r + 1]] : high
              buffer[o[r]] = max(here - previous, next - here)
              previous = here
            }
            if !options.considerEndpoints && n >= 2 {
              buffer[o[0]] = mu[o[1]] - mu[o[0]]
              buffer[o[n - 1]] = mu[o[n - 1]] - mu[o[n - 2]]
            }
          }
          for i in 0..<n { buffer[i] = min(max(buffer[i], minSigma), range) }
        }
      }
      initialized = n
    }
    sigmas.reserveCapacity(n + 1)
    return sigmas
  }
}
