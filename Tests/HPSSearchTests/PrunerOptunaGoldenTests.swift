import Foundation
import Testing

@testable import HPSSearch

/// Pruners replayed step by step against Optuna 5.0.0: 25 trials report
/// f(k, s) = ((37k + 11s) mod 17)/17 + 1/(s+1) + 0.01k at steps 0..<30 (150 for the first trial
/// of the "auto" SuccessiveHalving case), calling should_prune after each report; the expected
/// step at which each trial was pruned (−1 = completed) was printed by Optuna 5.0.0 running the
/// same loop with the same pruner arguments (study name "golden").
@Suite struct PrunerOptunaGoldenTests {
  static let expected: [String: [Int]] = [
    "median_minimize": [-1, -1, -1, -1, -1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0],
    "median_maximize": [-1, -1, -1, -1, -1, -1, 0, 0, -1, -1, -1, -1, 0, 0, 0, -1, -1, 0, 0, 0, -1, -1, -1, 0, 0],
    "median_warm_minimize": [-1, -1, 5, -1, -1, -1, -1, -1, -1, 3, -1, -1, -1, 5, 3, 3, -1, 5, -1, 5, 3, -1, -1, -1, 5],
    "median_warm_maximize": [-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1],
    "pct25_minimize": [-1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    "pct25_maximize": [-1, -1, -1, -1, -1, -1, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, -1, 0, 0],
    "sha_rf2_minimize": [-1, 1, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1, 1, 4, 2, 8, 1, 1, 1],
    "sha_rf2_maximize": [-1, -1, 1, 1, 1, 2, 4, -1, 1, 1, 1, 2, -1, -1, 1, 1, 2, 4, -1, 1, 1, 1, 2, 8, -1],
    "sha_auto_minimize": [-1, -1, 4, 1, 1, 1, 1, 1, 16, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 1, 1, 1, 1, 1],
    "sha_auto_maximize": [-1, -1, 1, 1, 1, 1, 1, -1, 1, 1, 1, 1, 4, -1, 1, 1, 1, 1, 4, 1, 1, 1, 1, 4, -1],
    "hyperband_minimize": [-1, -1, -1, -1, -1, 1, 1, 27, 27, 1, 3, 9, 9, 3, 1, 3, 9, 1, 27, 3, 1, 1, 1, 1, 9],
    "hyperband_maximize": [-1, -1, -1, 3, -1, 27, 3, 9, -1, 1, 3, -1, 3, 3, 1, 3, 9, 27, 3, 1, 1, 1, 3, 3, 9],
    "threshold_minimize": [8, 6, 9, 4, 10, 5, 3, 6, 4, 7, 5, 8, 6, 1, 7, 13, 8, 14, 1, 15, 10, 16, 11, 17, 1],
    "threshold_maximize": [8, 6, 9, 4, 10, 5, 3, 6, 4, 7, 5, 8, 6, 1, 7, 13, 8, 14, 1, 15, 10, 16, 11, 17, 1],
    "patient_minimize": [21, 13, 22, 14, 6, 15, 7, 16, 8, 17, 9, 18, 10, 19, 11, 20, 12, 21, 13, 22, 14, 6, 15, 7, 16],
    "patient_maximize": [7, 5, 4, 4, 4, 4, 5, 5, 4, 4, 4, 4, 5, 5, 4, 4, 4, 7, 5, 4, 4, 4, 4, 5, 5]
  ]

  static func makePruner(_ name: String) throws -> any Pruner {
    switch name {
    case "median": return MedianPruner()
    case "median_warm": return try MedianPruner(nStartupTrials: 2, nWarmupSteps: 3, intervalSteps: 2)
    case "pct25": return try PercentilePruner(percentile: 25, nStartupTrials: 3)
    case "sha_rf2": return try SuccessiveHalvingPruner(minResource: .steps(1), reductionFactor: 2)
    case "sha_auto": return try SuccessiveHalvingPruner()
    case "hyperband": return try HyperbandPruner(minResource: 1, maxResource: .steps(27), reductionFactor: 3)
    case "threshold": return try ThresholdPruner(lower: 0.35, upper: 1.5, nWarmupSteps: 1)
    case "patient": return try PatientPruner(wrapped: nil, patience: 3, minDelta: 0.05)
    default: throw SearchError.invalidArgument(function: "test", argument: "name", message: name)
    }
  }

  static func f(_ k: Int, _ s: Int) -> Double {
    Double((k * 37 + s * 11) % 17) / 17 + 1 / Double(s + 1) + 0.01 * Double(k)
  }

  @Test(arguments: expected.keys.sorted()) func testReplayMatchesOptuna(key: String) throws {
    let parts = key.split(separator: "_")
    let direction: StudyDirection = parts.last == "maximize" ? .maximize : .minimize
    let name = parts.dropLast().joined(separator: "_")
    let study = try Study.create(
      studyName: "golden", sampler: RandomSampler(seed: 0), pruner: try Self.makePruner(name), direction: direction,
      logger: .silent)
    var got: [Int] = []
    for k in 0..<25 {
      let t = try study.ask()
      var prunedAt = -1
      for s in 0..<((name == "sha_auto" && k == 0) ? 150 : 30) {
        try t.report(Self.f(k, s), step: s)
        if try t.shouldPrune() {
          prunedAt = s
          break
        }
      }
      if prunedAt >= 0 {
        try study.tell(t, state: .pruned)
      } else {
        try study.tell(t, values: [Self.f(k, 29)])
      }
      got.append(prunedAt)
    }
    #expect(got == Self.expected[key])
  }
}
