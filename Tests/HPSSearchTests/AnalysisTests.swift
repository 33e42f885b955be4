import Foundation
import Testing

@testable import HPSSearch

@Suite struct AnalysisTests {
  typealias Node = RegressionTree.Node

  func leaf(_ v: Double) -> Node { Node(feature: -1, threshold: 0, left: -1, right: -1, value: v, impurityDecrease: 0) }
  func split(_ f: Int, _ t: Double, _ l: Int, _ r: Int) -> Node { Node(feature: f, threshold: t, left: l, right: r, value: 0, impurityDecrease: 1) }

  @Test func testFanova_handComputedAdditiveTree() {
    // f = [0, 2; 1, 3] over x<.5/x≥.5 × y<.5/y≥.5: mean 1.5, variance 1.25,
    // main effect of x has variance 0.25 and of y 1.0 → 0.2 and 0.8.
    let tree = RegressionTree(nodes: [
      split(0, 0.5, 1, 2), split(1, 0.5, 3, 4), split(1, 0.5, 5, 6), leaf(0), leaf(2), leaf(1), leaf(3),
    ])
    let scores = Fanova.importances(forest: RegressionForest(trees: [tree]), columns: [0..<1, 1..<2], lows: [0, 0], highs: [1, 1])
    #expect(abs(scores[0] - 0.2) < 1e-12 && abs(scores[1] - 0.8) < 1e-12)
    let onlyX = RegressionTree(nodes: [split(0, 0.25, 1, 2), leaf(0), leaf(4)])
    // x splits [0, .25) → 0 and [.25, 1] → 4: all variance is x's.
    let s2 = Fanova.importances(forest: RegressionForest(trees: [onlyX]), columns: [0..<1, 1..<2], lows: [0, 0], highs: [1, 1])
    #expect(abs(s2[0] - 1) < 1e-12 && abs(s2[1]) < 1e-12)
  }

  @Test func testForest_fitsAStepFunction() {
    let x = (0..<40).map { [Double($0) / 40] }
    let y = x.map { $0[0] < 0.5 ? 1.0 : 5.0 }
    let forest = RegressionForest.fit(x: x, y: y, nTrees: 8, maxDepth: 64, seed: 0)
    #expect(abs(forest.predict([0.1]) - 1) < 0.5 && abs(forest.predict([0.9]) - 5) < 0.5)
  }

  func study(_ seed: Int = 0) throws -> Study {
    let s = try Study.create(sampler: RandomSampler(seed: seed), logger: .silent)
    try s.optimize(nTrials: 80) { t in
      let a = try t.suggestFloat("a", low: 0, high: 1)
      let b = try t.suggestFloat("b", low: 0, high: 1)
      let c = try t.suggestCategorical("c", choices: ["p", "q", "r"])
      return 10 * a + 0.5 * b + (c == "q" ? 0.01 : 0)
    }
    return s
  }

  @Test func testImportances_rankTheDominantParameterFirst() throws {
    let s = try study()
    for evaluator in [ImportanceEvaluator.fanova(seed: 1), .meanDecreaseImpurity(seed: 1), .pedAnova()] {
      let result = try Importance.evaluate(study: s, evaluator: evaluator)
      #expect(result.map(\.name).first == "a")
      #expect((result.first?.importance ?? 0) > 0.8)
      #expect(abs(result.reduce(0) { $0 + $1.importance } - 1) < 1e-9)
    }
  }

  @Test func testPedAnova_handComputedPieces() {
    // 10 losses, quantile 0.25: cutoff index ⌈2.5⌉ − 1 = 2 → the three smallest.
    let trials = (0..<10).map { FrozenTrial(number: $0, trialID: $0, state: .complete, values: [Double(9 - $0)]) }
    #expect(PedAnova.topTrials(trials, losses: trials.map { $0.values?[0] ?? 0 }, quantile: 0.25).map(\.number) == [7, 8, 9])
    // Identical top and local densities diverge by ~0; a concentrated top set scores high.
    let uniform = PedAnova.density([5, 5, 5, 5], categorical: true)
    #expect(abs(uniform.reduce(0, +) - 1) < 1e-12)
    #expect(PedAnova.divergence(top: uniform, local: uniform) < 1e-12)
    // Counts [4, 0, 0, 0]: mixture weights 0.8 (kernel) / 0.2 (prior); the kernel row is
    // [1.5, .5, .5, .5] / 3, so p = [0.45, 0.1833…×3]; against uniform 0.25:
    // 0.25·(0.45/0.25 − 1)² + 3·0.25·(0.18333/0.25 − 1)² = 0.16 + 0.05333 = 0.21333.
    let peaked = PedAnova.density([4, 0, 0, 0], categorical: true)
    #expect(abs(peaked[0] - 0.45) < 1e-12)
    #expect(abs(PedAnova.divergence(top: peaked, local: uniform) - 0.2133333333) < 1e-8)
    let numeric = PedAnova.density([0, 0, 3, 0, 0, 0, 0, 0, 0, 0], categorical: false)
    #expect(abs(numeric.reduce(0, +) - 1) < 1e-9 && numeric.firstIndex(of: numeric.max() ?? 0) == 2)
  }

  /// 30 deterministic trials; expected numbers printed by Optuna 5.0.0's
  /// `get_param_importances(study, evaluator=PedAnovaImportanceEvaluator(...))` on the same trials.
  static func goldenStudy(_ direction: StudyDirection) throws -> Study {
    let space: [String: Distribution] = [
      "a": try .float(0, 1), "b": try .float(1e-3, 1, log: true), "n": try .int(1, 8), "c": try .categorical(["p", "q", "r"]),
    ]
    func study(_ direction: StudyDirection) throws -> Study {
      let s = try Study.create(direction: direction, logger: .silent)
      for i in 0..<30 {
        let a = Double((i * 7) % 30) / 29
        let b = pow(10, -3 * Double((i * 11) % 30) / 29)
        let n = 1 + (i * 5) % 8
        let c = ["p", "q", "r"][(i * 2) % 3]
        let v = 10 * a + log10(b) * 0.3 + 0.1 * Double(n) + (c == "q" ? 0.5 : 0)
        try s.addTrial(FrozenTrial(number: 0, trialID: 0, state: .complete, values: [v],
          params: ["a": .float(a), "b": .float(b), "n": .int(n), "c": .string(c)], distributions: space))
      }
      return s
    }
    return try study(direction)
  }

  @Test func testPedAnova_matchesOptuna5() throws {
    let study = Self.goldenStudy
    func check(_ result: [ParameterImportance], _ expected: [String: Double]) {
      for item in result {
        #expect(abs(item.importance - (expected[item.name] ?? -1)) < 1e-9, "\(item.name): \(item.importance)")
      }
    }
    let minimize = try study(.minimize)
    check(try Importance.evaluate(study: minimize, evaluator: .pedAnova()),
      ["a": 0.8984070609320841, "n": 0.10083615205094094, "b": 0.0007567870169750864, "c": 0.0])
    check(try Importance.evaluate(study: minimize, evaluator: .pedAnova(evaluateOnLocal: false)),
      ["a": 0.8724778529276362, "n": 0.12595737234362298, "b": 0.0015647747287408542, "c": 1.6406316932557915e-24])
    check(try Importance.evaluate(study: try study(.maximize), evaluator: .pedAnova(targetQuantile: 0.3)),
      ["a": 0.9594351488829219, "b": 0.01969836509280705, "c": 0.012251780612977497, "n": 0.008614705411293432])
  }

  /// Optuna 5.0.0's fANOVA / MDI importances on the same study, averaged over 20 forest seeds
  /// (docs/search-golden/optuna_fanova.py). Forests draw differently, so averages are compared
  /// with a tolerance.
  @Test func testForestImportances_agreeWithOptuna5OnAverage() throws {
    let study = try Self.goldenStudy(.minimize)
    let cases: [(String, (Int) -> ImportanceEvaluator, [String: Double])] = [
      ("fanova", { .fanova(seed: $0) }, ["a": 0.9939, "b": 0.0009, "n": 0.0021, "c": 0.003]),
      ("mdi", { .meanDecreaseImpurity(seed: $0) }, ["a": 0.9769, "b": 0.0062, "n": 0.0074, "c": 0.0094]),
    ]
    for (name, make, expected) in cases {
      var mean: [String: Double] = [:]
      for seed in 0..<20 {
        for item in try Importance.evaluate(study: study, evaluator: make(seed)) { mean[item.name, default: 0] += item.importance / 20 }
      }
      for (param, value) in expected {
        #expect(abs((mean[param] ?? -1) - value) < 0.02, "\(name) \(param): \(mean[param] ?? -1) vs Optuna \(value)")
      }
    }
  }

  @Test func testImportances_errors() throws {
    let empty = try Study.create(logger: .silent)
    #expect(throws: SearchError.self) { try Importance.evaluate(study: empty) }
    let multi = try Study.create(directions: [.minimize, .minimize], logger: .silent)
    #expect(throws: SearchError.self) { try Importance.evaluate(study: multi) }
  }

  @Test func testPlotData() throws {
    let s = try Study.create(sampler: RandomSampler(seed: 2), logger: .silent)
    let values: [Double] = [5, 3, 4, 1, 2]
    var i = 0
    try s.optimize(nTrials: 5) { t in
      _ = try t.suggestFloat("x", low: 1e-3, high: 1, log: true)
      _ = try t.suggestInt("n", low: 1, high: 4)
      try t.report(values[i] + 1, step: 0)
      try t.report(values[i], step: 1)
      defer { i += 1 }
      return values[i]
    }
    #expect(PlotData.optimizationHistory(study: s).map(\.bestSoFar) == [5, 3, 3, 1, 1])
    #expect(PlotData.intermediateValues(study: s).first?.values == [6, 5])
    let slices = PlotData.slice(study: s)
    #expect(slices.map(\.name) == ["n", "x"] && slices[0].points.count == 5)
    let contour = try #require(PlotData.contour(study: s, x: "x", y: "n", resolution: 10))
    #expect(contour.z.count == 10 && contour.z[0].count == 10 && contour.xLog)
    #expect(contour.z.allSatisfy { $0.allSatisfy { (1...5).contains($0) } })
    let pc = PlotData.parallelCoordinates(study: s)
    #expect(pc.axes.map(\.name) == ["Objective Value", "n", "x"] && pc.lines.count == 5)
  }

  @Test func testParetoPlotData() throws {
    let s = try Study.create(directions: [.minimize, .minimize], logger: .silent)
    for v in [[1.0, 4.0], [2.0, 2.0], [3.0, 3.0]] {
      try s.addTrial(FrozenTrial(number: 0, trialID: 0, state: .complete, values: v))
    }
    #expect(PlotData.paretoFront(study: s).map(\.isBest) == [true, true, false])
  }

  @Test func testTrialsTableCSVAndJSON() throws {
    let s = try Study.create(logger: .silent)
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let d: [String: Distribution] = ["lr": try .float(0, 1), "opt": try .categorical(["a,b", "c"])]
    try s.addTrial(FrozenTrial(number: 0, trialID: 0, state: .complete, values: [0.5], params: ["lr": 0.25, "opt": "a,b"],
      distributions: d, userAttrs: ["k": .int(1)], datetimeStart: start, datetimeComplete: start.addingTimeInterval(1.5)))
    try s.addTrial(FrozenTrial(number: 0, trialID: 0, state: .fail, datetimeStart: start, datetimeComplete: start))
    let table = try s.trialsTable()
    #expect(table.columns == ["number", "value", "datetime_start", "datetime_complete", "duration", "params_lr", "params_opt", "user_attrs_k", "state"])
    let csv = table.csv().split(separator: "\n").map(String.init)
    #expect(csv[1] == "0,0.5,2023-11-14 22:13:20.000000,2023-11-14 22:13:21.500000,1.5,0.25,\"a,b\",1,COMPLETE")
    #expect(csv[2] == "1,,2023-11-14 22:13:20.000000,2023-11-14 22:13:20.000000,0.0,,,,FAIL")
    let json = try JSONValue.parse(table.json())
    guard case .array(let records) = json else { Issue.record("not an array"); return }
    #expect(records[0]["params_opt"] == .string("a,b") && records[1]["state"] == .string("FAIL"))
    try s.setMetricNames(["loss"])
    #expect(try s.trialsTable().columns[1] == "values_loss")
    #expect(throws: SearchError.self) { try s.setMetricNames(["a", "b"]) }
  }

  @Test func testMaxTrialsCallbackAndCopyStudy() throws {
    let storage = InMemoryStorage()
    let s = try Study.create(studyName: "a", storage: storage, logger: .silent)
    try s.optimize(nTrials: 50, callbacks: [MaxTrialsCallback(nTrials: 7).callback]) { t in try t.suggestFloat("x", low: 0, high: 1) }
    #expect(s.trials.count == 7)
    let other = InMemoryStorage()
    try StudyManagement.copyStudy(from: "a", storage: storage, to: other, name: "b")
    let copy = try Study.load(studyName: "b", storage: other, logger: .silent)
    #expect(copy.trials.map(\.params) == s.trials.map(\.params))
    try StudyManagement.deleteStudy(name: "a", storage: storage)
    #expect(try StudyManagement.allStudyNames(storage: storage).isEmpty)
  }
}
