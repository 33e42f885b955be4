import Foundation
import Testing
@testable import HPSSearch

@Suite struct WandBGridTests {
  func allPoints(_ c: SweepConfig) -> [[String: JSONValue]] {
    var runs: [SweepRunRecord] = []
    while let next = SweepGrid.next(c.parameters, runs: runs) {
      runs.append(SweepRunRecord(values: next, state: .finished))
      if runs.count > 10_000 { break }
    }
    return runs.map(\.values)
  }

  @Test func lastSortedParameterChangesFastest() throws {
    let c = try sweepConfig(#"{"method": "grid", "parameters": {"b": {"values": ["x", "y"]}, "a": {"min": 1, "max": 3}, "c": {"value": 0}}}"#)
    let points = allPoints(c).map { p in "\(p["a"]!.jsonText)\(p["b"]!.jsonText)\(p["c"]!.jsonText)" }
    #expect(points == [#"1"x"0"#, #"1"y"0"#, #"2"x"0"#, #"2"y"0"#, #"3"x"0"#, #"3"y"0"#])
  }

  @Test func qUniformExcludesMaxLikeArange() throws {
    let c = try sweepConfig(#"{"method": "grid", "parameters": {"q": {"distribution": "q_uniform", "min": 0, "max": 1, "q": 0.25}}}"#)
    #expect(allPoints(c).map { $0["q"]! } == [.double(0), .double(0.25), .double(0.5), .double(0.75)])
    let ints = try sweepConfig(#"{"method": "grid", "parameters": {"q": {"distribution": "q_uniform", "min": 2, "max": 11, "q": 3}}}"#)
    #expect(allPoints(ints).map { $0["q"]! } == [.int(2), .int(5), .int(8)])
  }

  @Test func nestedGridOrderFollowsLevels() throws {
    let c = try sweepConfig(#"{"method": "grid", "parameters": {"opt": {"parameters": {"lr": {"values": [0.1, 0.01]}, "beta": {"values": [0.9]}}}, "bs": {"values": [16, 32]}}}"#)
    #expect(c.parameters.map(\.name) == ["bs", "opt.beta", "opt.lr"])
    let points = allPoints(c)
    #expect(points.count == 4)
    #expect(points.map { [$0["bs"]!, $0["opt/lr"]!] } == [[.int(16), .double(0.1)], [.int(16), .double(0.01)], [.int(32), .double(0.1)], [.int(32), .double(0.01)]])
  }

  @Test func skipsCombinationsAlreadyRunAndTreatsIntegralFloatsAsInts() throws {
    let c = try sweepConfig(#"{"method": "grid", "parameters": {"a": {"values": [1, 2, 3]}}}"#)
    let runs = [SweepRunRecord(values: ["a": .double(1.0)], state: .failed), SweepRunRecord(values: ["a": .int(3)], state: .running)]
    #expect(SweepGrid.next(c.parameters, runs: runs) == ["a": .int(2)])
    #expect(SweepGrid.next(c.parameters, runs: runs + [SweepRunRecord(values: ["a": .int(2)], state: .finished)]) == nil)
    #expect(SweepGrid.size(c.parameters) == 3)
  }
}

@Suite struct WandBHyperbandTests {
  @Test func bandsFromMaxIterAndS() throws {
    #expect(try SweepHyperbandMath.bands(SweepHyperband(maxIter: 5, s: 2, eta: 2)) == [1, 2])
    #expect(try SweepHyperbandMath.bands(SweepHyperband(maxIter: 81, s: 3, eta: 3)) == [3, 9, 27])
    // 27/3 = 9, 3, 1, then 1/3 < 1 stops the list even though s asks for 5.
    #expect(try SweepHyperbandMath.bands(SweepHyperband(maxIter: 27, s: 5, eta: 3)) == [1, 3, 9])
    #expect(try SweepHyperbandMath.bands(SweepHyperband(maxIter: 10, s: 2, eta: 3)) == [1, 3])  // 3.33 → 3, 1.11 → 1
  }

  @Test func bandsFromMinIterAndEta() throws {
    let b = try SweepHyperbandMath.bands(SweepHyperband(minIter: 2, eta: 3))
    #expect(Array(b.prefix(4)) == [2, 6, 18, 54])
    #expect(b.count < 100 && b.allSatisfy { $0 > 0 })  // W&B's 100 bands, cut before Int overflow
    let half = try SweepHyperbandMath.bands(SweepHyperband(minIter: 1, eta: 1.5))
    #expect(Array(half.prefix(5)) == [1, 1, 2, 3, 5])  // int() truncation of 1, 1.5, 2.25, 3.375, 5.06
  }

  /// The example in W&B's hyperband_stop_runs docstring, worked by hand: max_iter 5, eta 2, s 2
  /// → bands [1, 2]; band 1 values [10×5] → threshold sorted[⌊5/2⌋] = 10; band 2 values
  /// [9, 10, 8, 7, 6] → sorted [6, 7, 8, 9, 10][2] = 8. Run b (10 at band 2) stops; c (8 = 8) does
  /// not, although the docstring calls it "passes band 1 but not band 2": the test is strictly >.
  @Test func wandbDocstringExample() {
    let histories: [String: [Double]] = ["a": [10, 9], "b": [10, 10], "c": [10, 8, 8], "d": [10, 7, 7], "e": [10, 6, 6]]
    let bands = [1, 2]
    let thresholds = SweepHyperbandMath.thresholds(bands: bands, histories: histories.keys.sorted().map { histories[$0]! }, eta: 2)
    #expect(thresholds == [10, 8])
    let b = SweepHyperbandMath.decide(history: histories["b"]!, bands: bands, thresholds: thresholds, strict: true)
    #expect(b == .init(stop: true, band: 2, threshold: 8, value: 10))
    #expect(!SweepHyperbandMath.decide(history: histories["c"]!, bands: bands, thresholds: thresholds, strict: true).stop)
    #expect(!SweepHyperbandMath.decide(history: histories["d"]!, bands: bands, thresholds: thresholds, strict: true).stop)
    #expect(SweepHyperbandMath.decide(history: [], bands: bands, thresholds: thresholds, strict: true).band == nil)
  }

  @Test func strictComparesBandValueNonStrictComparesBest() {
    // Run history: good early (3), bad at band 2 (9). Threshold at band 2 is 5.
    let h: [Double] = [3, 9]
    #expect(SweepHyperbandMath.decide(history: h, bands: [1, 2], thresholds: [4, 5], strict: true).stop)
    #expect(!SweepHyperbandMath.decide(history: h, bands: [1, 2], thresholds: [4, 5], strict: false).stop)
  }

  @Test func schedulerOnAStudyMaximizesByNegation() throws {
    let study = try Study.create(storage: InMemoryStorage(), sampler: RandomSampler(seed: 0), direction: .maximize, logger: .silent)
    // Three finished runs with accuracy at iterations 1..3; eta 3, min_iter 1 → bands 1, 3, 9.
    for accs in [[0.5, 0.6, 0.7], [0.4, 0.5, 0.9], [0.2, 0.3, 0.35]] {
      let t = try study.ask()
      for (i, a) in accs.enumerated() { try t.report(a, step: i) }
      try study.tell(t, values: [accs.max()!])
    }
    let scheduler = try SweepHyperbandScheduler(SweepHyperband(minIter: 1, eta: 3), goal: .maximize)
    let running = try study.ask()
    // Band 1 values (negated): [-0.5, -0.4, -0.2, own]; threshold = sorted[⌊4/3⌋] = sorted[1].
    try running.report(0.45, step: 0)
    var d = scheduler.decision(study: study, trial: try study.storage.trial(id: running.trialID))
    #expect(d.band == 1 && d.threshold == -0.45 && !d.stop)
    try running.report(0.1, step: 1)
    try running.report(0.1, step: 2)
    // Band 3: negated values [-0.7, -0.9, -0.35, -0.1] → sorted[1] = -0.7; own -0.1 > -0.7 → stop.
    d = scheduler.decision(study: study, trial: try study.storage.trial(id: running.trialID))
    #expect(d.band == 3 && d.threshold == -0.7 && d.stop)
    #expect(try scheduler.decide(study: study, trial: try study.storage.trial(id: running.trialID)) == .stop)
    // Finished runs are never stopped.
    let done = study.trials(states: [.complete])[2]
    #expect(try scheduler.decide(study: study, trial: done) == .continue)
  }
}
