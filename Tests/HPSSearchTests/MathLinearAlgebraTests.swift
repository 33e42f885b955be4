// Reference values produced with numpy 1.26.4: numpy.linalg.cholesky, solve and slogdet of A below.
import Foundation
import Testing
@testable import HPSSearch

@Test func choleskyFactorSolveAndDeterminantMatchNumpy() throws {
  let a = [4, 2, 0.6, 2, 5, 1.5, 0.6, 1.5, 3]
  let l = try #require(Cholesky.factor(a, n: 3))
  let expectedL = [2.0, 0, 0, 1, 2, 0, 0.3, 0.6, 1.5968719422671311]
  for (x, y) in zip(l, expectedL) { #expect(abs(x - y) < 1e-12) }
  let x = Cholesky.solve(l, n: 3, [1, 2, 3])
  for (u, v) in zip(x, [0.0625, 0.09264705882352936, 0.9411764705882355]) { #expect(abs(u - v) < 1e-12) }
  #expect(abs(Cholesky.logDeterminant(l, n: 3) - 3.708682081410116) < 1e-12)
  let inv = Cholesky.inverse(l, n: 3)
  // A·A⁻¹ = I
  for i in 0..<3 {
    for j in 0..<3 {
      let s = (0..<3).reduce(0.0) { $0 + a[i * 3 + $1] * inv[$1 * 3 + j] }
      #expect(abs(s - (i == j ? 1 : 0)) < 1e-12)
    }
  }
}

@Test func choleskyRejectsIndefiniteAndJitterRescuesSingular() {
  #expect(Cholesky.factor([1, 2, 2, 1], n: 2) == nil)
  #expect(Cholesky.factor([1, 1, 1, 1], n: 2) == nil)
  #expect(Cholesky.factorWithJitter([1, 1, 1, 1], n: 2) != nil)
}

@Test func boundedLBFGSFindsRosenbrockMinimumAndRespectsBounds() {
  let rosen: ([Double]) -> (value: Double, gradient: [Double]) = { x in
    let a = 1 - x[0], b = x[1] - x[0] * x[0]
    return (a * a + 100 * b * b, [-2 * a - 400 * x[0] * b, 200 * b])
  }
  let free = BoundedLBFGS(maxIterations: 500, gradientTolerance: 1e-9)
    .minimize(rosen, x0: [-1.2, 1], lower: [-5, -5], upper: [5, 5])
  #expect(abs(free.x[0] - 1) < 1e-4 && abs(free.x[1] - 1) < 1e-4, "\(free.x)")
  // With x₀ ≤ 0.5 the constrained optimum is on the bound: x = (0.5, 0.25).
  let bounded = BoundedLBFGS(maxIterations: 500, gradientTolerance: 1e-9)
    .minimize(rosen, x0: [-1.2, 1], lower: [-5, -5], upper: [0.5, 5])
  #expect(abs(bounded.x[0] - 0.5) < 1e-6 && abs(bounded.x[1] - 0.25) < 1e-4, "\(bounded.x)")
}
