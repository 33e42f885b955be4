import Foundation
import Testing

@testable import HPSSearch

struct Boom: Error {}
struct Other: Error {}

@Suite struct StudyTests {
  func quietStudy(_ directions: [StudyDirection] = [.minimize], sampler: (any Sampler)? = nil, pruner: (any Pruner)? = nil) throws -> (Study, Locked<[SearchLogRecord]>) {
    let (logger, records) = SearchLogger.collecting()
    let study = try Study.create(sampler: sampler ?? RandomSampler(seed: 1), pruner: pruner, directions: directions, logger: logger)
    return (study, records)
  }

  @Test func testOptimize_quadratic_findsBestAndValuesInRange() throws {
    let (study, _) = try quietStudy()
    try study.optimize(nTrials: 60) { t in
      let x = try t.suggestFloat("x", low: -10, high: 10)
      let n = try t.suggestInt("n", low: 1, high: 5)
      let c = try t.suggestCategorical("c", choices: ["a", "b"])
      #expect((-10..<10).contains(x) && (1...5).contains(n) && (c == "a" || c == "b"))
      return x * x + Double(n)
    }
    #expect(study.trials.count == 60)
    let best = try study.bestTrial()
    #expect(try study.bestValue() == study.trials.compactMap(\.value).min())
    let bestParams = try study.bestParams()
    #expect(best.params["n"] != nil && bestParams == best.params)
  }

  @Test func testSeededRandomSampler_isReproducible() throws {
    func run() throws -> [Double] {
      let (study, _) = try quietStudy(sampler: RandomSampler(seed: 42))
      try study.optimize(nTrials: 10) { t in try t.suggestFloat("x", low: 1e-5, high: 1, log: true) }
      return study.trials.compactMap(\.value)
    }
    #expect(try run() == run())
  }

  @Test func testThrownError_failsTrialAndIsReRaisedUnlessCaught() throws {
    let (study, _) = try quietStudy()
    #expect(throws: Boom.self) { try study.optimize(nTrials: 5) { _ in throw Boom() } }
    #expect(study.trials.count == 1 && study.trials[0].state == .fail)
    try study.optimize(nTrials: 3, catch: .types([Boom.self])) { _ in throw Boom() }
    #expect(study.trials.count == 4 && study.trials.allSatisfy { $0.state == .fail })
    #expect(throws: Other.self) { try study.optimize(nTrials: 3, catch: .types([Boom.self])) { _ in throw Other() } }
  }

  @Test func testNaNNilAndWrongCount_failWithReasonAndStudyContinues() throws {
    let (study, records) = try quietStudy()
    var i = 0
    try study.optimize(nTrials: 3) { _ in
      i += 1
      return i == 1 ? Double.nan : (i == 2 ? nil : 1.0)
    }
    #expect(study.trials.map(\.state) == [.fail, .fail, .complete])
    #expect(study.trials[0].systemAttrs["fail_reason"] == .string("The value nan is not acceptable."))
    #expect(records.current.filter { $0.level == .warning }.count >= 2)
    let (multi, _) = try quietStudy([.minimize, .maximize])
    try multi.optimizeValues(nTrials: 1) { _ in [1.0] }
    #expect(multi.trials[0].state == .fail)
    #expect(multi.trials[0].systemAttrs["fail_reason"]?.stringValue?.contains("did not match the number of the objectives 2") == true)
  }

  @Test func testPruned_takesLastReportedValue() throws {
    let (study, _) = try quietStudy()
    try study.optimize(nTrials: 1) { t in
      try t.report(3.0, step: 0)
      try t.report(2.5, step: 1)
      throw TrialPruned()
    }
    #expect(study.trials[0].state == .pruned && study.trials[0].value == 2.5)
  }

  @Test func testReport_rules() throws {
    let (study, records) = try quietStudy()
    let t = try study.ask()
    try t.report(1.0, step: 0)
    try t.report(9.0, step: 0)
    #expect(t.intermediateValues == [0: 1.0])
    #expect(records.current.contains { $0.message.contains("already reported") })
    #expect(throws: SearchError.self) { try t.report(1.0, step: -1) }
    let (multi, _) = try quietStudy([.minimize, .minimize])
    let m = try multi.ask()
    #expect(throws: SearchError.multiObjectiveNotSupported(api: "Trial.report")) { try m.report(1.0, step: 0) }
    #expect(throws: SearchError.self) { try m.shouldPrune() }
  }

  @Test func testSuggestSameName_sameValueOrError() throws {
    let (study, _) = try quietStudy()
    let t = try study.ask()
    let a = try t.suggestFloat("x", low: 0, high: 1)
    #expect(try t.suggestFloat("x", low: 0, high: 1) == a)
    #expect(try t.suggestFloat("x", low: 0, high: 2) == a)  // different range: warning, first value
    #expect(throws: SearchError.self) { try t.suggestInt("x", low: 0, high: 1) }
    #expect(throws: SearchError.self) { try t.suggestFloat("x", low: 0.1, high: 1, log: true) }
    do {
      _ = try t.suggestFloat("lr", low: 1.0, high: 0.5)
      Issue.record("expected an error")
    } catch let error as SearchError {
      #expect(error.description == "suggest_float() parameter 'lr': low must be <= high (got low=1.0, high=0.5)")
    }
    #expect(throws: SearchError.invalidDistribution(function: "suggest_int", parameter: "n", problem: .intLowGreaterThanHigh(low: 5, high: 1))) {
      try t.suggestInt("n", low: 5, high: 1)
    }
    #expect(throws: SearchError.invalidDistribution(function: "suggest_categorical", parameter: "c", problem: .emptyChoices)) {
      try t.suggestCategorical("c", choices: [])
    }
  }

  @Test func testAskTell_rules() throws {
    let (study, _) = try quietStudy()
    let t = try study.ask(fixedDistributions: ["x": try .float(0, 1)])
    #expect(t.params["x"] != nil)
    #expect(throws: SearchError.self) { try study.tell(t, state: .complete) }
    #expect(throws: SearchError.self) { try study.tell(t, values: [1], state: .pruned) }
    try study.tell(t, values: [0.5])
    #expect(throws: SearchError.cannotTell(number: 0, state: .complete)) { try study.tell(t, values: [0.1]) }
    #expect(try study.tell(t, values: [0.1], skipIfFinished: true).value == 0.5)
    let u = try study.ask()
    #expect(try study.tell(u).state == .fail)
  }

  @Test func testEnqueue_fixedParamsFirstAndSkipIfExists() throws {
    let (study, _) = try quietStudy()
    try study.enqueueTrial(["x": 0.25, "k": "b"])
    try study.enqueueTrial(["x": 0.25, "k": "b"], skipIfExists: true)
    #expect(study.trials.count == 1 && study.trials[0].state == .waiting)
    try study.optimize(nTrials: 2) { t in
      let x = try t.suggestFloat("x", low: 0, high: 1)
      _ = try t.suggestCategorical("k", choices: ["a", "b"])
      return x
    }
    #expect(study.trials[0].params == ["x": 0.25, "k": "b"])
    #expect(study.trials.count == 2)
  }

  @Test func testBestTrial_errors() throws {
    let (study, _) = try quietStudy()
    #expect(throws: SearchError.noCompletedTrials) { try study.bestTrial() }
    let (multi, _) = try quietStudy([.minimize, .maximize])
    #expect(throws: SearchError.multiObjectiveNotSupported(api: "best_trial")) { try multi.bestTrial() }
    #expect(try multi.bestTrials().isEmpty)
  }

  @Test func testParetoFront() throws {
    let (study, _) = try quietStudy([.minimize, .maximize])
    let dists: [String: Distribution] = ["x": try .float(0, 10)]
    for (i, v) in [[1.0, 1.0], [2.0, 3.0], [2.0, 2.0], [0.5, 0.5], [3.0, 3.0]].enumerated() {
      try study.addTrial(FrozenTrial(number: 0, trialID: 0, state: .complete, values: v, params: ["x": .float(Double(i))], distributions: dists))
    }
    #expect(try study.bestTrials().map(\.number) == [0, 1, 3])
  }

  @Test func testAddTrial_validates() throws {
    let (study, _) = try quietStudy()
    let dists: [String: Distribution] = ["x": try .float(0, 1)]
    #expect(throws: SearchError.self) {
      try study.addTrial(FrozenTrial(number: 0, trialID: 0, state: .complete, values: [1], params: ["x": 2.0], distributions: dists))
    }
    #expect(throws: SearchError.self) {
      try study.addTrial(FrozenTrial(number: 0, trialID: 0, state: .complete, values: nil, params: [:], distributions: [:]))
    }
    try study.addTrial(FrozenTrial(number: 7, trialID: 9, state: .complete, values: [1], params: ["x": 0.5], distributions: dists))
    #expect(study.trials[0].number == 0 && study.trials[0].duration == 0)
  }

  @Test func testCreate_directionRulesAndLoad() throws {
    let storage = InMemoryStorage()
    #expect(throws: SearchError.self) { try Study.create(storage: storage, direction: .minimize, directions: [.maximize]) }
    #expect(throws: SearchError.self) { try Study.create(storage: storage, directions: []) }
    let s = try Study.create(studyName: "s", storage: storage, direction: .maximize, logger: .silent)
    #expect(throws: SearchError.duplicatedStudy(name: "s")) { try Study.create(studyName: "s", storage: storage, logger: .silent) }
    let again = try Study.create(studyName: "s", storage: storage, loadIfExists: true, logger: .silent)
    #expect(again.studyID == s.studyID && again.direction == .maximize)
    #expect(try Study.load(studyName: nil, storage: storage, logger: .silent).studyName == "s")
  }

  @Test func testParallelJobs_runExactlyNTrialsWithUniqueNumbers() throws {
    let (study, _) = try quietStudy()
    let seenRunning = Locked(false)
    try study.optimize(nTrials: 40, nJobs: 4) { t in
      let x = try t.suggestFloat("x", low: 0, high: 1)
      // Wait (bounded) until another worker's trial is RUNNING at the same time as this one.
      for _ in 0..<200 where !seenRunning.current {
        if study.trials(states: [.running]).count > 1 { seenRunning.withLock { $0 = true } }
        Thread.sleep(forTimeInterval: 0.001)
      }
      return x
    }
    let numbers = study.trials.map(\.number)
    #expect(numbers == Array(0..<40))
    #expect(study.trials.allSatisfy { $0.state == .complete })
    #expect(seenRunning.current)
  }

  @Test func testTimeoutAndNestedOptimize() throws {
    let (study, _) = try quietStudy()
    let start = Date()
    try study.optimize(timeout: 0.2) { t in
      Thread.sleep(forTimeInterval: 0.02)
      return try t.suggestFloat("x", low: 0, high: 1)
    }
    #expect(Date().timeIntervalSince(start) < 2)
    #expect(study.trials.count >= 2)
    #expect(throws: SearchError.nestedOptimize) {
      try study.optimize(nTrials: 1) { _ in try study.optimize(nTrials: 1) { _ in 1.0 }; return 1.0 }
    }
  }

  @Test func testCallbacksSeeEveryFinishedTrial() throws {
    let (study, _) = try quietStudy()
    var seen: [Int] = []
    try study.optimize(nTrials: 5, callbacks: [{ _, t in seen.append(t.number) }]) { t in try t.suggestFloat("x", low: 0, high: 1) }
    #expect(seen == [0, 1, 2, 3, 4])
  }
}

@Suite struct ConstraintTests {
  @Test func testBestTrialIsTheBestFeasibleOne() throws {
    let study = try Study.create(logger: .silent)
    for (value, constraint) in [(1.0, 0.5), (2.0, -1.0), (3.0, 0.0)] {
      try study.addTrial(FrozenTrial(number: 0, trialID: 0, state: .complete, values: [value], systemAttrs: ["constraints": .array([.double(constraint)])]))
    }
    #expect(try study.bestTrial().value == 2)
    #expect(try study.bestTrials().map(\.number) == [1])
    let infeasible = try Study.create(logger: .silent)
    try infeasible.addTrial(FrozenTrial(number: 0, trialID: 0, state: .complete, values: [1], systemAttrs: ["constraints": .array([.double(1)])]))
    #expect(throws: SearchError.noFeasibleTrials) { try infeasible.bestTrial() }
  }
}

@Suite struct ParallelismTests {
  @Test func testNJobsBeyondCoreCountRunsThatManyTrialsAtOnce() throws {
    let study = try Study.create(sampler: RandomSampler(seed: 0), logger: .silent)
    let peak = Locked(0)
    try study.optimize(nTrials: 6, nJobs: 6) { t in
      // Objectives that wait (I/O, subprocesses) must overlap even on a 2-core machine.
      for _ in 0..<2500 {  // up to ~5 s on a loaded machine; all six usually meet within ms
        let running = study.trials(states: [.running]).count
        peak.withLock { $0 = max($0, running) }
        if running == 6 { break }
        Thread.sleep(forTimeInterval: 0.002)
      }
      return try t.suggestFloat("x", low: 0, high: 1)
    }
    #expect(peak.current == 6)
  }

  @Test func testEnqueuedTrialsAreTakenOldestFirst() throws {
    let study = try Study.create(sampler: RandomSampler(seed: 0), logger: .silent)
    for v in [0.1, 0.2, 0.3] { try study.enqueueTrial(["x": .float(v)]) }
    let got = try (0..<4).map { _ -> Double in
      let t = try study.ask()
      let x = try t.suggestFloat("x", low: 0, high: 1)
      try study.tell(t, values: [x])
      return x
    }
    #expect(Array(got.prefix(3)) == [0.1, 0.2, 0.3])
    #expect(study.trials.count == 4)
  }
}

@Suite struct CreateTrialTests {
  @Test func testCreateTrialValidatesLikeOptuna() throws {
    let d: [String: Distribution] = ["x": try .float(0, 1)]
    #expect(throws: SearchError.self) { try FrozenTrial.create(value: 1, values: [1]) }
    #expect(throws: SearchError.self) { try FrozenTrial.create(state: .complete) }
    #expect(throws: SearchError.self) { try FrozenTrial.create(value: 1, params: ["x": 2.0], distributions: d) }
    #expect(throws: SearchError.self) { try FrozenTrial.create(value: 1, params: ["x": 0.5], distributions: [:]) }
    let study = try Study.create(logger: .silent)
    try study.addTrial(try FrozenTrial.create(value: 0.25, params: ["x": 0.5], distributions: d))
    try study.addTrial(try FrozenTrial.create(state: .pruned, intermediateValues: [3: 0.7]))
    #expect(study.trials.map(\.state) == [.complete, .pruned])
    #expect(try study.bestValue() == 0.25)
  }
}
