import Foundation
import Testing
@testable import HPSSearch

/// The incremental Cholesky factor the W&B bayes method leans on must give the same posterior as
/// a fresh factorization.
@Suite struct WandBGPCacheTests {
  @Test func extendedFactorMatchesAFreshOne() throws {
    var rng = SeededRandom(seed: 5 as UInt64)
    let dims: [GPDimension] = [.continuous, .discrete(levels: 5), .categorical(choices: 3)]
    let hyper = GPHyperparameters(inverseSquaredLengthscales: [2, 0.5, 1.5], kernelScale: 1.3, noiseVariance: 1e-4)
    var x: [[Double]] = (0..<12).map { _ in [rng.nextUniform(), Double(rng.nextIndex(5)) / 4, Double(rng.nextIndex(3))] }
    var cache: GPFactorCache?
    _ = GaussianProcess(dimensions: dims, x: x, y: x.map { $0[0] }, hyper: hyper, cache: &cache)
    #expect(cache?.x.count == 12)
    for _ in 0..<8 { x.append([rng.nextUniform(), Double(rng.nextIndex(5)) / 4, Double(rng.nextIndex(3))]) }
    let y = x.map { sin(5 * $0[0]) + $0[1] - 0.3 * $0[2] }
    let cached = try #require(GaussianProcess(dimensions: dims, x: x, y: y, hyper: hyper, cache: &cache))
    let fresh = try #require(GaussianProcess(dimensions: dims, x: x, y: y, hyper: hyper))
    #expect(cache?.x.count == 20)
    for (a, b) in zip(cached.cholesky, fresh.cholesky) { #expect(abs(a - b) < 1e-10) }
    for _ in 0..<5 {
      let p = [rng.nextUniform(), Double(rng.nextIndex(5)) / 4, Double(rng.nextIndex(3))]
      let u = cached.posterior(p, withGradient: true), v = fresh.posterior(p, withGradient: true)
      #expect(abs(u.mean - v.mean) < 1e-9 && abs(u.variance - v.variance) < 1e-9)
      for j in 0..<3 { #expect(abs(u.dMean[j] - v.dMean[j]) < 1e-8) }
    }
    // Other hyperparameters or a changed prefix refactor from scratch (and stay correct).
    var other = hyper
    other.kernelScale = 0.7
    x[0][0] = 0.123
    let changed = try #require(GaussianProcess(dimensions: dims, x: x, y: y, hyper: other, cache: &cache))
    let freshChanged = try #require(GaussianProcess(dimensions: dims, x: x, y: y, hyper: other))
    for (a, b) in zip(changed.cholesky, freshChanged.cholesky) { #expect(abs(a - b) < 1e-12) }
  }

  @Test func fastLinearAlgebraMatchesTheReference() throws {
    var rng = SeededRandom(seed: 9 as UInt64)
    let n = 17
    let b = (0..<n * n).map { _ in rng.nextNormal() }
    var a = [Double](repeating: 0, count: n * n)
    for i in 0..<n { for j in 0..<n { for k in 0..<n { a[i * n + j] += b[i * n + k] * b[j * n + k] } }; a[i * n + i] += 0.5 }
    let fast = try #require(GPLinearAlgebra.factor(a, n: n))
    let reference = try #require(Cholesky.factor(a, n: n))
    for (u, v) in zip(fast, reference) { #expect(abs(u - v) < 1e-10) }
    for (u, v) in zip(GPLinearAlgebra.inverse(fast, n: n), Cholesky.inverse(reference, n: n)) { #expect(abs(u - v) < 1e-8 * max(1, abs(v))) }
    let rhs = (0..<n).map { _ in rng.nextNormal() }
    for (u, v) in zip(GPLinearAlgebra.solve(fast, n: n, rhs), Cholesky.solve(reference, n: n, rhs)) { #expect(abs(u - v) < 1e-8 * max(1, abs(v))) }
    for (u, v) in zip(GPLinearAlgebra.solveUpperTransposed(fast, n: n, rhs), Cholesky.solveUpperTransposed(reference, n: n, rhs)) { #expect(abs(u - v) < 1e-8 * max(1, abs(v))) }
    var notPD = a
    notPD[0] = -1
    #expect(GPLinearAlgebra.factor(notPD, n: n) == nil)
  }
}
