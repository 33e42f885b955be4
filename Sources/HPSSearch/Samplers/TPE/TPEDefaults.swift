// Optuna's default gamma and weights for TPE (optuna/samplers/_tpe/sampler.py).
import Foundation

public enum TPEDefaults {
  /// Size of the "good" set for n trials: min(ceil(0.1·n), 25).
  public static func gamma(_ n: Int) -> Int { min(Int((0.1 * Double(n)).rounded(.up)), 25) }

  /// Optuna 5.0's multi-objective gamma: ceil(0.1·n) with no cap.
  public static func multiObjectiveGamma(_ n: Int) -> Int { Int((0.1 * Double(n)).rounded(.up)) }

  /// hyperopt's gamma: min(ceil(0.25·√n), 25).
  public static func hyperoptGamma(_ n: Int) -> Int {
    min(Int((0.25 * Double(n).squareRoot()).rounded(.up)), 25)
  }

  /// Weights of n observations sorted oldest first: all 1 below 25, otherwise a linear ramp
  /// from 1/n to 1 over the oldest n−25 and 1 for the newest 25.
  public static func weights(_ n: Int) -> [Double] {
    if n == 0 { return [] }
    if n < 25 { return [Double](repeating: 1, count: n) }
    let rampCount = n - 25
    var w = [Double](repeating: 1, count: n)
    if rampCount == 1 {
      w[0] = 1 / Double(n)
    } else {
      for i in 0..<rampCount {
        // numpy.linspace(1/n, 1, rampCount)
        w[i] = 1 / Double(n) + (1 - 1 / Double(n)) * Double(i) / Double(rampCount - 1)
      }
    }
    return w
  }
}
