// Ray's MedianStoppingRule (`ray/tune/schedulers/median_stopping_rule.py`): stop a trial whose
// best result is worse than the median of the other trials' running means up to the same time.
import Foundation

/// Ray's `MedianStoppingRule` with Ray's defaults (time_attr `time_total_s`, grace 60 s).
public final class MedianStoppingRule: TuneScheduler {
  public let timeAttr: String
  public let gracePeriod: Double
  public let minSamplesRequired: Int
  public let minTimeSlice: Double
  public let hardStop: Bool
  private var setting: MetricSetting
  private var results: [Int: [TuneDict]] = [:]
  private var order: [Int] = []
  private var lastPause: [Int: Double] = [:]
  public private(set) var stoppedTrials = Set<Int>()

  public var metric: String? { setting.metric }
  public var mode: TuneMode? { setting.mode }

  public init(
    timeAttr: String = "time_total_s", metric: String? = nil, mode: TuneMode? = nil, gracePeriod: Double = 60.0,
    minSamplesRequired: Int = 3, minTimeSlice: Double = 0, hardStop: Bool = true
  ) throws {
    guard gracePeriod >= 0 else {
      throw TuneError.invalidArgument(function: "MedianStoppingRule", argument: "grace_period", message: "must be >= 0 (got \(pythonRepr(gracePeriod)))")
    }
    guard minSamplesRequired >= 0 else {
      throw TuneError.invalidArgument(function: "MedianStoppingRule", argument: "min_samples_required", message: "must be >= 0 (got \(minSamplesRequired))")
    }
    self.timeAttr = timeAttr
    self.gracePeriod = gracePeriod
    self.minSamplesRequired = minSamplesRequired
    self.minTimeSlice = minTimeSlice
    self.hardStop = hardStop
    setting = MetricSetting(metric: metric, mode: mode)
  }

  public func setSearchProperties(metric: String?, mode: TuneMode?) -> Bool { setting.set(metric: metric, mode: mode) }

  public func onTrialAdd(runner: any TuneTrialRunner, trial: TuneTrial) throws {
    _ = try setting.require("MedianStoppingRule")
  }

  public func onTrialResult(runner: any TuneTrialRunner, trial: TuneTrial, result: TuneDict) throws -> SchedulerDecision {
    let (metric, _) = try setting.require("MedianStoppingRule")
    guard let time = result.number(timeAttr), result.number(metric) != nil else { return .continue }
    if stoppedTrials.contains(trial.number) { return .continue }  // paused by a soft stop: FIFO from now on
    append(trial.number, result)
    if time < gracePeriod { return .continue }
    let others = order.filter { n in
      n != trial.number && (results[n]?.last?.number(timeAttr) ?? -.infinity) >= time
    }
    if others.count < minSamplesRequired {
      let sinceLastPause = time - (lastPause[trial.number] ?? -.infinity)
      let waiting = runner.liveTrials.contains { $0.status == .pending || $0.status == .paused }
      if sinceLastPause > minTimeSlice && waiting {
        lastPause[trial.number] = time
        return .pause
      }
      return .continue
    }
    let median = Self.median(others.map { runningMean($0, upTo: time, metric: metric) })
    let best = bestResult(trial.number, metric: metric)
    // Ray: stop unless compare_op(median, best) == best, i.e. when the median is strictly better.
    let medianIsBetter = setting.mode == .max ? median > best : median < best
    if medianIsBetter {
      stoppedTrials.insert(trial.number)
      return hardStop ? .stop : .pause
    }
    return .continue
  }

  public func onTrialComplete(runner: any TuneTrialRunner, trial: TuneTrial, result: TuneDict?) {
    if let result { append(trial.number, result) }
  }

  private func append(_ number: Int, _ result: TuneDict) {
    if results[number] == nil { order.append(number) }
    results[number, default: []].append(result)
  }

  /// The mean metric over results with grace_period <= time <= `time`.
  func runningMean(_ number: Int, upTo time: Double, metric: String) -> Double {
    let scoped = (results[number] ?? []).filter {
      guard let t = $0.number(timeAttr) else { return false }
      return gracePeriod <= t && t <= time
    }.compactMap { $0.number(metric) }
    return scoped.isEmpty ? .nan : scoped.reduce(0, +) / Double(scoped.count)
  }

  func bestResult(_ number: Int, metric: String) -> Double {
    let values = (results[number] ?? []).compactMap { $0.number(metric) }
    return (setting.mode == .max ? values.max() : values.min()) ?? .nan
  }

  /// NumPy's median (mean of the two middle values for an even count).
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }
}
