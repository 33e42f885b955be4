import Foundation
import Testing

@testable import HPSSearch

/// The Tuner with `execution: .parallel`: running trials execute at the same time, every report
/// is still decided alone (schedulers see a consistent order), no trial is lost or run twice,
/// and trials stopped while busy are wound down before fit() returns.
@Suite struct RayParallelTunerTests {
  /// Counts trials between their start and their end, and waits (up to `patience`) for a second
  /// one to be there before the first report.
  final class Overlap: @unchecked Sendable {
    private let condition = NSCondition()
    private var now = 0
    private(set) var peak = 0
    private(set) var met = 0

    func enter(patience: TimeInterval) {
      condition.lock()
      now += 1
      peak = max(peak, now)
      condition.broadcast()
      let deadline = Date().addingTimeInterval(patience)
      while peak < 2, condition.wait(until: deadline) {}
      if peak >= 2 { met += 1 }
      condition.unlock()
    }

    func leave() {
      condition.lock()
      now -= 1
      condition.unlock()
    }
  }

  static func overlapping(_ overlap: Overlap, patience: TimeInterval) -> TuneTrainable {
    { _, reporter in
      overlap.enter(patience: patience)
      defer { overlap.leave() }
      for _ in 0..<3 { try reporter.report(["x": 1]) }
      return nil
    }
  }

  @Test func runningTrialsExecuteAtTheSameTime() throws {
    let overlap = Overlap()
    var run = TuneRunConfig(cpus: 2, logger: .silent)
    run.execution = .parallel
    let grid = try Tuner(
      trainable: Self.overlapping(overlap, patience: 10), paramSpace: ["a": try Tune.uniform(0, 1)],
      tuneConfig: TuneConfig(metric: "x", mode: .max, numSamples: 4, seed: 1), runConfig: run
    ).fit()
    // Two trials were inside their trainables at once (the first waited for the second), and
    // never more than the two CPUs.
    #expect(overlap.peak == 2)
    #expect(overlap.met == 4)
    #expect(grid.count == 4 && grid.numTerminated == 4)
  }

  @Test func inTurnsOnlyOneTrialExecutes() throws {
    let overlap = Overlap()
    let grid = try Tuner(
      trainable: Self.overlapping(overlap, patience: 0.05), paramSpace: ["a": try Tune.uniform(0, 1)],
      tuneConfig: TuneConfig(metric: "x", mode: .max, numSamples: 3, seed: 1),
      runConfig: TuneRunConfig(cpus: 2, logger: .silent)
    ).fit()
    // Turns: a second trial starts only once the first blocks in report, after its wait.
    #expect(overlap.met == 2)  // trials 1 and 2 found the first one still alive, not executing
    #expect(grid.numTerminated == 3)
  }

  /// Lets reports through in a fixed order of trial numbers; each trainable works in parallel
  /// between its reports but waits for its ticket to report.
  final class Tickets: @unchecked Sendable {
    private let condition = NSCondition()
    private let order: [Int]
    private var position = 0
    private(set) var timedOut = false
    init(_ order: [Int]) { self.order = order }

    func report(_ trial: Int, _ body: () throws -> Void) rethrows {
      condition.lock()
      let deadline = Date().addingTimeInterval(5)
      while position < order.count, order[position] != trial {
        if !condition.wait(until: deadline) {
          timedOut = true
          break
        }
      }
      condition.unlock()
      defer {
        condition.lock()
        position += 1
        condition.broadcast()
        condition.unlock()
      }
      try body()
    }
  }

  @Test func ashaDecidesEachReportAloneInArrivalOrder() throws {
    // Scores q·i with q = 1, 4, 2, 3; maximize; rungs at 1, 2 and 4 (max_t), rf 2. Reports
    // arrive round-robin by iteration. Rung 1: 1 (first), 4 ≥ p50[1] = 1, 2 < p50[1, 4] = 2.5
    // → trial 2 stops, 3 ≥ p50[1, 4, 2] = 2. Rung 2: 2 (first), 8 ≥ 2, 6 ≥ p50[2, 8] = 5.
    // The rest reach max_t.
    let qs = [1.0, 4, 2, 3]
    let tickets = Tickets([0, 1, 2, 3] + Array(repeating: [0, 1, 3], count: 3).flatMap { $0 })
    let busy = Overlap()
    let trainable: TuneTrainable = { config, reporter in
      let q = config["q"]?.doubleValue ?? 0
      let me = qs.firstIndex(of: q) ?? -1
      busy.enter(patience: 0)
      defer { busy.leave() }
      for i in 1...4 {
        Thread.sleep(forTimeInterval: 0.002)  // the "work" between reports, done at once
        try tickets.report(me) { try reporter.report(["score": .float(q * Double(i))]) }
      }
      return nil
    }
    var run = TuneRunConfig(cpus: 4, logger: .silent)
    run.execution = .parallel
    let asha = try ASHAScheduler(maxT: 4, gracePeriod: 1, reductionFactor: 2)
    let grid = try Tuner(
      trainable: trainable, paramSpace: ["q": try Tune.gridSearch(qs.map { TuneValue.float($0) })],
      tuneConfig: TuneConfig(metric: "score", mode: .max, scheduler: asha), runConfig: run
    ).fit()
    #expect(!tickets.timedOut)
    #expect(busy.peak >= 2)
    #expect(grid.results.map(\.metricsHistory.count) == [4, 4, 1, 4])
    #expect(try grid.study.getTrials().map(\.state) == [.complete, .complete, .pruned, .complete])
  }

  @Test func noTrialIsLostOrRunTwiceAndErrorsStayInTheirTrial() throws {
    struct Diverged: Error, CustomStringConvertible { var description: String { "diverged" } }
    let starts = Locked([Int: Int]())
    let trainable: TuneTrainable = { config, reporter in
      let k = config["k"]?.intValue ?? -1
      starts.withLock { $0[k, default: 0] += 1 }
      for i in 1...5 {
        Thread.sleep(forTimeInterval: 0.001)
        if k % 4 == 3 && i == 2 { throw Diverged() }
        try reporter.report(["loss": .float(Double(k) + 1 / Double(i))])
      }
      return nil
    }
    var run = TuneRunConfig(cpus: 3, logger: .silent)
    run.execution = .parallel
    let grid = try Tuner(
      trainable: trainable, paramSpace: ["k": try Tune.gridSearch((0..<12).map { TuneValue.int($0) })],
      tuneConfig: TuneConfig(metric: "loss", mode: .min), runConfig: run
    ).fit()
    #expect(grid.count == 12)
    #expect(starts.current == Dictionary(uniqueKeysWithValues: (0..<12).map { ($0, 1) }))
    #expect(Set(grid.results.map(\.trialID)).count == 12)
    for r in grid.results {
      let k = r.config["k"]?.intValue ?? -1
      let iterations = r.metricsHistory.compactMap { $0["training_iteration"]?.intValue }
      if k % 4 == 3 {
        #expect(r.status == .error && iterations == [1])
      } else {
        #expect(r.status == .terminated && iterations == [1, 2, 3, 4, 5])
      }
    }
    let states = try grid.study.getTrials().map(\.state)
    #expect(states.filter { $0 == .fail }.count == 3 && states.filter { $0 == .complete }.count == 9)
    #expect(grid.errors == ["diverged", "diverged", "diverged"])
  }

  @Test func anInterruptStopsBusyTrialsAndWaitsForTheirThreads() throws {
    let alive = Locked(0)
    let trainable: TuneTrainable = { _, reporter in
      alive.withLock { $0 += 1 }
      defer { alive.withLock { $0 -= 1 } }
      for _ in 0..<10_000 {
        Thread.sleep(forTimeInterval: 0.002)
        try reporter.report(["x": 1])
      }
      return nil
    }
    let start = Date()
    var run = TuneRunConfig(cpus: 2, logger: .silent)
    run.execution = .parallel
    run.shouldStop = { Date().timeIntervalSince(start) > 0.3 }
    let grid = try Tuner(
      trainable: trainable, paramSpace: ["a": try Tune.uniform(0, 1)],
      tuneConfig: TuneConfig(metric: "x", mode: .max, numSamples: 6), runConfig: run
    ).fit()
    #expect(Date().timeIntervalSince(start) < 5)
    #expect(alive.current == 0)  // every trial thread has left its trainable
    #expect(grid.count == 2)
    #expect(grid.results.allSatisfy { $0.status == .terminated && $0.stoppedEarly })
  }

  @Test(arguments: ["hyperband", "median", "asha"])
  func everySchedulerEndsEveryTrialUnderParallelExecution(_ name: String) throws {
    let trainable: TuneTrainable = { config, reporter in
      let q = config["q"]?.doubleValue ?? 0
      for i in 1...9 {
        Thread.sleep(forTimeInterval: 0.001)
        try reporter.report(["score": .float(q * Double(i)), "time_total_s": .float(Double(i))])
      }
      return nil
    }
    let scheduler: any TuneScheduler
    switch name {
    case "hyperband": scheduler = try HyperBandScheduler(maxT: 9, reductionFactor: 3)
    case "median": scheduler = try MedianStoppingRule(timeAttr: "training_iteration", gracePeriod: 2, minSamplesRequired: 2)
    default: scheduler = try ASHAScheduler(maxT: 9, gracePeriod: 1, reductionFactor: 3, brackets: 2)
    }
    var run = TuneRunConfig(cpus: 3, logger: .silent)
    run.execution = .parallel
    let grid = try Tuner(
      // Worse trials start later, so every scheduler has someone to cut short whatever the timing.
      trainable: trainable, paramSpace: ["q": try Tune.gridSearch((1...9).reversed().map { TuneValue.float(Double($0)) })],
      tuneConfig: TuneConfig(metric: "score", mode: .max, scheduler: scheduler), runConfig: run
    ).fit()
    #expect(grid.count == 9 && Set(grid.results.map(\.trialID)).count == 9)
    #expect(grid.results.allSatisfy { $0.status == .terminated })
    let states = try grid.study.getTrials().map(\.state)
    #expect(states.allSatisfy { $0 == .complete || $0 == .pruned }, "\(states)")
    // Each stopped somewhere: the best trial ran its whole budget, and some were cut short.
    let best = grid.results.first { $0.config["q"]?.doubleValue == 9 }
    #expect(best?.metricsHistory.count ?? 0 >= 9 || name == "hyperband")
    #expect(grid.results.contains { $0.metricsHistory.count < 9 })
  }

  @Test func pbtExploitsUnderParallelExecution() throws {
    let trainable: TuneTrainable = { config, reporter in
      var w = (reporter.checkpoint?.state as? Double) ?? 0
      let lr = config["lr"]?.doubleValue ?? 0
      while true {
        w += lr
        Thread.sleep(forTimeInterval: 0.001)
        try reporter.report(["score": .float(w), "w": .float(w)], checkpoint: TuneCheckpoint(w))
      }
    }
    let pbt = try PopulationBasedTraining(
      timeAttr: "training_iteration", perturbationInterval: 2, hyperparamMutations: [("lr", .values([0.1, 0.2, 0.3, 0.4]))],
      resampleProbability: 0, seed: 3, logger: .silent)
    var run = TuneRunConfig(stop: ["training_iteration": 8], cpus: 4, logger: .silent)
    run.execution = .parallel
    let grid = try Tuner(
      trainable: trainable, paramSpace: ["lr": try Tune.gridSearch([0.1, 0.2, 0.3, 0.4])],
      tuneConfig: TuneConfig(metric: "score", mode: .max, scheduler: pbt), runConfig: run
    ).fit()
    #expect(grid.results.allSatisfy { $0.status == .terminated && $0.metrics["training_iteration"] == 8 })
    #expect(pbt.numPerturbations >= 1)
    let trials = try grid.study.getTrials()
    #expect(trials.contains { ($0.userAttrs["pbt_perturbations"]?.intValue ?? 0) > 0 })
  }
}
