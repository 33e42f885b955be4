// Ray's ASHA (`ray/tune/schedulers/async_hyperband.py`): asynchronous successive halving. A trial
// reaching a rung continues only if its value is in the top 1/reduction_factor of the values
// already recorded there; reaching max_t stops it.
import Foundation

/// Ray's `AsyncHyperBandScheduler` (alias `ASHAScheduler`) with Ray's defaults.
public final class AsyncHyperBandScheduler: TuneScheduler {
  /// One bracket: rungs from the largest milestone down, each with the values recorded there
  /// (already multiplied by the mode's sign, so larger is better).
  public final class Bracket {
    public let reductionFactor: Double
    public let stopLastTrials: Bool
    public internal(set) var rungs: [(milestone: Double, recorded: [Int: Double])]

    init(minT: Double, maxT: Double, reductionFactor: Double, s: Int, stopLastTrials: Bool) {
      self.reductionFactor = reductionFactor
      self.stopLastTrials = stopLastTrials
      let count = Int(Foundation.log(maxT / minT) / Foundation.log(reductionFactor) - Double(s) + 1)
      rungs = count > 0 ? (0..<count).reversed().map { k in (minT * pow(reductionFactor, Double(k + s)), [:]) } : []
    }

    /// `np.nanpercentile(recorded, (1 - 1/rf)·100)`, nil when nothing is recorded.
    public func cutoff(_ recorded: [Int: Double]) -> Double? {
      recorded.isEmpty ? nil : PruningMath.percentile(Array(recorded.values), (1 - 1 / reductionFactor) * 100)
    }

    /// Ray's `_Bracket.on_result`: only the highest rung reached and not yet recorded counts.
    func onResult(trial: Int, time: Double, reward: Double) -> SchedulerDecision {
      var action = SchedulerDecision.continue
      for i in rungs.indices {
        let (milestone, recorded) = rungs[i]
        if time >= milestone, recorded[trial] != nil, !stopLastTrials { break }
        if time < milestone || recorded[trial] != nil { continue }
        if let cutoff = cutoff(recorded), reward < cutoff { action = .stop }
        rungs[i].recorded[trial] = reward
        break
      }
      return action
    }
  }

  public let timeAttr: String
  public let maxT: Double
  public let gracePeriod: Double
  public let reductionFactor: Double
  public let stopLastTrials: Bool
  public let brackets: [Bracket]
  private var setting: MetricSetting
  private var trialBracket: [Int: Int] = [:]
  private var rng: SeededRandom
  public private(set) var numStopped = 0

  public var metric: String? { setting.metric }
  public var mode: TuneMode? { setting.mode }

  /// - Throws: `invalidArgument` for Ray's assertions (max_t > 0, 0 < grace_period <= max_t,
  ///   reduction_factor > 1, brackets > 0).
  public init(
    timeAttr: String = "training_iteration", metric: String? = nil, mode: TuneMode? = nil, maxT: Double = 100,
    gracePeriod: Double = 1, reductionFactor: Double = 4, brackets: Int = 1, stopLastTrials: Bool = true, seed: Int? = nil
  ) throws {
    let fn = "AsyncHyperBandScheduler"
    guard maxT > 0 else { throw TuneError.invalidArgument(function: fn, argument: "max_t", message: "Max (time_attr) not valid! max_t must be > 0 (got \(pythonRepr(maxT)))") }
    guard gracePeriod > 0 else { throw TuneError.invalidArgument(function: fn, argument: "grace_period", message: "grace_period must be positive! (got \(pythonRepr(gracePeriod)))") }
    guard maxT >= gracePeriod else { throw TuneError.invalidArgument(function: fn, argument: "grace_period", message: "grace_period must be <= max_t! (got grace_period=\(pythonRepr(gracePeriod)), max_t=\(pythonRepr(maxT)))") }
    guard reductionFactor > 1 else { throw TuneError.invalidArgument(function: fn, argument: "reduction_factor", message: "Reduction Factor not valid! It must be > 1 (got \(pythonRepr(reductionFactor)))") }
    guard brackets > 0 else { throw TuneError.invalidArgument(function: fn, argument: "brackets", message: "brackets must be positive! (got \(brackets))") }
    self.timeAttr = timeAttr
    self.maxT = maxT
    self.gracePeriod = gracePeriod
    self.reductionFactor = reductionFactor
    self.stopLastTrials = stopLastTrials
    self.brackets = (0..<brackets).map {
      Bracket(minT: gracePeriod, maxT: maxT, reductionFactor: reductionFactor, s: $0, stopLastTrials: stopLastTrials)
    }
    setting = MetricSetting(metric: metric, mode: mode)
    rng = SeededRandom(seed: seed)
  }

  public func setSearchProperties(metric: String?, mode: TuneMode?) -> Bool { setting.set(metric: metric, mode: mode) }

  /// Picks a bracket at random, softmax-weighted by its number of rungs (Ray's rule).
  public func onTrialAdd(runner: any TuneTrialRunner, trial: TuneTrial) throws {
    _ = try setting.require("AsyncHyperBandScheduler")
    let sizes = brackets.map { Double($0.rungs.count) }
    let top = sizes.max() ?? 0
    let weights = sizes.map { Foundation.exp($0 - top) }
    var u = rng.nextUniform() * weights.reduce(0, +)
    var chosen = brackets.count - 1
    for (i, w) in weights.enumerated() {
      if u < w { chosen = i; break }
      u -= w
    }
    trialBracket[trial.number] = chosen
  }

  public func onTrialResult(runner: any TuneTrialRunner, trial: TuneTrial, result: TuneDict) throws -> SchedulerDecision {
    let (metric, sign) = try setting.require("AsyncHyperBandScheduler")
    guard let time = result.number(timeAttr), let value = result.number(metric) else { return .continue }
    var action = SchedulerDecision.continue
    if time >= maxT && stopLastTrials {
      action = .stop
    } else if let b = trialBracket[trial.number] {
      action = brackets[b].onResult(trial: trial.number, time: time, reward: sign * value)
    }
    if action == .stop { numStopped += 1 }
    return action
  }

  public func isFullBudget(trial: TuneTrial, result: TuneDict) -> Bool {
    (result.number(timeAttr) ?? 0) >= maxT && stopLastTrials
  }

  public func onTrialComplete(runner: any TuneTrialRunner, trial: TuneTrial, result: TuneDict?) {
    defer { trialBracket[trial.number] = nil }
    guard let metric = setting.metric, let sign = setting.mode?.sign, let result,
      let time = result.number(timeAttr), let value = result.number(metric), let b = trialBracket[trial.number]
    else { return }
    _ = brackets[b].onResult(trial: trial.number, time: time, reward: sign * value)
  }

  public func onTrialError(runner: any TuneTrialRunner, trial: TuneTrial) { trialBracket[trial.number] = nil }
}

/// Ray's alias.
public typealias ASHAScheduler = AsyncHyperBandScheduler
