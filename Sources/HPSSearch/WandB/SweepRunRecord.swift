// What the search methods need to know about a run: its parameter values, its state and its
// metric history. The sweep controller builds these from study trials.

/// A run of a sweep as the grid, random and bayes methods see it.
public struct SweepRunRecord: Sendable, Equatable {
  public enum State: String, Sendable, Equatable {
    case running, finished, failed
    /// Stopped by early_terminate (W&B's agent kills it); its logged values count as a finished run's.
    case stopped
  }
  /// Parameter values by `SweepParameter.key`.
  public var values: [String: JSONValue]
  public var state: State
  /// The metric's logged values in order (non-finite ones included; the methods filter them).
  public var history: [Double]
  /// The run summary's value of the metric, if any.
  public var summary: Double?

  public init(values: [String: JSONValue], state: State, history: [Double] = [], summary: Double? = nil) {
    self.values = values; self.state = state; self.history = history; self.summary = summary
  }

  /// W&B's metric_extremum: the best finite value over history and summary.
  public func extremum(_ goal: SweepMetric.Goal) -> Double? {
    var best: Double?
    func consider(_ v: Double) {
      guard v.isFinite else { return }
      if let b = best, goal == .minimize ? v >= b : v <= b { return }
      best = v
    }
    for v in history { consider(v) }
    if let summary { consider(summary) }
    return best
  }
}

extension SweepParameter {
  /// A key no parameter name can contain ('/' is outside W&B's name pattern), so `a.b` at the top
  /// level and `b` nested under `a` stay distinct.
  public var key: String { path.joined(separator: "/") }
}

extension JSONValue {
  /// Grid de-duplication identity: integral floats compare as ints (W&B's yaml_hash does so).
  var gridIdentity: String {
    switch self {
    case .double(let d) where d.isFinite && d.rounded() == d && abs(d) < 9e18: return String(Int(d))
    case .array(let items): return "[" + items.map(\.gridIdentity).joined(separator: ",") + "]"
    case .object(let m): return "{" + m.keys.sorted().map { "\($0):\(m[$0]!.gridIdentity)" }.joined(separator: ",") + "}"
    default: return jsonText
    }
  }
}
