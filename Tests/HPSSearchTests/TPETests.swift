import Foundation
import Testing
@testable import HPSSearch

/// Branin on x1 ∈ [-5, 10], x2 ∈ [0, 15]; global minimum 0.397887.
func branin(_ p: [String: ParamValue]) -> [Double] {
  let x1 = p["x1"]?.doubleValue ?? .nan, x2 = p["x2"]?.doubleValue ?? .nan
  let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
  let a = x2 - b * x1 * x1 + c * x1 - 6
  return [a * a + 10 * (1 - t) * cos(x1) + 10]
}

func braninSpace() throws -> [(name: String, distribution: Distribution)] {
  [("x1", try .float(-5, 10)), ("x2", try .float(0, 15))]
}

func bestValue(_ records: [SamplerLoop.Record]) -> Double {
  records.map { $0.values[0] }.min() ?? .infinity
}

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
}

@Test func tpeDefaultGammaAndWeightsMatchOptuna() {
  #expect([0, 1, 10, 11, 100, 249, 250, 1000].map(TPEDefaults.gamma) == [0, 1, 1, 2, 10, 25, 25, 25])
  #expect(TPEDefaults.weights(3) == [1, 1, 1])
  let w = TPEDefaults.weights(30)  // numpy.linspace(1/30, 1, 5) then 25 ones
  #expect(w.count == 30 && abs(w[0] - 1.0 / 30) < 1e-15 && abs(w[2] - (1.0 / 30 + 0.5 * (1 - 1.0 / 30))) < 1e-15)
  #expect(w[4] == 1 && w[29] == 1)
}

@Test func parzenBandwidthsFollowNeighbourRuleWithPriorAndMagicClip() {
  // Optuna 5.0: sorted list [0, 0.1, 0.3, 0.9, 1]; the extremes take their inner gaps (0.2 and
  // 0.6), the middle one the larger of its gaps (0.6); magic clip floor = 1/min(100, 3 + 2) = 0.2.
  let sigmas = ParzenEstimator.bandwidths([0.9, 0.1, 0.3], low: 0, high: 1, dimensionCount: 1, options: .init())
  #expect(sigmas.map { ($0 * 1e12).rounded() / 1e12 } == [0.6, 0.2, 0.6])
  let clipped = ParzenEstimator.bandwidths([0.49, 0.51], low: 0, high: 1, dimensionCount: 1, options: .init())
  #expect(clipped == [0.25, 0.25])
}

@Test func parzenDensityIntegratesToOneAndDiscreteMassesSumToOne() {
  var rng = SeededRandom(seed: 1 as UInt64)
  let obs = (0..<7).map { _ in [rng.nextUniform() * 10 - 5] }
  let pe = ParzenEstimator(observations: obs, parameters: [.numeric(low: -5, high: 5, log: false, step: nil)],
                           observationWeights: TPEDefaults.weights(7), options: .init())
  let grid = stride(from: -5.0, through: 5.0, by: 0.001).map { [$0] }
  let integral = pe.logPdf(grid).map { exp($0) * 0.001 }.reduce(0, +)
  #expect(abs(integral - 1) < 2e-3, "∫ l = \(integral)")

  let ints = ParzenEstimator(observations: [[2], [3], [3], [7]], parameters: [.numeric(low: 1, high: 8, log: true, step: 1)],
                             observationWeights: [1, 1, 1, 1], options: .init())
  let mass = ints.logPdf((1...8).map { [Double($0)] }).map { exp($0) }.reduce(0, +)
  #expect(abs(mass - 1) < 1e-9, "Σ p = \(mass)")

  let cats = ParzenEstimator(observations: [[0], [2]], parameters: [.categorical(choices: 3)],
                             observationWeights: [1, 1], options: .init())
  let p = cats.logPdf([[0], [1], [2]]).map { exp($0) }
  #expect(abs(p.reduce(0, +) - 1) < 1e-12 && p[0] > p[1] && abs(p[0] - p[2]) < 1e-12)
}

@Test func tpeSamplesStayInsideEveryDistribution() throws {
  let space: [(name: String, distribution: Distribution)] = [
    ("f", try .float(-1, 1)), ("lf", try .float(1e-5, 1e-1, log: true)), ("sf", try .float(0, 1, step: 0.25)),
    ("i", try .int(1, 9)), ("li", try .int(1, 1000, log: true)), ("si", try .int(0, 10, step: 5)),
    ("c", try .categorical(["a", "b", 3, nil])),
  ]
  let sampler = try TPESampler(seed: 3, nStartupTrials: 5)
  let records = try SamplerLoop.run(sampler: sampler, space: space, nTrials: 40) { p in
    [(p["f"]?.doubleValue ?? 0) + log10(p["lf"]?.doubleValue ?? 1) + Double(p["i"]?.intValue ?? 0)]
  }
  for r in records {
    for (name, d) in space {
      let v = try #require(r.params[name])
      #expect(d.containsExternal(v), "\(name) = \(v) outside \(d)")
    }
  }
}

@Test func tpeIsReproducibleWithASeed() throws {
  let a = try SamplerLoop.run(sampler: TPESampler(seed: 7), space: braninSpace(), nTrials: 25, objective: branin)
  let b = try SamplerLoop.run(sampler: TPESampler(seed: 7), space: braninSpace(), nTrials: 25, objective: branin)
  let c = try SamplerLoop.run(sampler: TPESampler(seed: 8), space: braninSpace(), nTrials: 25, objective: branin)
  #expect(a.map(\.values) == b.map(\.values))
  #expect(a.map(\.values) != c.map(\.values))
}

@Test func tpeBeatsRandomOnBraninAcrossSeeds() throws {
  var tpe: [Double] = [], random: [Double] = []
  for seed in 0..<5 {
    tpe.append(bestValue(try SamplerLoop.run(sampler: TPESampler(seed: seed), space: braninSpace(), nTrials: 100, objective: branin)))
    // A TPE that never leaves its startup phase is exactly the uniform random sampler.
    random.append(bestValue(try SamplerLoop.run(sampler: TPESampler(seed: seed, nStartupTrials: 1000), space: braninSpace(),
                                                nTrials: 100, objective: branin)))
  }
  #expect(median(tpe) < median(random), "TPE \(tpe) vs random \(random)")
  #expect(median(tpe) < 0.5, "TPE median best \(median(tpe))")
}

@Test func tpeUnivariateAndOptuna4VariantsAlsoWork() throws {
  let sampler = try TPESampler.optuna4(seed: 1)
  #expect(sampler.constantLiar == false && sampler.multivariate == false)
  let best = bestValue(try SamplerLoop.run(sampler: sampler, space: braninSpace(), nTrials: 60, objective: branin))
  #expect(best < 2)
}

@Test func tpeConstantLiarPutsRunningTrialsAbove() {
  let trials = [
    TPEObservedTrial(number: 0, kind: .complete, losses: [1], params: [0.1]),
    TPEObservedTrial(number: 1, kind: .running, params: [0.2]),
    TPEObservedTrial(number: 2, kind: .complete, losses: [0.5], params: [0.3]),
    TPEObservedTrial(number: 3, kind: .pruned, params: [0.4], lastStep: 5, lastIntermediateLoss: 0.2),
  ]
  let (below, above) = TPESplit.split(trials, nBelow: 2, constraintsEnabled: false)
  #expect(below.map(\.number) == [0, 2])
  #expect(above.map(\.number) == [1, 3])
  let (below3, _) = TPESplit.split(trials, nBelow: 3, constraintsEnabled: false)
  #expect(below3.map(\.number) == [0, 2, 3])
}

@Test func multiObjectiveSplitUsesRanksThenHypervolume() {
  // Front: (0,3) (1,1) (3,0); dominated: (2,2) (4,4). Two below: (1,1) first, then a tie → lower index.
  let losses: [[Double]] = [[0, 3], [1, 1], [3, 0], [2, 2], [4, 4]]
  let trials = losses.enumerated().map { TPEObservedTrial(number: $0, kind: .complete, losses: $1, params: []) }
  let (below, _) = TPESplit.split(trials, nBelow: 2, constraintsEnabled: false)
  #expect(below.count == 2 && below.contains { $0.number == 1 })
  let (below4, above4) = TPESplit.split(trials, nBelow: 4, constraintsEnabled: false)
  #expect(below4.map(\.number) == [0, 1, 2, 3] && above4.map(\.number) == [4])
}

@Test func groupDecompositionSplitsConditionalSpaces() throws {
  let a = try Distribution.float(0, 1), b = try Distribution.int(1, 3), c = try Distribution.categorical(["x", "y"])
  let trials = [
    FrozenTrial(number: 0, trialID: 0, state: .complete, values: [1], distributions: ["kind": c, "a": a]),
    FrozenTrial(number: 1, trialID: 1, state: .complete, values: [1], distributions: ["kind": c, "b": b]),
    FrozenTrial(number: 2, trialID: 2, state: .complete, values: [1], distributions: ["kind": c, "a": a]),
  ]
  let groups = GroupDecomposedSearchSpace.groups(trials).map { $0.keys.sorted() }.sorted { $0[0] < $1[0] }
  #expect(groups == [["a"], ["b"], ["kind"]])
  #expect(throws: SamplerArgumentError.self) { try TPESampler(multivariate: false, group: true) }
}

@Test func groupedTPESamplesAConditionalSpace() throws {
  // Two branches with different parameters: group=True models each branch's parameter jointly.
  let sampler = try TPESampler(seed: 0, nStartupTrials: 5, multivariate: true, group: true)
  let study = StudySnapshot()
  let kind = try Distribution.categorical(["a", "b"]), xa = try Distribution.float(-1, 1), xb = try Distribution.float(0, 10)
  for number in 0..<40 {
    var t = FrozenTrial(number: number, trialID: number, state: .running)
    study.record(t)
    let space = sampler.inferRelativeSearchSpace(study: study, trial: t)
    let relative = try sampler.sampleRelative(study: study, trial: t, searchSpace: space)
    let k = try relative["kind"] ?? sampler.sampleIndependent(study: study, trial: t, name: "kind", distribution: kind)
    t.params["kind"] = k; t.distributions["kind"] = kind
    let (name, dist) = k == .string("a") ? ("xa", xa) : ("xb", xb)
    let v = try relative[name] ?? sampler.sampleIndependent(study: study, trial: t, name: name, distribution: dist)
    #expect(dist.containsExternal(v))
    t.params[name] = v; t.distributions[name] = dist
    t.state = .complete
    t.values = [k == .string("a") ? (v.doubleValue ?? 0) : 5]
    study.record(t)
  }
  let best = study.trials(states: [.complete]).compactMap(\.value).min() ?? 0
  #expect(best < -0.8)
}
