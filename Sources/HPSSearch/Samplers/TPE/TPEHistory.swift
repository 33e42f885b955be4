// The part of a study TPE looks at, in plain values: one record per COMPLETE, PRUNED or
// (for the constant liar) RUNNING trial. The Sampler wrapper builds these from FrozenTrials.

public struct TPEObservedTrial: Sendable {
  public enum Kind: Sendable { case complete, pruned, running }

  public var number: Int
  public var kind: Kind
  /// Objective values turned into losses (maximized objectives negated). Empty unless complete.
  public var losses: [Double]
  /// Parameter values by name, as TPEParameter describes them (choice index for categoricals).
  public var params: [String: Double]
  /// For pruned trials: the last reported step and its value as a loss (NaN ranks worst).
  public var lastStep: Int?
  public var lastIntermediateLoss: Double?
  /// Summed positive constraint violation; nil when constraints are off or none were recorded
  /// (then a trial counts as infeasible only if constraints are on: Optuna ranks it last).
  public var constraintViolation: Double?

  public init(number: Int, kind: Kind, losses: [Double] = [], params: [String: Double],
              lastStep: Int? = nil, lastIntermediateLoss: Double? = nil, constraintViolation: Double? = nil) {
    self.number = number
    self.kind = kind
    self.losses = losses
    self.params = params
    self.lastStep = lastStep
    self.lastIntermediateLoss = lastIntermediateLoss
    self.constraintViolation = constraintViolation
  }
}

/// Optuna's below/above split (optuna/samplers/_tpe/sampler.py `_split_trials`).
public enum TPESplit {
  /// Splits `trials` so that `below` holds the `nBelow` best: complete trials by loss (by
  /// non-domination rank with hypervolume subset selection for several objectives), then pruned
  /// trials by (furthest step, best value there), then infeasible ones by least violation.
  /// RUNNING trials always go above: the constant liar. Both halves come back sorted by number.
  public static func split(_ trials: [TPEObservedTrial], nBelow: Int, constraintsEnabled: Bool)
    -> (below: [TPEObservedTrial], above: [TPEObservedTrial])
  {
    var complete: [TPEObservedTrial] = [], pruned: [TPEObservedTrial] = []
    var running: [TPEObservedTrial] = [], infeasible: [TPEObservedTrial] = []
    for t in trials {
      if t.kind == .running {
        running.append(t)
      } else if constraintsEnabled && (t.constraintViolation ?? .infinity) > 0 {
        infeasible.append(t)
      } else if t.kind == .complete {
        complete.append(t)
      } else {
        pruned.append(t)
      }
    }
    var remaining = nBelow
    let (belowComplete, aboveComplete) = splitComplete(complete, nBelow: min(remaining, complete.count))
    remaining = max(0, remaining - belowComplete.count)

    let prunedSorted = pruned.sorted { a, b in
      let ka = prunedKey(a), kb = prunedKey(b)
      return ka.0 != kb.0 ? ka.0 < kb.0 : ka.1 < kb.1
    }
    let takePruned = min(remaining, prunedSorted.count)
    remaining -= takePruned
    let infeasibleSorted = infeasible.sorted { ($0.constraintViolation ?? .infinity) < ($1.constraintViolation ?? .infinity) }
    let takeInfeasible = min(remaining, infeasibleSorted.count)

    var below = belowComplete + prunedSorted[0..<takePruned] + infeasibleSorted[0..<takeInfeasible]
    var above = aboveComplete + prunedSorted[takePruned...] + infeasibleSorted[takeInfeasible...] + running
    below.sort { $0.number < $1.number }
    above.sort { $0.number < $1.number }
    return (below, above)
  }

  static func prunedKey(_ t: TPEObservedTrial) -> (Double, Double) {
    guard let step = t.lastStep else { return (1, 0) }
    let v = t.lastIntermediateLoss ?? .nan
    return (-Double(step), v.isNaN ? .infinity : v)
  }

  static func splitComplete(_ trials: [TPEObservedTrial], nBelow: Int) -> ([TPEObservedTrial], [TPEObservedTrial]) {
    guard let first = trials.first else { return ([], []) }
    if first.losses.count <= 1 {
      let sorted = trials.sorted { ($0.losses.first ?? .infinity) < ($1.losses.first ?? .infinity) }
      return (Array(sorted[0..<nBelow]), Array(sorted[nBelow...]))
    }
    if nBelow == 0 { return ([], trials) }
    if nBelow == trials.count { return (trials, []) }
    let losses = trials.map(\.losses)
    let ranks = ParetoFront.nonDominatedRanks(losses)
    var chosen = Set<Int>()
    var rank = 0
    while true {
      let members = ranks.indices.filter { ranks[$0] == rank }
      if members.isEmpty { break }
      if chosen.count + members.count <= nBelow {
        chosen.formUnion(members)
        rank += 1
        continue
      }
      // Tie-break the first rank that does not fit by hypervolume subset selection.
      let points = members.map { losses[$0] }
      let reference = referencePoint(points)
      for slot in Hypervolume.greedySubset(points, reference: reference, k: nBelow - chosen.count) {
        chosen.insert(members[slot])
      }
      break
    }
    var below: [TPEObservedTrial] = [], above: [TPEObservedTrial] = []
    for (i, t) in trials.enumerated() {
      if chosen.contains(i) { below.append(t) } else { above.append(t) }
    }
    return (below, above)
  }

  /// max(1.1·worst, 0.9·worst) per objective, zeros replaced by 1e-12 (Optuna's reference point).
  public static func referencePoint(_ points: [[Double]]) -> [Double] {
    guard let first = points.first else { return [] }
    return first.indices.map { m in
      let worst = points.map { $0[m] }.max() ?? 0
      let r = max(1.1 * worst, 0.9 * worst)
      return r == 0 ? 1e-12 : r
    }
  }
}
