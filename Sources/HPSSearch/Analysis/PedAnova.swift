// PED-ANOVA importance (Watanabe, Bansal & Hutter, "PED-ANOVA: Efficiently Quantifying
// Hyperparameter Importance in Arbitrary Subspaces", IJCAI 2023), following Optuna 5's default
// evaluator: each parameter's importance is the Pearson divergence between a Parzen estimate of
// its values among the top-quantile trials and among all trials, on a discretized domain.
import Foundation

enum PedAnova {
  /// Points a numeric domain is discretized into.
  static let gridSteps = 50
  static let priorWeight = 1.0
  /// The top set must hold at least this many trials.
  static let minTopTrials = 2

  /// The trials whose loss is within the `quantile` best (at least `minTopTrials`), with NumPy's
  /// "higher" quantile, as Optuna's QuantileFilter.
  static func topTrials(_ trials: [FrozenTrial], losses: [Double], quantile: Double) -> [FrozenTrial] {
    let sorted = losses.sorted()
    guard sorted.count >= minTopTrials else { return trials }
    let kth = sorted[minTopTrials - 1]
    let q = sorted[min(sorted.count - 1, Int((quantile * Double(sorted.count - 1)).rounded(.up)))]
    let cutoff = max(kth, q)
    return zip(trials, losses).filter { $0.1 <= cutoff }.map(\.0)
  }

  /// Counts of the trials' values on the parameter's grid (numeric) or per choice (categorical).
  static func counts(_ name: String, _ distribution: Distribution, _ trials: [FrozenTrial]) -> [Double] {
    let grid: [Double]
    var transform: (Double) -> Double = { $0 }
    switch distribution {
    case .categorical(let c):
      var out = [Double](repeating: 0, count: c.choices.count)
      for t in trials {
        if let x = t.internalValue(name), c.contains(x) { out[Int(x)] += 1 }
      }
      return out
    case .float(let d):
      if d.log {
        transform = { Foundation.log($0) }
        grid = linspace(Foundation.log(d.low), Foundation.log(d.high), gridSteps)
      } else {
        grid = linspace(d.low, d.high, gridSteps)
      }
    case .int(let d):
      if d.log {
        transform = { Foundation.log($0) }
        let n = max(2, min(Int((Foundation.log(Double(d.high - d.low + 1)) / Foundation.log(2)).rounded(.up)), gridSteps))
        grid = linspace(Foundation.log(Double(d.low)), Foundation.log(Double(d.high)), n)
      } else {
        grid = stride(from: d.low, through: d.high, by: d.step).map(Double.init)
      }
    }
    var out = [Double](repeating: 0, count: grid.count)
    guard grid.count >= 2 else { return out }
    let half = (grid[1] - grid[0]) / 2
    for t in trials {
      guard let x = t.internalValue(name) else { continue }
      // The first grid point not below x − half a step: the nearest point, ties going up.
      let v = transform(x) - half
      let index = grid.firstIndex { $0 >= v } ?? grid.count - 1
      out[index] += 1
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

  static func importances(
    space: SearchSpace, trials: [FrozenTrial], losses: [Double], baselineQuantile: Double, evaluateOnLocal: Bool
  ) -> [String: Double] {
    let top = topTrials(trials, losses: losses, quantile: baselineQuantile)
    var result: [String: Double] = [:]
    for (name, distribution) in space {
      let categorical: Bool
      if case .categorical = distribution { categorical = true } else { categorical = false }
      let topPDF = density(counts(name, distribution, top), categorical: categorical)
      let localPDF =
        evaluateOnLocal
        ? density(counts(name, distribution, trials), categorical: categorical)
        : [Double](repeating: 1 / Double(topPDF.count), count: topPDF.count)
      result[name] = divergence(top: topPDF, local: localPDF)
    }
    return result
  }
}
