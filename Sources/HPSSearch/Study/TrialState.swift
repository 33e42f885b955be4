// The life cycle of a trial (Optuna's TrialState, same raw values and names).

/// WAITING (enqueued) → RUNNING → COMPLETE | PRUNED | FAIL.
public enum TrialState: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case running = 0
  case complete = 1
  case pruned = 2
  case fail = 3
  case waiting = 4

  /// COMPLETE, PRUNED and FAIL are final: nothing may change the trial afterwards.
  public var isFinished: Bool { self == .complete || self == .pruned || self == .fail }

  /// Optuna's enum name: `COMPLETE`.
  public var name: String {
    switch self {
    case .running: return "RUNNING"
    case .complete: return "COMPLETE"
    case .pruned: return "PRUNED"
    case .fail: return "FAIL"
    case .waiting: return "WAITING"
    }
  }

  public init?(name: String) {
    guard let state = TrialState.allCases.first(where: { $0.name == name.uppercased() }) else { return nil }
    self = state
  }

  public var description: String { "TrialState.\(name)" }
}
