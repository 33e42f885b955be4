// One TPE suggestion on plain values: split the history, fit l(x) to the good trials and g(x) to
// the rest, draw candidates from l and keep the one with the largest log l(x) − log g(x).

public struct TPEOptions: Sendable {
  public var nStartupTrials = 10
  public var nEICandidates = 24
  public var estimator = ParzenEstimatorOptions()
  public var gamma: @Sendable (Int) -> Int = TPEDefaults.gamma
  public var weights: @Sendable (Int) -> [Double] = TPEDefaults.weights
  /// Optuna 5.0 weighs the good set of a multi-objective study uniformly; 4.x used each trial's
  /// hypervolume contribution.
  public var hypervolumeWeightsBelow = false

  public init() {}
}

public enum TPEAlgorithm {
  /// Suggests values for `space` (single-value parameters must be removed by the caller), or nil
  /// while fewer than `nStartupTrials` trials are finished (the caller then samples at random).
  /// `rng` is the candidates' random stream (`NumpyRandomState` reproduces Optuna's).
  public static func suggest<R: UniformRandomSource>(
    space: [(name: String, parameter: TPEParameter)], trials: [TPEObservedTrial],
    options: TPEOptions, constraintsEnabled: Bool = false, rng: inout R
  ) -> [String: Double]? {
    suggest(space: space, trials: trials, options: options, constraintsEnabled: constraintsEnabled,
            rng: &rng, cache: nil)
  }

  /// `cache`, when given, describes `trials[0..<cache.count]` (the sampler keeps it in step);
  /// the suggestion is the same with or without it.
  static func suggest<R: UniformRandomSource>(
    space: [(name: String, parameter: TPEParameter)], trials: [TPEObservedTrial],
    options: TPEOptions, constraintsEnabled: Bool, rng: inout R, cache: TPEKernelCache?
  ) -> [String: Double]? {
    let finished = trials.withUnsafeBufferPointer { all in all.indices.reduce(0) { $0 + (all[$1].kind == .running ? 0 : 1) } }
    if finished < options.nStartupTrials || space.isEmpty { return nil }
    let isMultiObjective = trials.first { $0.kind == .complete }.map { $0.losses.count > 1 } ?? false
    let (below, above) = TPESplit.splitIndices(trials, nBelow: options.gamma(finished), constraintsEnabled: constraintsEnabled)

    let parameters = space.map(\.parameter)
    let dimensionCount = space.count
    // Only trials holding every parameter of the space are observations.
    // (The cache knows it for the entries it holds: reading ~1,000 separately allocated parameter
    // arrays cost more than the rest of the split.)
    let knownComplete = cache?.holdsEveryParameter ?? []
    func kept(_ set: [Int]) -> [Int] {
      [Int](unsafeUninitializedCapacity: set.count) { buffer, count in
        count = 0
        trials.withUnsafeBufferPointer { all in
          knownComplete.withUnsafeBufferPointer { known in
            for i in set {
              let complete = i < known.count ? known[i] : all[i].params.withUnsafeBufferPointer { p in
                p.count == dimensionCount && !p.contains(where: { $0.isNaN })
              }
              if complete { buffer[count] = i; count += 1 }
            }
          }
        }
      }
    }
    // One pass over the rows, writing every dimension's column (row-major reads, no copies).
    func columns(_ kept: [Int]) -> [[Double]] {
      let rows = kept.count
      let flat = UnsafeMutablePointer<Double>.allocate(capacity: max(rows * dimensionCount, 1))
      defer { flat.deallocate() }
      trials.withUnsafeBufferPointer { all in
        for (row, i) in kept.enumerated() {
          all[i].params.withUnsafeBufferPointer { p in
            for d in 0..<dimensionCount { flat[d * rows + row] = p[d] }
          }
        }
      }
      return (0..<dimensionCount).map { d in Array(UnsafeBufferPointer(start: flat + d * rows, count: rows)) }
    }
    let belowKept = kept(below), aboveKept = kept(above)
    var belowWeights = options.weights(belowKept.count)
    if isMultiObjective {
      belowWeights = options.hypervolumeWeightsBelow
        ? hypervolumeWeights(belowKept.map { trials[$0] }) : [Double](repeating: 1, count: belowKept.count)
    }
    // l(x) is the last suggestion's when its rows are (late in a search a new trial rarely makes
    // the good set, so it usually is).
    let knownNumbers = cache?.numbers ?? []
    let belowNumbers = trials.withUnsafeBufferPointer { all in
      belowKept.map { $0 < knownNumbers.count ? knownNumbers[$0] : all[$0].number }
    }
    let l: ParzenEstimator
    if let last = cache?.lastBelow, last.numbers == belowNumbers, last.weights == belowWeights,
       last.estimator.parameters == parameters, last.options == options.estimator {
      l = last.estimator
    } else {
      l = ParzenEstimator(columns: columns(belowKept), parameters: parameters, observationWeights: belowWeights,
                          options: options.estimator,
                          source: cache.map { .init(cache: $0, trialIndices: belowKept, historyCount: trials.count) })
      cache?.lastBelow = (belowNumbers, belowWeights, options.estimator, l)
    }
    let aboveWeights = options.weights(aboveKept.count)
    // g(x) edited from the last suggestion's where it can be (numeric spaces), else built.
    let kept = cache?.above.estimator(trials: trials, rows: aboveKept, parameters: parameters, weights: aboveWeights,
                                      options: options.estimator, knownNumbers: knownNumbers)
    let g = kept ?? ParzenEstimator(columns: columns(aboveKept), parameters: parameters,
                                    observationWeights: aboveWeights, options: options.estimator,
                                    source: cache.map { .init(cache: $0, trialIndices: aboveKept, historyCount: trials.count) })
    let candidates = l.sample(count: max(1, options.nEICandidates), rng: &rng, memo: cache?.quantileMemo)
    let stepped = parameters.contains { if case .numeric(_, _, _, let step) = $0 { step != nil } else { false } }
    let massMemo = stepped ? cache?.logMassMemo : nil
    let scoreL = l.logPdf(candidates, memo: massMemo), scoreG = g.logPdf(candidates, memo: massMemo)
    var best = 0
    var bestScore = -Double.infinity
    for i in candidates.indices {
      let s = scoreL[i] - scoreG[i]
      if s > bestScore || (bestScore == -.infinity && i == 0) { bestScore = s; best = i }
    }
    var result: [String: Double] = [:]
    for (d, (name, _)) in space.enumerated() { result[name] = candidates[best][d] }
    // An edited g shares the kept arrays: holding it would copy them at the next edit.
    cache?.lastBuiltAbove = kept == nil ? g : nil
    return result
  }

  /// Optuna 4.x weights of the good set in a multi-objective study: each trial's hypervolume
  /// contribution normalized by the largest (at least 1e-12); trials off the front get 1e-12.
  static func hypervolumeWeights(_ trials: [TPEObservedTrial]) -> [Double] {
    let n = trials.count
    if n <= 1 { return [Double](repeating: 1, count: n) }
    let losses = trials.map(\.losses)
    let reference = TPESplit.referencePoint(losses)
    let ranks = NonDominatedSorting.nonDominatedRanks(losses)
    let front = ranks.indices.filter { ranks[$0] == 0 }
    let contributions = Hypervolume.contributions(front.map { losses[$0] }, reference: reference)
    let largest = max(contributions.max() ?? 0, 1e-12)
    var w = [Double](repeating: 1e-12, count: n)
    for (slot, i) in front.enumerated() { w[i] = max(contributions[slot] / largest, 1e-12) }
    return w
  }
}
