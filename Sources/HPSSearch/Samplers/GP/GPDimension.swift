// One input of the Gaussian process, already normalized: continuous and stepped parameters live in
// [0, 1] (log-scaled first where the parameter is log), categoricals keep their choice index and
// are compared by Hamming distance (0 when equal, 1 otherwise), as Optuna's GPSampler does.

public enum GPDimension: Sendable, Equatable {
  case continuous
  /// `levels` equally spaced values 0, 1/(levels−1), …, 1 (an int or stepped float range).
  case discrete(levels: Int)
  case categorical(choices: Int)

  var isCategorical: Bool { if case .categorical = self { return true } else { return false } }

  /// Snaps a normalized coordinate onto the dimension's allowed values.
  func snap(_ x: Double) -> Double {
    switch self {
    case .continuous: return min(max(x, 0), 1)
    case .discrete(let levels):
      guard levels > 1 else { return 0 }
      let k = (min(max(x, 0), 1) * Double(levels - 1)).rounded()
      return k / Double(levels - 1)
    case .categorical(let n): return min(max(x.rounded(), 0), Double(max(n - 1, 0)))
    }
  }
}
