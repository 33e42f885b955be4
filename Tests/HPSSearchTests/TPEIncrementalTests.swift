import Foundation
import Testing
@testable import HPSSearch

/// The kept history (sorted orders, memoized kernel masses, the watermark read) must give the
/// very suggestions a from-scratch build gives.
@Suite struct TPEIncrementalTests {
  static let space: [(name: String, parameter: TPEParameter)] = [
    ("a", .numeric(low: -5, high: 5, log: false, step: nil)),
    ("b", .numeric(low: 1e-4, high: 1, log: true, step: nil)),
    ("c", .numeric(low: 0, high: 20, log: false, step: 2)),
    ("d", .categorical(choices: 3)),
  ]

  /// A history with duplicates, a pruned trial, a trial lacking a parameter and running trials
  /// (the liar) between finished ones.
  static func history(count: Int, seed: UInt64) -> [TPEObservedTrial] {
    var rng = SeededRandom(seed: seed)
    return (0..<count).map { i in
      var params = [rng.nextUniform() * 10 - 5, exp(log(1e-4) + rng.nextUniform() * log(1e4)),
                    2 * Double(Int(rng.nextUniform() * 11)), Double(Int(rng.nextUniform() * 3))]
      if i % 7 == 3 { params[0] = 1.25 }  // ties in the sorted order
      if i == 13 { params[1] = .nan }
      let kind: TPEObservedTrial.Kind = i % 11 == 5 ? .pruned : .complete
      return TPEObservedTrial(number: i, kind: kind, losses: kind == .complete ? [params[0] * params[0] + params[1]] : [],
                              params: params, lastStep: kind == .pruned ? i % 3 : nil,
                              lastIntermediateLoss: kind == .pruned ? Double(i) : nil)
    }
  }

  @Test func cachedEstimatorGivesTheSameSuggestionsAsFromScratch() {
    let all = Self.history(count: 160, seed: 4)
    let cache = TPEKernelCache(dimensionCount: Self.space.count)
    var rng = SeededRandom(seed: 9 as UInt64)
    var compared = 0
    for n in stride(from: 10, through: 150, by: 7) {
      // Finished prefix in the cache, then a few running trials and not-yet-cached finished ones.
      while cache.count < n { cache.append(all[cache.count]) }
      var trials = Array(all[0..<n])
      for j in n..<(n + 6) {
        var t = all[j]
        if j % 2 == 0 { t.kind = .running; t.losses = [] }
        trials.append(t)
      }
      var a = rng, b = rng
      let scratch = TPEAlgorithm.suggest(space: Self.space, trials: trials, options: TPEOptions(),
                                         constraintsEnabled: false, rng: &a, cache: nil)
      let cached = TPEAlgorithm.suggest(space: Self.space, trials: trials, options: TPEOptions(),
                                        constraintsEnabled: false, rng: &b, cache: cache)
      // The estimators themselves agree to the bit, not only the chosen candidate.
      let (_, above) = TPESplit.splitIndices(trials, nBelow: TPEDefaults.gamma(n), constraintsEnabled: false)
      let rows = above.filter { !trials[$0].params.contains(where: \.isNaN) }
      let columns = Self.space.indices.map { d in rows.map { trials[$0].params[d] } }
      let parameters = Self.space.map(\.parameter)
      let plain = ParzenEstimator(columns: columns, parameters: parameters, observationWeights: TPEDefaults.weights(rows.count),
                                  options: .init(), source: nil)
      let kept = ParzenEstimator(columns: columns, parameters: parameters, observationWeights: TPEDefaults.weights(rows.count),
                                 options: .init(), source: .init(cache: cache, trialIndices: rows, historyCount: trials.count))
      #expect(plain.base == kept.base)
      let probes: [[Double]] = (0..<20).map { (i: Int) -> [Double] in
        let x = Double(i)
        return [x / 2 - 5, 1e-3 * (x + 1), Double(2 * (i % 11)), Double(i % 3)]
      }
      #expect(plain.logPdf(probes) == kept.logPdf(probes))
      #expect(scratch != nil)
      #expect(scratch == cached, "n = \(n)")
      _ = rng.nextUniform()
      compared += 1
    }
    #expect(compared > 10)
  }

  @Test func samplerKeepingItsMemoryMatchesOneRebuildingEveryTrial() throws {
    let space: [(name: String, distribution: Distribution)] = [
      ("x", try .float(-5, 10)), ("y", try .float(1e-3, 10, log: true)), ("k", try .int(1, 50)),
      ("s", try .float(0, 1, step: 0.1)), ("c", try .categorical(["a", "b", "c"])),
    ]
    func objective(_ p: [String: ParamValue]) -> [Double] {
      let x = p["x"]?.doubleValue ?? 0, y = p["y"]?.doubleValue ?? 1
      let k = Double(p["k"]?.intValue ?? 0), s = p["s"]?.doubleValue ?? 0
      let c = p["c"]?.stringValue == "b" ? 0.0 : 1.0
      return [(x - 1) * (x - 1) + abs(log(y)) + abs(k - 17) / 10 + s + c]
    }
    for multivariate in [true, false] {
      let kept = try TPESampler(seed: 5, multivariate: multivariate)
      let rebuilt = try TPESampler(seed: 5, multivariate: multivariate)
      rebuilt.rebuildsEveryTrial = true
      let a = try SamplerLoop.run(sampler: kept, space: space, nTrials: 120, objective: objective)
      let b = try SamplerLoop.run(sampler: rebuilt, space: space, nTrials: 120, objective: objective)
      #expect(a.map(\.params) == b.map(\.params), "multivariate \(multivariate)")
    }
  }

  /// g(x) edited from one suggestion to the next must be the estimator a fresh build gives, bit
  /// for bit: rows joining and leaving (trials crossing the split, running trials of the liar
  /// coming and going), ties, a log and a stepped parameter.
  @Test func editedAboveKernelsEqualAFreshBuild() {
    let space = Self.space.map(\.parameter)
    let all = Self.history(count: 420, seed: 6)
    let above = TPEAboveKernels()
    func bits(_ a: [Double]) -> [UInt64] { a.map(\.bitPattern) }
    var compared = 0
    // One at a time, then in steps of 30, then back to 150 (too big a change to edit: a rebuild).
    for n in Array(150...300) + Array(stride(from: 310, through: 400, by: 30)) + [150] {
      var trials = Array(all[0..<n])
      // Running trials (always above) that change from one call to the next.
      for j in n..<(n + n % 3) {
        var t = all[j]
        t.kind = .running
        t.losses = []
        trials.append(t)
      }
      let (_, rows) = TPESplit.splitIndices(trials, nBelow: TPEDefaults.gamma(n), constraintsEnabled: false)
      let kept = rows.filter { !trials[$0].params.contains(where: \.isNaN) }
      let weights = TPEDefaults.weights(kept.count)
      guard let edited = above.estimator(trials: trials, rows: kept, parameters: space, weights: weights, options: .init())
      else { Issue.record("no estimator for a numeric space"); return }
      let columns = space.indices.map { d in kept.map { trials[$0].params[d] } }
      let fresh = ParzenEstimator(columns: columns, parameters: space, observationWeights: weights, options: .init(), source: nil)
      #expect(bits(edited.base) == bits(fresh.base), "n = \(n)")
      #expect(bits(edited.weights) == bits(fresh.weights), "n = \(n)")
      for (a, b) in zip(edited.kernels, fresh.kernels) {
        switch (a, b) {
        case let (.continuous(mu1, s1, i1, n1, _, _, _), .continuous(mu2, s2, i2, n2, _, _, _)):
          #expect(bits(mu1) == bits(mu2) && bits(s1) == bits(s2) && bits(i1) == bits(i2) && bits(n1) == bits(n2), "n = \(n)")
        case let (.discrete(mu1, s1, m1, _, _, _, _, _, _), .discrete(mu2, s2, m2, _, _, _, _, _, _)):
          #expect(bits(mu1) == bits(mu2) && bits(s1) == bits(s2) && bits(m1) == bits(m2), "n = \(n)")
        case let (.categorical(c1), .categorical(c2)):
          #expect(c1.observed == c2.observed && bits(c1.logHit) == bits(c2.logHit) && bits(c1.logMiss) == bits(c2.logMiss)
                  && c1.logPrior.bitPattern == c2.logPrior.bitPattern, "n = \(n)")
        default:
          Issue.record("kernel kinds differ at n = \(n)")
        }
      }
      compared += 1
    }
    #expect(compared == 156)
    // The first call and the jump back built the kernels; every other call edited them.
    #expect(above.rebuilds == 2)
    #expect(above.edits == 154)
  }

  /// Optuna 4.x's bandwidth is one width for every kernel, moving with n: never edited.
  @Test func scottBandwidthIsRebuiltEachTime() {
    let trials = Self.history(count: 200, seed: 1).filter { !$0.params.contains(where: \.isNaN) }
    let estimator = TPEAboveKernels().estimator(trials: trials, rows: Array(trials.indices),
                                                parameters: Self.space.map(\.parameter),
                                                weights: TPEDefaults.weights(trials.count),
                                                options: .init(scottBandwidth: true))
    #expect(estimator == nil)
  }

  /// The compact categorical rows hold the very numbers of Optuna's full rows (each row's sum
  /// taken in choice order), for the prior alone, a zero prior weight and several sizes.
  @Test(arguments: [(0, 3, 1.0), (1, 2, 1.0), (7, 3, 1.0), (40, 5, 1.0), (12, 4, 0.0), (9, 6, 2.5)])
  func compactCategoricalRowsAreTheFullRows(observations: Int, choices: Int, priorWeight: Double) {
    let values = (0..<observations).map { Double(($0 * 7 + 3) % choices) }
    let kernels = CategoricalKernels(values: values, choices: choices, priorWeight: priorWeight)
    var rows: [[Double]]
    if observations == 0 {
      rows = [[Double](repeating: 1 / Double(choices), count: choices)]
    } else {
      let a = priorWeight / Double(observations + 1)
      rows = [[Double]](repeating: [Double](repeating: a, count: choices), count: observations + 1)
      for (i, v) in values.enumerated() { rows[i][Int(v)] += 1 }
      for k in rows.indices {
        let sum = rows[k].reduce(0, +)
        if sum > 0 { rows[k] = rows[k].map { $0 / sum } }
      }
    }
    #expect(kernels.kernelCount == rows.count)
    for k in rows.indices {
      var acc = [Double](repeating: 0, count: rows.count)
      for c in 0..<choices {
        #expect(kernels.probability(kernel: k, choice: c).bitPattern == rows[k][c].bitPattern, "row \(k), choice \(c)")
        acc.withUnsafeMutableBufferPointer { kernels.accumulate(choice: c, into: $0.baseAddress!, count: rows.count) }
        #expect(acc[k].bitPattern == log(rows[k][c]).bitPattern || (acc[k] == -.infinity && rows[k][c] == 0))
        acc = [Double](repeating: 0, count: rows.count)
      }
    }
  }

  @Test func smallestLossesMatchAFullSort() {
    var rng = SeededRandom(seed: 2 as UInt64)
    for count in [1, 5, 25, 80] {
      var keys = (0..<300).map { _ in Double(Int(rng.nextUniform() * 40)) }
      keys[17] = .nan
      let chosen = Set(TPESplit.smallest(keys, count: count))
      let ranked = keys.indices.sorted { a, b in
        let ka = keys[a].isNaN ? Double.infinity : keys[a], kb = keys[b].isNaN ? Double.infinity : keys[b]
        return ka < kb || (ka == kb && a < b)
      }
      #expect(chosen == Set(ranked.prefix(count)), "count \(count)")
    }
  }
}

@Test func logPdfIsTheLogSumExpOfEveryKernelScoredInEveryDimension() {
  let history = TPEIncrementalTests.history(count: 400, seed: 8).filter { !$0.params.contains(where: \.isNaN) }
  let parameters = TPEIncrementalTests.space.map(\.parameter)
  let columns = parameters.indices.map { d in history.map { $0.params[d] } }
  let pe = ParzenEstimator(columns: columns, parameters: parameters, observationWeights: TPEDefaults.weights(history.count),
                           options: .init(), source: nil)
  var rng = SeededRandom(seed: 3 as UInt64)
  let points = pe.sample(count: 50, rng: &rng) + history.prefix(10).map(\.params)
  let fast = pe.logPdf(points)
  // The stepped dimension's remembered masses give the same bits, first time and on a hit.
  let memo = LogMassMemo()
  #expect(pe.logPdf(points, memo: memo).map(\.bitPattern) == fast.map(\.bitPattern))
  #expect(pe.logPdf(points, memo: memo).map(\.bitPattern) == fast.map(\.bitPattern))
  for (i, point) in points.enumerated() {
    // Every kernel scored in every dimension, then the same log-sum-exp.
    var acc = pe.base
    var inside = true
    for (d, kernel) in pe.kernels.enumerated() where inside {
      inside = ParzenEstimator.accumulate(kernel, point[d], into: &acc)
    }
    let full = inside ? ParzenEstimator.logSumExpSkippingNegligible(acc) : -.infinity
    #expect(fast[i] == full, "point \(i)")
  }
}

/// Threads finish trials out of order: the watermark must wait for the oldest running trial and
/// every finished trial must still reach the model exactly once.
@Test func tpeKeepsItsHistoryRightWhenTrialsFinishOutOfOrder() throws {
  let sampler = try TPESampler(seed: 11, nStartupTrials: 5)
  let study = try Study.create(sampler: sampler, logger: SearchLogger(minimumLevel: .warning) { _ in })
  try study.optimize(nTrials: 60, nJobs: 4) { t in
    let x = try t.suggestFloat("x", low: -3, high: 3), y = try t.suggestFloat("y", low: -3, high: 3)
    usleep(UInt32(200 + (t.number * 7919) % 1500))
    return x * x + y * y
  }
  let complete = try study.getTrials(states: [.complete])
  #expect(complete.count == 60)
  // What the sampler kept is exactly the study's finished trials, in number order.
  let names = ["x", "y"]
  let space: SearchSpace = ["x": try .float(-3, 3), "y": try .float(-3, 3)]
  let probe = FrozenTrial(number: 10_000, trialID: 10_000, state: .running)
  let kept = sampler.withMemory(study: study, trial: probe) { m in
    m.withObserved(space: space, names: names, current: probe.number, constantLiar: true,
                   convert: { sampler.convert($0, names: names, space: space, directions: study.directions) }) { trials, cache in
      (trials.map(\.number), cache.count)
    }
  }
  #expect(kept.0 == complete.map(\.number))
  #expect(kept.1 == 60)
  #expect(try study.bestValue() < 0.5)
}

/// l(x) and g(x) on a fixed history against Optuna 5.1.0's own estimators
/// (`docs/search-golden/tpe_parzen.py`): float, log float and stepped int parameters. The values
/// are distinct: with repeated values numpy's unstable argsort decides which copy gets which
/// bandwidth, an order hps (ties in observation order) cannot reproduce.
@Test func parzenEstimatorsMatchOptuna() {
  let space: [TPEParameter] = [
    .numeric(low: -5, high: 5, log: false, step: nil), .numeric(low: 1e-4, high: 1, log: true, step: nil),
    .numeric(low: 0, high: 200, log: false, step: 2),
  ]
  let trials: [TPEObservedTrial] = (0..<40).map { i in
    let a = -5 + 10 * (Double(i) * 0.6180339887).truncatingRemainder(dividingBy: 1)
    let b = exp(log(1e-4) + log(1e4) * (Double(i) * 0.4142135623).truncatingRemainder(dividingBy: 1))
    let c = Double(2 * ((i * 37) % 101))
    let value = (a - 1) * (a - 1) + abs(log10(b) + 2) + abs(c - 80) / 40
    return TPEObservedTrial(number: i, kind: .complete, losses: [value], params: [a, b, c])
  }
  let (below, above) = TPESplit.splitIndices(trials, nBelow: 4, constraintsEnabled: false)
  #expect(below.map { trials[$0].number } == [1, 6, 9, 35])
  func estimator(_ rows: [Int]) -> ParzenEstimator {
    ParzenEstimator(observations: rows.map { trials[$0].params }, parameters: space,
                    observationWeights: TPEDefaults.weights(rows.count), options: .init())
  }
  let probes: [[Double]] = [[-4, 1e-3, 0], [0.5, 0.01, 80], [1, 0.02, 100], [2.5, 0.5, 40], [4.9, 0.9, 200]]
  let optunaL = [-10.815031789071423, -7.67776554283391, -7.930996339576856, -9.052866200133618, -10.913730110482861]
  let optunaG = [-12.703715014626992, -12.476079998116745, -12.477684442251656, -12.633347870945862, -12.831842455738322]
  let l = estimator(below).logPdf(probes), g = estimator(above).logPdf(probes)
  for i in probes.indices {
    #expect(abs(l[i] - optunaL[i]) < 1e-9, "l at probe \(i): \(l[i]) vs \(optunaL[i])")
    #expect(abs(g[i] - optunaG[i]) < 1e-9, "g at probe \(i): \(g[i]) vs \(optunaG[i])")
  }
}

/// The liar's relative sample is published as Optuna's `tpe:relative_params:<i>` chunks, and a
/// running trial that has not suggested its parameters yet is modelled with them.
@Test func tpePublishesItsRelativeSampleForOtherWorkers() throws {
  let sampler = try TPESampler(seed: 3, nStartupTrials: 3)
  let space: SearchSpace = ["x": try .float(-3, 3), "y": try .float(-3, 3)]
  var trials: [FrozenTrial] = (0..<6).map { i in
    FrozenTrial(number: i, trialID: i, state: .complete, values: [Double(i)],
                params: ["x": .float(Double(i) / 3), "y": .float(-Double(i) / 3)],
                distributions: space)
  }
  trials.append(FrozenTrial(number: 6, trialID: 6, state: .running))
  let study = StudySnapshot(trials: trials)
  let running = try #require(study.allTrials.last)
  let relative = try sampler.sampleRelative(study: study, trial: running, searchSpace: space)
  #expect(relative.keys.sorted() == ["x", "y"])
  let published = try #require(study.allTrials.last)
  #expect(published.systemAttrs["tpe:relative_params:0"] != nil)
  #expect(TPESampler.sharedRelativeParams(published) == relative)
  // Another worker's view of trial 6: no params suggested yet, but its sample is known.
  let observed = sampler.convert(published, names: ["x", "y"], space: space, directions: [.minimize])
  #expect(observed.kind == .running)
  #expect(observed.params == ["x", "y"].map { relative[$0]!.doubleValue! })
  // Without the liar nothing is published.
  let quiet = try TPESampler(seed: 3, nStartupTrials: 3, constantLiar: false)
  let other = StudySnapshot(trials: trials)
  _ = try quiet.sampleRelative(study: other, trial: running, searchSpace: space)
  #expect(other.allTrials.last?.systemAttrs.isEmpty == true)
}

/// Candidates are drawn from l(x) itself: the empirical distribution of many draws matches the
/// mixture's exact cdf (kernels near a bound, a wide one and the prior), and a log parameter's
/// draws match the cdf of the mixture in log space.
@Test func candidatesFollowTheMixture() {
  let observations: [[Double]] = [[-4.9], [0.3], [0.35], [4.0]]
  let weights = [0.2, 1, 1, 0.6]
  for parameter in [TPEParameter.numeric(low: -5, high: 5, log: false, step: nil),
                    .numeric(low: 1e-3, high: 1e2, log: true, step: nil)] {
    let isLog: Bool
    if case .numeric(_, _, let log, _) = parameter { isLog = log } else { isLog = false }
    let rows = isLog ? observations.map { [pow(10, $0[0] * 0.5 - 0.5)] } : observations
    let pe = ParzenEstimator(observations: rows, parameters: [parameter], observationWeights: weights, options: .init())
    guard case .continuous(let mus, let sigmas, _, _, let low, let high, _) = pe.kernels[0] else {
      Issue.record("expected a continuous kernel"); return
    }
    func cdf(_ x: Double) -> Double {
      var total = 0.0
      for k in mus.indices {
        let a = Normal.cdf((low - mus[k]) / sigmas[k]), b = Normal.cdf((high - mus[k]) / sigmas[k])
        total += pe.weights[k] * (Normal.cdf((x - mus[k]) / sigmas[k]) - a) / (b - a)
      }
      return total
    }
    var rng = SeededRandom(seed: 21 as UInt64)
    let draws = pe.sample(count: 20_000, rng: &rng).map { isLog ? log($0[0]) : $0[0] }.sorted()
    var ks = 0.0
    for (i, x) in draws.enumerated() {
      let f = cdf(x)
      ks = max(ks, abs(f - Double(i) / Double(draws.count)), abs(f - Double(i + 1) / Double(draws.count)))
    }
    #expect(ks < 0.015, "Kolmogorov–Smirnov distance \(ks) for \(parameter)")
  }
}
