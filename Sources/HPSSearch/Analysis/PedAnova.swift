// PED-ANOVA importance (Watanabe, Bansal & Hutter, "PED-ANOVA: Efficiently Quantifying
// Hyperparameter Importance in Arbitrary Subspaces", IJCAI 2023), following Optuna 5.0's
// default evaluator: each parameter's importance is the Pearson divergence between a Parzen
// estimate of its values among the top `targetQuantile` trials and among the top
// `regionQuantile` trials (all of them by default), on a discretized domain. Checked against
// Optuna 5.0.0's numbers in the tests.
import Foundation

enum PedAnova {
  /// Points a numeric domain is discretized into.
  static let gridSteps = 50
  static let priorWeight = 1.0
  /// The top set must hold at least this many trials.
  static let minTopTrials = 2

  /// The trials whose loss is at most the ⌈q·n⌉-th smallest (NumPy's "inverted_cdf" quantile,
  /// as Optuna 5's filter); all trials for q = 1.
  static func topTrials(_ trials: [FrozenTrial], losses: [Double], quantile: Double) -> [FrozenTrial] {
    guard quantile < 1, !losses.isEmpty else { return trials }
    let sorted = losses.sorted()
    let cutoffIndex = min(max(Int((quantile * Double(sorted.count)).rounded(.up)) - 1, 0), sorted.count - 1)
    let cutoff = sorted[cutoffIndex]
    return zip(trials, losses).filter { $0.1 <= cutoff }.map(\.0)
  }

  /// Counts of the trials' values on the parameter's grid (numeric) or per choice (categorical).
  /// Numeric grids have 50 points, fewer for short stepped ranges (one per step) and for log
  /// integers (⌈log2 of the range size⌉ + 1); a value counts for its nearest grid point.
  static func counts(_ name: String, _ distribution: Distribution, _ trials: [FrozenTrial]) -> [Double] {
    var steps = gridSteps
    var low: Double
    var high: Double
    let log: Bool
    switch distribution {
    case .categorical(let c):
      var out = [Double](repeating: 0, count: c.choices.count)
      for t in trials {
        if let x = t.internalValue(name), c.contains(x) { out[Int(x)] += 1 }
      }
      return out
    case .float(let d):
      (low, high, log) = (d.low, d.high, d.log)
      if let step = d.step { steps = min(Int(((d.high - d.low) / step).rounded()) + 1, gridSteps) }
    case .int(let d):
      (low, high, log) = (Double(d.low), Double(d.high), d.log)
      if d.log {
        steps = min(Int((Foundation.log(Double(d.high - d.low + 1)) / Foundation.log(2)).rounded(.up)) + 1, gridSteps)
      } else {
        steps = min(Int((Double(d.high - d.low) / Double(d.step)).rounded()) + 1, gridSteps)
      }
    }
    if log {
      low = Foundation.log(low)
      high = Foundation.log(high)
    }
    steps = max(steps, 2)
    var out = [Double](repeating: 0, count: steps)
    let stepSize = (high - low) / Double(steps - 1)
    guard stepSize > 0 else { return out }
    for t in trials {
      guard let raw = t.internalValue(name) else { continue }
      let v = log ? Foundation.log(raw) : raw
      let index = ((v - low) / stepSize - 0.5).rounded(.up)
      out[Int(min(max(index, 0), Double(steps - 1)))] += 1
    }
    return out
  }

  static func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
    (0..<n).map { a + (b - a) * Double($0) / Double(max(n - 1, 1)) }
  }

  /// The Parzen density over the K grid cells (or choices), plus its prior component.
  static func density(_ counts: [Double], categorical: Bool) -> [Double] {
    let k = counts.count
    let observed = counts.indices.filter { counts[$0] > 0 }
    let n = counts.reduce(0, +)
    var weights = observed.map { counts[$0] } + [priorWeight]
    let total = weights.reduce(0, +)
    weights = weights.map { $0 / total }
    var pdf = [Double](repeating: 0, count: k)
    if categorical {
      // Each observed choice's kernel puts 1 + w/(m+1) on itself and w/(m+1) elsewhere
      // (m distinct observed choices), row-normalized; the prior kernel is uniform.
      let m = Double(observed.count)
      let base = priorWeight / (m + 1)
      let rowTotal = 1 + base * Double(k)
      for (j, index) in observed.enumerated() {
        for c in 0..<k { pdf[c] += weights[j] * (base + (c == index ? 1 : 0)) / rowTotal }
      }
      for c in 0..<k { pdf[c] += weights[observed.count] / Double(k) }
      return pdf
    }
    // Scott's rule on the grid indices, floored so 90% of a kernel stays within one cell.
    let mus = observed.map(Double.init)
    let mean = zip(mus, observed).reduce(0) { $0 + $1.0 * counts[$1.1] } / max(n, 1)
    let variance = zip(mus, observed).reduce(0) { $0 + ($1.0 - mean) * ($1.0 - mean) * counts[$1.1] } / max(1, n - 1)
    var cumulative: [Double] = []
    var running = 0.0
    for index in observed {
      running += counts[index]
      cumulative.append(running)
    }
    let q25 = (n / 4).rounded(.down)
    let q75 = (n * 3 / 4).rounded(.down)
    let i25 = cumulative.firstIndex { $0 >= q25 } ?? max(cumulative.count - 1, 0)
    let i75 = cumulative.firstIndex { $0 > q75 } ?? cumulative.count
    let iqr = mus.isEmpty ? 0 : mus[min(mus.count - 1, i75)] - mus[i25]
    let scott = 1.059 * min(iqr / 1.34, variance.squareRoot()) * pow(max(n, 1), -0.2)
    let sigma = max(scott, 0.5 / 1.64)
    var kernels = mus.map { ($0, sigma) }
    kernels.append((0.5 * Double(k - 1), Double(k)))
    let lo = -0.5
    let hi = Double(k) - 0.5
    for (j, (mu, s)) in kernels.enumerated() {
      let z = normalCDF((hi - mu) / s) - normalCDF((lo - mu) / s)
      guard z > 0 else { continue }
      for c in 0..<k {
        let mass = normalCDF((Double(c) + 0.5 - mu) / s) - normalCDF((Double(c) - 0.5 - mu) / s)
        pdf[c] += weights[j] * mass / z
      }
    }
    return pdf
  }

  static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  /// Σ p_local · (p_top / p_local − 1)², with Optuna's 1e-12 floor on both densities.
  static func divergence(top: [Double], local: [Double]) -> Double {
    zip(top, local).reduce(0) { sum, pair in
      let t = pair.0 + 1e-12
      let l = pair.1 + 1e-12
      return sum + l * (t / l - 1) * (t / l - 1)
    }
  }

  /// Importance of each parameter of `space` (not normalized): q² · Σ over regimes of
  /// α²/β · divergence, where q = |target| / |region| and a regime is the set of region trials
  /// sharing one distribution of the parameter (α, β: its share of target and region trials).
  /// Regimes with fewer than 2 trials are skipped, as in Optuna.
  static func importances(
    space: SearchSpace, trials: [FrozenTrial], losses: [Double], targetQuantile: Double, regionQuantile: Double,
    evaluateOnLocal: Bool
  ) -> [String: Double] {
    let target = topTrials(trials, losses: losses, quantile: targetQuantile)
    let region = topTrials(trials, losses: losses, quantile: regionQuantile)
    guard !target.isEmpty, !region.isEmpty else { return space.mapValues { _ in 0 } }
    let targetIDs = Set(target.map(\.trialID))
    let q = Double(target.count) / Double(region.count)
    var result: [String: Double] = [:]
    for name in space.keys.sorted() {
      var regimes: [Distribution: [FrozenTrial]] = [:]
      for t in region { if let d = t.distributions[name] { regimes[d, default: []].append(t) } }
      var total = 0.0
      for (distribution, regionTrials) in regimes where regionTrials.count >= 2 && !distribution.isSingle {
        let targetTrials = regionTrials.filter { targetIDs.contains($0.trialID) }
        guard !targetTrials.isEmpty else { continue }
        let categorical: Bool
        if case .categorical = distribution { categorical = true } else { categorical = false }
        let topPDF = density(counts(name, distribution, targetTrials), categorical: categorical)
        let localPDF =
          evaluateOnLocal
          ? density(counts(name, distribution, regionTrials), categorical: categorical)
          : [Double](repeating: 1 / Double(topPDF.count), count: topPDF.count)
        let alpha = Double(targetTrials.count) / Double(target.count)
        let beta = Double(regionTrials.count) / Double(region.count)
        total += alpha * alpha / beta * divergence(top: topPDF, local: localPDF)
      }
      result[name] = q * q * total
    }
    return result
  }
}
