// Ray's synchronous HyperBand (`ray/tune/schedulers/hyperband.py`). Trials fill brackets; a trial
// that reaches its bracket's milestone pauses until every live trial of the bracket has, then the
// best ceil(n/eta) continue with a larger budget and the rest stop.
import Foundation

/// Ray's `HyperBandScheduler` with Ray's defaults (max_t 81, reduction_factor 3).
public final class HyperBandScheduler: TuneScheduler {
  /// One bracket (Ray's `Bracket`), with Ray's budget arithmetic kept as is.
  public final class Bracket {
    public let s: Int
    public let eta: Double
    let maxT: Double
    let stopLastTrials: Bool
    let timeAttr: String
    /// Live trials in insertion order with their latest result.
    var live: [(trial: TuneTrial, result: TuneDict?)] = []
    public private(set) var n: Int
    public private(set) var r: Int
    /// The milestone every live trial must reach before the next halving.
    public private(set) var cumulativeR: Int
    public private(set) var halves: Int
    let totalWork: Int
    var completedProgress = 0.0

    init(timeAttr: String, maxTrials: Int, initialR: Int, maxT: Double, eta: Double, s: Int, stopLastTrials: Bool) {
      self.timeAttr = timeAttr
      self.s = s
      self.eta = eta
      self.maxT = maxT
      self.stopLastTrials = stopLastTrials
      n = maxTrials
      r = initialR
      cumulativeR = initialR
      halves = s
      var work = 0
      var nn = Double(maxTrials)
      var rr = Double(initialR)
      let cumulative = Double(initialR)
      for _ in 0...s {
        work += Int(nn) * Int(rr)
        nn = (nn / eta).rounded(.up)
        rr = Double(Int(Swift.min(rr * eta, maxT - cumulative)))
      }
      totalWork = work
    }

    public var liveTrials: [TuneTrial] { live.map(\.trial) }
    public var isFilled: Bool { live.count == n }

    func time(_ result: TuneDict?) -> Double { result?.number(timeAttr) ?? 0 }

    public var currentIterationDone: Bool { live.allSatisfy { time($0.result) >= Double(cumulativeR) } }

    public var isFinished: Bool { stopLastTrials && halves == 0 && currentIterationDone }

    func continueTrial(_ trial: TuneTrial) -> Bool {
      guard let entry = live.first(where: { $0.trial === trial }) else { return false }
      if !stopLastTrials && halves == 0 { return true }
      return time(entry.result) < Double(cumulativeR)
    }

    func update(_ trial: TuneTrial, _ result: TuneDict) {
      guard let i = live.firstIndex(where: { $0.trial === trial }) else { return }
      completedProgress += time(result) - time(live[i].result)
      live[i].result = result
    }

    func remove(_ trial: TuneTrial) { live.removeAll { $0.trial === trial } }

    /// Ray's `successive_halving`: note Ray sets the new milestone to the new per-round budget
    /// `r`, capped by `max_t - previous milestone` (so the last rung can fall short of max_t).
    func successiveHalving(metric: String, sign: Double) -> (good: [TuneTrial], bad: [TuneTrial]) {
      if halves == 0 && !stopLastTrials { return (liveTrials, []) }
      halves -= 1
      n = Int((Double(n) / eta).rounded(.up))
      r = Int(Swift.min(Double(r) * eta, maxT - Double(cumulativeR)))
      cumulativeR = r
      let sorted = live.enumerated().sorted { a, b in
        let x = sign * (a.element.result?.number(metric) ?? -.infinity)
        let y = sign * (b.element.result?.number(metric) ?? -.infinity)
        return x != y ? x < y : a.offset < b.offset
      }.map(\.element.trial)
      let keep = Swift.min(n, sorted.count)
      return (Array(sorted.suffix(keep)), Array(sorted.prefix(sorted.count - keep)))
    }

    public var completionPercentage: Double {
      if isFinished { return 1 }
      return totalWork > 0 ? Swift.min(completedProgress / Double(totalWork), 1) : 1
    }
  }

  public let timeAttr: String
  public let maxT: Double
  public let eta: Double
  public let stopLastTrials: Bool
  /// Brackets per band: round(log_eta(max_t)) + 1.
  public let sMaxPlusOne: Int
  public private(set) var bands: [[Bracket]] = [[]]
  private var currentBracket: Bracket?
  private var trialBracket: [Int: Bracket] = [:]
  private var setting: MetricSetting
  public private(set) var numStopped = 0

  public var metric: String? { setting.metric }
  public var mode: TuneMode? { setting.mode }

  public init(
    timeAttr: String = "training_iteration", metric: String? = nil, mode: TuneMode? = nil, maxT: Double = 81,
    reductionFactor: Double = 3, stopLastTrials: Bool = true
  ) throws {
    guard maxT > 0 else { throw TuneError.invalidArgument(function: "HyperBandScheduler", argument: "max_t", message: "Max (time_attr) not valid! max_t must be > 0 (got \(pythonRepr(maxT)))") }
    guard maxT >= 1 else {
      // int(max_t) would be 0 for every bracket: Ray retries "Bracket too small" forever.
      throw TuneError.invalidArgument(function: "HyperBandScheduler", argument: "max_t", message: "must be >= 1 (got \(pythonRepr(maxT))); with a smaller max_t every bracket has a zero budget")
    }
    guard reductionFactor > 1 else { throw TuneError.invalidArgument(function: "HyperBandScheduler", argument: "reduction_factor", message: "must be > 1 (got \(pythonRepr(reductionFactor)))") }
    self.timeAttr = timeAttr
    self.maxT = maxT
    eta = reductionFactor
    self.stopLastTrials = stopLastTrials
    sMaxPlusOne = Int((Foundation.log(maxT) / Foundation.log(reductionFactor)).rounded(.toNearestOrEven)) + 1
    setting = MetricSetting(metric: metric, mode: mode)
  }

  /// Trials in bracket `s` of a band: ceil((s_max+1)/(s+1)·eta^s).
  public func bracketSize(_ s: Int) -> Int { Int((Double(sMaxPlusOne) / Double(s + 1) * pow(eta, Double(s))).rounded(.up)) }
  /// Initial budget of bracket `s`: int(max_t·eta^-s).
  public func bracketBudget(_ s: Int) -> Int { Int(maxT * pow(eta, Double(-s))) }

  public func setSearchProperties(metric: String?, mode: TuneMode?) -> Bool { setting.set(metric: metric, mode: mode) }

  public func bracket(of trial: TuneTrial) -> Bracket? { trialBracket[trial.number] }

  public func onTrialAdd(runner: any TuneTrialRunner, trial: TuneTrial) throws {
    _ = try setting.require("HyperBandScheduler")
    if currentBracket == nil || currentBracket!.isFilled {
      while true {
        if bands[bands.count - 1].count == sMaxPlusOne { bands.append([]) }
        let s = bands[bands.count - 1].count
        if bracketBudget(s) == 0 {
          // Ray logs "Bracket too small - Retrying..." and leaves a hole in the band.
          bands[bands.count - 1].append(Bracket(timeAttr: timeAttr, maxTrials: 0, initialR: 0, maxT: maxT, eta: eta, s: s, stopLastTrials: stopLastTrials))
          continue
        }
        let bracket = Bracket(
          timeAttr: timeAttr, maxTrials: bracketSize(s), initialR: bracketBudget(s), maxT: maxT, eta: eta, s: s,
          stopLastTrials: stopLastTrials)
        bands[bands.count - 1].append(bracket)
        currentBracket = bracket
        break
      }
    }
    currentBracket!.live.append((trial, nil))
    trialBracket[trial.number] = currentBracket
  }

  public func onTrialResult(runner: any TuneTrialRunner, trial: TuneTrial, result: TuneDict) throws -> SchedulerDecision {
    guard result.number(timeAttr) != nil else {
      throw TuneError.runtime(message: "HyperBandScheduler: the result of \(trial.trialID) has no numeric '\(timeAttr)' (time_attr)")
    }
    guard let bracket = trialBracket[trial.number] else { return .continue }
    bracket.update(trial, result)
    if bracket.continueTrial(trial) { return .continue }
    return try processBracket(runner: runner, bracket: bracket, current: trial)
  }

  /// Ray's `_process_bracket`: once every live trial reached the milestone, halve.
  private func processBracket(runner: any TuneTrialRunner, bracket: Bracket, current: TuneTrial?) throws -> SchedulerDecision {
    var action = SchedulerDecision.pause
    guard bracket.currentIterationDone else { return action }
    if bracket.isFinished {
      for t in bracket.liveTrials where t.status == .paused { runner.stopTrial(t) }
      return .stop
    }
    let (metric, sign) = try setting.require("HyperBandScheduler")
    let (good, bad) = bracket.successiveHalving(metric: metric, sign: sign)
    numStopped += bad.count
    for t in bad {
      if t === current {
        bracket.remove(t)
        action = .stop
      } else {
        bracket.remove(t)
        runner.stopTrial(t)
      }
    }
    for t in good where bracket.continueTrial(t) {
      if t === current {
        action = .continue
      } else if t.status == .paused {
        t.status = .pending
      }
    }
    return action
  }

  public func isFullBudget(trial: TuneTrial, result: TuneDict) -> Bool {
    trialBracket[trial.number]?.isFinished ?? true
  }

  public func onTrialComplete(runner: any TuneTrialRunner, trial: TuneTrial, result: TuneDict?) {
    remove(runner: runner, trial: trial)
  }

  public func onTrialError(runner: any TuneTrialRunner, trial: TuneTrial) {
    remove(runner: runner, trial: trial)
  }

  private func remove(runner: any TuneTrialRunner, trial: TuneTrial) {
    guard let bracket = trialBracket[trial.number] else { return }
    bracket.remove(trial)
    if !bracket.isFinished { _ = try? processBracket(runner: runner, bracket: bracket, current: nil) }
  }

  /// Fair scheduling: the pending trial of the least complete bracket, earliest band first.
  public func chooseTrialToRun(runner: any TuneTrialRunner) -> TuneTrial? {
    for band in bands {
      // Python's sort is stable: equally complete brackets keep their band order.
      let ordered = band.filter { $0.n > 0 }.enumerated().sorted {
        $0.element.completionPercentage != $1.element.completionPercentage
          ? $0.element.completionPercentage < $1.element.completionPercentage : $0.offset < $1.offset
      }.map(\.element)
      for bracket in ordered {
        if let t = bracket.liveTrials.first(where: { $0.status == .pending }) { return t }
      }
    }
    return nil
  }
}
