import Foundation
import Testing

@testable import HPSSearch

/// Shared checks for samplers (a name → factory(seed) table), plus the call protocol between
/// Study and Sampler.
@Suite struct SamplerContractTests {
  static let factories: [(String, @Sendable (Int) -> any Sampler)] = [
    ("random", { RandomSampler(seed: $0) }),
    ("partial-fixed", { PartialFixedSampler(fixedParams: ["fixed": 3], base: RandomSampler(seed: $0), logger: .silent) }),
  ]

  static func objective(_ t: Trial) throws -> Double {
    let a = try t.suggestFloat("a", low: -3, high: 3)
    let b = try t.suggestFloat("b", low: 1e-4, high: 1, log: true)
    let c = try t.suggestFloat("c", low: 0, high: 1, step: 0.2)
    let d = try t.suggestInt("d", low: -2, high: 7, step: 3)
    let e = try t.suggestInt("e", low: 1, high: 1000, log: true)
    let f = try t.suggestCategorical("f", choices: [.none, true, 2, 2.5, "s"])
    _ = try t.suggestFloat("single", low: 4, high: 4)
    _ = try t.suggestInt("fixed", low: 0, high: 5)
    return a * a + b + c + Double(d + e) + (f == "s" ? 1 : 0)
  }

  @Test(arguments: factories.map(\.0)) func testValuesStayInsideDistributions(name: String) throws {
    guard let make = Self.factories.first(where: { $0.0 == name })?.1 else { return }
    let study = try Study.create(sampler: make(0), pruner: NopPruner(), logger: .silent)
    try study.optimize(nTrials: 40, Self.objective)
    for trial in study.trials {
      for (param, value) in trial.params {
        #expect(trial.distributions[param]?.containsExternal(value) == true, "\(name): \(param)=\(value)")
      }
      #expect(trial.params["single"] == .float(4))
    }
  }

  @Test(arguments: factories.map(\.0)) func testSeededRunsAreReproducible(name: String) throws {
    guard let make = Self.factories.first(where: { $0.0 == name })?.1 else { return }
    func run(_ seed: Int) throws -> [[String: ParamValue]] {
      let study = try Study.create(sampler: make(seed), pruner: NopPruner(), logger: .silent)
      try study.optimize(nTrials: 15, Self.objective)
      return study.trials.map(\.params)
    }
    #expect(try run(5) == run(5))
    #expect(try run(5) != run(6))
  }

  @Test func testRandomSampler_coversIntRangeEvenly() {
    let sampler = RandomSampler(seed: 9)
    guard let d = try? Distribution.int(1, 4) else { return }
    var counts = [Int: Int]()
    for _ in 0..<4000 { counts[sampler.sample(d).intValue ?? 0, default: 0] += 1 }
    #expect(counts.keys.sorted() == [1, 2, 3, 4])
    #expect(counts.values.allSatisfy { abs($0 - 1000) < 150 })
  }

  /// Records the calls a Study makes, and proposes a relative value for "x".
  final class RecordingSampler: Sampler, @unchecked Sendable {
    let log = Locked<[String]>([])
    let relative: Distribution

    init(relative: Distribution) { self.relative = relative }

    func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace {
      log.withLock { $0.append("infer") }
      return ["x": relative]
    }
    func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) -> [String: ParamValue] {
      log.withLock { $0.append("relative") }
      return ["x": 0.75]
    }
    func sampleIndependent(study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution) -> ParamValue {
      log.withLock { $0.append("independent:\(name)") }
      return distribution.toExternal(0)
    }
    func beforeTrial(study: any StudyView, trial: FrozenTrial) { log.withLock { $0.append("before") } }
    func afterTrial(study: any StudyView, trial: FrozenTrial, state: TrialState, values: [Double]?) {
      log.withLock { $0.append("after:\(state.name):\(trial.state.name)") }
    }
  }

  @Test func testCallOrderAndRelativeValuesNeedTheSameDistribution() throws {
    let sampler = RecordingSampler(relative: try .float(0, 1))
    let study = try Study.create(sampler: sampler, pruner: NopPruner(), logger: .silent)
    try study.optimize(nTrials: 1) { t in
      #expect(try t.suggestFloat("x", low: 0, high: 1) == 0.75)
      _ = try t.suggestFloat("y", low: 0, high: 1)
      return 1
    }
    #expect(sampler.log.current == ["before", "infer", "relative", "independent:y", "after:COMPLETE:COMPLETE"])

    let other = RecordingSampler(relative: try .float(0, 1))
    let study2 = try Study.create(sampler: other, pruner: NopPruner(), logger: .silent)
    try study2.optimize(nTrials: 1) { t in try t.suggestFloat("x", low: 0, high: 2) }  // different range
    #expect(other.log.current.contains("independent:x"))
    #expect(study2.trials[0].params["x"] == .float(0))
  }

  @Test func testCategoricalChoicesCannotChangeAcrossTrials() throws {
    let study = try Study.create(sampler: RandomSampler(seed: 0), logger: .silent)
    try study.optimize(nTrials: 1) { t in _ = try t.suggestCategorical("k", choices: ["a", "b"]); return 0 }
    #expect(throws: SearchError.self) {
      try study.optimize(nTrials: 1) { t in _ = try t.suggestCategorical("k", choices: ["a", "b", "c"]); return 0 }
    }
  }

  @Test func testDeprecatedAliasesWarnAndMatchSuggestFloat() throws {
    let (logger, records) = SearchLogger.collecting()
    let study = try Study.create(sampler: RandomSampler(seed: 0), logger: logger)
    let t = try study.ask()
    let u = try t.suggestUniform("u", low: 0, high: 1)
    let l = try t.suggestLogUniform("l", low: 1e-3, high: 1)
    let q = try t.suggestDiscreteUniform("q", low: 0, high: 1, q: 0.25)
    #expect((0...1).contains(u) && (1e-3...1).contains(l) && [0, 0.25, 0.5, 0.75, 1].contains(q))
    #expect(t.distributions["l"] == (try .float(1e-3, 1, log: true)))
    #expect(t.distributions["q"] == (try .float(0, 1, step: 0.25)))
    #expect(records.current.filter { $0.message.contains("deprecated") }.count == 3)
  }

  @Test func testEnqueuedValueOutsideRangeIsUsedWithWarning() throws {
    let (logger, records) = SearchLogger.collecting()
    let study = try Study.create(sampler: RandomSampler(seed: 0), logger: logger)
    try study.enqueueTrial(["x": 5.0])
    try study.optimize(nTrials: 1) { t in try t.suggestFloat("x", low: 0, high: 1) }
    #expect(study.trials[0].params["x"] == .float(5))
    #expect(records.current.contains { $0.message.contains("out of range") })
  }

  @Test func testStopFromCallback() throws {
    let study = try Study.create(sampler: RandomSampler(seed: 0), logger: .silent)
    try study.optimize(nTrials: 100, callbacks: [{ s, t in if t.number == 4 { s.stop() } }]) { t in try t.suggestFloat("x", low: 0, high: 1) }
    #expect(study.trials.count == 5)
    try study.optimize(nTrials: 2) { t in try t.suggestFloat("x", low: 0, high: 1) }  // stop() does not stick
    #expect(study.trials.count == 7)
  }

  @Test func testPlainPrunerIsATrialSchedulerThroughTrial() throws {
    let study = try Study.create(sampler: RandomSampler(seed: 0), pruner: try ThresholdPruner(upper: 1), logger: .silent)
    let t = try study.ask()
    try t.report(0.5, step: 0)
    #expect(try t.schedulerDecision() == .continue)
    try t.report(2, step: 1)
    #expect(try t.schedulerDecision() == .stop)
  }
}
