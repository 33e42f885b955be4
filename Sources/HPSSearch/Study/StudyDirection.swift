// Whether an objective is minimized or maximized (Optuna's StudyDirection, same raw values).

/// The direction of one objective.
public enum StudyDirection: Int, Sendable, Hashable, CustomStringConvertible {
  case notSet = 0
  case minimize = 1
  case maximize = 2

  /// Parses "minimize"/"maximize" (any case), the spelling `create_study(direction=)` accepts.
  public init?(name: String) {
    switch name.lowercased() {
    case "minimize": self = .minimize
    case "maximize": self = .maximize
    default: return nil
    }
  }

  /// Optuna's enum name: `MINIMIZE`.
  public var name: String {
    switch self {
    case .notSet: return "NOT_SET"
    case .minimize: return "MINIMIZE"
    case .maximize: return "MAXIMIZE"
    }
  }

  public var description: String { "StudyDirection.\(name)" }

  /// True when `a` is strictly better than `b` in this direction.
  public func isBetter(_ a: Double, than b: Double) -> Bool {
    self == .maximize ? a > b : a < b
  }

  /// The value turned into a loss (negated when maximizing), so code can always minimize.
  public func asLoss(_ value: Double) -> Double { self == .maximize ? -value : value }
}
