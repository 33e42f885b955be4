import Foundation
import Testing

@testable import HPSSearch

@Suite struct GridSamplerTests {
  let space: [String: [ParamValue]] = ["x": [1, 2, 3], "opt": ["a", "b"], "lr": [0.1, 0.01]]

  @Test func testVisitsEveryPointOnceThenStops() throws {
    let study = try Study.create(sampler: GridSampler(searchSpace: space, seed: 3), logger: .silent)
    try study.optimize(nTrials: 100) { t in
      let x = try t.suggestInt("x", low: 1, high: 3)
      _ = try t.suggestCategorical("opt", choices: ["a", "b"])
      return Double(x) * (try t.suggestFloat("lr", low: 0.001, high: 1))
    }
    #expect(study.trials.count == 12)
    let points = Set(study.trials.map { t in t.params.keys.sorted().map { "\($0)=\(t.params[$0] ?? .none)" }.joined(separator: ",") })
    #expect(points.count == 12)
  }

  @Test func testParallelWorkersStillCoverTheGrid() throws {
    let study = try Study.create(sampler: GridSampler(searchSpace: ["x": [1, 2, 3, 4, 5, 6]]), logger: .silent)
    try study.optimize(nTrials: 50, nJobs: 3) { t in Double(try t.suggestInt("x", low: 1, high: 6)) }
    let xs = Set(study.trials.compactMap { $0.params["x"]?.intValue })
    #expect(xs == Set(1...6))
    #expect(study.trials.count < 20)  // stops once exhausted (in-flight workers may add a few)
  }

  @Test func testUnknownNameIsAnError() throws {
    let study = try Study.create(sampler: GridSampler(searchSpace: ["x": [1]]), logger: .silent)
    #expect(throws: SearchError.self) { try study.optimize(nTrials: 1) { t in try t.suggestFloat("y", low: 0, high: 1) } }
  }

  @Test func testPartialFixedSampler() throws {
    let study = try Study.create(sampler: PartialFixedSampler(fixedParams: ["x": 0.5], base: RandomSampler(seed: 0)), logger: .silent)
    try study.optimize(nTrials: 5) { t in try t.suggestFloat("x", low: 0, high: 1) + (try t.suggestFloat("y", low: 0, high: 1)) }
    #expect(study.trials.allSatisfy { $0.params["x"] == 0.5 })
    #expect(Set(study.trials.compactMap { $0.params["y"] }).count == 5)
  }
}
