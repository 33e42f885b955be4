// Seeded hps against seeded Optuna 5.1.0, run live: docs/search-golden/optuna_seeded_trials.py
// prints numpy's RandomState draws, Optuna's truncated-normal quantiles and whole seeded studies
// of RandomSampler and TPESampler; hps must draw the same numbers and suggest the same trials.
// The Python comes from HPS_PYTHON (scripts/test sets it) or the package's .venv; without it, or
// without optuna==5.1.0, these tests fail and say what to install.
import Foundation
import Testing
@testable import HPSSearch

/// The golden output, produced once per test process.
enum OptunaSeededGolden {
  struct Failure: Error, CustomStringConvertible { let description: String }

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let trials = 60

  static var python: String {
    if let path = ProcessInfo.processInfo.environment["HPS_PYTHON"], !path.isEmpty { return path }
    return packageRoot.appendingPathComponent(".venv/bin/python").path
  }

  static let output: Result<JSONValue, Failure> = Result { try run() }.mapError {
    $0 as? Failure ?? Failure(description: "\($0)")
  }

  static func value() throws -> JSONValue { try output.get() }

  private static func run() throws -> JSONValue {
    let python = OptunaSeededGolden.python
    let hint = "install optuna==5.1.0 (scripts/test-requirements.txt) into it, e.g. run scripts/test, which makes .venv and sets HPS_PYTHON"
    guard FileManager.default.isExecutableFile(atPath: python) else {
      throw Failure(description: "no Python at \(python) for the Optuna parity tests: \(hint)")
    }
    let script = packageRoot.appendingPathComponent("docs/search-golden/optuna_seeded_trials.py").path
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent("hps-optuna-parity-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errors) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script, String(trials)]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
      throw Failure(description: "\(python) \(script) failed (\(process.terminationStatus)); \(hint):\n\(stderr.suffix(2000))")
    }
    let json = try JSONValue.parse(String(decoding: data, as: UTF8.self))
    guard json["optuna_version"]?.stringValue == "5.1.0" else {
      throw Failure(description: "the parity tests compare against Optuna 5.1.0, but \(python) has \(json["optuna_version"]?.stringValue ?? "?"): \(hint)")
    }
    return json
  }

  static func doubles(_ v: JSONValue?) -> [Double] {
    guard case .array(let items)? = v else { return [] }
    return items.compactMap(\.doubleValue)
  }
}

func mixedSpace() throws -> [(name: String, distribution: Distribution)] {
  [("x", try .float(-5, 5)), ("lr", try .float(1e-5, 1e-1, log: true)), ("n", try .int(1, 256, log: true)),
   ("k", try .int(0, 40, step: 4)), ("opt", try .categorical([.string("adam"), .string("sgd"), .string("rmsprop")])),
   ("s", try .float(0, 1, step: 0.05))]
}

/// The mixed objective of optuna_seeded_trials.py, term for term.
func mixedObjective(_ p: [String: ParamValue]) -> [Double] {
  let x = p["x"]?.doubleValue ?? .nan, lr = p["lr"]?.doubleValue ?? .nan, n = p["n"]?.doubleValue ?? .nan
  let k = p["k"]?.doubleValue ?? .nan, s = p["s"]?.doubleValue ?? .nan
  let cost: [String: Double] = ["adam": 0, "sgd": 0.7, "rmsprop": 0.3]
  let opt = cost[p["opt"]?.stringValue ?? ""] ?? .nan
  let u = log10(lr) + 3, v = log2(n) - 5
  return [(x - 1.3) * (x - 1.3) + u * u + v * v / 4 + abs(k - 12) / 8 + opt + 3 * (s - 0.35) * (s - 0.35)]
}

/// The conditional objective of optuna_seeded_trials.py, asked define-by-run as Optuna's
/// `Trial` asks: a parameter comes from the relative sample when it is in the relative space,
/// otherwise from `sampleIndependent`.
func runConditional(_ sampler: TPESampler, trials: Int) throws -> [SamplerLoop.Record] {
  let study = StudySnapshot()
  let kind = try Distribution.categorical([.string("a"), .string("b"), .string("c")])
  let xa = try Distribution.float(-1, 1), ya = try Distribution.float(1e-3, 1, log: true), xb = try Distribution.float(0, 10)
  var records: [SamplerLoop.Record] = []
  for number in 0..<trials {
    var t = FrozenTrial(number: number, trialID: number, state: .running)
    study.record(t)
    let space = sampler.inferRelativeSearchSpace(study: study, trial: t)
    let relative = try sampler.sampleRelative(study: study, trial: t, searchSpace: space)
    func suggest(_ name: String, _ d: Distribution) throws -> ParamValue {
      let v = try space[name] == d ? relative[name] ?? sampler.sampleIndependent(study: study, trial: t, name: name, distribution: d)
        : sampler.sampleIndependent(study: study, trial: t, name: name, distribution: d)
      t.params[name] = v
      t.distributions[name] = d
      study.record(t)
      return v
    }
    let value: Double
    switch try suggest("kind", kind) {
    case .string("a"):
      let x = try suggest("xa", xa).doubleValue ?? .nan, u = log10(try suggest("ya", ya).doubleValue ?? .nan) + 1.5
      value = x + u * u
    case .string("b"):
      let x = try suggest("xb", xb).doubleValue ?? .nan
      value = (x - 3) * (x - 3) / 10 - 0.5
    default:
      value = 0.3
    }
    t.state = .complete
    t.values = [value]
    study.record(t)
    sampler.afterTrial(study: study, trial: t, state: .complete, values: [value])
    records.append(SamplerLoop.Record(params: t.params, values: [value], samplerSeconds: 0))
  }
  return records
}

private extension ParamValue {
  var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }
}

/// The first trial whose parameters differ from Optuna's (numbers beyond 1e-9 relative), or nil.
func firstDifference(_ records: [SamplerLoop.Record], _ optuna: JSONValue?) -> (trial: Int, detail: String)? {
  guard case .array(let trials)? = optuna else { return (0, "no Optuna trials in the golden output") }
  if trials.count != records.count { return (min(trials.count, records.count), "\(trials.count) Optuna trials, \(records.count) hps trials") }
  for (i, (record, trial)) in zip(records, trials).enumerated() {
    guard case .object(let params)? = trial["params"] else { return (i, "trial \(i) has no params") }
    if Set(params.keys) != Set(record.params.keys) { return (i, "names \(params.keys.sorted()) vs \(record.params.keys.sorted())") }
    for (name, expected) in params {
      let got = record.params[name]
      let same: Bool
      if let e = expected.stringValue {
        same = got?.stringValue == e
      } else if let e = expected.doubleValue, let g = got?.doubleValue {
        same = abs(g - e) <= 1e-9 * max(1, abs(e))
      } else {
        same = false
      }
      if !same { return (i, "trial \(i) \(name): hps \(got.map { "\($0)" } ?? "nil"), Optuna \(expected)") }
    }
  }
  return nil
}

@Suite(.serialized) struct NumpyRandomStateTests {
  @Test func randomSampleMatchesNumpyBitForBit() throws {
    let golden = try OptunaSeededGolden.value()
    for seed in [0, 1, 42, 4_294_967_295] {
      let expected = OptunaSeededGolden.doubles(golden["random_sample"]?[String(seed)])
      #expect(expected.count == 1000)
      var rng = NumpyRandomState(seed: seed)
      let got = (0..<expected.count).map { _ in rng.randomSample() }
      #expect(got == expected, "seed \(seed): first difference at \(got.indices.first { got[$0] != expected[$0] } ?? -1)")
    }
    // Seeds numpy rejects go through init_by_array over their two 32-bit words.
    let byArray = OptunaSeededGolden.doubles(golden["init_by_array"])
    var folded = NumpyRandomState(seed: -7)
    #expect(byArray.count == 50 && byArray == (0..<50).map { _ in folded.randomSample() })
  }

  @Test func uniformAndChoiceMatchNumpy() throws {
    let golden = try OptunaSeededGolden.value()
    let lows = [-5.0, 0.0, log(1e-5), -0.5, 3.0], highs = [5.0, 1.0, log(0.1), 40.5, 3.0]
    var rng = NumpyRandomState(seed: 3)
    guard case .array(let rows)? = golden["uniform"] else { Issue.record("no uniform rows"); return }
    #expect(rows.count == 20)
    for row in rows { #expect(rng.uniform(lows: lows, highs: highs) == OptunaSeededGolden.doubles(row)) }

    let p = [0.05, 0.3, 0.0, 0.15, 0.2, 0.1, 0.2]
    var chooser = NumpyRandomState(seed: 5)
    let expected = OptunaSeededGolden.doubles(golden["choice"]).map { Int($0) }
    #expect(expected.count == 200)
    #expect(chooser.choice(probabilities: p, count: 200) == expected)
  }

  /// Optuna's batched quantile, including deep tails, q = 0 and q = 1.
  @Test func truncatedNormalQuantileMatchesOptuna() throws {
    let golden = try OptunaSeededGolden.value()
    let ppf = golden["ppf"]
    let q = OptunaSeededGolden.doubles(ppf?["q"]), a = OptunaSeededGolden.doubles(ppf?["a"])
    let b = OptunaSeededGolden.doubles(ppf?["b"]), expected = OptunaSeededGolden.doubles(ppf?["x"])
    #expect(q.count == 300 && expected.count == 300)
    let got = OptunaTruncatedNormal.ppf(q, a, b)
    var worst = 0.0
    for i in expected.indices { worst = max(worst, abs(got[i] - expected[i]) / max(1, abs(expected[i]))) }
    #expect(worst <= 1e-12, "largest relative difference \(worst)")
    // The remembered tail terms give the same bits, on first sight and on a hit.
    let memo = TruncatedNormalMemo()
    for _ in 0..<2 {
      #expect(OptunaTruncatedNormal.ppf(q, a, b, memo: memo).map(\.bitPattern) == got.map(\.bitPattern))
    }
  }
}

@Suite(.serialized) struct SeededOptunaParityTests {
  let n = OptunaSeededGolden.trials

  @Test func randomSamplerSuggestsOptunasTrials() throws {
    let golden = try OptunaSeededGolden.value()
    let branin = try SamplerLoop.run(sampler: RandomSampler(seed: 11), space: braninSpace(), nTrials: n, objective: branin)
    let mixed = try SamplerLoop.run(sampler: RandomSampler(seed: 12), space: mixedSpace(), nTrials: n, objective: mixedObjective)
    #expect(firstDifference(branin, golden["random_branin"]) == nil, "\(firstDifference(branin, golden["random_branin"])!.detail)")
    #expect(firstDifference(mixed, golden["random_mixed"]) == nil, "\(firstDifference(mixed, golden["random_mixed"])!.detail)")
  }

  @Test func tpeSuggestsOptunasTrialsOnBranin() throws {
    let golden = try OptunaSeededGolden.value()
    let records = try SamplerLoop.run(sampler: TPESampler(seed: 3), space: braninSpace(), nTrials: n, objective: branin)
    let diff = firstDifference(records, golden["tpe_branin_real"])
    #expect(diff == nil, "\(diff?.detail ?? "")")
  }

  /// Two objectives: univariate TPE (Optuna 5's default there), the good set by non-domination
  /// rank and hypervolume subset selection.
  @Test func tpeSuggestsOptunasTrialsForTwoObjectives() throws {
    let golden = try OptunaSeededGolden.value()
    let space: [(name: String, distribution: Distribution)] = [("x", try .float(-2, 3)), ("y", try .float(1e-2, 10, log: true))]
    let records = try SamplerLoop.run(sampler: TPESampler(seed: 8), space: space, directions: [.minimize, .minimize],
                                      nTrials: n) { p in
      let x = p["x"]?.doubleValue ?? .nan, u = log10(p["y"]?.doubleValue ?? .nan)
      return [x * x + u * u, (x - 1) * (x - 1) + (u - 0.5) * (u - 0.5)]
    }
    let diff = firstDifference(records, golden["tpe_two_objectives_real"])
    #expect(diff == nil, "\(diff?.detail ?? "")")
  }

  /// `group: true` on a define-by-run space: the groups draw in Optuna's (first-seen) order.
  @Test func groupedTPESuggestsOptunasTrials() throws {
    let golden = try OptunaSeededGolden.value()
    let records = try runConditional(TPESampler(seed: 6, multivariate: true, group: true), trials: n)
    let diff = firstDifference(records, golden["tpe_group_real"])
    #expect(diff == nil, "\(diff?.detail ?? "")")
  }

  /// Ties: with repeated int and stepped values the real Optuna's bandwidths depend on numpy's
  /// unstable argsort. hps must match Optuna with a stable argsort for the whole study, and the
  /// real Optuna until the very trial where the stable variant itself leaves it.
  @Test(arguments: [("tpe_mixed", 4, true), ("tpe_mixed_univariate", 5, false)])
  func tpeSuggestsOptunasTrialsOnMixedSpace(key: String, seed: Int, multivariate: Bool) throws {
    let golden = try OptunaSeededGolden.value()
    let records = try SamplerLoop.run(sampler: TPESampler(seed: seed, multivariate: multivariate), space: mixedSpace(),
                                      nTrials: n, objective: mixedObjective)
    let stable = firstDifference(records, golden["\(key)_stable"])
    #expect(stable == nil, "against stable-argsort Optuna: \(stable?.detail ?? "")")

    guard case .array(let realTrials)? = golden["\(key)_real"], case .array(let stableTrials)? = golden["\(key)_stable"] else {
      Issue.record("no \(key) studies in the golden output"); return
    }
    let tieDivergence = realTrials.indices.first { realTrials[$0]["params"] != stableTrials[$0]["params"] } ?? realTrials.count
    let real = firstDifference(records, golden["\(key)_real"])
    #expect((real?.trial ?? realTrials.count) == tieDivergence,
            "against Optuna: \(real?.detail ?? "no difference"); its argsort ties first matter at trial \(tieDivergence)")
  }
}

/// What needs no Python: the generator against the reference MT19937 and unseeded behaviour.
@Suite struct NumpyRandomStateReferenceTests {
  /// Matsumoto and Nishimura's published outputs: init_genrand(5489) starts 3499211612,
  /// 581869302, 3890346734; init_by_array({0x123, 0x234, 0x345, 0x456}) starts 1067595299.
  @Test func mersenneTwisterMatchesTheReferenceOutputs() {
    var byWord = NumpyRandomState(word: 5489)
    #expect([byWord.nextUInt32(), byWord.nextUInt32(), byWord.nextUInt32()] == [3_499_211_612, 581_869_302, 3_890_346_734])
    var byArray = NumpyRandomState(key: [0x123, 0x234, 0x345, 0x456])
    #expect(byArray.nextUInt32() == 1_067_595_299)
  }

  /// seed nil stays random (Optuna's `seed=None`), and reseeding leaves the seeded stream.
  @Test func unseededSamplersDiffer() throws {
    let d = try Distribution.float(0, 1)
    let a = (0..<8).map { _ in RandomSampler().sample(d) }
    let b = (0..<8).map { _ in RandomSampler().sample(d) }
    #expect(a != b)
    let seeded = RandomSampler(seed: 9), again = RandomSampler(seed: 9)
    #expect((0..<4).map { _ in seeded.sample(d) } == (0..<4).map { _ in again.sample(d) })
    again.reseedRng()
    #expect((0..<4).map { _ in seeded.sample(d) } != (0..<4).map { _ in again.sample(d) })
  }

  /// A single-value range still takes its draw, as numpy's uniform(low, low) does.
  @Test func singleValueRangesConsumeADraw() throws {
    let single = RandomSampler(seed: 4), plain = RandomSampler(seed: 4)
    let d = try Distribution.float(0, 1)
    #expect(single.sample(try .float(2, 2)) == .float(2))
    _ = plain.sample(d)
    #expect(single.sample(d) == plain.sample(d))
  }
}
