// The scheduler contract of the Ray dialect (Ray's `TrialScheduler` callbacks), answering with
// HPSSearch's `SchedulerDecision`: continue, stop, pause, or exploit another trial.
import Foundation

/// A Ray trial scheduler.
public protocol TuneScheduler: AnyObject {
  var metric: String? { get }
  var mode: TuneMode? { get }
  /// Takes TuneConfig's metric/mode; false when the scheduler already has its own (Ray raises).
  func setSearchProperties(metric: String?, mode: TuneMode?) -> Bool
  func onTrialAdd(runner: any TuneTrialRunner, trial: TuneTrial) throws
  /// The decision after `trial` reported `result` (already appended to `trial.results`).
  func onTrialResult(runner: any TuneTrialRunner, trial: TuneTrial, result: TuneDict) throws -> SchedulerDecision
  /// The trial returned (or was stopped); `result` is its last result.
  func onTrialComplete(runner: any TuneTrialRunner, trial: TuneTrial, result: TuneDict?)
  func onTrialError(runner: any TuneTrialRunner, trial: TuneTrial)
  /// Which pending or paused trial to run next (nil: none).
  func chooseTrialToRun(runner: any TuneTrialRunner) -> TuneTrial?
  /// True when a `.stop` for this result ends the trial at its full budget (max_t, last rung)
  /// rather than early; the study records the first as COMPLETE and the second as PRUNED.
  func isFullBudget(trial: TuneTrial, result: TuneDict) -> Bool
  /// For `.exploit`: the checkpoint to restore (default: the source trial's latest).
  func exploitCheckpoint(of sourceTrialNumber: Int) -> TuneCheckpoint?
  /// For `.exploit`: the complete new config (nested values included), when the scheduler keeps it.
  func takeExploredConfig(for trialNumber: Int) -> TuneValue?
}

extension TuneScheduler {
  public func onTrialComplete(runner: any TuneTrialRunner, trial: TuneTrial, result: TuneDict?) {}
  public func onTrialError(runner: any TuneTrialRunner, trial: TuneTrial) {}
  public func isFullBudget(trial: TuneTrial, result: TuneDict) -> Bool { false }
  public func exploitCheckpoint(of sourceTrialNumber: Int) -> TuneCheckpoint? { nil }
  public func takeExploredConfig(for trialNumber: Int) -> TuneValue? { nil }
  /// FIFO: the first pending trial, else the first paused one.
  public func chooseTrialToRun(runner: any TuneTrialRunner) -> TuneTrial? {
    runner.trials.first { $0.status == .pending } ?? runner.trials.first { $0.status == .paused }
  }
}

/// Runs trials in order and never stops them early (Ray's default `FIFOScheduler`).
public final class FIFOScheduler: TuneScheduler {
  public private(set) var metric: String?
  public private(set) var mode: TuneMode?
  public init() {}
  public func setSearchProperties(metric: String?, mode: TuneMode?) -> Bool {
    self.metric = self.metric ?? metric
    self.mode = self.mode ?? mode
    return true
  }
  public func onTrialAdd(runner: any TuneTrialRunner, trial: TuneTrial) throws {}
  public func onTrialResult(runner: any TuneTrialRunner, trial: TuneTrial, result: TuneDict) throws -> SchedulerDecision {
    .continue
  }
}

/// The metric/mode bookkeeping every Ray scheduler repeats (`set_search_properties`, the
/// "instantiated without a valid metric" check).
struct MetricSetting {
  var metric: String?
  var mode: TuneMode?

  /// Ray's `DEFAULT_METRIC`, used when only a mode is given.
  static let defaultMetric = "_metric"

  mutating func set(metric newMetric: String?, mode newMode: TuneMode?) -> Bool {
    if metric != nil && newMetric != nil { return false }
    if mode != nil && newMode != nil { return false }
    metric = metric ?? newMetric
    mode = mode ?? newMode
    if metric == nil, mode != nil { metric = MetricSetting.defaultMetric }
    return true
  }

  /// - Throws: Ray's ValueError when metric or mode is still missing when a trial is added.
  func require(_ scheduler: String) throws -> (metric: String, sign: Double) {
    guard let metric, let mode else {
      throw TuneError.invalidArgument(
        function: scheduler, argument: metric == nil ? "metric" : "mode",
        message: "\(scheduler) has been instantiated without a valid `metric` (\(metric ?? "None")) or `mode` "
          + "(\(mode?.rawValue ?? "None")) parameter. Either pass these parameters when instantiating the scheduler, "
          + "or pass them as parameters to `tune.TuneConfig()`")
    }
    return (metric, mode.sign)
  }
}

extension TuneDict {
  /// A numeric entry (nil when absent or not a number).
  public func number(_ key: String) -> Double? { self[key]?.doubleValue }
}
