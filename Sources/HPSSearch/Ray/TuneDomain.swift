// Ray Tune's sampling domains (`ray/tune/search/sample.py`): what each draws, including Ray's
// quantization rule (bounds moved inward to multiples of q, sample, round half to even, skip when
// q == 1). See docs/ray.md for the surprising corners this reproduces on purpose.
import Foundation

/// A `sample_from` function: receives the partially resolved config.
public final class TuneFunction: Sendable {
  public let body: @Sendable (TuneSpec) throws -> TuneValue
  public init(_ body: @escaping @Sendable (TuneSpec) throws -> TuneValue) { self.body = body }
}

/// One sampling domain. Build them through `Tune.uniform(...)` and friends, which validate.
public struct TuneDomain: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable {
    case uniform(lower: Double, upper: Double)
    case logUniform(lower: Double, upper: Double)
    case normal(mean: Double, sd: Double)
    /// Integers in `[lower, upper)` (NumPy's `integers`).
    case randint(lower: Int, upper: Int)
    /// `floor(exp(U(ln lower, ln upper)))`, so `upper` is excluded.
    case logRandint(lower: Int, upper: Int)
    case choice([TuneValue])
    case function(TuneFunction)
  }

  public let kind: Kind
  /// Ray's `Quantized(q)`; nil when not quantized. `q == 1` is kept but, as in Ray, not applied.
  public let q: Double?
  /// The `tune.` function that built it (`quniform`, `qlograndint`, ...), for descriptions.
  public let function: String

  init(_ kind: Kind, q: Double? = nil, function: String) {
    self.kind = kind
    self.q = q
    self.function = function
  }

  /// True for domains whose values are ints (randint family).
  public var isInteger: Bool {
    switch kind {
    case .randint, .logRandint: return true
    default: return false
    }
  }

  public var isFunction: Bool {
    if case .function = kind { return true }
    return false
  }

  // MARK: - Sampling

  /// Draws one value. `spec` is the partially resolved config (used by `sample_from` only).
  public func sample(spec: TuneSpec? = nil, rng: inout SeededRandom) throws -> TuneValue {
    if case .function(let fn) = kind {
      let spec = spec ?? TuneSpec(config: .dict(TuneDict()), seed: rng.next())
      return try fn.body(spec)
    }
    if case .choice(let categories) = kind {
      return categories[rng.nextIndex(categories.count)]
    }
    guard let q, q != 1 else { return draw(kind, &rng) }
    let quantizedKind: Kind
    switch kind {
    case .uniform(let l, let u):
      quantizedKind = .uniform(lower: (l / q).rounded(.up) * q, upper: (u / q).rounded(.down) * q)
    case .logUniform(let l, let u):
      quantizedKind = .logUniform(lower: (l / q).rounded(.up) * q, upper: (u / q).rounded(.down) * q)
    case .randint(let l, let u):
      let (lq, uq) = TuneDomain.integerBounds(l, u, q: Int(q))
      quantizedKind = .randint(lower: lq, upper: uq)
    case .logRandint(let l, let u):
      let (lq, uq) = TuneDomain.integerBounds(l, u, q: Int(q))
      quantizedKind = .logRandint(lower: lq, upper: uq)
    default:
      quantizedKind = kind
    }
    let raw = draw(quantizedKind, &rng).doubleValue ?? 0
    let rounded = (raw / q).rounded(.toNearestOrEven) * q
    return isInteger ? .int(Int(rounded)) : .float(rounded)
  }

  /// `ceil(l/q)·q` and `floor(u/q)·q` for integer domains.
  static func integerBounds(_ l: Int, _ u: Int, q: Int) -> (Int, Int) {
    let lq = Int((Double(l) / Double(q)).rounded(.up)) * q
    let uq = Int((Double(u) / Double(q)).rounded(.down)) * q
    return (lq, uq)
  }

  private func draw(_ kind: Kind, _ rng: inout SeededRandom) -> TuneValue {
    switch kind {
    case .uniform(let l, let u):
      return .float(rng.uniform(l, u))
    case .logUniform(let l, let u):
      return .float(Foundation.exp(rng.uniform(Foundation.log(l), Foundation.log(u))))
    case .normal(let mean, let sd):
      return .float(mean + sd * rng.nextNormal())
    case .randint(let l, let u):
      return .int(u > l ? l + rng.nextIndex(u - l) : l)
    case .logRandint(let l, let u):
      let x = Foundation.exp(rng.uniform(Foundation.log(Double(l)), Foundation.log(Double(u))))
      return .int(Int(x.rounded(.down)))
    case .choice(let categories):
      return categories[rng.nextIndex(categories.count)]
    case .function:
      return .none  // handled by `sample`
    }
  }

  // MARK: - Membership (Ray's `is_valid`, used for preset warnings)

  /// Whether `value` lies in the domain's range (Ray checks `lower <= v <= upper`, both inclusive).
  public func isValid(_ value: TuneValue) -> Bool {
    switch kind {
    case .uniform(let l, let u), .logUniform(let l, let u):
      guard let x = value.doubleValue else { return false }
      return l <= x && x <= u
    case .normal:
      return value.doubleValue != nil
    case .randint(let l, let u), .logRandint(let l, let u):
      guard let x = value.doubleValue else { return false }
      return Double(l) <= x && x <= Double(u)
    case .choice(let categories):
      return categories.contains(value)
    case .function:
      return true
    }
  }

  public static func == (a: TuneDomain, b: TuneDomain) -> Bool {
    guard a.q == b.q, a.function == b.function else { return false }
    switch (a.kind, b.kind) {
    case (.uniform(let l1, let u1), .uniform(let l2, let u2)),
      (.logUniform(let l1, let u1), .logUniform(let l2, let u2)),
      (.normal(let l1, let u1), .normal(let l2, let u2)):
      return l1 == l2 && u1 == u2
    case (.randint(let l1, let u1), .randint(let l2, let u2)),
      (.logRandint(let l1, let u1), .logRandint(let l2, let u2)):
      return l1 == l2 && u1 == u2
    case (.choice(let c1), .choice(let c2)):
      return c1 == c2
    case (.function(let f1), .function(let f2)):
      return f1 === f2
    default:
      return false
    }
  }

  /// `tune.quniform(0.0, 1.0, q=0.1)`-style text.
  public var description: String {
    let qText = q.map { ", q=\(isInteger ? String(Int($0)) : pythonRepr($0))" } ?? ""
    switch kind {
    case .uniform(let l, let u), .logUniform(let l, let u):
      return "tune.\(function)(\(pythonRepr(l)), \(pythonRepr(u))\(qText))"
    case .normal(let m, let s):
      return "tune.\(function)(mean=\(pythonRepr(m)), sd=\(pythonRepr(s))\(qText))"
    case .randint(let l, let u), .logRandint(let l, let u):
      return "tune.\(function)(\(l), \(u)\(qText))"
    case .choice(let categories):
      return "tune.choice(\(TuneValue.list(categories)))"
    case .function:
      return "tune.sample_from(<function>)"
    }
  }
}

/// What a `sample_from` function sees: the config as resolved so far, and a seeded generator so
/// conditional spaces stay reproducible.
public final class TuneSpec {
  /// The partially resolved config; unresolved entries are still `.domain` or grid dicts.
  public let config: TuneValue
  public var rng: SeededRandom

  public init(config: TuneValue, seed: UInt64) {
    self.config = config
    self.rng = SeededRandom(seed: seed)
  }

  /// The resolved value at `path` (`spec.config.a.b` is `get("a", "b")`).
  /// - Throws: `TuneError.unresolvedReference` when the value is not resolved yet (the variant
  ///   generator retries later), `invalidSearchSpace` when the path does not exist.
  public func get(_ path: String...) throws -> TuneValue { try get(path: path) }

  public func get(path: [String]) throws -> TuneValue {
    var current = config
    for (i, key) in path.enumerated() {
      if current.gridSearchValues != nil || { if case .domain = current { return true } else { return false } }() {
        throw TuneError.unresolvedReference(path: path[..<i].joined(separator: "/"))
      }
      if case .list(let items) = current, let index = Int(key), items.indices.contains(index) {
        current = items[index]
      } else if let next = current[key] {
        current = next
      } else {
        throw TuneError.invalidSearchSpace(path: path.joined(separator: "/"), message: "no such key '\(key)' in the config")
      }
    }
    guard current.isResolved else { throw TuneError.unresolvedReference(path: path.joined(separator: "/")) }
    return current
  }

  /// A float in `[low, high)` (NumPy's `np.random.uniform`).
  public func uniform(_ low: Double, _ high: Double) -> Double { rng.uniform(low, high) }
  /// An int in `[low, high)` (NumPy's `np.random.randint`).
  public func randint(_ low: Int, _ high: Int) -> Int { high > low ? low + rng.nextIndex(high - low) : low }
  /// A float in `[0, 1)`.
  public func random() -> Double { rng.nextUniform() }
}
