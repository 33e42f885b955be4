// The run handle an agent passes to the user's function: the run's config as nested plain values
// (what `wandb.config` holds) and `log`, W&B's `wandb.log`, which also applies early termination.
import Foundation

/// Thrown by `WandbRun.log` when the sweep's early_terminate rule stops the run; the agent marks
/// the run stopped (PRUNED in the study) and keeps its logged values.
public struct SweepRunStopped: Error, Sendable, Equatable, CustomStringConvertible {
  public var runNumber: Int
  public var band: Int?
  public var description: String {
    "run \(runNumber) stopped by early_terminate (hyperband)\(band.map { " at band \($0)" } ?? "")"
  }
}

public final class WandbRun: @unchecked Sendable {
  /// The study trial behind the run (its number is the run's index in the sweep).
  public let trial: Trial
  /// Nested plain values, e.g. `{"lr": 0.01, "model": {"depth": 3}}`.
  public let config: JSONValue
  /// Flat values by parameter name (`model.depth`).
  public let values: [String: JSONValue]
  let metric: SweepMetric?
  let scheduler: (any TrialScheduler)?
  /// Every `log` call's dictionary, in order.
  public private(set) var history: [[String: JSONValue]] = []
  /// W&B's run summary: set keys explicitly, or it holds each key's last logged value.
  public var summary: [String: JSONValue] = [:]
  private var metricCount = 0
  private var lastLogged: [String: JSONValue] = [:]

  init(trial: Trial, config: JSONValue, values: [String: JSONValue], metric: SweepMetric?, scheduler: (any TrialScheduler)?) {
    self.trial = trial; self.config = config; self.values = values; self.metric = metric; self.scheduler = scheduler
  }

  public var number: Int { trial.number }

  /// Reads a (possibly nested) config value by its dotted parameter name.
  public subscript(_ name: String) -> JSONValue? { values[name] }

  /// Records one step of metrics (`wandb.log`). Each value of the sweep metric is one "iteration"
  /// for hyperband; after it the early-terminate rule runs.
  /// - Throws: `SweepRunStopped` when hyperband stops the run.
  public func log(_ metrics: [String: JSONValue]) throws {
    history.append(metrics)
    for (k, v) in metrics { lastLogged[k] = v }
    guard let metric, let raw = metrics[metric.name] else { return }
    // A non-number is logged but not a metric value (W&B's filter_invalid).
    let value = raw.doubleValue ?? .nan
    try trial.report(value, step: metricCount)
    metricCount += 1
    guard let scheduler else { return }
    let frozen = try trial.study.storage.trial(id: trial.trialID)
    if try scheduler.decide(study: trial.study, trial: frozen) == .stop {
      let band = (scheduler as? SweepHyperbandScheduler)?.decision(study: trial.study, trial: frozen).band
      throw SweepRunStopped(runNumber: trial.number, band: band)
    }
  }

  /// Convenience for numbers only.
  public func log(_ metrics: [String: Double]) throws { try log(metrics.mapValues { JSONValue.double($0) }) }

  /// The summary W&B would show: explicit keys over last logged values.
  public var finalSummary: [String: JSONValue] { lastLogged.merging(summary) { _, explicit in explicit } }
}
