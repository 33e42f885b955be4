import Foundation
import Testing

@testable import HPSSearch

@Suite struct DistributionTests {
  @Test func testFloat_lowGreaterThanHigh_throws() {
    #expect(throws: DistributionProblem.lowGreaterThanHigh(low: 1.0, high: 0.5)) {
      try FloatDistribution(low: 1.0, high: 0.5)
    }
    let error = SearchError.invalidDistribution(
      function: "suggest_float", parameter: "lr", problem: .lowGreaterThanHigh(low: 1.0, high: 0.5))
    #expect(error.description == "suggest_float() parameter 'lr': low must be <= high (got low=1.0, high=0.5)")
  }

  @Test func testFloat_logWithStepOrNonPositiveLow_throws() {
    #expect(throws: DistributionProblem.stepWithLog(step: 0.1)) {
      try FloatDistribution(low: 0.1, high: 1, log: true, step: 0.1)
    }
    #expect(throws: DistributionProblem.logWithNonPositiveLow(low: 0, high: 1)) {
      try FloatDistribution(low: 0, high: 1, log: true)
    }
    #expect(throws: DistributionProblem.nonPositiveStep(step: 0)) {
      try FloatDistribution(low: 0, high: 1, step: 0)
    }
  }

  @Test func testFloat_stepNotDividingRange_adjustsHighAndWarns() throws {
    let (logger, records) = SearchLogger.collecting()
    let d = try FloatDistribution(low: 0, high: 1.05, step: 0.1, logger: logger)
    #expect(d.high == 1.0)
    #expect(records.current.count == 1)
    #expect(records.current.first?.message.contains("replaced with [0.0, 1.0]") == true)
    // A step of 0.1 over [0, 1] divides exactly in decimal arithmetic: no warning.
    let exact = try FloatDistribution(low: 0, high: 1, step: 0.1, logger: logger)
    #expect(exact.high == 1.0)
    #expect(records.current.count == 1)
  }

  @Test func testInt_rules() throws {
    #expect(throws: DistributionProblem.logIntWithStep(step: 2)) { try IntDistribution(low: 1, high: 9, log: true, step: 2) }
    #expect(throws: DistributionProblem.logIntWithLowBelowOne(low: 0, high: 9)) { try IntDistribution(low: 0, high: 9, log: true) }
    let (logger, records) = SearchLogger.collecting()
    let d = try IntDistribution(low: 0, high: 10, step: 3, logger: logger)
    #expect(d.high == 9)
    #expect(records.current.count == 1)
    #expect(d.contains(6) && !d.contains(7) && !d.contains(12))
    #expect(try IntDistribution(low: 3, high: 4, step: 2, logger: .silent).isSingle)
  }

  @Test func testCategorical_internalIsIndex() throws {
    let d = try Distribution.categorical([.none, true, 1, 1.5, "adam"])
    #expect(try d.toInternal("adam") == 4)
    #expect(try d.toInternal(true) == 1)
    #expect(d.toExternal(3) == .float(1.5))
    #expect(throws: SearchError.self) { try d.toInternal("sgd") }
    #expect(throws: DistributionProblem.emptyChoices) { try CategoricalDistribution(choices: []) }
  }

  @Test func testJSON_roundTripMatchesOptunaFormat() throws {
    let dists: [Distribution] = [
      try .float(1e-5, 1e-1, log: true), try .float(0, 1, step: 0.25), try .int(1, 8),
      try .int(2, 64, log: true), try .categorical([.none, false, 3, 0.5, "sgd"]),
    ]
    for d in dists {
      #expect(try Distribution(jsonText: d.jsonText) == d)
    }
    let optuna = #"{"name": "FloatDistribution", "attributes": {"step": null, "low": 0.0, "high": 1.0, "log": false}}"#
    #expect(try Distribution(jsonText: optuna) == (try .float(0, 1)))
    let legacy = #"{"name": "IntLogUniformDistribution", "attributes": {"low": 1, "high": 32, "step": 1}}"#
    #expect(try Distribution(jsonText: legacy) == (try .int(1, 32, log: true)))
    #expect(throws: SearchError.self) { try Distribution(jsonText: #"{"name": "Bogus", "attributes": {}}"#) }
  }

  @Test func testJSON_keepsIntFloatBoolDistinct() throws {
    let v = try JSONValue.parse(#"[1, 1.0, true, null, "x\n", NaN, -Infinity, {"a": [2e3]}]"#)
    guard case .array(let items) = v else { Issue.record("not an array"); return }
    #expect(items[0] == .int(1))
    #expect(items[1] == .double(1.0))
    #expect(items[2] == .bool(true))
    #expect(items[4] == .string("x\n"))
    #expect(items[5].doubleValue?.isNaN == true)
    #expect(try JSONValue.parse(v.jsonText).jsonText == v.jsonText)
    #expect(throws: SearchError.self) { try JSONValue.parse("[1, 2") }
  }

  @Test func testSameNameCompatibility() throws {
    let a = try Distribution.float(0, 1)
    try a.checkCompatible(with: try .float(0, 2), parameter: "x")
    #expect(throws: SearchError.self) { try a.checkCompatible(with: try .int(0, 1), parameter: "x") }
    #expect(throws: SearchError.self) { try a.checkCompatible(with: try .float(0.1, 1, log: true), parameter: "x") }
    let c = try Distribution.categorical(["a", "b"])
    #expect(throws: SearchError.self) { try c.checkCompatible(with: try .categorical(["a"]), parameter: "x") }
  }
}

@Suite struct SearchErrorTests {
  @Test func testPythonExceptionNames() {
    #expect(SearchError.invalidDistribution(function: "suggest_float", parameter: "x", problem: .emptyChoices).pythonExceptionName == "ValueError")
    #expect(SearchError.multiObjectiveNotSupported(api: "Trial.report").pythonExceptionName == "NotImplementedError")
    #expect(SearchError.multiObjectiveNotSupported(api: "best_trial").pythonExceptionName == "RuntimeError")
    #expect(SearchError.cannotTell(number: 1, state: .complete).description == "Cannot tell a COMPLETE trial (trial number 1).")
    #expect(SearchError.duplicatedStudy(name: "s").pythonExceptionName == "DuplicatedStudyError")
    #expect(SearchError.noCompletedTrials.description == "No trials are completed yet.")
  }
}

/// Step adjustments and `single()` printed by Optuna 5.0.0
/// (docs/search-golden/optuna_distributions.py).
@Suite struct DistributionOptunaGoldenTests {
  @Test func testStepAdjustment_matchesOptuna5() throws {
    let floats: [(Double, Double, Double, Double, Bool)] = [
      (0, 1.05, 0.1, 1.0, false), (0.1, 0.75, 0.2, 0.7, false), (-1, 1, 0.3, 0.8, false),
      (0.001, 0.0105, 0.001, 0.01, false), (0, 1, 0.1, 1.0, false), (0.5, 0.5, 0.25, 0.5, true),
      (0, 0.2, 0.3, 0.0, true),
    ]
    for (low, high, step, adjusted, single) in floats {
      let d = try FloatDistribution(low: low, high: high, step: step, logger: .silent)
      #expect(d.high == adjusted, "[\(low), \(high)] step \(step)")
      #expect(d.isSingle == single)
    }
    let ints: [(Int, Int, Int, Int, Bool)] = [
      (0, 10, 3, 9, false), (-5, 7, 4, 7, false), (1, 1, 2, 1, true), (3, 4, 2, 3, true), (0, 100, 7, 98, false),
    ]
    for (low, high, step, adjusted, single) in ints {
      let d = try IntDistribution(low: low, high: high, step: step, logger: .silent)
      #expect(d.high == adjusted && d.isSingle == single, "[\(low), \(high)] step \(step)")
    }
  }
}
