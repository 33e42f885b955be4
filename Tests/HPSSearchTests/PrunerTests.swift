import Foundation
import Testing

@testable import HPSSearch

/// Pruner decisions against values computed by hand (and, for percentiles and Hyperband's
/// bracket hash, checked with NumPy / Python's binascii).
@Suite struct PrunerTests {
  func completed(_ number: Int, _ intermediate: [Int: Double], value: Double = 0) -> FrozenTrial {
    FrozenTrial(number: number, trialID: number, state: .complete, values: [value], intermediateValues: intermediate)
  }

  func running(_ number: Int, _ intermediate: [Int: Double], system: [String: JSONValue] = [:]) -> FrozenTrial {
    FrozenTrial(number: number, trialID: number, state: .running, systemAttrs: system, intermediateValues: intermediate)
  }

  /// Five completed trials reporting 1...5 at step 1.
  func history(_ direction: StudyDirection = .minimize, extra: [FrozenTrial] = []) -> StudySnapshot {
    StudySnapshot(directions: [direction], trials: (0..<5).map { completed($0, [0: 0, 1: Double($0 + 1)]) } + extra)
  }

  @Test func testMedian_prunesWorseThanMedianOnly() throws {
    let pruner = MedianPruner()
    #expect(pruner.prune(study: history(), trial: running(9, [1: 3.5])))
    #expect(!pruner.prune(study: history(), trial: running(9, [1: 2.5])))
    #expect(pruner.prune(study: history(.maximize), trial: running(9, [1: 2.5])))
    #expect(!pruner.prune(study: history(.maximize), trial: running(9, [1: 3.5])))
    // Best-so-far counts: a good earlier step keeps the trial.
    #expect(!pruner.prune(study: history(), trial: running(9, [0: -1, 1: 9])))
    #expect(pruner.prune(study: history(), trial: running(9, [1: .nan])))
  }

  @Test func testMedian_startupWarmupAndInterval() throws {
    let four = StudySnapshot(trials: (0..<4).map { completed($0, [1: Double($0 + 1)]) })
    #expect(!MedianPruner().prune(study: four, trial: running(9, [1: 100])))
    let warm = try MedianPruner(nWarmupSteps: 2)
    #expect(!warm.prune(study: history(), trial: running(9, [1: 100])))
    let interval = try MedianPruner(intervalSteps: 3)
    // Steps 0 and 1 reported: step 1 is not the first report after boundary 0.
    #expect(!interval.prune(study: history(), trial: running(9, [0: 100, 1: 100])))
    #expect(interval.prune(study: history(), trial: running(9, [1: 100])))
    let needTwo = try MedianPruner(nMinTrials: 6)
    #expect(!needTwo.prune(study: history(), trial: running(9, [1: 100])))
  }

  /// With n_jobs > 1 the study holds RUNNING trials (the other worker's) and PRUNED ones next to
  /// the COMPLETE ones. Optuna's MedianPruner counts only COMPLETE trials, both for
  /// n_startup_trials and for the median at the step; so must hps, or parallel searches prune
  /// differently from Optuna's.
  @Test func testMedian_parallelTrialsOnlyCompletedCount() throws {
    func pruned(_ number: Int, _ intermediate: [Int: Double]) -> FrozenTrial {
      FrozenTrial(number: number, trialID: number, state: .pruned, intermediateValues: intermediate)
    }
    let pruner = MedianPruner()
    // Four completed trials plus running and pruned ones: still in the startup phase.
    let fourDone = StudySnapshot(trials: (0..<4).map { completed($0, [1: Double($0 + 1)]) }
      + [running(4, [1: 0.1]), running(5, [1: 0.2]), pruned(6, [1: 9])])
    #expect(!pruner.prune(study: fourDone, trial: running(9, [1: 100])))
    // Five completed (median 3 at step 1); running trials reporting far lower values and pruned
    // trials reporting far higher ones do not move the median.
    let busy = history(extra: [running(5, [1: 0.1]), running(6, [1: 0.2]), running(7, [1: 0.3]),
                               pruned(8, [1: 50]), pruned(10, [1: 60]), pruned(11, [1: 70])])
    #expect(!pruner.prune(study: busy, trial: running(9, [1: 2.9])))
    #expect(pruner.prune(study: busy, trial: running(9, [1: 3.1])))
  }

  @Test func testPercentile_interpolatesLikeNumPy() throws {
    let p25 = try PercentilePruner(percentile: 25)
    #expect(p25.prune(study: history(), trial: running(9, [1: 2.1])))  // 25th percentile = 2.0
    #expect(!p25.prune(study: history(), trial: running(9, [1: 2.0])))
    #expect(p25.prune(study: history(.maximize), trial: running(9, [1: 3.9])))  // 75th = 4.0
    #expect(abs(PruningMath.percentile([1, 2, 4, 10], 40) - 2.4) < 1e-12)
    #expect(throws: SearchError.self) { try PercentilePruner(percentile: 101) }
    #expect(throws: SearchError.self) { try PercentilePruner(percentile: 50, intervalSteps: 0) }
  }

  @Test func testSuccessiveHalving_promotesTopFraction() throws {
    let rung0: [FrozenTrial] = [1.0, 2.0, 3.0].enumerated().map { i, v in
      running(i, [1: v], system: ["completed_rung_0": .double(v)])
    }
    let pruner = try SuccessiveHalvingPruner(minResource: .steps(1), reductionFactor: 2)
    // Values at rung 0: {1, 2, 3} + 2.5 → N = 4, keep the top 4/2 = 2 → cutoff 2.0.
    let study = StudySnapshot(trials: rung0 + [running(7, [1: 2.5])])
    #expect(try pruner.prune(study: study, trial: running(7, [1: 2.5])))
    let study2 = StudySnapshot(trials: rung0 + [running(8, [1: 1.5])])
    #expect(try !pruner.prune(study: study2, trial: running(8, [1: 1.5])))
    #expect(study2.allTrials.last?.systemAttrs["completed_rung_0"] == .double(1.5))
    // Before the first rung (step 0 < min_resource 1) nothing happens.
    #expect(try !pruner.prune(study: study2, trial: running(8, [0: 99])))
  }

  @Test func testSuccessiveHalving_autoWaitsForACompletedTrial() throws {
    let pruner = try SuccessiveHalvingPruner()
    #expect(try !pruner.prune(study: StudySnapshot(), trial: running(0, [5: 100])))
    #expect(throws: SearchError.self) { try SuccessiveHalvingPruner(reductionFactor: 1) }
    #expect(throws: SearchError.self) { try SuccessiveHalvingPruner(bootstrapCount: 2) }
  }

  @Test func testHyperband_bracketsMatchOptunaHash() throws {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    let pruner = try HyperbandPruner(minResource: 1, maxResource: .steps(81), reductionFactor: 3)
    let study = StudySnapshot(studyName: "hb")
    _ = try pruner.prune(study: study, trial: running(0, [0: 1]))
    #expect(pruner.bracketCount == 5)
    // Budgets 81, 34, 15, 8, 5; brackets from Python: crc32(f"hb_{n}") % 143.
    let expected = [0, 1, 0, 3, 0, 0, 0, 1, 1, 1, 1, 0]
    #expect((0..<12).map { pruner.bracketID(studyName: "hb", trialNumber: $0) } == expected)
  }

  @Test func testThreshold() throws {
    let p = try ThresholdPruner(lower: 0, upper: 1)
    let s = StudySnapshot()
    #expect(p.prune(study: s, trial: running(0, [0: 1.5])))
    #expect(p.prune(study: s, trial: running(0, [0: -0.1])))
    #expect(!p.prune(study: s, trial: running(0, [0: 0.5])))
    #expect(p.prune(study: s, trial: running(0, [0: .nan])))
    #expect(throws: SearchError.self) { try ThresholdPruner() }
    #expect(throws: SearchError.self) { try ThresholdPruner(lower: 2, upper: 1) }
  }

  @Test func testPatient() throws {
    let p = try PatientPruner(wrapped: nil, patience: 2)
    let s = StudySnapshot()
    #expect(try p.prune(study: s, trial: running(0, [0: 5, 1: 4, 2: 4.5, 3: 4.2, 4: 4.1])))
    #expect(try !p.prune(study: s, trial: running(0, [0: 5, 1: 4, 2: 4.5, 3: 3.9, 4: 4.1])))
    #expect(try !p.prune(study: s, trial: running(0, [0: 5, 1: 6, 2: 7])))  // too few steps
    let wrapped = try PatientPruner(wrapped: NopPruner(), patience: 0)
    #expect(try !wrapped.prune(study: s, trial: running(0, [0: 1, 1: 2])))
  }

  @Test func testPrunerInsideOptimize() throws {
    let study = try Study.create(sampler: RandomSampler(seed: 0), pruner: try ThresholdPruner(upper: 0.5), logger: .silent)
    try study.optimize(nTrials: 20) { t in
      let x = try t.suggestFloat("x", low: 0, high: 1)
      try t.report(x, step: 0)
      if try t.shouldPrune() { throw TrialPruned() }
      return x
    }
    #expect(study.trials.allSatisfy { ($0.state == .pruned) == (($0.params["x"]?.doubleValue ?? 0) > 0.5) })
    #expect(study.trials.contains { $0.state == .pruned })
  }
}

@Suite struct HyperbandSamplerViewTests {
  final class SeenSampler: Sampler, @unchecked Sendable {
    let seen = Locked<[Int: [Int]]>([:])
    func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace { [:] }
    func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) -> [String: ParamValue] { [:] }
    func sampleIndependent(study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution) -> ParamValue {
      let numbers = study.trials(states: nil).map(\.number)
      seen.withLock { $0[trial.number] = numbers }
      return distribution.toExternal(0.5)
    }
  }

  @Test func testSamplerSeesOnlyItsBracketUnderHyperband() throws {
    let sampler = SeenSampler()
    let pruner = try HyperbandPruner(minResource: 1, maxResource: .steps(81), reductionFactor: 3)
    let study = try Study.create(studyName: "hb", sampler: sampler, pruner: pruner, logger: .silent)
    try study.optimize(nTrials: 12) { t in
      let x = try t.suggestFloat("x", low: 0, high: 1)
      try t.report(x, step: 1)
      _ = try t.shouldPrune()
      return x
    }
    // Brackets of trials 0..<12 for study "hb" (from Python's binascii.crc32, as above).
    let bracket = [0, 1, 0, 3, 0, 0, 0, 1, 1, 1, 1, 0]
    for n in 1..<12 {
      let visible = sampler.seen.current[n] ?? []
      #expect(visible.allSatisfy { bracket[$0] == bracket[n] }, "trial \(n) saw \(visible)")
    }
    #expect(sampler.seen.current[11]?.contains(0) == true)
  }
}
