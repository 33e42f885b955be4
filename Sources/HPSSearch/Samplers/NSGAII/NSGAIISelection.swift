// NSGA-II's survivor selection and parent tournament on plain values (losses, violations), with
// Deb's constrained domination: a feasible point beats an infeasible one, two infeasible points
// compare by total violation, two feasible points by Pareto dominance.

public struct NSGAIIIndividual: Sendable {
  public var number: Int
  /// Internal parameter values by name.
  public var params: [String: Double]
  public var losses: [Double]
  /// Summed positive constraint violation (0 when feasible or constraints are off).
  public var violation: Double

  public init(number: Int, params: [String: Double], losses: [Double], violation: Double = 0) {
    self.number = number
    self.params = params
    self.losses = losses
    self.violation = violation
  }
}

public enum NSGAIISelection {
  static func constrainedDominates(_ a: NSGAIIIndividual, _ b: NSGAIIIndividual) -> Bool {
    if a.violation <= 0 && b.violation > 0 { return true }
    if a.violation > 0 && b.violation > 0 { return a.violation < b.violation }
    if a.violation > 0 { return false }
    return NonDominatedSorting.dominates(a.losses, b.losses)
  }

  /// Ranks (0 = best front) under constrained domination.
  static func ranks(_ pop: [NSGAIIIndividual]) -> [Int] {
    let n = pop.count
    var dominatedBy = [Int](repeating: 0, count: n)
    var dominating = [[Int]](repeating: [], count: n)
    for i in 0..<n {
      for j in (i + 1)..<max(i + 1, n) {
        if constrainedDominates(pop[i], pop[j]) { dominating[i].append(j); dominatedBy[j] += 1 }
        else if constrainedDominates(pop[j], pop[i]) { dominating[j].append(i); dominatedBy[i] += 1 }
      }
    }
    var ranks = [Int](repeating: 0, count: n)
    var current = (0..<n).filter { dominatedBy[$0] == 0 }
    var r = 0
    while !current.isEmpty {
      var next: [Int] = []
      for i in current {
        ranks[i] = r
        for j in dominating[i] { dominatedBy[j] -= 1; if dominatedBy[j] == 0 { next.append(j) } }
      }
      current = next
      r += 1
    }
    return ranks
  }

  /// The `size` survivors: whole fronts in rank order, the last partial front by crowding distance.
  /// Returns survivors with their rank and crowding distance (for the tournament).
  public static func survivors(_ pop: [NSGAIIIndividual], size: Int) -> [(NSGAIIIndividual, rank: Int, crowding: Double)] {
    let r = ranks(pop)
    var out: [(NSGAIIIndividual, rank: Int, crowding: Double)] = []
    for rank in 0...(r.max() ?? 0) {
      let members = r.indices.filter { r[$0] == rank }
      let crowding = NonDominatedSorting.crowdingDistances(members.map { pop[$0].losses })
      let order = members.indices.sorted { crowding[$0] > crowding[$1] }
      for slot in order where out.count < size {
        out.append((pop[members[slot]], rank, crowding[slot]))
      }
      if out.count >= size { break }
    }
    return out
  }

  /// Binary tournament: lower rank wins, then larger crowding distance.
  static func tournament(_ parents: [(NSGAIIIndividual, rank: Int, crowding: Double)], rng: inout SeededRandom) -> NSGAIIIndividual {
    let a = parents[rng.nextIndex(parents.count)], b = parents[rng.nextIndex(parents.count)]
    if a.rank != b.rank { return a.rank < b.rank ? a.0 : b.0 }
    return a.crowding >= b.crowding ? a.0 : b.0
  }
}
