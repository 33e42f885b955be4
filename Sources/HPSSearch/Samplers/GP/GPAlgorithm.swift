// One GP suggestion on normalized values: standardize the losses (Yeo–Johnson-warped first when
// `warpOutputs`), (re)fit the kernel, then maximize log EI — by Optuna's mixed local search
// (`GPAcquisitionOptimizer`, GPSampler) or by a quick candidate sweep with L-BFGS from the best
// few (W&B bayes). Running trials enter as "constant liars" at the best observed loss, which
// flattens EI around them so parallel workers spread out.
import Foundation

public struct GPOptions: Sendable {
  public var nStartupTrials = 10
  public var deterministicObjective = false
  /// Candidates scored before the local search, and how many of the best seed it.
  public var candidateCount = 1024
  public var localSearchStarts = 5
  public var localSearchIterations = 40
  /// Refit the kernel only after the history grew by this fraction since the last fit (always
  /// below 20 points): keeps the cost per suggestion flat without visibly hurting quality.
  public var refitGrowth = 0.1
  /// L-BFGS iterations per kernel fit, and whether a warm-started fit also restarts from the
  /// default hyperparameters (two fits instead of one).
  public var fitMaxIterations = 60
  public var fitFromDefaultWhenWarm = true
  /// Largest projected-gradient component at which a kernel fit stops (Optuna: gtol 1e-2).
  public var fitGradientTolerance = 1e-4
  /// How log EI is maximized: `.candidates` (the quick sweep above, kept for W&B's bayes) or
  /// `.mixedLocalSearch` (Optuna's optimiser, `GPAcquisitionOptimizer`; GPSampler's choice).
  public var acquisitionSearch = GPAcquisitionSearch.candidates
  /// `.mixedLocalSearch` only: Sobol points, extra points around the best five observations, and
  /// local searches.
  public var preliminaryCount = 2048
  public var localCandidateCount = 0
  public var mixedLocalSearches = 10
  /// Yeo–Johnson-transform the losses before standardizing (`GPOutputWarping`).
  public var warpOutputs = false

  public init() {}
}

public enum GPAcquisitionSearch: Sendable {
  case candidates
  case mixedLocalSearch
}

/// The state a GP sampler carries between suggestions (warm start and refit schedule).
public struct GPState: Sendable {
  public var hyper: GPHyperparameters?
  public var fittedCount = 0
  /// Reused by the next suggestion when the hyperparameters did not change.
  public var factorCache: GPFactorCache?
  public init() {}
}

public enum GPAlgorithm {
  /// Suggests a normalized point (categoricals as indices), or nil when there are fewer than
  /// `nStartupTrials` observations or the model cannot be built.
  public static func suggest(
    dimensions: [GPDimension], x: [[Double]], losses: [Double], running: [[Double]] = [],
    options: GPOptions, state: inout GPState, rng: inout SeededRandom
  ) -> [Double]? {
    let finite = zip(x, losses).filter { $0.1.isFinite }
    guard finite.count >= max(options.nStartupTrials, 1), !dimensions.isEmpty else { return nil }
    // Minimizing losses = maximizing −loss; standardize so the priors' scales make sense.
    let raw = options.warpOutputs ? GPOutputWarping.warp(finite.map(\.1)).map { -$0 } : finite.map { -$0.1 }
    let mean = raw.reduce(0, +) / Double(raw.count)
    var sd = (raw.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(raw.count)).squareRoot()
    if !(sd > 1e-12) { sd = 1 }
    var xs = finite.map(\.0)
    var ys = raw.map { ($0 - mean) / sd }
    let best = ys.max() ?? 0
    for point in running { xs.append(point); ys.append(best) }

    let n = xs.count
    let needsFit = state.hyper == nil || n < 20
      || Double(n - state.fittedCount) >= options.refitGrowth * Double(state.fittedCount)
    if needsFit {
      state.hyper = GPHyperparameterFit.fit(dimensions: dimensions, x: xs, y: ys, warmStart: state.hyper,
                                            deterministic: options.deterministicObjective,
                                            maxIterations: options.fitMaxIterations,
                                            fromDefaultWhenWarm: options.fitFromDefaultWhenWarm,
                                            gradientTolerance: options.fitGradientTolerance)
      state.fittedCount = n
    }
    guard let hyper = state.hyper,
          let gp = GaussianProcess(dimensions: dimensions, x: xs, y: ys, hyper: hyper, cache: &state.factorCache)
    else { return nil }

    func negativeLogEI(_ p: [Double]) -> (value: Double, gradient: [Double]) {
      let post = gp.posterior(p, withGradient: true)
      let sigma = post.variance.squareRoot()
      let z = (post.mean - best) / sigma
      let (logH, dLogH) = LogExpectedImprovement.logH(z)
      var gradient = [Double](repeating: 0, count: p.count)
      for j in 0..<p.count {
        let dSigma = post.dVariance[j] / (2 * sigma)
        let dz = (post.dMean[j] - z * dSigma) / sigma
        gradient[j] = -(dSigma / sigma + dLogH * dz)
      }
      return (-(log(sigma) + logH), gradient)
    }
    func score(_ p: [Double]) -> Double {
      let post = gp.posterior(p, withGradient: false)
      let sigma = post.variance.squareRoot()
      return log(sigma) + LogExpectedImprovement.logH((post.mean - best) / sigma).0
    }

    let order = finite.indices.sorted { finite[$0].1 < finite[$1].1 }
    if options.acquisitionSearch == .mixedLocalSearch {
      var optimizer = GPAcquisitionOptimizer(
        dimensions: dimensions, lengthscales: hyper.inverseSquaredLengthscales.map { 1 / $0.squareRoot() })
      optimizer.localSamples = options.localCandidateCount
      optimizer.localSearches = options.mixedLocalSearches
      optimizer.preliminarySamples = options.preliminaryCount
      let objective = GPAcquisitionOptimizer.Objective(value: score, valueAndGradient: { p in
        let (value, gradient) = negativeLogEI(p)
        return (-value, gradient.map { -$0 })
      })
      // The best observed point is a warm start, as in Optuna's GPSampler.
      let warmStarts = order.first.map { [finite[$0].0] } ?? []
      let centres = order.prefix(5).map { finite[$0].0 }
      return optimizer.maximize(objective, warmStarts: warmStarts, localCentres: centres, rng: &rng).point
    }

    // Candidates: uniform points, plus Gaussian perturbations of the best observed points.
    var candidates: [[Double]] = []
    candidates.reserveCapacity(options.candidateCount)
    let local = options.candidateCount / 4
    // Global candidates from a freshly scrambled Sobol net cover the box more evenly than
    // independent uniforms (fewer missed basins in 6–8 dimensions).
    var sobol = dimensions.count <= SobolDirectionNumbers.maxDimension
      ? try? SobolSequence(dimension: dimensions.count, scramble: true, seed: Int(truncatingIfNeeded: rng.next() >> 1)) : nil
    for c in 0..<options.candidateCount {
      var p = [Double](repeating: 0, count: dimensions.count)
      if c < local, !order.isEmpty {
        let center = finite[order[c % min(order.count, 5)]].0
        let radius = [0.2, 0.05, 0.01, 0.002][c % 4]
        for j in 0..<p.count {
          if case .categorical(let k) = dimensions[j] {
            p[j] = rng.nextUniform() < 0.2 ? Double(rng.nextIndex(k)) : center[j]
          } else {
            p[j] = min(max(center[j] + radius * rng.nextNormal(), 0), 1)
          }
        }
      } else {
        let u = sobol?.next() ?? (0..<p.count).map { _ in rng.nextUniform() }
        for j in 0..<p.count {
          if case .categorical(let k) = dimensions[j] { p[j] = min(Double(Int(u[j] * Double(k))), Double(k - 1)) } else { p[j] = u[j] }
        }
      }
      candidates.append(p)
    }
    // The best observed point itself also seeds the local search (as in Optuna's GPSampler).
    if let bestIndex = order.first { candidates.append(finite[bestIndex].0) }
    let scored = candidates.map { ($0, score($0)) }.sorted { $0.1 > $1.1 }

    var bestPoint = scored[0].0, bestValue = scored[0].1
    let optimizer = BoundedLBFGS(maxIterations: options.localSearchIterations, gradientTolerance: 1e-6)
    for (start, _) in scored.prefix(options.localSearchStarts) {
      // Categorical coordinates stay fixed during the continuous search.
      let lower = dimensions.indices.map { dimensions[$0].isCategorical ? start[$0] : 0 }
      let upper = dimensions.indices.map { dimensions[$0].isCategorical ? start[$0] : 1 }
      let result = optimizer.minimize(negativeLogEI, x0: start, lower: lower, upper: upper)
      let snapped = zip(dimensions, result.x).map { $0.snap($1) }
      let value = score(snapped)
      if value > bestValue { bestValue = value; bestPoint = snapped }
    }
    return zip(dimensions, bestPoint).map { $0.snap($1) }
  }
}
