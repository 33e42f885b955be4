// Pareto dominance for minimization (callers flip maximized objectives first): non-dominated
// sorting and NSGA-II's crowding distance.

public enum NonDominatedSorting {
  /// a dominates b: no worse in every objective and better in at least one.
  public static func dominates(_ a: [Double], _ b: [Double]) -> Bool {
    var strictlyBetter = false
    for i in 0..<a.count {
      if a[i] > b[i] { return false }
      if a[i] < b[i] { strictlyBetter = true }
    }
    return strictlyBetter
  }

  /// The rank of every point: 0 for the non-dominated front, 1 for the front after removing it, …
  public static func nonDominatedRanks(_ points: [[Double]]) -> [Int] {
    let n = points.count
    var dominatedBy = [Int](repeating: 0, count: n)  // how many points dominate i
    var dominating = [[Int]](repeating: [], count: n)  // points that i dominates
    for i in 0..<n {
      for j in (i + 1)..<max(i + 1, n) {
        if dominates(points[i], points[j]) {
          dominating[i].append(j); dominatedBy[j] += 1
        } else if dominates(points[j], points[i]) {
          dominating[j].append(i); dominatedBy[i] += 1
        }
      }
    }
    var ranks = [Int](repeating: 0, count: n)
    var current = (0..<n).filter { dominatedBy[$0] == 0 }
    var rank = 0
    while !current.isEmpty {
      var next: [Int] = []
      for i in current {
        ranks[i] = rank
        for j in dominating[i] {
          dominatedBy[j] -= 1
          if dominatedBy[j] == 0 { next.append(j) }
        }
      }
      current = next
      rank += 1
    }
    return ranks
  }

  /// Indices grouped by front, best front first.
  public static func fronts(_ points: [[Double]]) -> [[Int]] {
    let ranks = nonDominatedRanks(points)
    var fronts = [[Int]](repeating: [], count: (ranks.max() ?? -1) + 1)
    for (i, r) in ranks.enumerated() { fronts[r].append(i) }
    return fronts
  }

  /// NSGA-II crowding distance of each point within one front (boundary points get infinity).
  public static func crowdingDistances(_ points: [[Double]]) -> [Double] {
    let n = points.count
    guard n > 0 else { return [] }
    var distance = [Double](repeating: 0, count: n)
    if n <= 2 { return [Double](repeating: .infinity, count: n) }
    for m in 0..<points[0].count {
      let order = (0..<n).sorted { points[$0][m] < points[$1][m] }
      let lo = points[order[0]][m], hi = points[order[n - 1]][m]
      distance[order[0]] = .infinity
      distance[order[n - 1]] = .infinity
      let span = hi - lo
      guard span > 0, span.isFinite else { continue }
      for k in 1..<(n - 1) {
        distance[order[k]] += (points[order[k + 1]][m] - points[order[k - 1]][m]) / span
      }
    }
    return distance
  }
}
