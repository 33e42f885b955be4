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
