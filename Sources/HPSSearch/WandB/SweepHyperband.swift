// W&B's hyperband early termination (wandb/sweeps hyperband_stopping.py): fixed bands of
// "number of logged metric values", a threshold per band from every run that reached it, and a
// stop decision for running runs at the last band they passed. Expressed on TrialScheduler, where
// a trial's intermediate values are its logged metric values in order.
import Foundation

public enum SweepHyperbandMath {
  /// W&B generates 100 bands from min_iter; past this size they can never be reached and
  /// min_iter·eta^k would overflow Int (W&B's Python ints just grow), so the list stops here.
  static let bandLimit = 1 << 53

  /// The band positions (1-based counts of logged values), ascending.
  public static func bands(_ h: SweepHyperband) throws -> [Int] {
    if let maxIter = h.maxIter, let s = h.s {
      var band = Double(maxIter)
      var out: [Int] = []
      var i = 0.0
      while i < s {  // W&B's range(s) raises TypeError for a fractional s; here it counts up to ⌈s⌉
        band /= h.eta
        if band < 1 { break }
        out.append(Int(band))
        i += 1
      }
      return out.sorted()
    }
    if let minIter = h.minIter {
      var band = Double(minIter)
      var out: [Int] = []
      for _ in 0..<100 {
        guard band < Double(bandLimit) else { break }
        out.append(Int(band))
        band *= h.eta
      }
      return out
    }
    throw SweepConfigError(["invalid config for hyperband stopping: either \"max_iter\" or \"min_iter\" must be specified"])
  }

  /// The threshold at each band: over every history with at least `band` values, the sorted
  /// band-th values (negated when maximizing) at index ⌊count/η⌋; +∞ when no history got there.
  public static func thresholds(bands: [Int], histories: [[Double]], eta: Double) -> [Double] {
    let r = 1 / eta
    return bands.map { band in
      let values = histories.compactMap { $0.count >= band ? $0[band - 1] : nil }.sorted()
      guard !values.isEmpty else { return .infinity }
      return values[Int(r * Double(values.count))]
    }
  }

  public struct Decision: Sendable, Equatable {
    public var stop: Bool
    /// The band the run was judged at (nil before the first band).
    public var band: Int?
    public var threshold: Double?
    public var value: Double?
  }

  /// Whether a running run with `history` (already sign-flipped to "smaller is better") stops.
  /// Strict compares its value at the band; non-strict its best value so far. Stop when greater.
  public static func decide(history: [Double], bands: [Int], thresholds: [Double], strict: Bool) -> Decision {
    var closest: (band: Int, threshold: Double)?
    for (band, threshold) in zip(bands, thresholds) {
      if band <= history.count { closest = (band, threshold) } else { break }
    }
    guard let closest else { return Decision(stop: false) }
    let value = strict ? history[closest.band - 1] : (history.min() ?? .infinity)
    return Decision(stop: value > closest.threshold, band: closest.band, threshold: closest.threshold, value: value)
  }
}

/// The W&B hyperband rule as a scheduler over a study: each trial's intermediate values, ordered
/// by step and with non-finite ones dropped (W&B's filter_invalid), are its metric history.
public struct SweepHyperbandScheduler: TrialScheduler {
  public let config: SweepHyperband
  public let goal: SweepMetric.Goal
  public let bands: [Int]

  public init(_ config: SweepHyperband, goal: SweepMetric.Goal) throws {
    self.config = config
    self.goal = goal
    bands = try SweepHyperbandMath.bands(config)
    guard !bands.isEmpty else {
      throw SweepConfigError(["Bands must be an array of length at least 1. Try increasing s, decreasing eta, or increasing min_iter."])
    }
  }

  func history(_ t: FrozenTrial) -> [Double] {
    t.intermediateValues.keys.sorted().compactMap { step in
      guard let v = t.intermediateValues[step], v.isFinite else { return nil }
      return goal == .maximize ? -v : v
    }
  }

  public func decision(study: any StudyView, trial: FrozenTrial) -> SweepHyperbandMath.Decision {
    guard trial.state == .running else { return SweepHyperbandMath.Decision(stop: false) }
    // Every run in any state, the current one included (W&B uses all runs' histories).
    var histories = study.trials(states: nil).filter { $0.number != trial.number }.map(history)
    let own = history(trial)
    histories.append(own)
    let thresholds = SweepHyperbandMath.thresholds(bands: bands, histories: histories.filter { !$0.isEmpty }, eta: config.eta)
    return SweepHyperbandMath.decide(history: own, bands: bands, thresholds: thresholds, strict: config.strict)
  }

  public func prune(study: any StudyView, trial: FrozenTrial) throws -> Bool {
    decision(study: study, trial: trial).stop
  }

  public func decide(study: any StudyView, trial: FrozenTrial) throws -> SchedulerDecision {
    decision(study: study, trial: trial).stop ? .stop : .continue
  }
}
