// Values of script-facing settings (TrainingArguments fields, optim_args, trial parameters), kept
// independent of the language so the binding layer can convert to and from its own objects.
public enum ArgumentValue: Sendable, Equatable, CustomStringConvertible {
  case int(Int)
  case double(Double)
  case string(String)
  case bool(Bool)
  case none

  public var description: String {
    switch self {
    case .int(let v): return String(v)
    case .double(let v): return String(v)
    case .string(let v): return "'\(v)'"
    case .bool(let v): return v ? "True" : "False"
    case .none: return "None"
    }
  }

  /// The Python type name, for error messages.
  public var typeName: String {
    switch self {
    case .int: return "int"
    case .double: return "float"
    case .string: return "str"
    case .bool: return "bool"
    case .none: return "NoneType"
    }
  }
}

/// Edit distance, for "did you mean" suggestions.
func levenshtein(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    cur[0] = i
    for j in 1...b.count {
      cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&prev, &cur)
  }
  return prev[b.count]
}

/// The closest candidate to `name`, if it is close enough to be a plausible typo.
public func closestMatch(_ name: String, in candidates: [String]) -> String? {
  var best: (String, Int)?
  for c in candidates {
    let d = levenshtein(name, c)
    if d < (best?.1 ?? Int.max) { best = (c, d) }
  }
  guard let (candidate, distance) = best, distance <= max(2, name.count / 3) else { return nil }
  return candidate
}
