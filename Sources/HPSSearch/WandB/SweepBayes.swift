// W&B's bayes method on the engine's Gaussian process. W&B's data rules are kept: a finished run
// counts with its best logged value, a failed run with the impute strategy (worst by default: the
// worst best-value among terminal runs, 0.0 when there is none), non-finite values become the
// worst, running runs are pending points. The model is the GPSampler's, not W&B's: per-dimension
// length scales fitted by marginal likelihood (W&B: one shared scale), a Hamming kernel for
// categories (W&B: category index as an ordinal number), logEI optimised by candidates + L-BFGS
// (W&B: best of 1,000 random points) and every run used (W&B: 100 drawn with replacement).
import Foundation

public struct SweepBayesOptions: Sendable {
  /// Prior samples before the GP takes over (W&B switches at 2 finite values; a GP fitted on 2
  /// points chases noise, so the default waits for a few more).
  public var nStartupRuns = 5
  public var gp: GPOptions
  public init() {
    var o = GPOptions()
    // A sweep suggestion should cost ~1% of W&B's ~40 ms: 64 candidates, one short local
    // search, kernel refits when the history grew by 60 % (warm-started, 25 steps). On the
    // benchmark functions this kept GPSampler-level results (docs/wandb.md, docs/samplers.md).
    o.candidateCount = 64
    o.localSearchStarts = 1
    o.localSearchIterations = 15
    o.refitGrowth = 0.6
    o.fitMaxIterations = 25
    o.fitFromDefaultWhenWarm = false
    gp = o
  }
}

public enum SweepBayes {
  /// The GP's view of a parameter.
  static func dimension(_ p: SweepParameter) -> GPDimension {
    switch p.distribution {
    case .categorical, .categoricalWithProbabilities: return .categorical(choices: p.values.count)
    case .intUniform:
      let levels = p.intMax - p.intMin + 1
      return levels <= 100_000 ? .discrete(levels: levels) : .continuous
    default: return .continuous
    }
  }

  /// A run value's coordinate, or nil when the run lacks it or it is not an allowed value.
  static func encode(_ p: SweepParameter, _ value: JSONValue?) -> Double? {
    guard let value else { return nil }
    switch p.distribution {
    case .categorical, .categoricalWithProbabilities:
      if let i = p.values.firstIndex(of: value) { return Double(i) }
      let id = value.gridIdentity  // 1.0 stored for a value written 1
      return p.values.firstIndex { $0.gridIdentity == id }.map(Double.init)
    case .intUniform:
      guard let v = value.doubleValue else { return nil }
      return p.intMax > p.intMin ? min(max((v - p.min) / (p.max - p.min), 0), 1) : 0
    default:
      guard let v = value.doubleValue else { return nil }
      return SweepSampling.cdf(p, v)
    }
  }

  static func decode(_ p: SweepParameter, _ u: Double) -> JSONValue {
    switch p.distribution {
    case .categorical, .categoricalWithProbabilities:
      return p.values[min(max(Int(u.rounded()), 0), p.values.count - 1)]
    case .intUniform:
      return .int(p.intMin + Int((u * Double(p.intMax - p.intMin)).rounded()))
    default:
      return SweepSampling.ppf(p, SweepSampling.clip(u))
    }
  }

  /// The y of each usable run (W&B's _construct_gp_data), in the metric's own sign.
  static func targets(_ runs: [SweepRunRecord], metric: SweepMetric) -> [Double?] {
    let terminal = runs.filter { $0.state != .running }
    let extrema = terminal.compactMap { $0.extremum(metric.goal) }
    // W&B: the worst extremum among terminal runs, 0.0 when none has one.
    let worst = (metric.goal == .minimize ? extrema.max() : extrema.min()) ?? 0
    return runs.map { run in
      let y: Double
      switch run.state {
      case .running: return nil
      case .finished, .stopped: y = run.extremum(metric.goal) ?? worst
      case .failed:
        switch metric.impute {
        case .worst: y = worst
        case .best: y = run.extremum(metric.goal) ?? worst
        case .latest: y = run.history.last(where: \.isFinite) ?? worst
        }
      }
      return y.isFinite ? y : worst
    }
  }

  /// The next run's values by key, or nil for "sample from the prior" (too little data).
  public static func suggest(
    parameters: [SweepParameter], metric: SweepMetric, runs: [SweepRunRecord], options: SweepBayesOptions,
    state: inout GPState, rng: inout SeededRandom
  ) -> [String: JSONValue]? {
    let searchable = parameters.filter(\.isSearchable)
    guard !searchable.isEmpty else { return nil }
    // Prior samples until enough runs finished (skips the encoding below during start-up).
    guard runs.filter({ $0.state != .running }).count >= max(options.nStartupRuns, 2) else { return nil }
    let ys = targets(runs, metric: metric)
    var x: [[Double]] = [], losses: [Double] = [], pending: [[Double]] = []
    for (run, y) in zip(runs, ys) {
      var row: [Double] = []
      for p in searchable {
        guard let u = encode(p, run.values[p.key]) else { break }
        row.append(u)
      }
      guard row.count == searchable.count else { continue }
      if let y {
        x.append(row); losses.append(metric.goal == .minimize ? y : -y)
      } else {
        pending.append(row)
      }
    }
    var gpOptions = options.gp
    gpOptions.nStartupTrials = max(options.nStartupRuns, 2)
    guard let point = GPAlgorithm.suggest(
      dimensions: searchable.map(dimension), x: x, losses: losses, running: pending,
      options: gpOptions, state: &state, rng: &rng)
    else { return nil }
    var out: [String: JSONValue] = [:]
    for p in parameters { out[p.key] = p.isSearchable ? .null : (p.value ?? .null) }
    for (p, u) in zip(searchable, point) { out[p.key] = decode(p, u) }
    return out
  }
}

public enum SweepRandom {
  /// Every parameter drawn independently through its inverse CDF (W&B's random method;
  /// categorical probabilities honoured, no de-duplication).
  public static func sample(_ parameters: [SweepParameter], rng: inout SeededRandom) -> [String: JSONValue] {
    var out: [String: JSONValue] = [:]
    for p in parameters { out[p.key] = SweepSampling.ppf(p, p.isSearchable ? rng.nextUniform() : 0) }
    return out
  }
}
