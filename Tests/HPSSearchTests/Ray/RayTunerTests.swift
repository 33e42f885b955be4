import Foundation
import Testing

@testable import HPSSearch

/// Tuner end to end on toy trainables: results, study records, ASHA stopping, PBT cloning state,
/// errors, concurrency limits, search algorithms and best-result scopes.
@Suite struct RayTunerTests {
  /// Reports `quality * i` for i = 1...iterations.
  static let linear: TuneTrainable = { config, reporter in
    let q = config["q"]?.doubleValue ?? 0
    for i in 1...20 { try reporter.report(["score": .float(q * Double(i))]) }
    return nil
  }

  @Test func fifoRunsEveryTrialAndRecordsTheStudy() throws {
    let space: TuneValue = ["q": try Tune.gridSearch([1, 2, 3]), "tag": "toy"]
    let tuner = Tuner(
      trainable: Self.linear, paramSpace: space,
      tuneConfig: TuneConfig(metric: "score", mode: .max, numSamples: 2), runConfig: TuneRunConfig(logger: .silent))
    let grid = try tuner.fit()
    #expect(grid.count == 6)
    #expect(grid.numTerminated == 6 && grid.numErrors == 0)
    #expect(grid.results.allSatisfy { $0.metricsHistory.count == 20 })
    #expect(grid[0].metrics["training_iteration"] == 20)
    let best = try grid.getBestResult()
    #expect(best.config["q"] == 3)
    // The study holds params (with the grid's categorical distribution), intermediate values at
    // training_iteration and the last value.
    let trials = try grid.study.getTrials()
    #expect(trials.count == 6 && trials.allSatisfy { $0.state == .complete })
    #expect(trials[0].params["q"] == 1 && trials[0].params["tag"] == "toy")
    #expect(trials[0].distributions["q"] == (try Distribution.categorical([1, 2, 3])))
    #expect(trials[2].intermediateValues[20] == 60 && trials[2].intermediateValues.count == 20)
    #expect(trials[2].value == 60)
    #expect(grid.study.direction == .maximize)
    // Ray's dataframe: last result per trial plus config/ columns.
    let frame = try grid.getDataframe()
    #expect(frame.column("config/q")?.count == 6)
    #expect(frame.column("score")?.first == 20.0)
    #expect(grid.description.contains("6 TERMINATED"))
    let header = grid.description.split(separator: "\n")[1]
    #expect(header.contains("Trial name") && header.contains("iter") && header.contains("score") && header.contains("q"))
    #expect(grid.description.split(separator: "\n").count == 2 + 6 + 1)
  }

  @Test func ashaStopsBadTrialsEarly() throws {
    // Descending quality: each later trial is worse than the median at rung 1 and stops there.
    let space: TuneValue = ["q": try Tune.gridSearch([8, 7, 6, 5, 4, 3, 2, 1])]
    let asha = try ASHAScheduler(maxT: 20, gracePeriod: 1, reductionFactor: 2)
    let tuner = Tuner(
      trainable: Self.linear, paramSpace: space,
      tuneConfig: TuneConfig(metric: "score", mode: .max, scheduler: asha), runConfig: TuneRunConfig(logger: .silent))
    let grid = try tuner.fit()
    let iterations = grid.results.map(\.metricsHistory.count)
    #expect(iterations == [20, 1, 1, 1, 1, 1, 1, 1])
    #expect(grid.results.dropFirst().allSatisfy { $0.stoppedEarly })
    #expect(!grid[0].stoppedEarly)
    let states = try grid.study.getTrials().map(\.state)
    #expect(states == [.complete] + Array(repeating: .pruned, count: 7))
    #expect(asha.numStopped == 8)  // seven early stops plus the max_t stop
  }

  @Test func pbtExploitCopiesTheBetterTrialsState() throws {
    // The state is a running sum w += lr; the checkpoint carries w. Trial 0 (lr 0.1) is worst at
    // t=4 and clones trial 3's checkpoint from t=2 (w = 0.8).
    let trainable: TuneTrainable = { config, reporter in
      var w = (reporter.checkpoint?.state as? Double) ?? 0
      let lr = config["lr"]?.doubleValue ?? 0
      while true {
        w += lr
        try reporter.report(["score": .float(w), "w": .float(w)], checkpoint: TuneCheckpoint(w))
      }
    }
    let pbt = try PopulationBasedTraining(
      timeAttr: "training_iteration", perturbationInterval: 2, hyperparamMutations: [("lr", .values([0.1, 0.2, 0.3, 0.4]))],
      resampleProbability: 0, seed: 3, logger: .silent)
    let tuner = Tuner(
      trainable: trainable, paramSpace: ["lr": try Tune.gridSearch([0.1, 0.2, 0.3, 0.4])],
      tuneConfig: TuneConfig(metric: "score", mode: .max, scheduler: pbt),
      runConfig: TuneRunConfig(stop: ["training_iteration": 6], logger: .silent))
    let grid = try tuner.fit()
    let first = grid[0]
    let iterations = first.metricsHistory.compactMap { $0["training_iteration"]?.intValue }
    // Restored at trial 3's checkpoint (iteration 2), so the count restarts from 3.
    #expect(Array(iterations.prefix(5)) == [1, 2, 3, 4, 3])
    let wAfter = first.metricsHistory[4]["w"]?.doubleValue ?? 0
    #expect(abs(wAfter - 1.1) < 1e-9 || abs(wAfter - 1.2) < 1e-9)
    #expect([0.3, 0.4].contains(first.config["lr"]?.doubleValue ?? 0))
    #expect(pbt.numPerturbations >= 1)
    let stored = try grid.study.getTrials()[0]
    #expect(stored.userAttrs["pbt_perturbations"]?.intValue ?? 0 >= 1)
  }

  @Test func pbtSynchronousModePerturbsEveryoneAtTheSyncPoint() throws {
    let order = Locked<[String]>([])
    let trainable: TuneTrainable = { config, reporter in
      var w = (reporter.checkpoint?.state as? Double) ?? 0
      let lr = config["lr"]?.doubleValue ?? 0
      while true {
        w += lr
        order.withLock { $0.append("\(lr)") }
        try reporter.report(["score": .float(w), "w": .float(w)], checkpoint: TuneCheckpoint(w))
      }
    }
    let pbt = try PopulationBasedTraining(
      timeAttr: "training_iteration", perturbationInterval: 2, hyperparamMutations: [("lr", .values([0.1, 0.2, 0.3, 0.4]))],
      resampleProbability: 0, synch: true, seed: 3, logger: .silent)
    let grid = try Tuner(
      trainable: trainable, paramSpace: ["lr": try Tune.gridSearch([0.1, 0.2, 0.3, 0.4])],
      tuneConfig: TuneConfig(metric: "score", mode: .max, scheduler: pbt),
      runConfig: TuneRunConfig(stop: ["training_iteration": 6], logger: .silent)
    ).fit()
    // Everyone reaches t=2 before anyone goes on: the first 8 reports are 4 × t=1 and 4 × t=2.
    #expect(Set(order.current.prefix(8)) == ["0.1", "0.2", "0.3", "0.4"])
    // At the sync point trial 0 (w 0.2) exploits trial 3 (w 0.8, checkpoint at t=2).
    let first = grid[0]
    #expect(first.metricsHistory.prefix(3).compactMap { $0["training_iteration"]?.intValue } == [1, 2, 3])
    let w3 = first.metricsHistory[2]["w"]?.doubleValue ?? 0
    #expect(abs(w3 - 1.1) < 1e-9 || abs(w3 - 1.2) < 1e-9)
    #expect(grid.results.allSatisfy { $0.metrics["training_iteration"] == 6 })
    #expect(pbt.numPerturbations >= 1)
  }

  @Test func pbtSavesOnDemandThroughTheCheckpointSaver() throws {
    // No checkpoint per report: PBT asks for one only from top-quantile trials at perturbation.
    let saves = Locked(0)
    let trainable: TuneTrainable = { config, reporter in
      var w = (reporter.checkpoint?.state as? Double) ?? 0
      let lr = config["lr"]?.doubleValue ?? 0
      reporter.checkpointSaver = {
        saves.withLock { $0 += 1 }
        return TuneCheckpoint(w)
      }
      while true {
        w += lr
        try reporter.report(["score": .float(w), "w": .float(w)])
      }
    }
    let pbt = try PopulationBasedTraining(
      timeAttr: "training_iteration", perturbationInterval: 2, hyperparamMutations: [("lr", .values([0.1, 0.2, 0.3, 0.4]))],
      resampleProbability: 0, seed: 3, logger: .silent)
    let grid = try Tuner(
      trainable: trainable, paramSpace: ["lr": try Tune.gridSearch([0.1, 0.2, 0.3, 0.4])],
      tuneConfig: TuneConfig(metric: "score", mode: .max, scheduler: pbt),
      runConfig: TuneRunConfig(stop: ["training_iteration": 6], logger: .silent))
      .fit()
    // Same exploit as with per-report checkpoints: trial 0 restarts from trial 3's state at t=2.
    let first = grid[0]
    #expect(first.metricsHistory.prefix(5).compactMap { $0["training_iteration"]?.intValue } == [1, 2, 3, 4, 3])
    let wAfter = first.metricsHistory[4]["w"]?.doubleValue ?? 0
    #expect(abs(wAfter - 1.1) < 1e-9 || abs(wAfter - 1.2) < 1e-9)
    // Far fewer saves than the 24+ reports.
    #expect(saves.current >= 1 && saves.current <= pbt.numCheckpoints)
  }

  @Test func pbtTimeMultiplexesAPopulationLargerThanTheCPUs() throws {
    let trainable: TuneTrainable = { config, reporter in
      var w = (reporter.checkpoint?.state as? Double) ?? 0
      let lr = config["lr"]?.doubleValue ?? 0
      while true {
        w += lr
        try reporter.report(["score": .float(w)], checkpoint: TuneCheckpoint(w))
      }
    }
    let pbt = try PopulationBasedTraining(
      timeAttr: "training_iteration", perturbationInterval: 2, hyperparamMutations: [("lr", .domain(try domain(Tune.uniform(0, 1))))],
      seed: 5, logger: .silent)
    let grid = try Tuner(
      trainable: trainable, paramSpace: ["lr": try Tune.uniform(0, 1)],
      tuneConfig: TuneConfig(metric: "score", mode: .max, scheduler: pbt, numSamples: 6, seed: 2),
      runConfig: TuneRunConfig(stop: ["training_iteration": 8], cpus: 2, logger: .silent)
    ).fit()
    #expect(grid.count == 6)
    #expect(grid.results.allSatisfy { $0.status == .terminated && $0.metrics["training_iteration"] == 8 })
    #expect(try grid.study.getTrials().allSatisfy { $0.state == .complete })
  }

  func domain(_ value: TuneValue) throws -> TuneDomain {
    guard case .domain(let d) = value else { throw TuneError.runtime(message: "not a domain") }
    return d
  }

  @Test func trainableErrorsBecomeTrialErrors() throws {
    struct Diverged: Error, CustomStringConvertible { var description: String { "loss diverged" } }
    let trainable: TuneTrainable = { config, reporter in
      try reporter.report(["loss": 1])
      if config["bad"] == true { throw Diverged() }
      return ["loss": 0.5]
    }
    let tuner = Tuner(
      trainable: trainable, paramSpace: ["bad": try Tune.gridSearch([false, true])],
      tuneConfig: TuneConfig(metric: "loss", mode: .min), runConfig: TuneRunConfig(logger: .silent))
    let grid = try tuner.fit()
    #expect(grid.numErrors == 1)
    #expect(grid.errors == ["loss diverged"])
    #expect(grid[1].status == .error)
    // A returned dict is the final result (done = True).
    #expect(grid[0].metrics["loss"] == 0.5 && grid[0].metrics["done"] == true)
    let states = try grid.study.getTrials().map(\.state)
    #expect(states == [.complete, .fail])
    #expect(try grid.getBestResult().number == 0)
  }

  @Test func maxConcurrentTrialsLimitsLiveTrials() throws {
    let live = Locked((now: 0, peak: 0))
    let trainable: TuneTrainable = { _, reporter in
      live.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
      defer { live.withLock { $0.now -= 1 } }
      for _ in 0..<3 { try reporter.report(["x": 1]) }
      return nil
    }
    let tuner = Tuner(
      trainable: trainable, paramSpace: ["a": try Tune.uniform(0, 1)],
      tuneConfig: TuneConfig(metric: "x", mode: .max, numSamples: 7, maxConcurrentTrials: 2),
      runConfig: TuneRunConfig(logger: .silent))
    let grid = try tuner.fit()
    #expect(grid.count == 7)
    #expect(live.current.peak == 2)
  }

  @Test func timeBudgetEndsAnUnlimitedRun() throws {
    let trainable: TuneTrainable = { _, reporter in
      for _ in 0..<1000 {
        Thread.sleep(forTimeInterval: 0.002)
        try reporter.report(["x": 1])
      }
      return nil
    }
    let start = Date()
    let grid = try Tuner(
      trainable: trainable, paramSpace: ["a": try Tune.uniform(0, 1)],
      tuneConfig: TuneConfig(metric: "x", mode: .max, numSamples: -1, timeBudgetS: 0.3),
      runConfig: TuneRunConfig(cpus: 2, logger: .silent)
    ).fit()
    #expect(Date().timeIntervalSince(start) < 3)
    #expect(grid.count >= 2)
    #expect(grid.results.allSatisfy { $0.status == .terminated })
  }

  @Test func optunaSearchDrivesTheEngineSampler() throws {
    let trainable: TuneTrainable = { config, reporter in
      let x = config["x"]?.doubleValue ?? 0
      let n = config["n"]?.intValue ?? 0
      try reporter.report(["loss": .float((x - 0.3) * (x - 0.3) + Double(n))])
      return nil
    }
    let search = try OptunaSearch(sampler: try TPESampler(seed: 1))
    let grid = try Tuner(
      trainable: trainable,
      paramSpace: ["x": try Tune.uniform(-2, 2), "n": try Tune.qrandint(0, 4, 2), "opt": try Tune.choice(["a", "b"])],
      tuneConfig: TuneConfig(metric: "loss", mode: .min, searchAlg: search, numSamples: 30, maxConcurrentTrials: 1),
      runConfig: TuneRunConfig(logger: .silent)
    ).fit()
    #expect(grid.count == 30)
    let trials = try grid.study.getTrials()
    #expect(trials.allSatisfy { $0.state == .complete })
    #expect(trials[0].distributions["n"] == (try Distribution.int(0, 4, step: 2)))
    let ns: Set<Int> = Set(trials.compactMap { $0.params["n"]?.intValue })
    #expect(ns.isSubset(of: [0, 2, 4]))
    let best = try grid.getBestResult()
    #expect(best.config["n"] == 0)
    #expect(abs((best.config["x"]?.doubleValue ?? 9) - 0.3) < 0.3)
  }

  @Test func gpAndRandomSamplersWorkAsSearchersToo() throws {
    let trainable: TuneTrainable = { config, reporter in
      let x = config["x"]?.doubleValue ?? 0
      try reporter.report(["loss": .float((x - 1e-2) * (x - 1e-2))])
      return nil
    }
    for sampler in [try GPSampler(seed: 2, nStartupTrials: 5) as any Sampler, RandomSampler(seed: 2)] {
      let grid = try Tuner(
        trainable: trainable, paramSpace: ["x": try Tune.loguniform(1e-4, 1), "k": try Tune.lograndint(1, 64)],
        tuneConfig: TuneConfig(metric: "loss", mode: .min, searchAlg: try OptunaSearch(sampler: sampler), numSamples: 12),
        runConfig: TuneRunConfig(logger: .silent)
      ).fit()
      let trials = try grid.study.getTrials()
      #expect(trials.count == 12 && trials.allSatisfy { $0.state == .complete })
      #expect(trials[0].distributions["x"] == (try Distribution.float(1e-4, 1, log: true)))
      // lograndint(1, 64) excludes 64: the searcher's range is [1, 63], log-scaled.
      #expect(trials[0].distributions["k"] == (try Distribution.int(1, 63, log: true)))
      #expect(grid.results.allSatisfy { ($0.config["k"]?.intValue ?? 0) < 64 })
    }
  }

  @Test func searchAlgorithmsRejectWhatTheyCannotModel() throws {
    func fit(_ space: TuneValue) throws {
      _ = try Tuner(
        trainable: Self.linear, paramSpace: space,
        tuneConfig: TuneConfig(metric: "score", mode: .max, searchAlg: try OptunaSearch()), runConfig: TuneRunConfig(logger: .silent)
      ).fit()
    }
    #expect { try fit(["q": try Tune.gridSearch([1, 2])]) } throws: { "\($0)".contains("Grid search parameters cannot be automatically converted") }
    #expect { try fit(["q": try Tune.randn()]) } throws: { "\($0)".contains("normal sampling is unbounded") }
    #expect { try fit(["q": Tune.sampleFrom { _ in 1 }]) } throws: { "\($0)".contains("sample_from cannot be used") }
  }

  @Test func configurationConflictsAreErrors() throws {
    let limiter = try ConcurrencyLimiter(try OptunaSearch(), maxConcurrent: 2)
    #expect {
      _ = try Tuner(
        trainable: Self.linear, paramSpace: ["q": try Tune.uniform(0, 1)],
        tuneConfig: TuneConfig(metric: "score", mode: .max, searchAlg: limiter, maxConcurrentTrials: 3),
        runConfig: TuneRunConfig(logger: .silent)
      ).fit()
    } throws: { "\($0)".contains("already a `ConcurrencyLimiter`") }
    #expect {
      _ = try Tuner(
        trainable: Self.linear, paramSpace: ["q": try Tune.uniform(0, 1)],
        tuneConfig: TuneConfig(metric: "score", mode: .max, scheduler: try ASHAScheduler(metric: "score", mode: .max)),
        runConfig: TuneRunConfig(logger: .silent)
      ).fit()
    } throws: { "\($0)".contains("scheduler was already instantiated with their own metric and mode") }
    #expect {
      _ = try Tuner(
        trainable: Self.linear, paramSpace: ["q": try Tune.uniform(0, 1)],
        tuneConfig: TuneConfig(scheduler: try ASHAScheduler()), runConfig: TuneRunConfig(logger: .silent)
      ).fit()
    } throws: { "\($0)".contains("instantiated without a valid `metric`") }
    #expect {
      _ = try Tuner(
        trainable: Self.linear, paramSpace: ["q": try Tune.uniform(0, 1)],
        tuneConfig: TuneConfig(
          metric: "score", mode: .max, searchAlg: try OptunaSearch(),
          scheduler: try PopulationBasedTraining(hyperparamMutations: [("q", .values([1]))])),
        runConfig: TuneRunConfig(logger: .silent)
      ).fit()
    } throws: { "\($0)".contains("Search algorithms cannot be used with PopulationBasedTraining") }
  }

  @Test func bestResultScopesFollowRay() throws {
    // Trial a: 1, 9, 2 (best 9, last 2, mean 4); trial b: 3, 3, 3.
    let trainable: TuneTrainable = { config, reporter in
      let values: [Double] = config["name"] == "a" ? [1, 9, 2] : [3, 3, 3]
      for v in values { try reporter.report(["acc": .float(v)]) }
      return nil
    }
    let grid = try Tuner(
      trainable: trainable, paramSpace: ["name": try Tune.gridSearch(["a", "b"])],
      tuneConfig: TuneConfig(), runConfig: TuneRunConfig(logger: .silent)
    ).fit()
    func best(_ scope: String) throws -> TuneValue? { try grid.getBestResult(metric: "acc", mode: .max, scope: scope).config["name"] }
    #expect(try best("last") == "b")
    #expect(try best("all") == "a")
    #expect(try best("avg") == "a")
    #expect(try best("last-5-avg") == "a")
    #expect(try grid.getBestResult(metric: "acc", mode: .min, scope: "all").config["name"] == "a")
    #expect { _ = try grid.getBestResult() } throws: { "\($0)".contains("No metric is provided") }
    #expect { _ = try grid.getBestResult(metric: "acc") } throws: { "\($0)".contains("No mode is provided") }
    #expect { _ = try grid.getBestResult(metric: "acc", mode: .max, scope: "best") } throws: { "\($0)".contains("for scope best") }
    #expect { _ = try grid.getBestResult(metric: "nope", mode: .max) } throws: { "\($0)".contains("No best trial found for the given metric: nope") }
    let filtered = try grid.getDataframe(filterMetric: "acc", filterMode: .max)
    #expect(filtered.column("acc") == [9.0, 3.0])
  }

  @Test func sqliteStorageKeepsTheRunForAnalysis() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ray-\(UUID().uuidString).db").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let storage = try SQLiteStorage(path: path)
    _ = try Tuner(
      trainable: Self.linear, paramSpace: ["q": try Tune.uniform(0, 1)],
      tuneConfig: TuneConfig(metric: "score", mode: .max, numSamples: 3, seed: 4),
      runConfig: TuneRunConfig(name: "ray-run", storage: storage, logger: .silent)
    ).fit()
    let loaded = try Study.load(studyName: "ray-run", storage: try SQLiteStorage(path: path), logger: .silent)
    #expect(loaded.trials.count == 3)
    #expect(loaded.trials.allSatisfy { $0.distributions["q"] == (try? Distribution.float(0, 1)) })
    #expect(loaded.trials[0].userAttrs["config"]?["q"]?.doubleValue == loaded.trials[0].params["q"]?.doubleValue)
  }
}

/// Runner paths that pause and resume trials: synchronous HyperBand and the median rule.
@Suite struct RayTunerPauseTests {
  @Test func hyperBandPausesPromotesAndStopsThroughTheRunner() throws {
    // max_t 9, eta 3: the first 3 trials fill bracket s=0 (budget 9), the next 5 bracket s=1
    // (milestone 3, then Ray's 6). Quality q makes score = q·t.
    let trainable: TuneTrainable = { config, reporter in
      let q = config["q"]?.doubleValue ?? 0
      for t in 1...50 { try reporter.report(["score": .float(q * Double(t))]) }
      return nil
    }
    let hb = try HyperBandScheduler(maxT: 9, reductionFactor: 3)
    let grid = try Tuner(
      trainable: trainable, paramSpace: ["q": try Tune.gridSearch([1, 2, 3, 5, 4, 3, 2, 1])],
      tuneConfig: TuneConfig(metric: "score", mode: .max, scheduler: hb), runConfig: TuneRunConfig(logger: .silent)
    ).fit()
    let iterations = grid.results.map(\.metricsHistory.count)
    // Bracket s=0 trains to 9. In bracket s=1 the two best (q 5 and 4) go on to 6, the rest stop at 3.
    #expect(Array(iterations.prefix(3)) == [9, 9, 9])
    #expect(Array(iterations.suffix(5)) == [6, 6, 3, 3, 3])
    #expect(grid.results.allSatisfy { $0.status == .terminated })
    #expect(hb.numStopped == 3)
  }

  @Test func medianRuleStopsTrialsBelowTheMedian() throws {
    let trainable: TuneTrainable = { config, reporter in
      let q = config["q"]?.doubleValue ?? 0
      for _ in 1...10 { try reporter.report(["acc": .float(q)]) }
      return nil
    }
    let rule = try MedianStoppingRule(timeAttr: "training_iteration", gracePeriod: 2, minSamplesRequired: 2)
    let grid = try Tuner(
      trainable: trainable, paramSpace: ["q": try Tune.gridSearch([0.75, 0.5, 0.125, 0.625, 0.0625])],
      tuneConfig: TuneConfig(metric: "acc", mode: .max, scheduler: rule), runConfig: TuneRunConfig(cpus: 5, logger: .silent)
    ).fit()
    let iterations = grid.results.map(\.metricsHistory.count)
    // From t=3 trial 3 (0.625) meets the median of 0.75 and 0.5 exactly: only strictly worse stops.
    #expect(iterations[0] == 10 && iterations[1] == 10 && iterations[3] == 10)
    #expect(iterations[2] == 2 && iterations[4] == 2)
    #expect(grid.results[2].stoppedEarly && grid.results[4].stoppedEarly)
  }
}

/// Bad Tuner input gives clear errors.
@Suite struct RayTunerInputTests {
  static let noop: TuneTrainable = { _, reporter in
    try reporter.report(["x": 1])
    return nil
  }

  @Test func badTuneConfigValuesAreErrors() throws {
    #expect {
      _ = try Tuner(trainable: Self.noop, tuneConfig: TuneConfig(numSamples: 0), runConfig: TuneRunConfig(logger: .silent)).fit()
    } throws: { "\($0)".contains("num_samples") }
    #expect {
      _ = try Tuner(trainable: Self.noop, tuneConfig: TuneConfig(maxConcurrentTrials: -1), runConfig: TuneRunConfig(logger: .silent)).fit()
    } throws: { "\($0)".contains("max_concurrent_trials") }
    #expect {
      _ = try Tuner(trainable: Self.noop, runConfig: TuneRunConfig(cpus: 0, logger: .silent)).fit()
    } throws: { "\($0)".contains("cpus") }
    #expect(throws: TuneError.self) { _ = try TuneMode(parsing: "maximize", function: "TuneConfig") }
    #expect(throws: TuneError.self) { _ = try ConcurrencyLimiter(try OptunaSearch(), maxConcurrent: 0) }
  }

  @Test func theCurrentReporterServesModuleLevelReport() throws {
    // A trainable written as Ray's `def trainable(config)` reports through the thread's reporter.
    let trainable: TuneTrainable = { _, _ in
      guard let reporter = TuneReporter.current else { throw TuneError.runtime(message: "no reporter") }
      for i in 0..<3 { try reporter.report(["x": .int(i), "id": .string(reporter.trialID)]) }
      return nil
    }
    #expect(TuneReporter.current == nil)
    let grid = try Tuner(trainable: trainable, tuneConfig: TuneConfig(metric: "x", mode: .max), runConfig: TuneRunConfig(logger: .silent)).fit()
    #expect(grid.numErrors == 0)
    #expect(grid[0].metricsHistory.count == 3)
    #expect(grid[0].metrics["id"] == .string(grid[0].trialID))
  }

  @Test func fitRunsOnceAndEmptySpacesRunOneTrial() throws {
    let tuner = Tuner(trainable: Self.noop, runConfig: TuneRunConfig(logger: .silent))
    let grid = try tuner.fit()
    #expect(grid.count == 1)
    #expect { _ = try tuner.fit() } throws: { "\($0)".contains("only be called once") }
  }

  @Test func aTrialWithoutTheMetricFailsInTheStudy() throws {
    let grid = try Tuner(
      trainable: Self.noop, tuneConfig: TuneConfig(metric: "loss", mode: .min), runConfig: TuneRunConfig(logger: .silent)
    ).fit()
    let trial = try grid.study.getTrials()[0]
    #expect(trial.state == .fail)
    #expect(trial.systemAttrs["fail_reason"]?.stringValue?.contains("no numeric 'loss'") == true)
    #expect { _ = try grid.getBestResult() } throws: { "\($0)".contains("No best trial found") }
  }
}
