// One dimension as TPE models it, independent of the study layer's Distribution type so that the
// algorithm can be tested on plain arrays. Values travel as Doubles: the parameter's own value for
// numbers (an int as a whole Double), the choice index for categoricals.

public enum TPEParameter: Sendable, Equatable {
  /// A float or int range. `step` is nil for a continuous float and 1 (or the given step) for
  /// ints and stepped floats.
  case numeric(low: Double, high: Double, log: Bool, step: Double?)
  case categorical(choices: Int)

  /// True when the parameter can take a single value only (TPE then skips it, as Optuna does).
  public var isSingleValue: Bool {
    switch self {
    case .numeric(let low, let high, _, _): return low == high
    case .categorical(let n): return n <= 1
    }
  }
}
