// Ray's `ResultGrid` and `Result`: per-trial last metrics, full history, errors, best-result
// queries with Ray's scopes, and dataframe-like tables.
import Foundation

/// One trial's outcome (Ray's `Result`).
public struct TuneResult {
  public let trialID: String
  /// The number of the study trial that records it.
  public let number: Int
  public let config: TuneValue
  /// The last result (empty when the trial never reported).
  public let metrics: TuneDict
  /// Every result in order (Ray's `metrics_dataframe`, as rows).
  public let metricsHistory: [TuneDict]
  public let checkpoint: TuneCheckpoint?
  /// The error text of a failed trial.
  public let error: String?
  public let status: TuneTrialStatus
  public let stoppedEarly: Bool

  /// The history as a table: one row per result, columns in order of first appearance.
  public var metricsDataframe: TuneTable { TuneTable(rows: metricsHistory) }
}

/// Rows of dicts with a column order (a small stand-in for a pandas DataFrame).
public struct TuneTable: CustomStringConvertible {
  public let columns: [String]
  public let rows: [[TuneValue]]

  public init(rows dicts: [TuneDict]) {
    var columns: [String] = []
    var seen = Set<String>()
    for d in dicts { for key in d.keys where seen.insert(key).inserted { columns.append(key) } }
    self.columns = columns
    rows = dicts.map { d in columns.map { d[$0] ?? .none } }
  }

  /// The column's values (nil when there is no such column).
  public func column(_ name: String) -> [TuneValue]? {
    guard let i = columns.firstIndex(of: name) else { return nil }
    return rows.map { $0[i] }
  }

  /// Fixed-width text with floats to 5 significant digits.
  public var description: String {
    func cell(_ v: TuneValue) -> String {
      switch v {
      case .float(let d): return String(format: "%.5g", d)
      case .string(let s): return s
      default: return v.description
      }
    }
    let texts = rows.map { $0.map(cell) }
    let widths = columns.indices.map { i in max(columns[i].count, texts.map { $0[i].count }.max() ?? 0) }
    func line(_ cells: [String]) -> String {
      zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
    }
    return ([line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + texts.map(line))
      .joined(separator: "\n")
  }
}

/// The results of `Tuner.fit()` (Ray's `ResultGrid`).
public final class ResultGrid: CustomStringConvertible {
  public let results: [TuneResult]
  /// The HPSSearch study holding the same trials (params, intermediate values, final values).
  public let study: Study
  public let defaultMetric: String?
  public let defaultMode: TuneMode?

  init(trials: [TuneTrial], study: Study, metric: String?, mode: TuneMode?) {
    results = trials.map {
      TuneResult(
        trialID: $0.trialID, number: $0.number, config: $0.config, metrics: $0.lastResult ?? TuneDict(),
        metricsHistory: $0.results, checkpoint: $0.latestCheckpoint, error: $0.errorMessage, status: $0.status,
        stoppedEarly: $0.stoppedEarly)
    }
    self.study = study
    defaultMetric = metric
    defaultMode = mode
  }

  public var count: Int { results.count }
  public subscript(index: Int) -> TuneResult { results[index] }
  /// Error texts of failed trials.
  public var errors: [String] { results.compactMap(\.error) }
  public var numErrors: Int { errors.count }
  public var numTerminated: Int { results.filter { $0.status == .terminated }.count }

  /// Ray's scopes for `get_best_result`.
  public static let scopes = ["last", "avg", "last-5-avg", "last-10-avg", "all"]

  /// The best trial by `metric` under `scope` (Ray's `get_best_result`): "last" compares last
  /// values, "avg" the mean of all, "last-5-avg"/"last-10-avg" the mean of the last 5/10, "all"
  /// each trial's best value.
  /// - Throws: ValueError-like `invalidArgument` without a metric or mode or for an unknown
  ///   scope; `runtime` when no trial has a finite value.
  public func getBestResult(
    metric: String? = nil, mode: TuneMode? = nil, scope: String = "last", filterNanAndInf: Bool = true
  ) throws -> TuneResult {
    guard let metric = metric ?? defaultMetric else {
      throw TuneError.invalidArgument(
        function: "get_best_result", argument: "metric",
        message: "No metric is provided. Either pass in a `metric` arg to `get_best_result` or specify a metric in the `TuneConfig` of your `Tuner`.")
    }
    guard let mode = mode ?? defaultMode else {
      throw TuneError.invalidArgument(
        function: "get_best_result", argument: "mode",
        message: "No mode is provided. Either pass in a `mode` arg to `get_best_result` or specify a mode in the `TuneConfig` of your `Tuner`.")
    }
    guard ResultGrid.scopes.contains(scope) else {
      throw TuneError.invalidArgument(
        function: "get_best_result", argument: "scope",
        message: "ExperimentAnalysis: attempting to get best trial for metric \(metric) for scope \(scope) not in [\"all\", \"last\", \"avg\", \"last-5-avg\", \"last-10-avg\"]. If you didn't pass a `metric` parameter to `tune.run()`, you have to pass one when fetching the best trial.")
    }
    var best: (result: TuneResult, score: Double)?
    for result in results {
      let values = result.metricsHistory.compactMap { $0.number(metric) }
      guard !values.isEmpty, let score = ResultGrid.scopeValue(values, scope: scope, mode: mode) else { continue }
      if filterNanAndInf && !score.isFinite { continue }
      if let current = best {
        let better = mode == .max ? score > current.score : score < current.score
        if better || (current.score.isNaN && !score.isNaN) { best = (result, score) }
      } else {
        best = (result, score)
      }
    }
    guard let best else {
      throw TuneError.runtime(
        message: "No best trial found for the given metric: \(metric). This means that no trial has reported this metric, "
          + "or all values reported for this metric are NaN. To not ignore NaN values, you can set the `filter_nan_and_inf` arg to False.")
    }
    return best.result
  }

  static func scopeValue(_ values: [Double], scope: String, mode: TuneMode) -> Double? {
    func mean(_ xs: ArraySlice<Double>) -> Double { xs.reduce(0, +) / Double(xs.count) }
    switch scope {
    case "last": return values.last
    case "avg": return mean(values[...])
    case "last-5-avg": return mean(values.suffix(5))
    case "last-10-avg": return mean(values.suffix(10))
    default: return mode == .max ? values.max() : values.min()
    }
  }

  /// One row per trial: the last result, or with `filterMetric` the trial's best result; config
  /// values as `config/<path>` columns (Ray's `get_dataframe`).
  public func getDataframe(filterMetric: String? = nil, filterMode: TuneMode? = nil) throws -> TuneTable {
    if (filterMetric == nil) != (filterMode == nil) {
      throw TuneError.invalidArgument(
        function: "get_dataframe", argument: filterMetric == nil ? "filter_metric" : "filter_mode",
        message: "If you set `filter_metric` or `filter_mode`, you have to set both.")
    }
    var rows: [TuneDict] = []
    for result in results {
      var row: TuneDict
      if let metric = filterMetric, let mode = filterMode {
        let scored = result.metricsHistory.filter { $0.number(metric) != nil }
        let pick = mode == .max
          ? scored.max { $0.number(metric)! < $1.number(metric)! }
          : scored.min { $0.number(metric)! < $1.number(metric)! }
        row = pick ?? result.metrics
      } else {
        row = result.metrics
      }
      if row["trial_id"] == nil { row["trial_id"] = .string(result.trialID) }
      for (path, value) in VariantGenerator.flatten(result.config) { row["config/\(path)"] = value }
      rows.append(row)
    }
    return TuneTable(rows: rows)
  }

  /// A status table like Ray's progress reporter: trial, status, config, iterations, metric.
  public var description: String {
    var rows: [TuneDict] = []
    for r in results {
      var row: TuneDict = ["Trial name": .string(r.trialID), "status": .string(r.status.rawValue)]
      for (path, value) in VariantGenerator.flatten(r.config) { row[path] = value }
      row["iter"] = r.metrics["training_iteration"] ?? TuneValue.none
      row["total time (s)"] = r.metrics["time_total_s"] ?? TuneValue.none
      if let metric = defaultMetric { row[metric] = r.metrics[metric] ?? TuneValue.none }
      rows.append(row)
    }
    let header = "Trial status: " + [TuneTrialStatus.terminated, .error].map { status in
      "\(results.filter { $0.status == status }.count) \(status.rawValue)"
    }.joined(separator: " | ")
    return header + "\n" + TuneTable(rows: rows).description
  }
}
