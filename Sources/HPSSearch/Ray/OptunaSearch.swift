// Ray's `OptunaSearch`: any HPSSearch sampler (TPE, GP, random, CMA-ES, ...) as a Ray searcher.
// Ray domains are mapped to HPSSearch distributions the way Ray's converter does, including its
// "bounds as documented" adjustment (randint's excluded upper bound becomes high = upper - 1).
import Foundation

/// How a Ray domain is asked of an HPSSearch sampler: the distribution, and how the sampled value
/// becomes the config value (quantization a log distribution cannot express, non-scalar choices).
struct DomainMapping {
  let distribution: Distribution
  let toConfig: @Sendable (ParamValue) -> TuneValue

  /// - Throws: `invalidSearchSpace` for domains a model-based searcher cannot take (Ray raises too).
  static func of(_ domain: TuneDomain, path: String) throws -> DomainMapping {
    let q = domain.q
    @Sendable func quantize(_ x: Double) -> Double {
      guard let q, q != 1 else { return x }
      return (x / q).rounded(.toNearestOrEven) * q
    }
    do {
      switch domain.kind {
      case .uniform(let l, let u):
        return DomainMapping(distribution: try .float(l, u, step: q), toConfig: { .float($0.doubleValue ?? l) })
      case .logUniform(let l, let u):
        return DomainMapping(distribution: try .float(l, u, log: true), toConfig: { .float(quantize($0.doubleValue ?? l)) })
      case .randint(let l, let u):
        if let q {  // qrandint: inclusive of upper, as its docstring says
          let step = Int(q)
          let (lq, uq) = q == 1 ? (l, u) : TuneDomain.integerBounds(l, u, q: step)
          return DomainMapping(distribution: try .int(lq, uq, step: step), toConfig: { .int($0.intValue ?? lq) })
        }
        return DomainMapping(distribution: try .int(l, u - 1), toConfig: { .int($0.intValue ?? l) })
      case .logRandint(let l, let u):
        if let q {
          let (lq, uq) = q == 1 ? (l, u) : TuneDomain.integerBounds(l, u, q: Int(q))
          return DomainMapping(
            distribution: try .int(Swift.max(lq, 1), uq, log: true),
            toConfig: { .int(Int(quantize(Double($0.intValue ?? lq)))) })
        }
        return DomainMapping(distribution: try .int(l, u - 1, log: true), toConfig: { .int($0.intValue ?? l) })
      case .choice(let categories):
        if let scalars = categories.map(\.paramValue) as? [ParamValue] {
          return DomainMapping(distribution: try .categorical(scalars), toConfig: { TuneValue($0) })
        }
        // Lists/dicts as choices: the sampler picks an index.
        return DomainMapping(
          distribution: try .categorical(categories.indices.map { .int($0) }),
          toConfig: { categories[Swift.min(Swift.max($0.intValue ?? 0, 0), categories.count - 1)] })
      case .normal:
        throw TuneError.invalidSearchSpace(
          path: path, message: "\(domain) cannot be used with a search algorithm: normal sampling is unbounded (Ray's searchers refuse it too)")
      case .function:
        throw TuneError.invalidSearchSpace(
          path: path, message: "tune.sample_from cannot be used with a model-based search algorithm; use BasicVariantGenerator")
      }
    } catch let problem as DistributionProblem {
      throw TuneError.invalidSearchSpace(path: path, message: "\(domain) has no search-algorithm equivalent: \(problem)")
    }
  }
}

/// Runs an HPSSearch sampler behind Ray's searcher interface (`OptunaSearch(sampler=...)`).
/// Defaults to TPE, as Ray's OptunaSearch does.
public final class OptunaSearch: TuneSearchAlgorithm {
  public let sampler: any Sampler
  public private(set) var metric: String?
  public private(set) var mode: TuneMode?
  private var space: TuneValue = .dict(TuneDict())
  private var mappings: [(path: [String], mapping: DomainMapping)] = []
  private var numSamples = 1
  private var suggested = 0

  public init(sampler: (any Sampler)? = nil, metric: String? = nil, mode: TuneMode? = nil) throws {
    self.sampler = try sampler ?? TPESampler()
    self.metric = metric
    self.mode = mode
  }

  public var engineSampler: (any Sampler)? { sampler }

  public func setSearchProperties(metric: String?, mode: TuneMode?, paramSpace: TuneValue, numSamples: Int) throws -> Bool {
    if (self.metric != nil && metric != nil) || (self.mode != nil && mode != nil) { return false }
    self.metric = self.metric ?? metric
    self.mode = self.mode ?? mode
    let (domains, grids) = try VariantGenerator.parse(paramSpace)
    if let grid = grids.first {
      throw TuneError.invalidSearchSpace(
        path: grid.path.joined(separator: "/"),
        message: "Grid search parameters cannot be automatically converted to a search space for OptunaSearch; "
          + "use tune.choice, or BasicVariantGenerator for grids")
    }
    mappings = try domains.map { ($0.path, try DomainMapping.of($0.domain, path: $0.path.joined(separator: "/"))) }
    space = paramSpace
    self.numSamples = numSamples
    return true
  }

  public func suggest(_ context: TuneSuggestContext) throws -> TuneSuggestion {
    if numSamples != -1 && suggested >= numSamples { return .finished }
    let trial = try context.startTrial()
    var config = space
    for (path, mapping) in mappings {
      let value = try trial.suggest(path.joined(separator: "/"), mapping.distribution)
      try VariantGenerator.assign(&config, path, mapping.toConfig(value))
    }
    suggested += 1
    return .config(config)
  }
}
