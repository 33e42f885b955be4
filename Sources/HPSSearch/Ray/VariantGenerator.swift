// Ray's variant generation (`ray/tune/search/variant_generator.py`): a search space becomes a list
// of resolved configs, one per grid combination, with random domains drawn for each and
// `sample_from` functions retried until the values they read are resolved.
import Foundation

/// Expands search spaces the way Ray's `generate_variants` does.
public enum VariantGenerator {
  /// Ray gives up on `sample_from` dependencies after this many passes.
  public static let maxResolutionPasses = 20

  /// Every variant of `spec`: grid combinations in Ray's order (grid variables sorted by path,
  /// the first one changing fastest), random domains drawn per combination unless
  /// `constantGridSearch` holds them fixed across the grid.
  public static func variants(
    of spec: TuneValue, constantGridSearch: Bool = false, rng: inout SeededRandom
  ) throws -> [TuneValue] {
    var spec = spec
    let (domainVars, gridVars) = try parse(spec)
    if domainVars.isEmpty && gridVars.isEmpty { return [spec] }
    var toResolve = domainVars
    var allResolved = true
    if constantGridSearch {
      let resolved = try resolveDomains(&spec, domainVars, allowFail: true, rng: &rng)
      allResolved = resolved.count == domainVars.count
      toResolve = domainVars.filter { !resolved.contains($0.path) }
    }
    var out: [TuneValue] = []
    for var combination in gridCombinations(spec, gridVars) {
      if !constantGridSearch || !allResolved {
        _ = try resolveDomains(&combination, toResolve, allowFail: false, rng: &rng)
      }
      // A grid value or a sample_from result may itself hold domains: expand them too.
      out += try variants(of: combination, constantGridSearch: constantGridSearch, rng: &rng)
    }
    return out
  }

  /// The number of grid combinations of the top level of `spec` (Ray's `_count_spec_samples`).
  public static func gridCount(of spec: TuneValue) throws -> Int {
    try parse(spec).grids.reduce(1) { $0 * $1.values.count }
  }

  // MARK: - Parsing

  struct DomainVar { let path: [String]; let domain: TuneDomain }
  struct GridVar { let path: [String]; let values: [TuneValue] }

  /// Unresolved values in `spec`: domains in insertion order, grids sorted by path.
  static func parse(_ spec: TuneValue) throws -> (domains: [DomainVar], grids: [GridVar]) {
    var domains: [DomainVar] = []
    var grids: [GridVar] = []
    func walk(_ value: TuneValue, _ path: [String]) throws {
      if let values = value.gridSearchValues {
        grids.append(GridVar(path: path, values: values))
        return
      }
      switch value {
      case .domain(let d):
        domains.append(DomainVar(path: path, domain: d))
      case .dict(let d):
        if d.count == 1, d["eval"] != nil {
          throw TuneError.invalidSearchSpace(
            path: path.joined(separator: "/"),
            message: "{'eval': ...} expressions are not evaluated by hps; use tune.sample_from(lambda spec: ...)")
        }
        if d.count == 1, d["grid_search"] != nil {
          throw TuneError.invalidSearchSpace(
            path: path.joined(separator: "/"), message: "grid_search needs a list of values")
        }
        for (k, v) in d { try walk(v, path + [k]) }
      case .list(let items):
        for (i, v) in items.enumerated() { try walk(v, path + [String(i)]) }
      default:
        break
      }
    }
    try walk(spec, [])
    grids.sort { $0.path.lexicographicallyPrecedes($1.path) }
    return (domains, grids)
  }

  // MARK: - Resolution

  /// Samples `vars` into `spec`, retrying functions whose dependencies are not resolved yet.
  /// Returns the paths resolved.
  static func resolveDomains(
    _ spec: inout TuneValue, _ vars: [DomainVar], allowFail: Bool, rng: inout SeededRandom
  ) throws -> Set<[String]> {
    var resolved = Set<[String]>()
    var pending: DomainVar?
    var passes = 0
    repeat {
      passes += 1
      pending = nil
      for v in vars where !resolved.contains(v.path) {
        do {
          let value = try v.domain.sample(spec: TuneSpec(config: spec, seed: rng.next()), rng: &rng)
          try assign(&spec, v.path, value)
          resolved.insert(v.path)
        } catch TuneError.unresolvedReference {
          pending = v
        } catch let error as TuneError {
          throw error
        } catch {
          throw TuneError.sampleFromFailed(path: v.path.joined(separator: "/"), message: "\(v.domain): \(error)")
        }
      }
    } while pending != nil && passes < maxResolutionPasses
    if let pending, !allowFail {
      throw TuneError.sampleFromFailed(
        path: pending.path.joined(separator: "/"),
        message: "its dependencies did not resolve after \(maxResolutionPasses) passes (circular sample_from references?)")
    }
    return resolved
  }

  /// The grid combinations of `spec`, the first grid variable changing fastest.
  static func gridCombinations(_ spec: TuneValue, _ grids: [GridVar]) -> [TuneValue] {
    guard !grids.isEmpty else { return [spec] }
    var indices = Array(repeating: 0, count: grids.count)
    var out: [TuneValue] = []
    while true {
      var combination = spec
      for (i, g) in grids.enumerated() { try? assign(&combination, g.path, g.values[indices[i]]) }
      out.append(combination)
      var position = 0
      while position < grids.count {
        indices[position] += 1
        if indices[position] < grids[position].values.count { break }
        indices[position] = 0
        position += 1
      }
      if position == grids.count { return out }
    }
  }

  // MARK: - Paths

  static func value(_ spec: TuneValue, _ path: [String]) -> TuneValue? {
    var current = spec
    for key in path {
      if case .list(let items) = current, let i = Int(key), items.indices.contains(i) {
        current = items[i]
      } else if let next = current[key] {
        current = next
      } else {
        return nil
      }
    }
    return current
  }

  static func assign(_ spec: inout TuneValue, _ path: [String], _ value: TuneValue) throws {
    guard let key = path.first else {
      spec = value
      return
    }
    let rest = Array(path.dropFirst())
    switch spec {
    case .dict(var d):
      var child = d[key] ?? .dict(TuneDict())
      try assign(&child, rest, value)
      d[key] = child
      spec = .dict(d)
    case .list(var items):
      guard let i = Int(key), items.indices.contains(i) else {
        throw TuneError.invalidSearchSpace(path: path.joined(separator: "/"), message: "no list element \(key)")
      }
      try assign(&items[i], rest, value)
      spec = .list(items)
    default:
      throw TuneError.invalidSearchSpace(path: path.joined(separator: "/"), message: "'\(key)' is not inside a dict or list")
    }
  }

  /// Scalar leaves of a resolved config by "a/b" path (Ray's flattened `config/a/b` columns).
  public static func flatten(_ config: TuneValue) -> [(path: String, value: TuneValue)] {
    var out: [(String, TuneValue)] = []
    func walk(_ v: TuneValue, _ prefix: [String]) {
      switch v {
      case .dict(let d) where !d.isEmpty:
        for (k, child) in d { walk(child, prefix + [k]) }
      default:
        if !prefix.isEmpty { out.append((prefix.joined(separator: "/"), v)) }
      }
    }
    walk(config, [])
    return out
  }
}
