// One input of the Gaussian process, already normalized: continuous and stepped parameters live in
// [0, 1] (log-scaled first where the parameter is log), categoricals keep their choice index and
// are compared by Hamming distance (0 when equal, 1 otherwise), as Optuna's GPSampler does.

public enum GPDimension: Sendable, Equatable {
  case continuous
  /// `levels` equally spaced values 0, 1/(levels−1), …, 1 (an int or stepped float range).
  case discrete(levels: Int)
  /// Explicit sorted normalized values in [0, 1] (a log-scaled integer range: its integers are
  /// not equally spaced once the log is taken).
  case grid([Double])
  case categorical(choices: Int)

  /// Larger integer or stepped ranges are modelled as continuous (see `Distribution.gpDimension`).
  static let maxGridLevels = 4096

  var isCategorical: Bool { if case .categorical = self { return true } else { return false } }

  /// The allowed normalized values of a discrete, grid or categorical dimension (empty for a
  /// continuous one).
  var choices: [Double] {
    switch self {
    case .continuous: return []
    case .discrete(let levels):
      guard levels > 1 else { return [0] }
      return (0..<levels).map { Double($0) / Double(levels - 1) }
    case .grid(let values): return values
    case .categorical(let n): return (0..<max(n, 1)).map(Double.init)
    }
  }

  /// Snaps a normalized coordinate onto the dimension's allowed values.
  func snap(_ x: Double) -> Double {
    switch self {
    case .continuous: return min(max(x, 0), 1)
    case .discrete(let levels):
      guard levels > 1 else { return 0 }
      let k = (min(max(x, 0), 1) * Double(levels - 1)).rounded()
      return k / Double(levels - 1)
    case .grid(let values):
      guard var best = values.first else { return min(max(x, 0), 1) }
      for v in values where abs(v - x) < abs(best - x) { best = v }
      return best
    case .categorical(let n): return min(max(x.rounded(), 0), Double(max(n - 1, 0)))
    }
  }
}
