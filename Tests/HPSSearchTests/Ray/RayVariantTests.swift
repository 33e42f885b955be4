import Foundation
import Testing

@testable import HPSSearch

/// BasicVariantGenerator and variant resolution: grid expansion order and counts, per-trial
/// re-sampling, nested dicts, sample_from dependencies, presets.
@Suite struct RayVariantTests {
  /// All configs a BasicVariantGenerator hands out for `space`.
  func generate(
    _ space: TuneValue, numSamples: Int = 1, points: [TuneValue] = [], constant: Bool = false, seed: Int = 1
  ) throws -> [TuneValue] {
    let generator = try BasicVariantGenerator(pointsToEvaluate: points, constantGridSearch: constant, randomState: seed)
    _ = try generator.setSearchProperties(metric: nil, mode: nil, paramSpace: space, numSamples: numSamples)
    let study = try Study.create(logger: .silent)
    var out: [TuneValue] = []
    while case .config(let c) = try generator.suggest(TuneSuggestContext(study: study)) { out.append(c) }
    return out
  }

  @Test func gridTimesNumSamplesWithFirstSortedGridFastest() throws {
    let space: TuneValue = ["b": try Tune.gridSearch(["x", "y"]), "a": try Tune.gridSearch([1, 2, 3]), "c": try Tune.uniform(0, 1)]
    let configs = try generate(space, numSamples: 2)
    #expect(configs.count == 12)
    // Grid variables sorted by path: "a" before "b", and "a" changes fastest.
    let pairs = configs.prefix(6).map { "\($0["a"]!)\($0["b"]!)" }
    #expect(pairs == ["1'x'", "2'x'", "3'x'", "1'y'", "2'y'", "3'y'"])
    // The second sample repeats the grid with fresh random values.
    #expect(configs.suffix(6).map { "\($0["a"]!)\($0["b"]!)" } == pairs)
    let cs = configs.compactMap { $0["c"]?.doubleValue }
    #expect(Set(cs).count == 12)
    let generator = try BasicVariantGenerator()
    #expect(try generator.totalVariants(paramSpace: space, numSamples: 2) == 12)
  }

  @Test func constantGridSearchHoldsRandomValuesAcrossTheGrid() throws {
    let space: TuneValue = ["a": try Tune.gridSearch([1, 2, 3]), "c": try Tune.uniform(0, 1)]
    let configs = try generate(space, numSamples: 2, constant: true)
    #expect(configs.count == 6)
    #expect(Set(configs.prefix(3).compactMap { $0["c"]?.doubleValue }).count == 1)
    #expect(configs[0]["c"] != configs[3]["c"])
  }

  @Test func nestedDictsResolveInPlace() throws {
    let space: TuneValue = [
      "model": ["layers": try Tune.gridSearch([1, 2]), "width": try Tune.choice([16, 32])],
      "optim": ["lr": try Tune.loguniform(1e-4, 1e-2), "name": "adam"],
    ]
    let configs = try generate(space, numSamples: 3)
    #expect(configs.count == 6)
    for c in configs {
      #expect(c.isResolved)
      #expect([1, 2].contains(c["model"]?["layers"]?.intValue ?? 0))
      #expect([16, 32].contains(c["model"]?["width"]?.intValue ?? 0))
      #expect(c["optim"]?["name"] == "adam")
      let lr = c["optim"]?["lr"]?.doubleValue ?? 0
      #expect(lr >= 1e-4 && lr <= 1e-2)
    }
    #expect(VariantGenerator.flatten(configs[0]).map(\.path) == ["model/layers", "model/width", "optim/lr", "optim/name"])
  }

  @Test func sampleFromSeesResolvedValuesAndWaitsForLaterOnes() throws {
    // "double" comes first but reads "a", which resolves later in the same pass: Ray retries.
    let space: TuneValue = [
      "double": Tune.sampleFrom { spec in .int(try spec.get("a").intValue! * 2) },
      "a": try Tune.randint(1, 100),
      "grid": try Tune.gridSearch([10, 20]),
      "sum": Tune.sampleFrom { spec in .int(try spec.get("grid").intValue! + 1) },
    ]
    let configs = try generate(space, numSamples: 4)
    #expect(configs.count == 8)
    for c in configs {
      #expect(c["double"]?.intValue == 2 * (c["a"]?.intValue ?? -1))
      #expect(c["sum"]?.intValue == (c["grid"]?.intValue ?? 0) + 1)
    }
  }

  @Test func circularSampleFromFailsAfterTwentyPasses() throws {
    let space: TuneValue = [
      "a": Tune.sampleFrom { spec in try spec.get("b") },
      "b": Tune.sampleFrom { spec in try spec.get("a") },
    ]
    #expect {
      _ = try generate(space)
    } throws: { "\($0)".contains("did not resolve after 20 passes") }
  }

  @Test func sampleFromErrorsNameThePath() throws {
    struct Boom: Error {}
    let space: TuneValue = ["bad": Tune.sampleFrom { _ in throw Boom() }]
    #expect {
      _ = try generate(space)
    } throws: { "\($0)".contains("Failed to evaluate expression: bad") }
  }

  @Test func evalDictsAreRejectedWithAHint() throws {
    #expect {
      _ = try generate(["x": ["eval": "spec.config.a"]])
    } throws: { "\($0)".contains("tune.sample_from") }
  }

  @Test func presetsUseUpSamplesAndExpandOverTheGrid() throws {
    let space: TuneValue = ["a": try Tune.uniform(0, 1), "b": try Tune.gridSearch(["x", "y"])]
    let configs = try generate(space, numSamples: 3, points: [["a": 0.5]])
    #expect(configs.count == 6)
    #expect(configs.prefix(2).allSatisfy { $0["a"] == 0.5 })
    #expect(!configs.suffix(4).contains { $0["a"] == 0.5 })
    let generator = try BasicVariantGenerator(pointsToEvaluate: [["a": 0.5]])
    #expect(try generator.totalVariants(paramSpace: space, numSamples: 3) == 6)
  }

  @Test func presetPathMustExistAndOutOfDomainWarns() throws {
    let space: TuneValue = ["a": try Tune.uniform(0, 1)]
    #expect {
      _ = try generate(space, points: [["nope": 1]])
    } throws: { "\($0)".contains("Pre-set config key `nope` does not correspond to a valid key") }
    let (logger, records) = SearchLogger.collecting()
    let generator = try BasicVariantGenerator(pointsToEvaluate: [["a": 3.0]], logger: logger)
    _ = try generator.setSearchProperties(metric: nil, mode: nil, paramSpace: space, numSamples: 1)
    #expect(records.current.contains { $0.message.contains("Pre-set value `3.0` is not within valid values of parameter `a`") })
  }

  @Test func seedsReproduceAndNumSamplesIsValidated() throws {
    let space: TuneValue = ["x": try Tune.uniform(0, 1), "n": try Tune.randint(0, 1000)]
    #expect(try generate(space, numSamples: 5, seed: 9) == generate(space, numSamples: 5, seed: 9))
    #expect(try generate(space, numSamples: 5, seed: 9) != generate(space, numSamples: 5, seed: 10))
    #expect(throws: TuneError.self) { _ = try generate(space, numSamples: 0) }
  }

  @Test func maxConcurrentMakesTheGeneratorWait() throws {
    let generator = try BasicVariantGenerator(maxConcurrent: 2)
    _ = try generator.setSearchProperties(metric: nil, mode: nil, paramSpace: ["x": try Tune.uniform(0, 1)], numSamples: 5)
    let context = TuneSuggestContext(study: try Study.create(logger: .silent))
    for n in 0..<2 {
      guard case .config = try generator.suggest(context) else { Issue.record("expected a config"); return }
      generator.onTrialStarted(trialNumber: n)
    }
    #expect(try generator.suggest(context) == .wait)
    generator.onTrialComplete(trialNumber: 0, result: nil, error: false)
    if case .config = try generator.suggest(context) {} else { Issue.record("expected a config after a trial ended") }
  }
}
