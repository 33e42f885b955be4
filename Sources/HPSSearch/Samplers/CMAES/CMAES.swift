// The (μ/μ_w, λ) covariance matrix adaptation evolution strategy (Hansen's standard update, as
// in the `cmaes` library Optuna uses) on the unit box, with box handling by resampling then
// clipping, and IPOP/BIPOP restarts when the search stalls.
import Foundation

public struct CMAES: Sendable {
  public let dimension: Int
  public private(set) var populationSize: Int
  public private(set) var mean: [Double]
  public private(set) var sigma: Double
  public private(set) var generation = 0
  var c: [Double]  // covariance, row-major d×d
  var b: [Double]  // eigenvectors (columns)
  var dEigen: [Double]  // sqrt of eigenvalues
  var pc: [Double], ps: [Double]
  let weights: [Double]
  let mu: Int, muEff: Double
  let cc: Double, cs: Double, c1: Double, cmu: Double, damps: Double, chiN: Double
  /// Best losses of recent generations, to detect stagnation.
  var history: [Double] = []

  public static func defaultPopulationSize(_ d: Int) -> Int { 4 + Int(3 * log(Double(max(d, 1)))) }

  public init(mean: [Double], sigma: Double, populationSize: Int? = nil) {
    let n = mean.count
    dimension = n
    let lambda = max(populationSize ?? CMAES.defaultPopulationSize(n), 2)
    self.populationSize = lambda
    self.mean = mean
    self.sigma = sigma
    let mu = lambda / 2
    self.mu = mu
    var w = (0..<mu).map { log(Double(mu) + 0.5) - log(Double($0 + 1)) }
    let sw = w.reduce(0, +)
    w = w.map { $0 / sw }
    weights = w
    let muEff = 1 / w.map { $0 * $0 }.reduce(0, +)
    self.muEff = muEff
    let N = Double(n)
    cc = (4 + muEff / N) / (N + 4 + 2 * muEff / N)
    cs = (muEff + 2) / (N + muEff + 5)
    c1 = 2 / ((N + 1.3) * (N + 1.3) + muEff)
    cmu = min(1 - c1, 2 * (muEff - 2 + 1 / muEff) / ((N + 2) * (N + 2) + muEff))
    damps = 1 + 2 * max(0, ((muEff - 1) / (N + 1)).squareRoot() - 1) + cs
    chiN = N.squareRoot() * (1 - 1 / (4 * N) + 1 / (21 * N * N))
    c = [Double](repeating: 0, count: n * n)
    b = c
    for i in 0..<n { c[i * n + i] = 1; b[i * n + i] = 1 }
    dEigen = [Double](repeating: 1, count: n)
    pc = [Double](repeating: 0, count: n)
    ps = pc
  }

  /// One candidate inside [0, 1]^d: resampled up to 100 times, then clipped.
  public func ask(rng: inout SeededRandom) -> [Double] {
    let n = dimension
    var x = mean
    for attempt in 0..<100 {
      let z = (0..<n).map { _ in rng.nextNormal() }
      for i in 0..<n {
        var s = 0.0
        for j in 0..<n { s += b[i * n + j] * dEigen[j] * z[j] }
        x[i] = mean[i] + sigma * s
      }
      if x.allSatisfy({ $0 >= 0 && $0 <= 1 }) || attempt == 99 { break }
    }
    return x.map { $0.clamped(0, 1) }
  }

  /// Updates the distribution from one generation of (candidate, loss) pairs (at least μ).
  public mutating func tell(_ solutions: [(x: [Double], loss: Double)]) {
    let n = dimension
    let sorted = solutions.sorted { $0.loss < $1.loss }
    guard sorted.count >= mu else { return }
    generation += 1
    history.append(sorted[0].loss)
    let old = mean
    var newMean = [Double](repeating: 0, count: n)
    for k in 0..<mu { for i in 0..<n { newMean[i] += weights[k] * sorted[k].x[i] } }
    mean = newMean
    let y = (0..<n).map { (newMean[$0] - old[$0]) / sigma }
    // C^{-1/2} y = B D^{-1} Bᵀ y
    var bty = [Double](repeating: 0, count: n)
    for j in 0..<n { for i in 0..<n { bty[j] += b[i * n + j] * y[i] } }
    for j in 0..<n { bty[j] /= dEigen[j] }
    var invSqrtY = [Double](repeating: 0, count: n)
    for i in 0..<n { for j in 0..<n { invSqrtY[i] += b[i * n + j] * bty[j] } }
    let csFactor = (cs * (2 - cs) * muEff).squareRoot()
    for i in 0..<n { ps[i] = (1 - cs) * ps[i] + csFactor * invSqrtY[i] }
    let psNorm = ps.map { $0 * $0 }.reduce(0, +).squareRoot()
    let hsig = psNorm / (1 - pow(1 - cs, 2 * Double(generation))).squareRoot() / chiN < 1.4 + 2 / (Double(n) + 1)
    let ccFactor = (cc * (2 - cc) * muEff).squareRoot()
    for i in 0..<n { pc[i] = (1 - cc) * pc[i] + (hsig ? ccFactor * y[i] : 0) }
    let ys = (0..<mu).map { k in (0..<n).map { (sorted[k].x[$0] - old[$0]) / sigma } }
    let deltaH = hsig ? 0 : cc * (2 - cc)
    for i in 0..<n {
      for j in 0..<n {
        var rankMu = 0.0
        for k in 0..<mu { rankMu += weights[k] * ys[k][i] * ys[k][j] }
        c[i * n + j] = (1 - c1 - cmu) * c[i * n + j] + c1 * (pc[i] * pc[j] + deltaH * c[i * n + j]) + cmu * rankMu
      }
    }
    sigma *= exp(min(1, (cs / damps) * (psNorm / chiN - 1)))
    sigma = min(sigma, 1)
    let (values, vectors) = SymmetricEigen.decompose(c, n: n)
    b = vectors
    dEigen = values.map { max($0, 1e-20).squareRoot() }
  }

  /// True when the search has converged or stalled (tiny step, ill conditioning, or flat
  /// progress over the last 10 + 30d/λ generations): the moment to restart.
  public var shouldRestart: Bool {
    let maxD = dEigen.max() ?? 1, minD = dEigen.min() ?? 1
    if sigma * maxD < 1e-10 { return true }
    if maxD / max(minD, 1e-300) > 1e7 { return true }
    let window = 10 + Int((30 * Double(dimension) / Double(populationSize)).rounded(.up))
    if history.count > window {
      let recent = history.suffix(window)
      if let hi = recent.max(), let lo = recent.min(), hi - lo < 1e-12 * max(1, abs(lo)) { return true }
    }
    return false
  }
}
