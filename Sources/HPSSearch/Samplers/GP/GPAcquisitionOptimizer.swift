// Maximizes an acquisition function over the GP's normalized box, following the design of
// Optuna's `optimize_acqf_mixed`: score a scrambled Sobol net of preliminary points, start local
// searches from the best of them, from points drawn by a roulette on exp(acquisition − max), and
// from warm starts (the best observed point), then keep the best local optimum.
//
// A local search alternates (a) bounded L-BFGS over the continuous coordinates, preconditioned by
// the kernel's lengthscales (it works in zⱼ = xⱼ/ℓⱼ, where the Matérn kernel is isotropic, so one
// tolerance means the same everywhere), with the discrete coordinates held on their grid, and
// (b) a search of each discrete coordinate on its own grid: every choice when there are few
// (categoricals, ≤ 16 levels), a golden-section search over the grid otherwise. It stops when a
// full round changes nothing. Discrete coordinates never leave their grid, so the value returned
// is the acquisition at exactly the point that will be suggested (no rounding afterwards).
import Foundation

struct GPAcquisitionOptimizer {
  /// Optuna's GPSampler defaults: 2048 preliminary points, 10 local searches, tol 1e-4.
  var preliminarySamples = 2048
  var localSearches = 10
  var tolerance = 1e-4
  var maxGradientIterations = 200
  var maxRounds = 100
  /// At most this many levels are searched exhaustively (Optuna's MAX_INT_EXHAUSTIVE_SEARCH_PARAMS).
  var exhaustiveLevels = 16

  /// The acquisition (to maximize) at a point, and with its gradient in every coordinate
  /// (categorical entries are ignored).
  struct Objective {
    var value: ([Double]) -> Double
    var valueAndGradient: ([Double]) -> (value: Double, gradient: [Double])
  }

  let dimensions: [GPDimension]
  /// ℓⱼ = 1/√λⱼ of the fitted kernel (only the continuous coordinates' are used).
  let lengthscales: [Double]

  /// The best point found (discrete coordinates on their grids) and its acquisition value.
  func maximize(_ objective: Objective, warmStarts: [[Double]], localCentres: [[Double]] = [],
                rng: inout SeededRandom) -> (point: [Double], value: Double) {
    let samples = preliminaryPoints(rng: &rng) + localPoints(around: localCentres, rng: &rng)
    let values = samples.map(objective.value)
    var bestIndex = 0
    for i in values.indices where values[i] > values[bestIndex] || !values[bestIndex].isFinite { bestIndex = i }

    // Roulette on exp(f − max) without replacement, the best itself excluded (it starts anyway).
    var weights = values.map { $0.isFinite ? exp($0 - values[bestIndex]) : 0 }
    weights[bestIndex] = 0
    let nonZero = weights.filter { $0 > 0 }.count
    let extra = max(0, min(localSearches - warmStarts.count - 1, nonZero))
    var starts = [samples[bestIndex]]
    for _ in 0..<extra {
      let total = weights.reduce(0, +)
      guard total > 0 else { break }
      var u = rng.nextUniform() * total
      var chosen = weights.count - 1
      for (i, w) in weights.enumerated() where w > 0 {
        u -= w
        if u <= 0 { chosen = i; break }
      }
      while weights[chosen] == 0, chosen > 0 { chosen -= 1 }
      starts.append(samples[chosen])
      weights[chosen] = 0
    }
    starts += warmStarts.map { zip(dimensions, $0).map { $0.snap($1) } }

    var best = (point: samples[bestIndex], value: values[bestIndex])
    for start in starts {
      let found = localSearch(objective, from: start, value: objective.value(start))
      if found.value > best.value || !best.value.isFinite { best = found }
    }
    return best
  }

  /// A scrambled Sobol net (independent uniforms past Sobol's dimensions), discrete coordinates
  /// rounded onto their grids and categoricals to a choice.
  func preliminaryPoints(rng: inout SeededRandom) -> [[Double]] {
    let d = dimensions.count
    var sobol = d <= SobolDirectionNumbers.maxDimension
      ? try? SobolSequence(dimension: d, scramble: true, seed: Int(truncatingIfNeeded: rng.next() >> 1)) : nil
    return (0..<preliminarySamples).map { _ in
      let u = sobol?.next() ?? (0..<d).map { _ in rng.nextUniform() }
      return dimensions.indices.map { j in
        if case .categorical(let k) = dimensions[j] { return min(Double(Int(u[j] * Double(k))), Double(k - 1)) }
        return dimensions[j].snap(u[j])
      }
    }
  }

  /// `localSamples` Gaussian perturbations of the centres (radii 0.2, 0.05, 0.01, 0.002 of the
  /// box in turn; a categorical coordinate is redrawn with probability 0.2).
  var localSamples = 0
  func localPoints(around centres: [[Double]], rng: inout SeededRandom) -> [[Double]] {
    guard !centres.isEmpty else { return [] }
    return (0..<localSamples).map { c in
      let centre = centres[c % centres.count]
      let radius = [0.2, 0.05, 0.01, 0.002][c % 4]
      return dimensions.indices.map { j in
        if case .categorical(let k) = dimensions[j] {
          return rng.nextUniform() < 0.2 ? Double(rng.nextIndex(k)) : centre[j]
        }
        return dimensions[j].snap(centre[j] + radius * rng.nextNormal())
      }
    }
  }

  /// Alternates the continuous ascent and per-coordinate discrete searches until a full round
  /// changes nothing (Optuna's `local_search_mixed`).
  func localSearch(_ objective: Objective, from start: [Double], value: Double) -> (point: [Double], value: Double) {
    var x = start, fx = value
    let continuous = dimensions.indices.filter { dimensions[$0] == .continuous }
    let discrete = dimensions.indices.filter { dimensions[$0] != .continuous }
    let continuousRound = -1
    var lastChanged = continuousRound
    for _ in 0..<maxRounds {
      if !continuous.isEmpty, let (nx, nf) = gradientAscent(objective, from: x, value: fx, over: continuous), nf > fx {
        x = nx; fx = nf; lastChanged = continuousRound
      }
      for j in discrete {
        // Back at the coordinate that changed last without any change since: converged.
        if lastChanged == j { return (x, fx) }
        if let (nx, nf) = discreteSearch(objective, from: x, value: fx, coordinate: j), nf > fx {
          x = nx; fx = nf; lastChanged = j
        }
      }
      if lastChanged == continuousRound { return (x, fx) }
    }
    return (x, fx)
  }

  /// Bounded L-BFGS over the continuous coordinates in lengthscale units (tolerance √tol on the
  /// projected gradient, as Optuna's pgtol). Nil when it made no step.
  func gradientAscent(_ objective: Objective, from x: [Double], value: Double, over indices: [Int]) -> ([Double], Double)? {
    let scale = indices.map { j in lengthscales[j].isFinite && lengthscales[j] > 0 ? lengthscales[j] : 1 }
    func full(_ z: [Double]) -> [Double] {
      var p = x
      for (k, j) in indices.enumerated() { p[j] = min(max(z[k] * scale[k], 0), 1) }
      return p
    }
    let optimizer = BoundedLBFGS(maxIterations: maxGradientIterations, gradientTolerance: tolerance.squareRoot())
    let result = optimizer.minimize({ z in
      let (v, g) = objective.valueAndGradient(full(z))
      return (-v, indices.enumerated().map { k, j in -g[j] * scale[k] })
    }, x0: indices.enumerated().map { k, j in x[j] / scale[k] },
       lower: [Double](repeating: 0, count: indices.count), upper: scale.map { 1 / $0 })
    guard result.iterations > 0, result.value.isFinite else { return nil }
    return (full(result.x), -result.value)
  }

  /// The best value of coordinate `j` with the others fixed; nil when nothing better was found.
  func discreteSearch(_ objective: Objective, from x: [Double], value: Double, coordinate j: Int) -> ([Double], Double)? {
    let grid = dimensions[j].choices
    guard grid.count > 1 else { return nil }
    var p = x
    func at(_ i: Int) -> Double { p[j] = grid[i]; return objective.value(p) }
    var bestI = -1, bestF = value
    if dimensions[j].isCategorical || grid.count <= exhaustiveLevels {
      for i in grid.indices where grid[i] != x[j] {
        let f = at(i)
        if f > bestF { bestF = f; bestI = i }
      }
    } else {
      // Golden-section search over the grid index, starting from the current level; the bracket
      // is the whole grid (the ends count as −∞ unless evaluated), as Optuna's Brent search.
      let current = nearestIndex(grid, x[j])
      var cache: [Int: Double] = [current: value]
      func f(_ i: Int) -> Double {
        if let v = cache[i] { return v }
        let v = at(i); cache[i] = v; return v
      }
      var lo = 0, hi = grid.count - 1, mid = current
      let ratio = 0.381966
      while hi - lo > 2 {
        // Probe the larger side of the bracket.
        let probe = mid - lo > hi - mid
          ? mid - max(1, Int((Double(mid - lo) * ratio).rounded()))
          : mid + max(1, Int((Double(hi - mid) * ratio).rounded()))
        if f(probe) > f(mid) {
          if probe < mid { hi = mid } else { lo = mid }
          mid = probe
        } else {
          if probe < mid { lo = probe } else { hi = probe }
        }
      }
      for i in lo...hi where f(i) > bestF && i != current { bestF = f(i); bestI = i }
    }
    guard bestI >= 0 else { return nil }
    p[j] = grid[bestI]
    return (p, bestF)
  }

  func nearestIndex(_ grid: [Double], _ v: Double) -> Int {
    var best = 0
    for i in grid.indices where abs(grid[i] - v) < abs(grid[best] - v) { best = i }
    return best
  }
}
