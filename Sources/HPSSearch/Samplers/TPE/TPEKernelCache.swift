// What TPE keeps between suggestions for one search space: the finished trials' values sorted
// per parameter and each kernel's truncation mass by bandwidth. A finished trial never changes
// and most kernels keep their bandwidth from one suggestion to the next, so a suggestion at
// trial 1,000 sorts and normalizes only what changed instead of all 1,000 observations.
import Foundation

final class TPEKernelCache {
  /// The cache describes the first `count` entries of the history handed to `TPEAlgorithm`.
  private(set) var count = 0
  /// Per parameter: indices (< count) of the entries holding every parameter, ordered by
  /// (value, index). Sorted on first use and kept in step after: numeric spaces model g(x) with
  /// `TPEAboveKernels` and never read them.
  var sortedTrials: [[Int]] {
    if orders == nil {
      orders = (0..<dimensionCount).map { d in
        values.indices.filter { !values[$0].isEmpty }.sorted { a, b in
          values[a][d] < values[b][d] || (values[a][d] == values[b][d] && a < b)
        }
      }
    }
    return orders!
  }
  private var orders: [[Int]]?
  private var memoSigma: [[Double]]
  private var memoLogMass: [[Double]]
  private var memoLogNorm: [[Double]]
  let dimensionCount: Int
  /// The last g(x) built from scratch (below 128 rows or with Optuna 4.x's bandwidth; otherwise
  /// `above` edits it), kept until the next one exists. At trial 1,000 a build allocates ~350 kB of kernel arrays; freed
  /// while nothing newer sits above them, they return to the top of the heap, which glibc then
  /// trims and grows again at the next suggestion (~20% of a suggestion's time in page faults and
  /// brk calls). Freed below the newer ones, they are reused instead. (`lastBelow` keeps l(x).)
  var lastBuiltAbove: ParzenEstimator?
  /// The last l(x) and what it was built from (its rows' trial numbers, weights and options).
  var lastBelow: (numbers: [Int], weights: [Double], options: ParzenEstimatorOptions, estimator: ParzenEstimator)?
  /// g(x)'s kernels, edited from one suggestion to the next.
  let above = TPEAboveKernels()
  /// The truncated normals' tail terms of l(x)'s kernels, which mostly repeat between suggestions.
  let quantileMemo = TruncatedNormalMemo()
  /// Stepped parameters' kernel masses at the candidates' grid values (made on first use).
  lazy var logMassMemo = LogMassMemo()

  init(dimensionCount: Int) {
    self.dimensionCount = dimensionCount
    memoSigma = [[Double]](repeating: [], count: dimensionCount)
    memoLogMass = [[Double]](repeating: [], count: dimensionCount)
    memoLogNorm = [[Double]](repeating: [], count: dimensionCount)
  }

  /// Adds the next history entry (a finished trial, parameters in search-space order).
  func append(_ trial: TPEObservedTrial) {
    let index = count
    count += 1
    let complete = trial.params.count == dimensionCount && !trial.params.contains(where: { $0.isNaN })
    for d in 0..<dimensionCount {
      memoSigma[d].append(.nan)
      memoLogMass[d].append(0)
      memoLogNorm[d].append(0)
      guard complete, orders != nil else { continue }
      let v = trial.params[d]
      // Upper bound of v: the new index is the largest, so it goes after every equal value.
      var lo = 0, hi = orders![d].count
      orders![d].withUnsafeBufferPointer { s in
        while lo < hi {
          let mid = (lo + hi) / 2
          if trialValue(d, s[mid]) <= v { lo = mid + 1 } else { hi = mid }
        }
      }
      orders![d].insert(index, at: lo)
    }
    values.append(complete ? trial.params : [])
    holdsEveryParameter.append(complete)
    numbers.append(trial.number)
  }

  /// Per cached entry: its trial number (read without touching the entries themselves).
  private(set) var numbers: [Int] = []

  /// Per cached entry: whether it holds every parameter (is an observation of this space).
  private(set) var holdsEveryParameter: [Bool] = []

  private var values: [[Double]] = []
  private func trialValue(_ d: Int, _ index: Int) -> Double { values[index][d] }

  /// A kernel's log normalizer: log σ + log(mass inside the bounds).
  static func logNorm(sigma: Double, logMass: Double) -> Double { log(sigma) + logMass }

  /// Each kernel's log truncation mass and log normalizer for dimension `dimension`: kernel i is
  /// history entry `trialIndices[i]` with mean `mus[i]` and bandwidth `sigmas[i]`; a kernel whose
  /// entry is cached with the same bandwidth reuses both, the others are computed (the finished
  /// ones remembered). The arrays have one more entry (zero), left for the prior kernel; the
  /// masses are only returned when `wantsMasses` (stepped dimensions keep them, continuous ones not).
  func normalizers(dimension: Int, trialIndices: [Int], mus: [Double], sigmas: [Double], low: Double, high: Double,
                   wantsMasses: Bool = true) -> (logMasses: [Double], logNorms: [Double])
  {
    let n = trialIndices.count
    var masses = [Double](repeating: 0, count: wantsMasses ? n + 1 : 0)
    var norms = [Double](unsafeUninitializedCapacity: n + 1) { buffer, initialized in
      buffer[n] = 0
      initialized = n + 1
    }
    let cached = count
    memoSigma[dimension].withUnsafeMutableBufferPointer { memoS in
      memoLogMass[dimension].withUnsafeMutableBufferPointer { memoM in
        memoLogNorm[dimension].withUnsafeMutableBufferPointer { memoN in
          masses.withUnsafeMutableBufferPointer { masses in
            norms.withUnsafeMutableBufferPointer { norms in
              trialIndices.withUnsafeBufferPointer { trials in
                mus.withUnsafeBufferPointer { mus in
                  sigmas.withUnsafeBufferPointer { sigmas in
                    for i in 0..<n {
                      let t = trials[i]
                      if t < cached && memoS[t] == sigmas[i] {
                        if wantsMasses { masses[i] = memoM[t] }
                        norms[i] = memoN[t]
                        continue
                      }
                      let m = ParzenEstimator.kernelLogMass(mu: mus[i], sigma: sigmas[i], low: low, high: high)
                      let norm = TPEKernelCache.logNorm(sigma: sigmas[i], logMass: m)
                      if wantsMasses { masses[i] = m }
                      norms[i] = norm
                      if t < cached {
                        memoS[t] = sigmas[i]
                        memoM[t] = m
                        memoN[t] = norm
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return (masses, norms)
  }
}
