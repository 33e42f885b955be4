// Hypervolume (minimization, bounded by a reference point): exact by a sweep in 2-D and by
// slicing along the last objective in higher dimensions (HSO). Exponential in the worst case, so
// meant for the small fronts samplers handle (tens of points, 2–4 objectives).

public enum Hypervolume {
  /// The volume dominated by `points` and bounded by `reference`. Points not strictly better than
  /// the reference in every objective contribute nothing.
  public static func compute(_ points: [[Double]], reference: [Double]) -> Double {
    let inside = points.filter { p in zip(p, reference).allSatisfy { $0 < $1 } }
    guard !inside.isEmpty else { return 0 }
    return volume(inside, reference)
  }

  static func volume(_ points: [[Double]], _ reference: [Double]) -> Double {
    let d = reference.count
    if points.isEmpty { return 0 }
    if d == 1 { return reference[0] - (points.map { $0[0] }.min() ?? reference[0]) }
    if d == 2 { return volume2D(points, reference) }
    // Slice along the last objective: between consecutive levels, the dominated region's
    // cross-section is the (d-1)-D hypervolume of the points at or below that level.
    let sorted = points.sorted { $0[d - 1] < $1[d - 1] }
    var total = 0.0
    var prefix: [[Double]] = []
    for (i, p) in sorted.enumerated() {
      prefix.append(Array(p[0..<(d - 1)]))
      let nextLevel = i + 1 < sorted.count ? sorted[i + 1][d - 1] : reference[d - 1]
      let height = nextLevel - p[d - 1]
      if height > 0 {
        total += height * volume(nonDominated(prefix), Array(reference[0..<(d - 1)]))
      }
    }
    return total
  }

  static func volume2D(_ points: [[Double]], _ reference: [Double]) -> Double {
    let sorted = points.sorted { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }
    var total = 0.0
    var bestY = reference[1]
    for p in sorted where p[1] < bestY {
      total += (reference[0] - p[0]) * (bestY - p[1])
      bestY = p[1]
    }
    return total
  }

  static func nonDominated(_ points: [[Double]]) -> [[Double]] {
    points.enumerated().filter { (i, p) in
      !points.enumerated().contains { (j, q) in
        j != i && (NonDominatedSorting.dominates(q, p) || (q == p && j < i))
      }
    }.map { $0.element }
  }

  /// Each point's exclusive contribution: HV(all) − HV(all but it).
  public static func contributions(_ points: [[Double]], reference: [Double]) -> [Double] {
    let total = compute(points, reference: reference)
    return points.indices.map { i in
      var others = points
      others.remove(at: i)
      return total - compute(others, reference: reference)
    }
  }

  /// Greedy hypervolume subset selection: `k` indices of `points` chosen one by one, each time
  /// the point that adds the most volume (ties to the lower index). Optuna's multi-objective TPE
  /// breaks ties in the last non-domination rank this way.
  public static func greedySubset(_ points: [[Double]], reference: [Double], k: Int) -> [Int] {
    var chosen: [Int] = []
    var chosenPoints: [[Double]] = []
    var base = 0.0
    var remaining = Array(points.indices)
    while chosen.count < min(k, points.count) {
      var bestIndex = 0, bestGain = -Double.infinity
      for (slot, i) in remaining.enumerated() {
        let gain = compute(chosenPoints + [points[i]], reference: reference) - base
        if gain > bestGain { bestGain = gain; bestIndex = slot }
      }
      let i = remaining.remove(at: bestIndex)
      chosen.append(i)
      chosenPoints.append(points[i])
      base += max(bestGain, 0)
    }
    return chosen
  }
}
