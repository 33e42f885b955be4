// A bounded quasi-Newton minimizer (projected L-BFGS): enough of L-BFGS-B for the GP's kernel
// hyperparameters and acquisition function, where the boxes are simple and the problems small.
// Variables pinned at a bound with the gradient pushing outward are frozen for the step; the
// direction comes from the L-BFGS two-loop recursion on the free ones; a backtracking Armijo
// search runs along the projected path.
import Foundation

public struct BoundedLBFGS: Sendable {
  public var memory = 10
  public var maxIterations = 200
  /// Stop when the projected gradient's largest component falls below this.
  public var gradientTolerance = 1e-5
  /// Stop when an iteration lowers f by less than this, relative to max(|f|, 1).
  public var relativeDecreaseTolerance = 1e-10

  public init(maxIterations: Int = 200, gradientTolerance: Double = 1e-5) {
    self.maxIterations = maxIterations
    self.gradientTolerance = gradientTolerance
  }

  public struct Result: Sendable {
    public var x: [Double]
    public var value: Double
    public var iterations: Int
    public var evaluations: Int
  }

  /// Minimizes `f` (returning value and gradient) over the box [lower, upper] from `x0`.
  public func minimize(
    _ f: ([Double]) -> (value: Double, gradient: [Double]),
    x0: [Double], lower: [Double], upper: [Double]
  ) -> Result {
    let n = x0.count
    func project(_ x: [Double]) -> [Double] {
      var p = x
      for i in 0..<n { p[i] = min(max(p[i], lower[i]), upper[i]) }
      return p
    }
    var x = project(x0)
    var (fx, g) = f(x)
    var evaluations = 1
    var sHistory: [[Double]] = [], yHistory: [[Double]] = [], rhoHistory: [Double] = []
    var iteration = 0
    guard fx.isFinite else { return Result(x: x, value: fx, iterations: 0, evaluations: 1) }

    while iteration < maxIterations {
      iteration += 1
      // Free variables: not held at a bound by an outward-pointing gradient.
      var free = [Bool](repeating: true, count: n)
      var pgNorm = 0.0
      for i in 0..<n {
        if (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0) { free[i] = false }
        if free[i] { pgNorm = max(pgNorm, abs(g[i])) }
      }
      if pgNorm < gradientTolerance { break }

      // Two-loop recursion restricted to the free variables.
      var q = (0..<n).map { free[$0] ? g[$0] : 0 }
      var alphas = [Double](repeating: 0, count: sHistory.count)
      for k in stride(from: sHistory.count - 1, through: 0, by: -1) {
        var dot = 0.0
        for i in 0..<n where free[i] { dot += sHistory[k][i] * q[i] }
        alphas[k] = rhoHistory[k] * dot
        for i in 0..<n where free[i] { q[i] -= alphas[k] * yHistory[k][i] }
      }
      var gamma = 1.0
      if let s = sHistory.last, let y = yHistory.last {
        var sy = 0.0, yy = 0.0
        for i in 0..<n { sy += s[i] * y[i]; yy += y[i] * y[i] }
        if yy > 0 { gamma = sy / yy }
      } else {
        gamma = 1 / max(pgNorm, 1)  // first step: move at most about one unit
      }
      for i in 0..<n { q[i] *= gamma }
      for k in 0..<sHistory.count {
        var dot = 0.0
        for i in 0..<n where free[i] { dot += yHistory[k][i] * q[i] }
        let beta = rhoHistory[k] * dot
        for i in 0..<n where free[i] { q[i] += sHistory[k][i] * (alphas[k] - beta) }
      }
      var direction = (0..<n).map { free[$0] ? -q[$0] : 0 }
      var slope = 0.0
      for i in 0..<n { slope += g[i] * direction[i] }
      if !(slope < 0) {  // not a descent direction: fall back to steepest descent
        direction = (0..<n).map { free[$0] ? -g[$0] * gamma : 0 }
        sHistory.removeAll(); yHistory.removeAll(); rhoHistory.removeAll()
      }

      // Backtracking along the projected path.
      var t = 1.0
      var accepted: (x: [Double], f: Double, g: [Double])?
      for _ in 0..<30 {
        var candidate = x
        for i in 0..<n { candidate[i] += t * direction[i] }
        candidate = project(candidate)
        var decrease = 0.0
        for i in 0..<n { decrease += g[i] * (candidate[i] - x[i]) }
        let (fc, gc) = f(candidate)
        evaluations += 1
        if fc.isFinite && fc <= fx + 1e-4 * decrease {
          accepted = (candidate, fc, gc)
          break
        }
        t *= 0.5
      }
      guard let step = accepted else { break }
      var s = [Double](repeating: 0, count: n), y = s
      var sy = 0.0
      for i in 0..<n {
        s[i] = step.x[i] - x[i]
        y[i] = step.g[i] - g[i]
        sy += s[i] * y[i]
      }
      let previous = fx
      x = step.x; fx = step.f; g = step.g
      if sy > 1e-12 {
        sHistory.append(s); yHistory.append(y); rhoHistory.append(1 / sy)
        if sHistory.count > memory {
          sHistory.removeFirst(); yHistory.removeFirst(); rhoHistory.removeFirst()
        }
      }
      if previous - fx <= relativeDecreaseTolerance * max(abs(fx), 1) { break }
    }
    return Result(x: x, value: fx, iterations: iteration, evaluations: evaluations)
  }
}
