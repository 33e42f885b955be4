import Foundation
import Testing
@testable import HPSSearch

/// Constrained optimization as Optuna 5 does it: constraints from a sampler's constraints_func
/// or from Trial.setConstraint, read by TPE's split, NSGA-II's ranking and best_trial(s).
@Suite struct ConstrainedOptimizationTests {
  /// A silent logger that keeps warnings.
  final class Log: @unchecked Sendable {
    let messages = Locked<[String]>([])
    var logger: SearchLogger { SearchLogger(minimumLevel: .warning) { [messages] r in messages.withLock { $0.append(r.message) } } }
  }

  /// minimize (x − 2)² subject to x ≤ 1 (constraint x − 1 ≤ 0): the constrained optimum is x = 1.
  static func feasibleShareOfLateTrials(_ sampler: any Sampler, viaTrial: Bool) throws -> (share: Double, best: FrozenTrial) {
    let study = try Study.create(sampler: sampler, logger: Log().logger)
    try study.optimize(nTrials: 80) { t in
      let x = try t.suggestFloat("x", low: -5, high: 5)
      if viaTrial { try t.setConstraint("x_at_most_1", x - 1) }
      return (x - 2) * (x - 2)
    }
    let late = try study.getTrials(states: [.complete]).suffix(40)
    let feasible = late.filter { ($0.params["x"]?.doubleValue ?? 9) <= 1 }.count
    return (Double(feasible) / Double(late.count), try study.bestTrial())
  }

  @Test func constrainedTPEStaysFeasibleAndBestTrialIsFeasible() throws {
    let constraint: @Sendable (FrozenTrial) -> [Double] = { [($0.params["x"]?.doubleValue ?? 0) - 1] }
    let viaFunc = try Self.feasibleShareOfLateTrials(try TPESampler(seed: 1, constraintsFunc: constraint), viaTrial: false)
    let viaTrial = try Self.feasibleShareOfLateTrials(try TPESampler(seed: 1), viaTrial: true)
    let unconstrained = try Self.feasibleShareOfLateTrials(try TPESampler(seed: 1), viaTrial: false)
    #expect(unconstrained.share < 0.3, "without constraints TPE goes to x = 2: \(unconstrained.share)")
    for run in [viaFunc, viaTrial] {
      #expect(run.share >= unconstrained.share + 0.3, "feasible share \(run.share) vs \(unconstrained.share)")
      let x = try #require(run.best.params["x"]?.doubleValue)
      #expect(x <= 1 && x > 0.8, "best feasible x = \(x)")
      #expect(run.best.isFeasible)
    }
    // constraints_func stores Optuna's list attr; set_constraint stores named attrs.
    #expect(viaFunc.best.constraints?.count == 1)
    #expect(viaTrial.best.constraintValues.keys.sorted() == ["x_at_most_1"])
  }

  @Test func setConstraintRejectsNaNAndKeepsTheFirstValue() throws {
    let log = Log()
    let study = try Study.create(sampler: RandomSampler(seed: 0), logger: log.logger)
    let trial = try study.ask()
    #expect(throws: SearchError.self) { try trial.setConstraint("c", .nan) }
    try trial.setConstraint("c", 2)
    try trial.setConstraint("c", -1)
    let told = try study.tell(trialNumber: trial.number, values: [1])
    #expect(told.constraintValues == ["c": 2])
    #expect(!told.isFeasible && told.infeasibilityScore == 2)
    #expect(log.messages.current.contains { $0.contains("already set") })
    // The only completed trial is infeasible: best_trial has no answer, as in Optuna.
    #expect(throws: SearchError.self) { try study.bestTrial() }
  }

  @Test func bestTrialsSkipInfeasibleTrialsButKeepUnconstrainedOnes() throws {
    let study = try Study.create(sampler: RandomSampler(seed: 0), directions: [.minimize, .minimize], logger: Log().logger)
    let a = try study.ask(); try a.setConstraint("c", 1)
    try study.tell(trialNumber: a.number, values: [0, 0])  // dominates but infeasible
    let b = try study.ask()
    try study.tell(trialNumber: b.number, values: [1, 1])  // no constraints: feasible
    #expect(try study.bestTrials().map(\.number) == [b.number])
  }

  @Test func nsga2StoresConstraintsAndPrefersFeasibleTrials() throws {
    let constraint: @Sendable (FrozenTrial) -> [Double] = { [($0.params["x"]?.doubleValue ?? 0) - 1] }
    func run(_ constraintsFunc: (@Sendable (FrozenTrial) -> [Double])?) throws -> (share: Double, study: Study) {
      let sampler = try NSGAIISampler(populationSize: 10, mutationProb: 0.1, seed: 2, constraintsFunc: constraintsFunc)
      let study = try Study.create(sampler: sampler, directions: [.minimize, .minimize], logger: Log().logger)
      try study.optimizeValues(nTrials: 100) { t in
        let x = try t.suggestFloat("x", low: -5, high: 5), y = try t.suggestFloat("y", low: -1, high: 1)
        return [(x - 2) * (x - 2) + y * y, (x - 3) * (x - 3) + y * y]
      }
      let late = try study.getTrials(states: [.complete]).suffix(30)
      return (Double(late.filter { ($0.params["x"]?.doubleValue ?? 9) <= 1 }.count) / 30, study)
    }
    let constrained = try run(constraint), free = try run(nil)
    let trials = try constrained.study.getTrials(states: [.complete])
    #expect(trials.allSatisfy { $0.constraints?.count == 1 })
    #expect(constrained.share >= free.share + 0.3, "feasible share \(constrained.share) vs \(free.share)")
    #expect(try constrained.study.bestTrials().allSatisfy(\.isFeasible))
  }

  @Test func metricNamesMatchTheObjectives() throws {
    let study = try Study.create(sampler: RandomSampler(seed: 0), directions: [.minimize, .maximize], logger: Log().logger)
    #expect(study.metricNames == nil)
    #expect(throws: SearchError.self) { try study.setMetricNames(["loss"]) }
    try study.setMetricNames(["loss", "accuracy"])
    #expect(study.metricNames == ["loss", "accuracy"])
    #expect(study.systemAttrs["study:metric_names"] != nil)
  }
}
