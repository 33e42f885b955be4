// Ray's default searcher (`ray/tune/search/basic_variant.py`): random and grid search.
// `num_samples` repeats the whole grid; presets from `points_to_evaluate` use up samples first.
import Foundation

/// Grid and random search over a param space, seeded.
public final class BasicVariantGenerator: TuneSearchAlgorithm {
  public let pointsToEvaluate: [TuneValue]
  /// 0 means no limit (Ray's `max_concurrent`).
  public var maxConcurrent: Int
  public let constantGridSearch: Bool
  private var rng: SeededRandom
  private let logger: SearchLogger

  private var space: TuneValue = .dict(TuneDict())
  private var samplesLeft = 1
  private var presetsLeft: [TuneValue] = []
  private var queue: [TuneValue] = []
  private var live = Set<Int>()

  public init(
    pointsToEvaluate: [TuneValue] = [], maxConcurrent: Int = 0, constantGridSearch: Bool = false,
    randomState: Int? = nil, logger: SearchLogger = SearchLogger.current
  ) throws {
    guard maxConcurrent >= 0 else {
      throw TuneError.invalidArgument(
        function: "BasicVariantGenerator", argument: "max_concurrent", message: "must be >= 0 (0 means no limit; got \(maxConcurrent))")
    }
    self.pointsToEvaluate = pointsToEvaluate
    self.maxConcurrent = maxConcurrent
    self.constantGridSearch = constantGridSearch
    self.rng = SeededRandom(seed: randomState)
    self.logger = logger
  }

  public var isModelBased: Bool { false }

  public func setSearchProperties(metric: String?, mode: TuneMode?, paramSpace: TuneValue, numSamples: Int) throws -> Bool {
    guard numSamples == -1 || numSamples >= 1 else {
      throw TuneError.invalidArgument(function: "TuneConfig", argument: "num_samples", message: "must be >= 1, or -1 for unlimited (got \(numSamples))")
    }
    space = paramSpace
    _ = try VariantGenerator.parse(paramSpace)  // report a bad space before any trial runs
    samplesLeft = numSamples
    presetsLeft = try pointsToEvaluate.map { try preset($0) }
    return true
  }

  /// The total number of trials this generator will produce (nil when unlimited):
  /// presets expanded over their grids, plus the remaining samples × the grid size.
  public func totalVariants(paramSpace: TuneValue, numSamples: Int) throws -> Int? {
    guard numSamples != -1 else { return nil }
    var total = 0
    var remaining = numSamples
    for point in pointsToEvaluate {
      total += try VariantGenerator.gridCount(of: try preset(point, in: paramSpace))
      remaining -= 1
    }
    if remaining > 0 { total += remaining * (try VariantGenerator.gridCount(of: paramSpace)) }
    return total
  }

  public func suggest(_ context: TuneSuggestContext) throws -> TuneSuggestion {
    if maxConcurrent > 0, live.count >= maxConcurrent { return .wait }
    while queue.isEmpty {
      if let point = presetsLeft.first {
        presetsLeft.removeFirst()
        queue = try VariantGenerator.variants(of: point, constantGridSearch: constantGridSearch, rng: &rng)
        if samplesLeft > 0 { samplesLeft -= 1 }
      } else if samplesLeft != 0 {
        queue = try VariantGenerator.variants(of: space, constantGridSearch: constantGridSearch, rng: &rng)
        if samplesLeft > 0 { samplesLeft -= 1 }
      } else {
        return .finished
      }
    }
    return .config(queue.removeFirst())
  }

  public func onTrialStarted(trialNumber: Int) { live.insert(trialNumber) }

  public func onTrialComplete(trialNumber: Int, result: TuneDict?, error: Bool) {
    live.remove(trialNumber)
  }

  /// The space with a preset's values written in. A path missing from the space is an error; a
  /// value outside its domain only warns (Ray's rules).
  private func preset(_ point: TuneValue, in spaceOverride: TuneValue? = nil) throws -> TuneValue {
    var spec = spaceOverride ?? space
    guard case .dict = point else {
      throw TuneError.invalidArgument(function: "BasicVariantGenerator", argument: "points_to_evaluate", message: "each point must be a dict (got \(point))")
    }
    for (path, value) in VariantGenerator.flatten(point) {
      let keys = path.split(separator: "/").map(String.init)
      guard let existing = VariantGenerator.value(spec, keys) else {
        throw TuneError.invalidSearchSpace(
          path: path,
          message: "Pre-set config key `\(path)` does not correspond to a valid key in the search space definition. "
            + "Please add this path to the `param_space` variable passed to `tune.Tuner()`.")
      }
      if let grid = existing.gridSearchValues {
        if !grid.contains(value) { logger.warning("Pre-set value `\(value)` is not within valid values of parameter `\(path)`: \(TuneValue.list(grid))") }
      } else if case .domain(let d) = existing {
        if !d.isValid(value) { logger.warning("Pre-set value `\(value)` is not within valid values of parameter `\(path)`: \(d)") }
      } else if existing.isScalar, existing != value {
        logger.warning("Pre-set value `\(value)` is not equal to the value of parameter `\(path)`: \(existing)")
      }
      try VariantGenerator.assign(&spec, keys, value)
    }
    return spec
  }
}
