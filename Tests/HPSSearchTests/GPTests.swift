import Foundation
import Testing
@testable import HPSSearch

@Test func logExpectedImprovementIsStableInTheTail() {
  for z in [-40.0, -15, -5, -1.5, -0.5, 0, 2] {
    let (v, dv) = LogExpectedImprovement.logH(z)
    let h = Normal.pdf(z) + z * Normal.cdf(z)
    if z > -5 { #expect(abs(v - log(h)) < 1e-9 * max(1, abs(v)), "logH(\(z))") }
    #expect(v.isFinite && dv > 0)
    // derivative against a central difference
    let e = 1e-5
    let numeric = (LogExpectedImprovement.logH(z + e).0 - LogExpectedImprovement.logH(z - e).0) / (2 * e)
    #expect(abs(numeric - dv) < 1e-4 * max(1, abs(dv)), "d logH(\(z)): \(dv) vs \(numeric)")
  }
}

@Test func marginalLikelihoodGradientMatchesFiniteDifferences() {
  var rng = SeededRandom(seed: 2 as UInt64)
  let dims: [GPDimension] = [.continuous, .continuous, .categorical(choices: 3)]
  let x = (0..<12).map { _ in [rng.nextUniform(), rng.nextUniform(), Double(rng.nextIndex(3))] }
  let y = x.map { sin(6 * $0[0]) + $0[1] * $0[1] + 0.3 * $0[2] }
  let theta = [0.3, -0.5, 0.1, 0.2, log(1e-3)]
  let (_, g) = GPHyperparameterFit.negativeLogPosterior(theta, dimensions: dims, x: x, y: y)
  for i in theta.indices {
    var plus = theta, minus = theta
    plus[i] += 1e-6; minus[i] -= 1e-6
    let numeric = (GPHyperparameterFit.negativeLogPosterior(plus, dimensions: dims, x: x, y: y).value
      - GPHyperparameterFit.negativeLogPosterior(minus, dimensions: dims, x: x, y: y).value) / 2e-6
    #expect(abs(numeric - g[i]) < 1e-4 * max(1, abs(g[i])), "θ[\(i)]: \(g[i]) vs \(numeric)")
  }
}

@Test func gpFindsBraninOptimumToSmallRegret() throws {
  let records = try SamplerLoop.run(sampler: GPSampler(seed: 0), space: braninSpace(), nTrials: 40, objective: branin)
  #expect(bestValue(records) - 0.397887 < 0.02, "best \(bestValue(records))")
  for r in records {
    let x1 = try #require(r.params["x1"]?.doubleValue)
    #expect(x1 >= -5 && x1 <= 10)
  }
}

@Test func gpIsReproducibleWithASeed() throws {
  let a = try SamplerLoop.run(sampler: GPSampler(seed: 4), space: braninSpace(), nTrials: 14, objective: branin)
  let b = try SamplerLoop.run(sampler: GPSampler(seed: 4), space: braninSpace(), nTrials: 14, objective: branin)
  #expect(a.map(\.values) == b.map(\.values))
}
