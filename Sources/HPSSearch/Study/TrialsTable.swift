// The trials table (Optuna's `trials_dataframe`) as plain rows, exportable to CSV and JSON.
import Foundation

/// One row per trial; columns named as Optuna flattens them: `number`, `value` (or
/// `values_0`…), `datetime_start`, `datetime_complete`, `duration` (seconds), `params_<name>`,
/// `user_attrs_<key>`, `state`.
public struct TrialsTable: Sendable, Equatable {
  public var columns: [String]
  /// Cells in column order; `.null` where a trial has no value.
  public var rows: [[JSONValue]]

  /// - Parameter metricNames: with names set (`set_metric_names`), value columns are
  ///   `values_<name>` as in Optuna.
  public init(trials: [FrozenTrial], objectiveCount: Int, metricNames: [String]? = nil) {
    let paramNames = Set(trials.flatMap(\.params.keys)).sorted()
    let userKeys = Set(trials.flatMap(\.userAttrs.keys)).sorted()
    var columns = ["number"]
    if let metricNames, metricNames.count == objectiveCount {
      columns += metricNames.map { "values_\($0)" }
    } else {
      columns += objectiveCount == 1 ? ["value"] : (0..<objectiveCount).map { "values_\($0)" }
    }
    columns += ["datetime_start", "datetime_complete", "duration"]
    columns += paramNames.map { "params_\($0)" }
    columns += userKeys.map { "user_attrs_\($0)" }
    columns.append("state")
    self.columns = columns
    rows = trials.map { t in
      var row: [JSONValue] = [.int(t.number)]
      for i in 0..<objectiveCount {
        row.append(t.values.flatMap { i < $0.count ? .double($0[i]) : nil } ?? .null)
      }
      row.append(t.datetimeStart.map { .string(TrialsTable.format($0)) } ?? .null)
      row.append(t.datetimeComplete.map { .string(TrialsTable.format($0)) } ?? .null)
      row.append(t.duration.map { .double($0) } ?? .null)
      for name in paramNames { row.append(t.params[name]?.json ?? .null) }
      for key in userKeys { row.append(t.userAttrs[key] ?? .null) }
      row.append(.string(t.state.name))
      return row
    }
  }

  /// `2026-11-24 00:01:02.123456` in UTC, the way pandas prints a timestamp.
  static func format(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSSSSS"
    return formatter.string(from: date)
  }

  /// CSV with a header row (RFC 4180 quoting; nulls are empty cells).
  public func csv() -> String {
    func cell(_ v: JSONValue) -> String {
      let text: String
      switch v {
      case .null: return ""
      case .string(let s): text = s
      case .bool(let b): text = b ? "True" : "False"
      case .double(let d): text = pythonRepr(d)
      default: text = v.jsonText
      }
      if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      }
      return text
    }
    var out = columns.map { cell(.string($0)) }.joined(separator: ",") + "\n"
    for row in rows { out += row.map(cell).joined(separator: ",") + "\n" }
    return out
  }

  /// A JSON array of records (`{"number": 0, "value": 1.5, ...}`).
  public func json() -> String {
    JSONValue.array(rows.map { row in .object(Dictionary(uniqueKeysWithValues: zip(columns, row).map { ($0, $1) })) }).jsonText
  }
}

extension Study {
  /// The trials table of this study (optionally only some states).
  public func trialsTable(states: Set<TrialState>? = nil) throws -> TrialsTable {
    TrialsTable(trials: try getTrials(states: states), objectiveCount: directions.count, metricNames: metricNames)
  }

  /// Names of the objectives (Optuna's `set_metric_names`), stored in the study's system attrs.
  /// - Throws: `invalidArgument` when the count differs from the number of objectives.
  public func setMetricNames(_ names: [String]) throws {
    guard names.count == directions.count else {
      throw SearchError.invalidArgument(
        function: "set_metric_names", argument: "metric_names",
        message: "The number of objectives must match the length of the metric names.")
    }
    try setSystemAttr("study:metric_names", .array(names.map { .string($0) }))
  }

  /// The objective names set with `setMetricNames`, or nil.
  public var metricNames: [String]? {
    guard case .array(let items)? = systemAttrs["study:metric_names"] else { return nil }
    return items.compactMap(\.stringValue)
  }
}
