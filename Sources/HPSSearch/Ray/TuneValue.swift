// The value of a Ray Tune config: what `param_space` holds before resolution (with domains and
// grid searches inside) and what a trainable receives after it (plain data only). Python dicts
// keep insertion order and Ray samples domains in that order, so dicts here are ordered too.
import Foundation

/// A Ray Tune config value. `.domain` only appears in unresolved search spaces; a grid search is
/// the plain dict `{"grid_search": [...]}`, exactly as Ray's `tune.grid_search` returns it.
public enum TuneValue: Sendable, Equatable, CustomStringConvertible {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case list([TuneValue])
  case dict(TuneDict)
  case domain(TuneDomain)

  // MARK: - Accessors

  public var doubleValue: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .float(let d): return d
    default: return nil
    }
  }

  public var intValue: Int? {
    switch self {
    case .int(let i): return i
    case .float(let d) where d.isFinite && d.rounded() == d && abs(d) < 9.0e18: return Int(d)
    default: return nil
    }
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var dictValue: TuneDict? {
    if case .dict(let d) = self { return d }
    return nil
  }

  /// The member `key` of a dict value (nil for other kinds or a missing key).
  public subscript(key: String) -> TuneValue? {
    if case .dict(let d) = self { return d[key] }
    return nil
  }

  /// True for none/bool/int/float/string.
  public var isScalar: Bool {
    switch self {
    case .none, .bool, .int, .float, .string: return true
    default: return false
    }
  }

  /// The elements of a `{"grid_search": [...]}` dict, or nil when this is not one.
  public var gridSearchValues: [TuneValue]? {
    guard case .dict(let d) = self, d.count == 1, case .list(let values)? = d["grid_search"] else { return nil }
    return values
  }

  /// True when no domain or grid search is left anywhere inside.
  public var isResolved: Bool {
    switch self {
    case .domain: return false
    case .list(let items): return items.allSatisfy(\.isResolved)
    case .dict(let d):
      if gridSearchValues != nil { return false }
      return d.values.allSatisfy(\.isResolved)
    default: return true
    }
  }

  // MARK: - Conversions

  /// The scalar as an HPSSearch parameter value (nil for lists, dicts and domains).
  public var paramValue: ParamValue? {
    switch self {
    case .none: return ParamValue.none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .string(let s): return .string(s)
    default: return nil
    }
  }

  public init(_ param: ParamValue) {
    switch param {
    case .none: self = .none
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .float(let d): self = .float(d)
    case .string(let s): self = .string(s)
    }
  }

  /// JSON for storage; a domain is written as its description string.
  public var json: JSONValue {
    switch self {
    case .none: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .double(d)
    case .string(let s): return .string(s)
    case .list(let items): return .array(items.map(\.json))
    case .dict(let d): return .object(Dictionary(uniqueKeysWithValues: d.map { ($0.key, $0.value.json) }))
    case .domain(let domain): return .string(domain.description)
    }
  }

  /// Reads JSON back (object keys come back sorted: JSON objects carry no order).
  public init(json: JSONValue) {
    switch json {
    case .null: self = .none
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .double(let d): self = .float(d)
    case .string(let s): self = .string(s)
    case .array(let items): self = .list(items.map(TuneValue.init(json:)))
    case .object(let members):
      self = .dict(TuneDict(members.keys.sorted().map { ($0, TuneValue(json: members[$0]!)) }))
    }
  }

  /// Python-style repr: `{'lr': 0.01, 'act': 'relu'}`.
  public var description: String {
    switch self {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .float(let d): return pythonRepr(d)
    case .string(let s): return "'\(s)'"
    case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
    case .dict(let d): return d.description
    case .domain(let domain): return domain.description
    }
  }
}

extension TuneValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .float(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(nilLiteral: ()) { self = .none }
  public init(arrayLiteral elements: TuneValue...) { self = .list(elements) }
  public init(dictionaryLiteral elements: (String, TuneValue)...) { self = .dict(TuneDict(elements)) }
}

/// An insertion-ordered string-keyed dict (Python's `dict`). Setting an existing key keeps its
/// position, as in Python.
public struct TuneDict: Sendable, Equatable, Sequence, CustomStringConvertible, ExpressibleByDictionaryLiteral {
  public private(set) var keys: [String] = []
  private var storage: [String: TuneValue] = [:]

  public init() {}

  public init(_ pairs: [(String, TuneValue)]) {
    for (k, v) in pairs { self[k] = v }
  }

  public init(dictionaryLiteral elements: (String, TuneValue)...) { self.init(elements) }

  public var count: Int { keys.count }
  public var isEmpty: Bool { keys.isEmpty }
  public var values: [TuneValue] { keys.map { storage[$0]! } }

  public subscript(key: String) -> TuneValue? {
    get { storage[key] }
    set {
      if let newValue {
        if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
      } else if storage.removeValue(forKey: key) != nil {
        keys.removeAll { $0 == key }
      }
    }
  }

  public func makeIterator() -> some IteratorProtocol<(key: String, value: TuneValue)> {
    keys.map { (key: $0, value: storage[$0]!) }.makeIterator()
  }

  public static func == (a: TuneDict, b: TuneDict) -> Bool { a.keys == b.keys && a.storage == b.storage }

  public var description: String {
    "{" + map { "'\($0.key)': \($0.value)" }.joined(separator: ", ") + "}"
  }
}
