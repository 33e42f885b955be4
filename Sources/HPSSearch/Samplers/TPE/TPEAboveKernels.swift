// g(x)'s kernels kept from one suggestion to the next. At trial 1,000 the set of trials above the
// split changes by a row or two per suggestion while g holds ~975 kernels, and a kernel's
// bandwidth depends only on its neighbours in the sorted values; rebuilding g every time
// recomputed ~975 bandwidths and normalizers per parameter to change a handful. Here the rows
// (ascending trial numbers), each numeric parameter's sorted values and kernel arrays, and each
// categorical parameter's observed choices are edited in place — rows inserted and removed, then
// the bandwidths next to each change recomputed — with the same expressions as the full build, so
// the estimator is the one a rebuild gives, to the bit (TPEIncrementalTests compares them).
import Foundation

final class TPEAboveKernels {
  /// Below this many rows (before or after an update) g is rebuilt: the smallest bandwidth,
  /// range/min(100, n + 2), still moves with n there, and with it every kernel.
  static let minimumRows = 128
  /// More changed rows than n/`rebuildFraction` are cheaper to rebuild than to edit in.
  static let rebuildFraction = 8

  /// One parameter's kernels in row order, the prior's last. A numeric parameter also keeps its
  /// rows sorted by (value, trial number), the order the neighbour rule reads.
  private struct Dimension {
    var mus: [Double] = [], sigmas: [Double] = [], invSigmas: [Double] = []
    /// Continuous parameters keep log normalizers, stepped ones log masses (as the full build).
    var logNormalizers: [Double] = []
    var sorted: [SortedRow] = []
    /// A categorical parameter keeps each row's choice instead (the prior's −1 last).
    var observed: [Int32] = []
  }

  private struct SortedRow {
    var value: Double
    var mu: Double
    var number: Int
  }

  /// Ascending trial numbers of the rows; row i is kernel i of every dimension.
  private var numbers: [Int] = []
  private var dimensions: [Dimension] = []
  private var parameters: [TPEParameter] = []
  private var options = ParzenEstimatorOptions()
  /// Updates that edited the kernels in place, and full builds (the tests check both happen).
  private(set) var edits = 0, rebuilds = 0

  /// g(x) over `rows` (indices into `trials`, ascending, each holding every parameter), or nil
  /// with the 4.x bandwidth (one width for every kernel, moving with n: rebuilt each time).
  /// `knownNumbers[i]`, where given, is `trials[i].number` (the history's cached part).
  func estimator(trials: [TPEObservedTrial], rows: [Int], parameters: [TPEParameter],
                 weights: [Double], options: ParzenEstimatorOptions, knownNumbers: [Int] = []) -> ParzenEstimator? {
    if options.scottBandwidth { return nil }
    if !(parameters == self.parameters && options == self.options
         && update(trials: trials, rows: rows, knownNumbers: knownNumbers)) {
      rebuild(trials: trials, rows: rows, parameters: parameters, options: options)
    }
    let kernels = zip(dimensions, parameters).map { dimension, parameter in kernel(dimension, parameter) }
    return ParzenEstimator(kernels: kernels, parameters: parameters, observationWeights: weights,
                           priorWeight: options.priorWeight)
  }

  /// The kernel arrays are handed to the estimator without copying; the next update edits them,
  /// so the caller drops the estimator before asking for the next one.
  private func kernel(_ d: Dimension, _ parameter: TPEParameter) -> ParzenEstimator.Kernels {
    let (low, high) = Self.modelBounds(parameter)
    switch parameter {
    case .categorical(let choices):
      return .categorical(CategoricalKernels(observed: d.observed, choices: choices, priorWeight: options.priorWeight))
    case .numeric(let originalLow, let originalHigh, let isLog, let step):
      return numericKernel(d, low: low, high: high, originalLow: originalLow, originalHigh: originalHigh,
                           isLog: isLog, step: step)
    }
  }

  private func numericKernel(_ d: Dimension, low: Double, high: Double, originalLow: Double, originalHigh: Double,
                             isLog: Bool, step: Double?) -> ParzenEstimator.Kernels {
    if let step {
      return .discrete(mus: d.mus, sigmas: d.sigmas, logMasses: d.logNormalizers, low: low, high: high, step: step,
                       log: isLog, originalLow: originalLow, originalHigh: originalHigh)
    }
    return .continuous(mus: d.mus, sigmas: d.sigmas, invSigmas: d.invSigmas, logNorms: d.logNormalizers,
                       low: low, high: high, log: isLog)
  }

  /// The bounds of the model space: widened by half a step, then logged (as the full build).
  private static func modelBounds(_ parameter: TPEParameter) -> (low: Double, high: Double) {
    guard case .numeric(var low, var high, let isLog, let step) = parameter else { return (0, 0) }
    if let step { low -= step / 2; high += step / 2 }
    if isLog { low = log(low); high = log(high) }
    return (low, high)
  }

  private func rebuild(trials: [TPEObservedTrial], rows: [Int], parameters: [TPEParameter],
                       options: ParzenEstimatorOptions) {
    rebuilds += 1
    self.parameters = parameters
    self.options = options
    numbers = rows.map { trials[$0].number }
    dimensions = parameters.enumerated().map { d, parameter in
      let values = rows.map { trials[$0].params[d] }
      var dimension = Dimension()
      guard case .numeric(let low, let high, let isLog, let step) = parameter else {
        if case .categorical(let choices) = parameter {
          dimension.observed = CategoricalKernels(values: values, choices: choices, priorWeight: options.priorWeight).observed
        }
        return dimension
      }
      switch ParzenEstimator.numericKernels(values, originalLow: low, originalHigh: high, isLog: isLog, step: step,
                                            dimension: d, dimensionCount: parameters.count, options: options,
                                            source: nil, positionOfTrial: []) {
      case .continuous(let mus, let sigmas, let invSigmas, let logNorms, _, _, _):
        (dimension.mus, dimension.sigmas, dimension.invSigmas, dimension.logNormalizers) = (mus, sigmas, invSigmas, logNorms)
      case .discrete(let mus, let sigmas, let logMasses, _, _, _, _, _, _):
        (dimension.mus, dimension.sigmas, dimension.logNormalizers) = (mus, sigmas, logMasses)
        dimension.invSigmas = sigmas.map { 1 / $0 }
      case .categorical:
        break
      }
      dimension.sorted = ParzenEstimator.sortedRows(values).map {
        SortedRow(value: values[$0], mu: dimension.mus[$0], number: numbers[$0])
      }
      return dimension
    }
  }

  /// Edits the kept kernels into g over `rows`; false when a rebuild is due instead.
  private func update(trials: [TPEObservedTrial], rows: [Int], knownNumbers: [Int]) -> Bool {
    let oldCount = numbers.count, newCount = rows.count
    if oldCount < Self.minimumRows || newCount < Self.minimumRows { return false }
    // The rows that left and the ones that came, by a merge of the two ascending number lists.
    var removed: [Int] = [], inserted: [Int] = []
    let limit = max(oldCount, newCount) / Self.rebuildFraction
    var i = 0, j = 0
    numbers.withUnsafeBufferPointer { old in
      trials.withUnsafeBufferPointer { all in
        rows.withUnsafeBufferPointer { rows in
          knownNumbers.withUnsafeBufferPointer { known in
          while (i < oldCount || j < newCount) && removed.count + inserted.count <= limit {
            let a = i < oldCount ? old[i] : Int.max
            let b = j < newCount ? (rows[j] < known.count ? known[rows[j]] : all[rows[j]].number) : Int.max
            if a == b {
              i += 1; j += 1
            } else if a < b {
              removed.append(a); i += 1
            } else {
              inserted.append(rows[j]); j += 1
            }
          }
          }
        }
      }
    }
    if removed.count + inserted.count > limit { return false }
    edits += 1
    if removed.isEmpty && inserted.isEmpty { return true }

    // The removed rows' values, to find them in the sorted rows (a row leaving g usually moved
    // below the split and is still in the history, which is ordered by number).
    let removedValues: [[Double]?] = removed.map { number in
      trials.withUnsafeBufferPointer { all in
        var lo = 0, hi = all.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if all[mid].number < number { lo = mid + 1 } else { hi = mid }
        }
        return lo < all.count && all[lo].number == number ? all[lo].params : nil
      }
    }
    for number in removed {
      let row = lowerBound(numbers, number)
      numbers.remove(at: row)
      for (d, parameter) in parameters.enumerated() {
        if case .categorical = parameter {
          dimensions[d].observed.remove(at: row)
          continue
        }
        dimensions[d].mus.remove(at: row)
        dimensions[d].sigmas.remove(at: row)
        dimensions[d].invSigmas.remove(at: row)
        dimensions[d].logNormalizers.remove(at: row)
      }
    }
    for index in inserted {
      let number = trials[index].number
      let row = lowerBound(numbers, number)
      numbers.insert(number, at: row)
      for (d, parameter) in parameters.enumerated() {
        let value = trials[index].params[d]
        guard case .numeric(_, _, let isLog, _) = parameter else {
          if case .categorical(let choices) = parameter {
            dimensions[d].observed.insert(Int32(min(max(Int(value), 0), choices - 1)), at: row)
          }
          continue
        }
        // Placeholders: the bandwidth pass below fills every inserted row.
        dimensions[d].mus.insert(isLog ? log(value) : value, at: row)
        dimensions[d].sigmas.insert(.nan, at: row)
        dimensions[d].invSigmas.insert(.nan, at: row)
        dimensions[d].logNormalizers.insert(.nan, at: row)
      }
    }
    for (d, parameter) in parameters.enumerated() {
      if case .categorical = parameter { continue }
      updateSorted(d, parameter, removed: zip(removed, removedValues).map { ($0, $1?[d]) },
                   inserted: inserted.map { trials[$0] })
    }
    return true
  }

  /// Moves dimension d's sorted rows to the new rows and recomputes the bandwidths (and what
  /// follows from them) of the rows next to a change, the ends always.
  private func updateSorted(_ d: Int, _ parameter: TPEParameter, removed: [(number: Int, value: Double?)],
                            inserted: [TPEObservedTrial]) {
    var touched: [SortedRow] = []
    for (number, value) in removed {
      var at: Int?
      if let value {
        let p = sortedPosition(d, SortedRow(value: value, mu: 0, number: number))
        if p < dimensions[d].sorted.count && dimensions[d].sorted[p].number == number { at = p }
      }
      guard let at = at ?? dimensions[d].sorted.firstIndex(where: { $0.number == number }) else { continue }
      touched.append(dimensions[d].sorted.remove(at: at))
    }
    for trial in inserted {
      let value = trial.params[d]
      let row = SortedRow(value: value, mu: mu(value, parameter), number: trial.number)
      dimensions[d].sorted.insert(row, at: sortedPosition(d, row))
      touched.append(row)
    }
    let n = dimensions[d].sorted.count
    var positions = [0, 1, n - 2, n - 1]
    for row in touched {
      // A removed row's neighbours are now where it would be; an inserted row is there itself.
      let p = sortedPosition(d, row)
      positions.append(contentsOf: (p - 2)...(p + 1))
    }
    // A position recomputed twice gives the same numbers; skipping repeats only saves the work.
    positions.sort()
    let (low, high) = Self.modelBounds(parameter)
    let range = high - low
    let minSigma = options.considerMagicClip ? range / min(100, Double(n + 2)) : 1e-12
    let sorted = dimensions[d].sorted
    for (i, r) in positions.enumerated() where r >= 0 && r < n && (i == 0 || positions[i - 1] != r) {
      let here = sorted[r].mu
      var sigma = max(here - (r > 0 ? sorted[r - 1].mu : low), (r + 1 < n ? sorted[r + 1].mu : high) - here)
      if !options.considerEndpoints && n >= 2 {
        if r == 0 { sigma = sorted[1].mu - sorted[0].mu } else if r == n - 1 { sigma = sorted[n - 1].mu - sorted[n - 2].mu }
      }
      sigma = min(max(sigma, minSigma), range)
      let row = lowerBound(numbers, sorted[r].number)
      if dimensions[d].sigmas[row] == sigma { continue }
      let m = ParzenEstimator.kernelLogMass(mu: here, sigma: sigma, low: low, high: high)
      dimensions[d].sigmas[row] = sigma
      dimensions[d].invSigmas[row] = 1 / sigma
      if case .numeric(_, _, _, let step) = parameter, step != nil {
        dimensions[d].logNormalizers[row] = m
      } else {
        dimensions[d].logNormalizers[row] = TPEKernelCache.logNorm(sigma: sigma, logMass: m)
      }
    }
  }

  private func mu(_ value: Double, _ parameter: TPEParameter) -> Double {
    if case .numeric(_, _, true, _) = parameter { return log(value) }
    return value
  }

  /// Where `row` goes in dimension d's sorted rows: after every smaller (value, number).
  private func sortedPosition(_ d: Int, _ row: SortedRow) -> Int {
    dimensions[d].sorted.withUnsafeBufferPointer { s in
      var lo = 0, hi = s.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if s[mid].value < row.value || (s[mid].value == row.value && s[mid].number < row.number) {
          lo = mid + 1
        } else {
          hi = mid
        }
      }
      return lo
    }
  }

  private func lowerBound(_ a: [Int], _ x: Int) -> Int {
    a.withUnsafeBufferPointer { a in
      var lo = 0, hi = a.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if a[mid] < x { lo = mid + 1 } else { hi = mid }
      }
      return lo
    }
  }
}
