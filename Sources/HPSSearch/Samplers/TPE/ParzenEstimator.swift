// TPE's density model: a mixture of product kernels, one per observation plus one prior kernel
// (Optuna's _ParzenEstimator). Numbers are modelled in an internal space (log for log
// parameters, bounds widened by half a step for stepped ones) with truncated-normal kernels;
// stepped values get the kernel's mass over their bin; categoricals get a smoothed one-hot row.
//
// Observations arrive as columns (one array per parameter). The estimator is built the same way
// from scratch and from a `TPEKernelCache` (kept sorted orders and memoized normalizers of the
// finished trials); the cache only saves work, it never changes a number.
import CTPEScoring
import Foundation

public struct ParzenEstimatorOptions: Sendable, Equatable {
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
  indirect enum Kernels {
    /// `logNorms[k]` = log σₖ + log(mass of kernel k inside the bounds).
    case continuous(mus: [Double], sigmas: [Double], invSigmas: [Double], logNorms: [Double],
                    low: Double, high: Double, log: Bool)
    case discrete(mus: [Double], sigmas: [Double], logMasses: [Double], low: Double, high: Double,
                  step: Double, log: Bool, originalLow: Double, originalHigh: Double)
    /// Smoothed one-hot rows, one per kernel.
    case categorical(CategoricalKernels)
  }

  let parameters: [TPEParameter]
  let logWeights: [Double]
  let weights: [Double]
  let kernels: [Kernels]
  /// Per kernel: its log weight minus every continuous dimension's log normalizer and log √(2π),
  /// so scoring a point only adds −z²/2 per continuous dimension.
  let base: [Double]

  /// `observations[i][d]` is observation i's value of parameter d; `observationWeights` one per row.
  init(observations: [[Double]], parameters: [TPEParameter], observationWeights: [Double],
       options: ParzenEstimatorOptions) {
    let columns = parameters.indices.map { d in observations.map { $0[d] } }
    self.init(columns: columns, parameters: parameters, observationWeights: observationWeights,
              options: options, source: nil)
  }

  /// Where the rows came from, for the cached build: row i is trial `trialIndices[i]` of the
  /// history the cache describes (ascending).
  struct CachedSource {
    let cache: TPEKernelCache
    let trialIndices: [Int]
    let historyCount: Int
  }

  /// `columns[d][i]` is observation i's value of parameter d (as TPEParameter describes it).
  init(columns: [[Double]], parameters: [TPEParameter], observationWeights: [Double],
       options: ParzenEstimatorOptions, source: CachedSource?) {
    let n = columns.first?.count ?? 0
    // Each row's position in the history, for the cached sorted orders (built once for all dims).
    var positionOfTrial: [Int] = []
    if let source, n >= ParzenEstimator.cachedOrderMinimumRows {
      positionOfTrial = [Int](repeating: -1, count: source.historyCount)
      for (row, t) in source.trialIndices.enumerated() { positionOfTrial[t] = row }
    }
    var built: [Kernels] = []
    built.reserveCapacity(parameters.count)
    for (d, parameter) in parameters.enumerated() {
      built.append(ParzenEstimator.makeKernels(
        columns[d], parameter, dimension: d, dimensionCount: parameters.count, options: options,
        source: source, positionOfTrial: positionOfTrial))
    }
    self.init(kernels: built, parameters: parameters, observationWeights: n == 0 ? [] : observationWeights,
              priorWeight: options.priorWeight)
  }

  /// An estimator over kernels built elsewhere (one entry per observation, then the prior's);
  /// `observationWeights` has one weight per observation.
  init(kernels built: [Kernels], parameters: [TPEParameter], observationWeights: [Double], priorWeight: Double) {
    self.parameters = parameters
    var w = observationWeights.isEmpty ? [1] : observationWeights + [priorWeight]
    let total = w.reduce(0, +)
    w = w.map { $0 / total }
    weights = w
    // (g's ~1,000 weights are all different along Optuna's ramp: vectorized logs.)
    let count = w.count
    logWeights = [Double](unsafeUninitializedCapacity: count) { logs, initialized in
      w.withUnsafeBufferPointer { hps_tpe_log_array($0.baseAddress, logs.baseAddress, count) }
      initialized = count
    }
    kernels = built
    var b = logWeights
    b.withUnsafeMutableBufferPointer { b in
      for kernel in built {
        guard case .continuous(_, _, _, let logNorms, _, _, _) = kernel else { continue }
        logNorms.withUnsafeBufferPointer { norms in
          for k in b.indices { b[k] -= Normal.logSqrt2Pi + norms[k] }
        }
      }
    }
    base = b
  }

  static func makeKernels(_ values: [Double], _ parameter: TPEParameter, dimension: Int, dimensionCount: Int,
                          options: ParzenEstimatorOptions, source: CachedSource? = nil,
                          positionOfTrial: [Int] = []) -> Kernels {
    switch parameter {
    case .categorical(let choices):
      return .categorical(CategoricalKernels(values: values, choices: choices, priorWeight: options.priorWeight))

    case .numeric(let originalLow, let originalHigh, let isLog, let step):
      return numericKernels(values, originalLow: originalLow, originalHigh: originalHigh, isLog: isLog, step: step,
                            dimension: dimension, dimensionCount: dimensionCount, options: options, source: source,
                            positionOfTrial: positionOfTrial)
    }
  }

  /// Row indices ordered by (value, row): equal values keep observation order.
  /// (Few rows, such as l(x)'s ~25, by insertion sort: the order is total, so any sort gives the same one.)
  static func sortedRows(_ values: [Double]) -> [Int] {
    let n = values.count
    if n > cachedOrderMinimumRows {
      return Array(values.indices).sorted { a, b in values[a] < values[b] || (values[a] == values[b] && a < b) }
    }
    return [Int](unsafeUninitializedCapacity: n) { order, initialized in
      values.withUnsafeBufferPointer { v in
        for row in 0..<n {
          // Rows arrive in increasing index order, so a row goes after every equal value.
          let x = v[row]
          var slot = row
          while slot > 0 && x < v[order[slot - 1]] {
            order[slot] = order[slot - 1]
            slot -= 1
          }
          order[slot] = row
        }
      }
      initialized = n
    }
  }

  /// The same order from the cache: the finished trials' kept order filtered to these rows,
  /// merged with the few rows the cache does not hold (running and newly finished trials).
  static func sortedRows(_ values: [Double], dimension: Int, source: CachedSource, positionOfTrial: [Int]) -> [Int] {
    let cache = source.cache
    if values.isEmpty { return [] }
    let kept = [Int](unsafeUninitializedCapacity: values.count) { buffer, initialized in
      var count = 0
      cache.sortedTrials[dimension].withUnsafeBufferPointer { sorted in
        positionOfTrial.withUnsafeBufferPointer { position in
          for t in sorted {
            let row = position[t]
            if row >= 0 { buffer[count] = row; count += 1 }
          }
        }
      }
      initialized = count
    }
    // The rows are in ascending trial order, so the ones the cache does not hold are the last.
    var firstExtra = source.trialIndices.count
    while firstExtra > 0 && source.trialIndices[firstExtra - 1] >= cache.count { firstExtra -= 1 }
    var extra = Array(firstExtra..<source.trialIndices.count)
    if extra.isEmpty { return kept }
    extra.sort { a, b in values[a] < values[b] || (values[a] == values[b] && a < b) }
    var merged: [Int] = []
    merged.reserveCapacity(kept.count + extra.count)
    var i = 0, j = 0
    while i < kept.count || j < extra.count {
      if j == extra.count {
        merged.append(kept[i]); i += 1
      } else if i == kept.count {
        merged.append(extra[j]); j += 1
      } else {
        let a = kept[i], b = extra[j]
        if values[a] < values[b] || (values[a] == values[b] && a < b) {
          merged.append(a); i += 1
        } else {
          merged.append(b); j += 1
        }
      }
    }
    return merged
  }

  /// Each observation's kernel width (Optuna 5.0): the larger gap to its neighbours in the sorted
  /// list [low, observations…, high], the extreme observations using their inner gap when endpoints
  /// are not considered (and there are at least two), clipped to [range/min(100, n+2), range].
  static func bandwidths(_ mus: [Double], low: Double, high: Double, dimensionCount: Int,
                         options: ParzenEstimatorOptions) -> [Double] {
    if options.scottBandwidth {
      let n = mus.count
      let range = high - low
      let s = 0.2 * pow(Double(max(n, 1)), -1.0 / Double(dimensionCount + 4)) * range
      let minSigma = options.considerMagicClip ? range / min(100, Double(n + 2)) : 1e-12
      return [Double](repeating: min(max(s, minSigma), range), count: n)
    }
    return neighbourBandwidths(mus, order: sortedRows(mus), low: low, high: high, options: options)
  }

  /// The neighbour rule over `order` (the rows sorted by value).
  static func neighbourBandwidths(_ mus: [Double], order: [Int], low: Double, high: Double,
                                  options: ParzenEstimatorOptions) -> [Double] {
    neighbourBandwidths(mus, count: mus.count, order: order, low: low, high: high, options: options)
  }

  var kernelCount: Int { weights.count }

  /// Log density (or log mass, for stepped and categorical dimensions) of each point.
  /// `memo` keeps the stepped dimensions' kernel masses between calls.
  func logPdf(_ points: [[Double]], memo: LogMassMemo? = nil) -> [Double] {
    if let scores = continuousLogPdf(points) { return scores }
    let m = kernelCount, n = points.count
    // Every kernel scored in every dimension for every point (plain passes over contiguous arrays
    // measured faster at 1,000 trials than choosing kernels to skip; the log-sum-exp then skips
    // the negligible terms). A stepped dimension's masses are computed once per distinct value
    // among the points (the candidates repeat the few values of a small grid).
    let acc = UnsafeMutablePointer<Double>.allocate(capacity: max(n * m, 1))
    let row = UnsafeMutablePointer<Double>.allocate(capacity: max(m, 1))
    defer { acc.deallocate(); row.deallocate() }
    base.withUnsafeBufferPointer { b in
      for p in 0..<n { (acc + p * m).update(from: b.baseAddress!, count: m) }
    }
    var inside = [Bool](repeating: true, count: n)
    for (d, kernel) in kernels.enumerated() {
      if case .discrete = kernel {
        var done = [Bool](repeating: false, count: n)
        for p in 0..<n where inside[p] && !done[p] {
          let value = points[p][d]
          row.update(repeating: 0, count: m)
          // (A stepped value always has some mass: never outside the bounds.)
          _ = ParzenEstimator.accumulate(kernel, value, into: row, count: m, memo: memo)
          for q in p..<n where inside[q] && !done[q] && points[q][d].bitPattern == value.bitPattern {
            done[q] = true
            let target = acc + q * m
            for k in 0..<m { target[k] += row[k] }
          }
        }
        continue
      }
      for p in 0..<n where inside[p] {
        inside[p] = ParzenEstimator.accumulate(kernel, points[p][d], into: acc + p * m, count: m)
      }
    }
    return (0..<n).map { p in
      guard inside[p] else { return -.infinity }
      var largest = -Double.infinity
      for k in 0..<m where acc[p * m + k] > largest { largest = acc[p * m + k] }
      return hps_tpe_log_sum_exp(acc + p * m, m, largest)
    }
  }

  /// Adds the dimension's log term for `value` to each of the `count` kernels in `acc`; false
  /// when the value lies outside the bounds (the density is zero).
  static func accumulate(_ kernel: Kernels, _ value: Double, into acc: UnsafeMutablePointer<Double>, count: Int,
                         memo: LogMassMemo? = nil) -> Bool {
    switch kernel {
    case .categorical(let rows):
      rows.accumulate(choice: Int(value), into: acc, count: count)
    case .continuous(let mus, _, let invSigmas, _, let low, let high, let isLog):
      let x = isLog ? log(value) : value
      if x < low - 1e-12 * abs(low) || x > high + 1e-12 * abs(high) { return false }
      mus.withUnsafeBufferPointer { muBuffer in
        invSigmas.withUnsafeBufferPointer { invBuffer in
          let mu = muBuffer.baseAddress!, inv = invBuffer.baseAddress!
          for k in 0..<count {
            let z = (x - mu[k]) * inv[k]
            acc[k] -= 0.5 * z * z
          }
        }
      }
    case .discrete(let mus, let sigmas, let logMasses, _, _, let step, let isLog, _, _):
      var lower = value - step / 2, upper = value + step / 2
      if isLog { lower = log(lower); upper = log(upper) }
      for k in 0..<count {
        let s = sigmas[k]
        let a = (lower - mus[k]) / s, b = (upper - mus[k]) / s
        acc[k] += (memo?.value(a, b) ?? TruncatedNormal.logMass(a, b)) - logMasses[k]
      }
    }
    return true
  }

  /// `accumulate` over an array of `acc.count` kernels.
  static func accumulate(_ kernel: Kernels, _ value: Double, into acc: inout [Double]) -> Bool {
    let count = acc.count
    return acc.withUnsafeMutableBufferPointer { accumulate(kernel, value, into: $0.baseAddress!, count: count) }
  }

  /// log Σ exp(aₖ), skipping terms more than 40 nats below the largest (they change the sum by
  /// less than 1e-17 relative): with many kernels most are far from a point. The sum is the C
  /// scoring loop's (same exponential, same order), so every path gives the same bits.
  static func logSumExpSkippingNegligible(_ a: [Double]) -> Double {
    var m = -Double.infinity
    for v in a where v > m { m = v }
    return a.withUnsafeBufferPointer { hps_tpe_log_sum_exp_portable($0.baseAddress, $0.count, m) }
  }
}
