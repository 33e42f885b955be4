// The part of a study TPE looks at, in plain values: one record per COMPLETE, PRUNED or
// (for the constant liar) RUNNING trial. The Sampler wrapper builds these from FrozenTrials.

public struct TPEObservedTrial: Sendable {
  public enum Kind: Sendable { case complete, pruned, running }

  public var number: Int
  public var kind: Kind
  /// Objective values turned into losses (maximized objectives negated). Empty unless complete.
  public var losses: [Double] {
    didSet { firstLoss = losses.first; objectiveCount = losses.count }
  }
  /// `losses.first`, kept inline: the split reads it for every trial, and following ~1,000
  /// separately allocated arrays cost more than the rest of the split.
  private(set) var firstLoss: Double?
  /// Objectives, without reading the losses array.
  private(set) var objectiveCount: Int
  /// Parameter values in the order of the search space being sampled, as TPEParameter describes
  /// them (choice index for categoricals); NaN where the trial lacks the parameter.
  public var params: [Double]
  /// For pruned trials: the last reported step and its value as a loss (NaN ranks worst).
  public var lastStep: Int?
  public var lastIntermediateLoss: Double?
  /// Summed positive constraint violation; nil when constraints are off or none were recorded
  /// (then a trial counts as infeasible only if constraints are on: Optuna ranks it last).
  public var constraintViolation: Double?

  public init(number: Int, kind: Kind, losses: [Double] = [], params: [Double],
              lastStep: Int? = nil, lastIntermediateLoss: Double? = nil, constraintViolation: Double? = nil) {
    self.number = number
    self.kind = kind
    self.losses = losses
    self.firstLoss = losses.first
    self.objectiveCount = losses.count
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
    let (below, above) = splitIndices(trials, nBelow: nBelow, constraintsEnabled: constraintsEnabled)
    return (below.map { trials[$0] }, above.map { trials[$0] })
  }

  /// `split` as indices into `trials` (no copies of the trials).
  static func splitIndices(_ trials: [TPEObservedTrial], nBelow: Int, constraintsEnabled: Bool)
    -> (below: [Int], above: [Int])
  {
    var pruned: [Int] = [], infeasible: [Int] = []
    let singleObjective = trials.first(where: { $0.kind == .complete && !(constraintsEnabled && ($0.constraintViolation ?? .infinity) > 0) })
      .map { $0.objectiveCount <= 1 } ?? true
    var ascending = true
    // The complete trials and their single-objective losses (NaN ranks as +inf), written in one
    // pass into buffers sized for every trial (no per-element append checks).
    var keys: [Double] = []
    let complete = [Int](unsafeUninitializedCapacity: trials.count) { completeBuffer, completeCount in
      keys = [Double](unsafeUninitializedCapacity: singleObjective ? trials.count : 0) { keyBuffer, keyCount in
        var found = 0
        trials.withUnsafeBufferPointer { all in
          for i in all.indices {
            if i > 0 && !(all[i - 1].number < all[i].number) { ascending = false }
            let kind = all[i].kind
            if kind == .running {
              continue
            } else if constraintsEnabled && (all[i].constraintViolation ?? .infinity) > 0 {
              infeasible.append(i)
            } else if kind == .complete {
              completeBuffer[found] = i
              if singleObjective {
                let loss = all[i].firstLoss ?? .infinity
                keyBuffer[found] = loss.isNaN ? .infinity : loss
              }
              found += 1
            } else {
              pruned.append(i)
            }
          }
        }
        completeCount = found
        keyCount = singleObjective ? found : 0
      }
    }
    var remaining = nBelow
    let takeComplete = min(remaining, complete.count)
    let belowComplete: [Int]
    if !complete.isEmpty && singleObjective {
      belowComplete = smallest(keys, count: takeComplete).map { complete[$0] }
    } else {
      belowComplete = splitComplete(complete.map { trials[$0].losses }, nBelow: takeComplete).map { complete[$0] }
    }
    remaining = max(0, remaining - belowComplete.count)

    let prunedSorted = pruned.sorted { a, b in
      let ka = prunedKey(trials[a]), kb = prunedKey(trials[b])
      return ka.0 != kb.0 ? ka.0 < kb.0 : ka.1 < kb.1
    }
    let takePruned = min(remaining, prunedSorted.count)
    remaining -= takePruned
    let infeasibleSorted = infeasible.sorted {
      (trials[$0].constraintViolation ?? .infinity) < (trials[$1].constraintViolation ?? .infinity)
    }
    let takeInfeasible = min(remaining, infeasibleSorted.count)

    var isBelow = [Bool](repeating: false, count: trials.count)
    for i in belowComplete { isBelow[i] = true }
    for i in prunedSorted[0..<takePruned] { isBelow[i] = true }
    for i in infeasibleSorted[0..<takeInfeasible] { isBelow[i] = true }
    var below: [Int] = [], above: [Int] = []
    below.reserveCapacity(nBelow)
    // Sorted by trial number so the weights ramp favours recent trials (usually already so).
    if ascending {
      above = [Int](unsafeUninitializedCapacity: trials.count) { aboveBuffer, aboveCount in
        var filled = 0
        isBelow.withUnsafeBufferPointer { flags in
          for i in flags.indices {
            if flags[i] {
              below.append(i)
            } else {
              aboveBuffer[filled] = i
              filled += 1
            }
          }
        }
        aboveCount = filled
      }
    } else {
      above.reserveCapacity(trials.count)
      for i in trials.indices.sorted(by: { trials[$0].number < trials[$1].number }) {
        if isBelow[i] { below.append(i) } else { above.append(i) }
      }
    }
    return (below, above)
  }

  static func prunedKey(_ t: TPEObservedTrial) -> (Double, Double) {
    guard let step = t.lastStep else { return (1, 0) }
    let v = t.lastIntermediateLoss ?? .nan
    return (-Double(step), v.isNaN ? .infinity : v)
  }

  /// Indices (into `losses`) of the `nBelow` best: by loss for one objective; for several, whole
  /// non-domination ranks, the first rank that does not fit tie-broken by hypervolume subset selection.
  static func splitComplete(_ losses: [[Double]], nBelow: Int) -> [Int] {
    guard let first = losses.first, nBelow > 0 else { return [] }
    if first.count <= 1 { return smallest(losses.map { $0.first ?? .infinity }, count: nBelow) }
    if nBelow >= losses.count { return Array(losses.indices) }
    let ranks = NonDominatedSorting.nonDominatedRanks(losses)
    var chosen: [Int] = []
    var rank = 0
    while true {
      let members = ranks.indices.filter { ranks[$0] == rank }
      if members.isEmpty { break }
      if chosen.count + members.count <= nBelow {
        chosen += members
        rank += 1
        continue
      }
      let points = members.map { losses[$0] }
      let reference = referencePoint(points)
      for slot in Hypervolume.greedySubset(points, reference: reference, k: nBelow - chosen.count) {
        chosen.append(members[slot])
      }
      break
    }
    return chosen
  }

  /// Indices of the `count` smallest losses (NaN ranks as +inf); ties at the threshold go to the
  /// older trials. The threshold comes from a running list of the `count` smallest keys, so the
  /// usual case (count ≤ 25 of 1,000) never sorts the whole history.
  static func smallest(_ rawKeys: [Double], count: Int) -> [Int] {
    guard count > 0 else { return [] }
    let hasNaN = rawKeys.withUnsafeBufferPointer { keys in keys.contains { $0.isNaN } }
    let keys = hasNaN ? rawKeys.map { $0.isNaN ? Double.infinity : $0 } : rawKeys
    if count >= keys.count { return Array(keys.indices) }
    let threshold: Double
    if count > 64 {
      threshold = keys.sorted()[count - 1]
    } else {
      // The `count` smallest so far, ascending, shifted in place. Newest first: a search's recent
      // trials tend to be its best, so the list fills with small keys early and the older ones
      // mostly fail the first comparison (oldest first, each new best shifted the whole list).
      let best = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
      defer { best.deallocate() }
      var filled = 0
      keys.withUnsafeBufferPointer { keys in
        for k in keys.reversed() where filled < count || k < best[filled - 1] {
          var i = filled < count ? filled : count - 1
          while i > 0 && best[i - 1] > k {
            best[i] = best[i - 1]
            i -= 1
          }
          best[i] = k
          if filled < count { filled += 1 }
        }
      }
      threshold = best[count - 1]
    }
    var chosen: [Int] = []
    chosen.reserveCapacity(count)
    var ties = 0
    keys.withUnsafeBufferPointer { keys in
      for i in keys.indices {
        if keys[i] < threshold { chosen.append(i) } else if keys[i] == threshold { ties += 1 }
      }
      if ties > 0 {
        for i in keys.indices where keys[i] == threshold && chosen.count < count { chosen.append(i) }
      }
    }
    return chosen
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
