import Foundation
import Testing

@testable import HPSSearch

/// ASHA, HyperBand, MedianStoppingRule and PBT decisions against hand-worked cases.
@Suite struct RaySchedulerTests {
  func trial(_ n: Int, config: TuneValue = [:]) -> TuneTrial {
    let t = TuneTrial(trialID: "t_\(n)", number: n, config: config)
    t.status = .running
    return t
  }

  func result(_ t: Double, _ value: Double, time: String = "training_iteration", metric: String = "score") -> TuneDict {
    [time: .float(t), metric: .float(value)]
  }

  func decide(_ s: any TuneScheduler, _ runner: ManualTrialRunner, _ t: TuneTrial, _ r: TuneDict) throws -> SchedulerDecision {
    t.results.append(r)
    return try s.onTrialResult(runner: runner, trial: t, result: r)
  }

  // MARK: - ASHA

  @Test func ashaDefaultsGiveRungsOneFourSixteenSixtyFour() throws {
    let asha = try ASHAScheduler(metric: "score", mode: .max)
    #expect(asha.brackets.count == 1)
    #expect(asha.brackets[0].rungs.map(\.milestone) == [64, 16, 4, 1])
    #expect(asha.maxT == 100 && asha.gracePeriod == 1 && asha.reductionFactor == 4)
    let three = try ASHAScheduler(metric: "score", mode: .max, brackets: 3)
    #expect(three.brackets.map(\.rungs.count) == [4, 3, 2])
    #expect(three.brackets[1].rungs.map(\.milestone) == [64, 16, 4])
  }

  @Test func ashaStopsBelowTheSeventyFifthPercentile() throws {
    let asha = try ASHAScheduler(metric: "score", mode: .max)
    let runner = ManualTrialRunner()
    let trials = (0..<5).map { trial($0) }
    runner.trials = trials
    for t in trials { try asha.onTrialAdd(runner: runner, trial: t) }
    // Rung 1 sees 1, 2, 3, 4 in turn: each is at least the 75th percentile of those before.
    for (i, v) in [1.0, 2, 3, 4].enumerated() { #expect(try decide(asha, runner, trials[i], result(1, v)) == .continue) }
    // 75th percentile of [1, 2, 3, 4] = 3.25 (linear interpolation): 2 is below.
    #expect(asha.brackets[0].cutoff(asha.brackets[0].rungs[3].recorded) == 3.25)
    #expect(try decide(asha, runner, trials[4], result(1, 2)) == .stop)
    // A later iteration below the next rung is not judged again.
    #expect(try decide(asha, runner, trials[0], result(2, -100)) == .continue)
    // Reaching max_t stops (stop_last_trials).
    #expect(try decide(asha, runner, trials[3], result(100, 50)) == .stop)
    #expect(asha.isFullBudget(trial: trials[3], result: result(100, 50)))
  }

  @Test func ashaMinModeFlipsTheSign() throws {
    let asha = try ASHAScheduler(metric: "loss", mode: .min, reductionFactor: 2)
    let runner = ManualTrialRunner()
    let a = trial(0), b = trial(1), c = trial(2)
    for t in [a, b, c] { try asha.onTrialAdd(runner: runner, trial: t) }
    #expect(try decide(asha, runner, a, result(1, 0.5, metric: "loss")) == .continue)
    #expect(try decide(asha, runner, b, result(1, 0.9, metric: "loss")) == .stop)
    #expect(try decide(asha, runner, c, result(1, 0.1, metric: "loss")) == .continue)
  }

  @Test func ashaBracketDocstringExample() throws {
    // Ray's _Bracket(1, 10, 2, 0): rungs 8, 4, 2, 1; 2 and 4 continue, cutoff 3.0, then 1 stops.
    let asha = try ASHAScheduler(metric: "score", mode: .max, maxT: 10, gracePeriod: 1, reductionFactor: 2)
    #expect(asha.brackets[0].rungs.map(\.milestone) == [8, 4, 2, 1])
    let runner = ManualTrialRunner()
    let ts = (0..<3).map { trial($0) }
    for t in ts { try asha.onTrialAdd(runner: runner, trial: t) }
    #expect(try decide(asha, runner, ts[0], result(1, 2)) == .continue)
    #expect(try decide(asha, runner, ts[1], result(1, 4)) == .continue)
    #expect(asha.brackets[0].cutoff(asha.brackets[0].rungs[3].recorded) == 3.0)
    #expect(try decide(asha, runner, ts[2], result(1, 1)) == .stop)
  }

  @Test func ashaOnlyJudgesTheHighestRungReached() throws {
    let asha = try ASHAScheduler(metric: "score", mode: .max)
    let runner = ManualTrialRunner()
    let a = trial(0), b = trial(1)
    for t in [a, b] { try asha.onTrialAdd(runner: runner, trial: t) }
    _ = try decide(asha, runner, a, result(4, 10))
    // b jumps straight to t=5: only rung 4 counts, where a recorded 10.
    #expect(try decide(asha, runner, b, result(5, 9)) == .stop)
    #expect(asha.brackets[0].rungs[3].recorded.isEmpty)
  }

  @Test func ashaValidatesLikeRay() {
    #expect(throws: TuneError.self) { _ = try ASHAScheduler(maxT: 0) }
    #expect(throws: TuneError.self) { _ = try ASHAScheduler(maxT: 5, gracePeriod: 10) }
    #expect(throws: TuneError.self) { _ = try ASHAScheduler(reductionFactor: 1) }
    #expect(throws: TuneError.self) { _ = try ASHAScheduler(brackets: 0) }
    let unset = try! ASHAScheduler()
    #expect {
      try unset.onTrialAdd(runner: ManualTrialRunner(), trial: trial(0))
    } throws: { "\($0)".contains("has been instantiated without a valid `metric`") }
  }

  // MARK: - HyperBand

  @Test func hyperBandBracketSizesAndRayMilestoneQuirk() throws {
    let hb = try HyperBandScheduler(metric: "score", mode: .max, maxT: 9, reductionFactor: 3)
    #expect(hb.sMaxPlusOne == 3)
    #expect((0..<3).map(hb.bracketSize) == [3, 5, 9])
    #expect((0..<3).map(hb.bracketBudget) == [9, 3, 1])
    let runner = ManualTrialRunner()
    let trials = (0..<8).map { trial($0) }
    runner.trials = trials
    for t in trials { try hb.onTrialAdd(runner: runner, trial: t) }
    // The first 3 trials fill bracket s=0 (budget 9, no halving); the next 5 fill s=1.
    #expect(hb.bracket(of: trials[0])?.s == 0 && hb.bracket(of: trials[3])?.s == 1)

    // Bracket s=0: the first two to reach 9 pause, the last finishes the bracket: it stops and the
    // paused ones are stopped through the runner.
    #expect(try decide(hb, runner, trials[0], result(9, 1)) == .pause)
    trials[0].status = .paused
    #expect(try decide(hb, runner, trials[1], result(9, 2)) == .pause)
    trials[1].status = .paused
    #expect(try decide(hb, runner, trials[2], result(9, 3)) == .stop)
    #expect(runner.stopped == [0, 1])

    // Bracket s=1 (n=5, r=3): below 3 continue; at 3 pause until all five are there.
    let s1 = Array(trials[3..<8])
    #expect(try decide(hb, runner, s1[0], result(1, 0)) == .continue)
    for (i, t) in s1.enumerated() where i < 4 {
      #expect(try decide(hb, runner, t, result(3, Double(i))) == .pause)
      t.status = .paused
    }
    // The fifth (value 10) completes the rung: keep ceil(5/3) = 2 (values 10 and 3), stop 3.
    #expect(try decide(hb, runner, s1[4], result(3, 10)) == .continue)
    #expect(runner.stopped == [0, 1, 3, 4, 5])
    #expect(s1[3].status == .pending)
    // Ray's milestone is min(r·eta, max_t − previous milestone) = min(9, 6) = 6, not 9.
    #expect(hb.bracket(of: s1[4])?.cumulativeR == 6)
    #expect(try decide(hb, runner, s1[4], result(6, 11)) == .pause)
    s1[4].status = .paused
    s1[3].status = .running
    #expect(try decide(hb, runner, s1[3], result(6, 4)) == .stop)
    #expect(runner.stopped.last == 7)
  }

  @Test func hyperBandValidatesItsBudget() {
    #expect { _ = try HyperBandScheduler(maxT: 0.5) } throws: { "\($0)".contains("zero budget") }
    #expect { _ = try HyperBandScheduler(reductionFactor: 1) } throws: { "\($0)".contains("reduction_factor") }
    let defaults = try! HyperBandScheduler()
    #expect(defaults.maxT == 81 && defaults.eta == 3 && defaults.sMaxPlusOne == 5)
  }

  @Test func hyperBandChoosesPendingTrialsOfTheLeastCompleteBracket() throws {
    let hb = try HyperBandScheduler(metric: "score", mode: .max, maxT: 9, reductionFactor: 3)
    let runner = ManualTrialRunner()
    let trials = (0..<4).map { n -> TuneTrial in
      let t = TuneTrial(trialID: "t_\(n)", number: n, config: [:])
      return t
    }
    runner.trials = trials
    for t in trials { try hb.onTrialAdd(runner: runner, trial: t) }
    trials[0].status = .running
    _ = try decide(hb, runner, trials[0], result(5, 1))
    // Bracket s=0 has progress, bracket s=1 none: its pending trial 3 goes first.
    #expect(hb.chooseTrialToRun(runner: runner)?.number == 3)
  }

  // MARK: - MedianStoppingRule

  @Test func medianStopsWhenBestIsWorseThanMedianOfRunningMeans() throws {
    let rule = try MedianStoppingRule(timeAttr: "training_iteration", metric: "loss", mode: .min, gracePeriod: 1, minSamplesRequired: 2)
    let runner = ManualTrialRunner()
    let a = trial(0), b = trial(1), c = trial(2), d = trial(3)
    runner.trials = [a, b, c, d]
    for t in [a, b, c, d] { try rule.onTrialAdd(runner: runner, trial: t) }
    for step in 1...3 {
      _ = try decide(rule, runner, a, result(Double(step), 1, metric: "loss"))
      _ = try decide(rule, runner, b, result(Double(step), 3, metric: "loss"))
    }
    // Running means up to t=1: a = 1, b = 3, median 2. c's best 5 is worse: stop.
    #expect(try decide(rule, runner, c, result(1, 5, metric: "loss")) == .stop)
    #expect(rule.stoppedTrials == [2])
    // Stopped trials still count (as in Ray): at t=1 the median of 1, 3, 5 is 3, so d's 2.5 passes.
    #expect(try decide(rule, runner, d, result(1, 2.5, metric: "loss")) == .continue)
    let e = trial(4)
    runner.trials.append(e)
    try rule.onTrialAdd(runner: runner, trial: e)
    #expect(try decide(rule, runner, e, result(1, 1.5, metric: "loss")) == .continue)
    // The trial's best so far counts, not its latest: a bad t=2 keeps it (median at t=2 is 2,
    // from a and b only: c and d never reached t=2).
    #expect(try decide(rule, runner, e, result(2, 9, metric: "loss")) == .continue)
    #expect(rule.runningMean(0, upTo: 2, metric: "loss") == 1)
  }

  @Test func medianWaitsForSamplesAndSoftStopPauses() throws {
    let rule = try MedianStoppingRule(timeAttr: "training_iteration", metric: "acc", mode: .max, gracePeriod: 1, minSamplesRequired: 1, hardStop: false)
    let runner = ManualTrialRunner()
    let a = trial(0), b = trial(1), waiting = trial(2)
    waiting.status = .pending
    runner.trials = [a, b]
    for t in [a, b] { try rule.onTrialAdd(runner: runner, trial: t) }
    // No other trial yet and nobody waiting: continue; with a pending trial: pause to yield.
    #expect(try decide(rule, runner, a, result(1, 0.9, metric: "acc")) == .continue)
    runner.trials.append(waiting)
    #expect(try decide(rule, runner, a, result(2, 0.9, metric: "acc")) == .pause)
    // b is worse than a's running mean: soft stop pauses instead of stopping.
    #expect(try decide(rule, runner, b, result(1, 0.1, metric: "acc")) == .pause)
    #expect(rule.stoppedTrials == [1])
    // Defaults are Ray's.
    let defaults = try MedianStoppingRule()
    #expect(defaults.timeAttr == "time_total_s" && defaults.gracePeriod == 60 && defaults.minSamplesRequired == 3)
  }

  // MARK: - PBT

  func pbt(
    _ mutations: [(String, TuneMutation)], resample: Double = 0, seed: Int = 1
  ) throws -> PopulationBasedTraining {
    try PopulationBasedTraining(
      timeAttr: "training_iteration", metric: "score", mode: .max, perturbationInterval: 2,
      hyperparamMutations: mutations, resampleProbability: resample, seed: seed, logger: .silent)
  }

  @Test func pbtBottomQuantileExploitsTopQuantile() throws {
    let scheduler = try pbt([("lr", .values([0.1, 0.2, 0.3, 0.4]))])
    let runner = ManualTrialRunner()
    let trials = (0..<4).map { trial($0, config: ["lr": .float([0.1, 0.2, 0.3, 0.4][$0])]) }
    runner.trials = trials
    for t in trials { try scheduler.onTrialAdd(runner: runner, trial: t) }
    for t in trials { t.latestCheckpoint = TuneCheckpoint("state-\(t.number)") }
    // Before the interval: nothing happens.
    #expect(try decide(scheduler, runner, trials[0], result(1, 0)) == .continue)
    // At t=2 the scores 1, 2, 3, 4 arrive; quantile size ceil(4·0.25) = 1.
    for (i, t) in trials.enumerated() { #expect(try decide(scheduler, runner, t, result(2, Double(i + 1))) == .continue) }
    #expect(scheduler.quantiles(runner: runner).lower == [0])
    #expect(scheduler.quantiles(runner: runner).upper == [3])
    #expect(scheduler.exploitCheckpoint(of: 3)?.state as? String == "state-3")
    // Trial 0 at t=4 is still the worst: it exploits trial 3 and explores its lr (0.4): shift
    // left to 0.3, or right, clamped to 0.4.
    guard case .exploit(let source, let params) = try decide(scheduler, runner, trials[0], result(4, 0.5)) else {
      Issue.record("expected an exploit")
      return
    }
    #expect(source == 3)
    let lr = params["lr"]?.doubleValue ?? 0
    #expect(lr == 0.3 || lr == 0.4)
    #expect(scheduler.takeExploredConfig(for: 0)?["lr"]?.doubleValue == lr)
    #expect(scheduler.numPerturbations == 1)
  }

  @Test func pbtSkipsExploitWithoutACheckpoint() throws {
    let scheduler = try pbt([("lr", .values([0.1, 0.2]))])
    let runner = ManualTrialRunner()
    let a = trial(0, config: ["lr": 0.1]), b = trial(1, config: ["lr": 0.2])
    runner.trials = [a, b]
    for t in [a, b] { try scheduler.onTrialAdd(runner: runner, trial: t) }
    _ = try decide(scheduler, runner, b, result(2, 5))
    _ = try decide(scheduler, runner, a, result(2, 1))
    #expect(try decide(scheduler, runner, a, result(4, 1)) == .continue)
  }

  @Test func pbtExplorePerturbsByFactorsAndShiftsLists() throws {
    let scheduler = try pbt([
      ("lr", .domain(try domain(Tune.uniform(0, 1)))), ("batch", .domain(try domain(Tune.randint(1, 100)))),
      ("layers", .values([1, 2, 4])), ("opt", .nested([("momentum", .values([0.8, 0.9]))])),
    ])
    var lrs = Set<Double>(), batches = Set<Int>(), layers = Set<Int>()
    for _ in 0..<60 {
      let out = try scheduler.explore(["lr": 0.5, "batch": 10, "layers": 1, "opt": ["momentum": 0.9]])
      lrs.insert(out["lr"]!.doubleValue!)
      guard case .int(let b) = out["batch"]! else { Issue.record("batch must stay an int"); return }
      batches.insert(b)
      layers.insert(out["layers"]!.intValue!)
      #expect([0.8, 0.9].contains(out["opt"]?["momentum"]?.doubleValue ?? 0))
    }
    #expect(lrs == [0.5 * 1.2, 0.5 * 0.8])
    #expect(batches == [12, 8])
    // From index 0 a left shift clamps to 1, a right shift gives 2.
    #expect(layers == [1, 2])
  }

  @Test func pbtResampleProbabilityOneResamples() throws {
    let scheduler = try pbt([("lr", .domain(try domain(Tune.uniform(10, 20)))), ("k", .values([1, 2, 3]))], resample: 1)
    for _ in 0..<20 {
      let out = try scheduler.explore(["lr": 0.5, "k": 1])
      let lr = out["lr"]!.doubleValue!
      #expect(lr >= 10 && lr < 20)
    }
  }

  @Test func pbtValidatesLikeRay() throws {
    #expect { _ = try PopulationBasedTraining(hyperparamMutations: []) } throws: {
      "\($0)".contains("You must specify at least one of `hyperparam_mutations` or `custom_explore_fn`")
    }
    #expect { _ = try PopulationBasedTraining(hyperparamMutations: [("x", .values([1]))], quantileFraction: 0.6) } throws: {
      "\($0)".contains("between 0 and 0.5")
    }
    #expect { _ = try PopulationBasedTraining(perturbationInterval: 0, hyperparamMutations: [("x", .values([1]))]) } throws: {
      "\($0)".contains("perturbation_interval must be a positive number")
    }
    let fn = try domain(Tune.sampleFrom { _ in 1 })
    #expect { _ = try PopulationBasedTraining(hyperparamMutations: [("x", .domain(fn))]) } throws: {
      "\($0)".contains("sample_from objects are not supported")
    }
    let (logger, records) = SearchLogger.collecting()
    _ = try PopulationBasedTraining(hyperparamMutations: [("x", .domain(try domain(Tune.choice([1, 10]))))], logger: logger)
    #expect(records.current.contains { $0.message.contains("treats as continuous") })
    let p = try PopulationBasedTraining(hyperparamMutations: [("x", .values([1]))])
    #expect(p.timeAttr == "time_total_s" && p.perturbationInterval == 60 && p.quantileFraction == 0.25)
    #expect(p.resampleProbability == 0.25 && p.perturbationFactors == (1.2, 0.8))
  }

  @Test func pbtMutationsParseFromConfigValues() throws {
    let parsed = try TuneMutation.parse(["lr": try Tune.loguniform(1e-4, 1e-1), "bs": [16, 32], "opt": ["m": [0.9, 0.99]]])
    #expect(parsed.map(\.0) == ["lr", "bs", "opt"])
    if case .values(let v) = parsed[1].1 { #expect(v == [16, 32]) } else { Issue.record("bs should be a list mutation") }
    if case .nested(let inner) = parsed[2].1 { #expect(inner.first?.0 == "m") } else { Issue.record("opt should be nested") }
    #expect { _ = try TuneMutation.parse(["x": 3]) } throws: { "\($0)".contains("'x': `hyperparam_mutation` values must be") }
  }

  @Test func pbtFillsMissingHyperparametersAndRequiresAttrs() throws {
    let scheduler = try pbt([("lr", .values([0.5]))])
    let runner = ManualTrialRunner()
    let t = trial(0, config: ["other": 1])
    try scheduler.onTrialAdd(runner: runner, trial: t)
    #expect(t.config["lr"] == 0.5)
    #expect { _ = try decide(scheduler, runner, t, ["training_iteration": 1]) } throws: {
      "\($0)".contains("Cannot find metric score in trial result")
    }
  }

  func domain(_ value: TuneValue) throws -> TuneDomain {
    guard case .domain(let d) = value else { throw TuneError.runtime(message: "not a domain") }
    return d
  }
}
