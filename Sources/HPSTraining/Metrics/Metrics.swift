// An insertion-ordered [String: Double], the shape Transformers' metric dictionaries have.
public struct Metrics: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
  public private(set) var keys: [String] = []
  private var storage: [String: Double] = [:]

  public init() {}
  public init(dictionaryLiteral elements: (String, Double)...) { for (k, v) in elements { self[k] = v } }
  public init(_ pairs: [(String, Double)]) { for (k, v) in pairs { self[k] = v } }

  public subscript(key: String) -> Double? {
    get { storage[key] }
    set {
      if let newValue {
        if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
      } else if storage.removeValue(forKey: key) != nil {
        keys.removeAll { $0 == key }
      }
    }
  }

  public var count: Int { keys.count }
  public var isEmpty: Bool { keys.isEmpty }
  public var dictionary: [String: Double] { storage }

  public func makeIterator() -> AnyIterator<(key: String, value: Double)> {
    var i = 0
    let keys = self.keys, storage = self.storage
    return AnyIterator {
      guard i < keys.count else { return nil }
      defer { i += 1 }
      return (keys[i], storage[keys[i]] ?? .nan)
    }
  }

  public var description: String {
    "{" + keys.map { "'\($0)': \(storage[$0] ?? .nan)" }.joined(separator: ", ") + "}"
  }

  /// Transformers' `default_compute_objective`: drop eval_loss, epoch and every key ending in
  /// "_runtime" or "_per_second"; the sum of what is left, or the loss if nothing is left.
  public var defaultObjective: Double? {
    var rest = self
    let loss = rest["eval_loss"]
    rest["eval_loss"] = nil
    rest["epoch"] = nil
    for k in rest.keys where k.hasSuffix("_runtime") || k.hasSuffix("_per_second") { rest[k] = nil }
    if rest.isEmpty { return loss }
    return rest.keys.reduce(0) { $0 + (rest[$1] ?? 0) }
  }
}

/// Rounds like Python's round(x, digits) for display-style metrics (eval_runtime etc.).
func rounded(_ x: Double, _ digits: Int) -> Double {
  var p = 1.0
  for _ in 0..<digits { p *= 10 }
  return (x * p).rounded() / p
}
