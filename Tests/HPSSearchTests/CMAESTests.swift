import Foundation
import Testing
@testable import HPSSearch

@Test func cmaesConvergesOnTheSphere() {
  var rng = SeededRandom(seed: 5 as UInt64)
  var cma = CMAES(mean: [Double](repeating: 0.8, count: 4), sigma: 0.2)
  var best = Double.infinity
  for _ in 0..<120 {
    let gen = (0..<cma.populationSize).map { _ -> (x: [Double], loss: Double) in
      let x = cma.ask(rng: &rng)
      return (x, x.reduce(0) { $0 + ($1 - 0.3) * ($1 - 0.3) })
    }
    best = min(best, gen.map(\.loss).min() ?? .infinity)
    cma.tell(gen)
  }
  #expect(best < 1e-8, "best \(best)")
  #expect(cma.mean.allSatisfy { abs($0 - 0.3) < 1e-3 })
}

@Test func cmaesSamplerImprovesRosenbrockAndHandlesIntegers() throws {
  let space: [(name: String, distribution: Distribution)] = [("x", try .float(-2, 2)), ("y", try .float(-1, 3)), ("k", try .int(-5, 5))]
  func rosen(_ p: [String: ParamValue]) -> [Double] {
    let x = p["x"]?.doubleValue ?? .nan, y = p["y"]?.doubleValue ?? .nan, k = Double(p["k"]?.intValue ?? 99)
    return [100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x) + k * k]
  }
  let records = try SamplerLoop.run(sampler: CmaEsSampler(seed: 1), space: space, nTrials: 300, objective: rosen)
  let best = records.map { $0.values[0] }.min() ?? .infinity
  #expect(best < 0.5, "best \(best)")
  for r in records { #expect(space.allSatisfy { $0.distribution.containsExternal(r.params[$0.name] ?? .none) }) }
  #expect(throws: SamplerArgumentError.self) { try CmaEsSampler(restartStrategy: "sometimes") }
}

@Test func cmaesIPOPRestartsAfterConvergence() throws {
  let sampler = try CmaEsSampler(seed: 2, popsize: 4, restartStrategy: "ipop")
  let space: [(name: String, distribution: Distribution)] = [("x", try .float(-1, 1))]
  let records = try SamplerLoop.run(sampler: sampler, space: space, nTrials: 400) { p in [pow(p["x"]?.doubleValue ?? 0, 2)] }
  // After converging the strategy restarts from a random mean, so late trials spread out again.
  let late = records.suffix(100).map { abs($0.params["x"]?.doubleValue ?? 0) }
  #expect((late.max() ?? 0) > 1e-3)
  #expect((records.map { $0.values[0] }.min() ?? 1) < 1e-10)
}

@Test func symmetricEigenReconstructsTheMatrix() {
  let a = [4.0, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 1]
  let (values, vectors) = SymmetricEigen.decompose(a, n: 3)
  for i in 0..<3 {
    for j in 0..<3 {
      let r = (0..<3).reduce(0.0) { $0 + vectors[i * 3 + $1] * values[$1] * vectors[j * 3 + $1] }
      #expect(abs(r - a[i * 3 + j]) < 1e-10)
    }
  }
}
