// Hyperparameter importance (Optuna's `get_param_importances`): fANOVA over a random forest
// (Hutter, Hoos & Leyton-Brown, "An Efficient Approach for Assessing Hyperparameter
// Importance", ICML 2014) and mean decrease in impurity.
import Foundation

/// How importances are computed.
public enum ImportanceEvaluator: Sendable {
  /// Functional ANOVA: the share of the forest's prediction variance explained by each
  /// parameter alone, averaged over trees (Optuna's FanovaImportanceEvaluator).
  case fanova(nTrees: Int = 64, maxDepth: Int = 64, seed: Int? = nil)
  /// The forest's summed variance reduction per parameter (Optuna's
  /// MeanDecreaseImpurityImportanceEvaluator).
  case meanDecreaseImpurity(nTrees: Int = 64, maxDepth: Int = 64, seed: Int? = nil)
  /// PED-ANOVA: how differently each parameter is distributed among the top
  /// `targetQuantile` trials than among the top `regionQuantile` (Optuna 5's default
  /// evaluator, same arguments). Lower objective values are better unless the study maximizes;
  /// a `target` is always minimized, as in Optuna.
  case pedAnova(targetQuantile: Double = 0.1, regionQuantile: Double = 1.0, evaluateOnLocal: Bool = true)

  public static let `default` = ImportanceEvaluator.fanova()
}

/// One parameter's importance.
public struct ParameterImportance: Sendable, Equatable {
  public var name: String
  public var importance: Double
}

public enum Importance {
  /// Importances of `params` (default: every parameter shared by all completed trials, except
  /// single-value ones), sorted from most to least important.
  /// - Throws: `invalidArgument` for a multi-objective study without `target`, fewer than two
  ///   usable trials, or a parameter missing from some completed trial.
  public static func evaluate(
    study: any StudyView, evaluator: ImportanceEvaluator = .default, params: [String]? = nil,
    target: ((FrozenTrial) -> Double)? = nil, normalize: Bool = true
  ) throws -> [ParameterImportance] {
    func bad(_ message: String) -> SearchError {
      .invalidArgument(function: "get_param_importances", argument: "study", message: message)
    }
    if study.isMultiObjective && target == nil {
      throw bad("If the `study` is being used for multi-objective optimization, please specify the `target`.")
    }
    var completed = study.trials(states: [.complete])
    let fullSpace = IntersectionSearchSpace.of(completed)
    var space: SearchSpace = [:]
    if let params {
      for name in params {
        guard let d = completed.first?.distributions[name] else { throw bad("Parameter '\(name)' is not in the search space of all completed trials.") }
        space[name] = d
      }
      completed = completed.filter { t in params.allSatisfy { t.distributions[$0] != nil } }
    } else {
      space = fullSpace.filter { !$0.value.isSingle }
    }
    guard !completed.isEmpty else { throw bad("Cannot evaluate parameter importances without completed trials.") }
    guard completed.count > 1 else { throw bad("Cannot evaluate parameter importances with only a single trial.") }
    if space.isEmpty { return [] }

    let transform = SearchSpaceTransform(space, options: .init(transformLog: false, transformStep: false))
    let x = completed.map { t in transform.transform(internal: space.keys.reduce(into: [:]) { $0[$1] = t.internalValue($1) }) }
    let y = completed.map { target?($0) ?? $0.values?.first ?? .nan }
    let rows = zip(x, y).filter { row, v in v.isFinite && row.allSatisfy(\.isFinite) }
    guard rows.count > 1 else { throw bad("Cannot evaluate parameter importances with only a single trial.") }

    var scores: [Double]
    if case .pedAnova(let quantile, let regionQuantile, let local) = evaluator {
      guard quantile > 0, quantile < regionQuantile, regionQuantile <= 1 else {
        throw SearchError.invalidArgument(
          function: "PedAnovaImportanceEvaluator", argument: "target_quantile",
          message: "condition 0.0 < `target_quantile` < `region_quantile` <= 1.0 must be satisfied (got \(quantile), \(regionQuantile))")
      }
      let usable = completed.filter { t in (target?(t) ?? t.values?.first)?.isFinite == true }
      let sign = target == nil && study.direction == .maximize ? -1.0 : 1.0
      let losses = usable.map { sign * (target?($0) ?? $0.values?.first ?? .nan) }
      let raw = PedAnova.importances(
        space: space, trials: usable, losses: losses, targetQuantile: quantile, regionQuantile: regionQuantile,
        evaluateOnLocal: local)
      scores = transform.names.map { raw[$0] ?? 0 }
      if normalize {
        let total = scores.reduce(0, +)
        scores = total > 0 ? scores.map { $0 / total } : scores.map { _ in 1 / Double(scores.count) }
      }
      return zip(transform.names, scores).map { ParameterImportance(name: $0, importance: $1) }
        .sorted { $0.importance != $1.importance ? $0.importance > $1.importance : $0.name < $1.name }
    }
    switch evaluator {
    case .fanova(let nTrees, let maxDepth, let seed):
      let forest = RegressionForest.fit(x: rows.map(\.0), y: rows.map(\.1), nTrees: nTrees, maxDepth: maxDepth, seed: seed)
      scores = Fanova.importances(forest: forest, columns: transform.columns, lows: transform.rawLows, highs: transform.rawHighs)
    case .meanDecreaseImpurity(let nTrees, let maxDepth, let seed):
      let forest = RegressionForest.fit(x: rows.map(\.0), y: rows.map(\.1), nTrees: nTrees, maxDepth: maxDepth, seed: seed)
      var perColumn = [Double](repeating: 0, count: transform.dimension)
      for tree in forest.trees {
        for (c, v) in tree.featureImportances(dimension: transform.dimension).enumerated() { perColumn[c] += v / Double(forest.trees.count) }
      }
      scores = transform.columns.map { cols in cols.reduce(0) { $0 + perColumn[$1] } }
    case .pedAnova:
      scores = []  // handled above
    }
    if normalize {
      let total = scores.reduce(0, +)
      scores = total > 0 ? scores.map { $0 / total } : scores.map { _ in 1 / Double(scores.count) }
    }
    return zip(transform.names, scores).map { ParameterImportance(name: $0, importance: $1) }
      .sorted { $0.importance != $1.importance ? $0.importance > $1.importance : $0.name < $1.name }
  }
}

/// Functional ANOVA on the leaves of each tree.
enum Fanova {
  /// Grid cells beyond this are not enumerated (a categorical with many one-hot columns split
  /// everywhere); the group then scores 0 for that tree.
  static let maxCells = 200_000

  static func importances(forest: RegressionForest, columns: [Range<Int>], lows: [Double], highs: [Double]) -> [Double] {
    var sums = [Double](repeating: 0, count: columns.count)
    var counted = 0
    for tree in forest.trees {
      let leaves = tree.leaves(lows: lows, highs: highs)
      let ranges = zip(lows, highs).map { max($1 - $0, 0) }
      func fraction(_ leaf: (lo: [Double], hi: [Double], value: Double), _ j: Int) -> Double {
        ranges[j] > 0 ? (leaf.hi[j] - leaf.lo[j]) / ranges[j] : 1
      }
      let volumes = leaves.map { leaf in (0..<lows.count).reduce(1.0) { $0 * fraction(leaf, $1) } }
      let mean = zip(leaves, volumes).reduce(0) { $0 + $1.0.value * $1.1 }
      let total = zip(leaves, volumes).reduce(0) { $0 + $1.1 * ($1.0.value - mean) * ($1.0.value - mean) }
      guard total > 0 else { continue }
      counted += 1
      for (p, cols) in columns.enumerated() {
        sums[p] += marginalVariance(leaves: leaves, columns: Array(cols), lows: lows, highs: highs, ranges: ranges, mean: mean) / total
      }
    }
    return counted > 0 ? sums.map { $0 / Double(counted) } : sums
  }

  /// Variance of the marginal prediction over the columns `subset`, averaging out the others.
  static func marginalVariance(
    leaves: [(lo: [Double], hi: [Double], value: Double)], columns subset: [Int], lows: [Double], highs: [Double],
    ranges: [Double], mean: Double
  ) -> Double {
    // The split points along each column of the subset cut it into intervals.
    var intervals: [[(mid: Double, weight: Double)]] = []
    var cells = 1
    for j in subset {
      var cuts = Set<Double>([lows[j], highs[j]])
      for leaf in leaves {
        cuts.insert(leaf.lo[j])
        cuts.insert(leaf.hi[j])
      }
      let sorted = cuts.sorted()
      let pieces = zip(sorted, sorted.dropFirst()).compactMap { a, b -> (Double, Double)? in
        guard b > a, ranges[j] > 0 else { return nil }
        return ((a + b) / 2, (b - a) / ranges[j])
      }
      if pieces.isEmpty { return 0 }
      intervals.append(pieces)
      cells *= pieces.count
      if cells > maxCells { return 0 }
    }
    // Each leaf's weight over the columns outside the subset.
    let outside = Set(0..<lows.count).subtracting(subset)
    let otherWeights = leaves.map { leaf in outside.reduce(1.0) { w, j in ranges[j] > 0 ? w * (leaf.hi[j] - leaf.lo[j]) / ranges[j] : w } }
    var variance = 0.0
    var index = [Int](repeating: 0, count: subset.count)
    for _ in 0..<cells {
      var weight = 1.0
      var marginal = 0.0
      for (k, _) in subset.enumerated() { weight *= intervals[k][index[k]].weight }
      for (l, leaf) in leaves.enumerated() {
        var inside = true
        for (k, j) in subset.enumerated() {
          let c = intervals[k][index[k]].mid
          if c < leaf.lo[j] || c > leaf.hi[j] {
            inside = false
            break
          }
        }
        if inside { marginal += leaf.value * otherWeights[l] }
      }
      variance += weight * (marginal - mean) * (marginal - mean)
      // Advance the mixed-radix cell counter.
      for k in 0..<index.count {
        index[k] += 1
        if index[k] < intervals[k].count { break }
        index[k] = 0
      }
    }
    return variance
  }
}
