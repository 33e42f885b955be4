import Foundation
import Testing
@testable import HPSSearch

@Test func autoSamplerStartsSpaceFillingThenModels() throws {
  let records = try SamplerLoop.run(sampler: AutoSampler(seed: 0), space: braninSpace(), nTrials: 30, objective: branin)
  // The first 8 design points are a scrambled Sobol net: in each coordinate they fall in distinct eighths.
  let design = records.prefix(8)
  let bins = Set(design.map { Int((($0.params["x1"]?.doubleValue ?? 0) + 5) / 15 * 8) })
  #expect(bins.count == 8)
  #expect(bestValue(records) < 0.6, "best \(bestValue(records))")
}

@Test func autoSamplerIsReproducible() throws {
  let a = try SamplerLoop.run(sampler: AutoSampler(seed: 3), space: braninSpace(), nTrials: 12, objective: branin)
  let b = try SamplerLoop.run(sampler: AutoSampler(seed: 3), space: braninSpace(), nTrials: 12, objective: branin)
  #expect(a.map(\.values) == b.map(\.values))
}

@Test func autoSamplerHandsANumericSpaceToWarmStartedCMAESAfterTheGPPhase() throws {
  let space: [(name: String, distribution: Distribution)] = [
    ("x", try .float(-5, 5)), ("y", try .float(-5, 5)), ("k", try .int(-5, 5)),
  ]
  let sampler = try AutoSampler(seed: 4, gpMaxTrials: 20)
  let records = try SamplerLoop.run(sampler: sampler, space: space, nTrials: 60) { p in
    let x = p["x"]?.doubleValue ?? 0, y = p["y"]?.doubleValue ?? 0, k = Double(p["k"]?.intValue ?? 0)
    return [(x - 1) * (x - 1) + (y + 2) * (y + 2) + (k - 3) * (k - 3)]
  }
  let study = StudySnapshot()
  #expect(sampler.latePhaseSampler(study) is CmaEsSampler)
  // CMA-ES starts at the best trials: the late phase stays near the optimum.
  let late = records.suffix(20).map { $0.values[0] }
  #expect(median(late) < 2, "late median \(median(late))")

  // A categorical parameter keeps the late phase on TPE.
  let mixed = try AutoSampler(seed: 4, gpMaxTrials: 20)
  _ = try SamplerLoop.run(sampler: mixed, space: space + [("c", try .categorical(["a", "b"]))], nTrials: 25) { p in
    [(p["x"]?.doubleValue ?? 0) * (p["x"]?.doubleValue ?? 0)]
  }
  #expect(mixed.latePhaseSampler(StudySnapshot()) is TPESampler)
}

@Test func autoSamplerRecordsConstraintsAndKeepsTPEForTheLatePhase() throws {
  let constraint: @Sendable (FrozenTrial) -> [Double] = { [($0.params["x"]?.doubleValue ?? 0) - 1] }
  let sampler = try AutoSampler(seed: 1, gpMaxTrials: 15, constraintsFunc: constraint)
  let study = try Study.create(sampler: sampler, logger: SearchLogger(minimumLevel: .warning) { _ in })
  try study.optimize(nTrials: 25) { t in
    let x = try t.suggestFloat("x", low: -5, high: 5)
    return (x - 2) * (x - 2)
  }
  let complete = try study.getTrials(states: [.complete])
  #expect(complete.allSatisfy { $0.constraints?.count == 1 })
  #expect(sampler.latePhaseSampler(study) is TPESampler)
  #expect(try study.bestTrial().isFeasible)
}
