// How native functions declare their parameters. The VM binds call arguments against a
// `Signature` and raises the same TypeErrors a script function would.

/// The parameters of a native function, in Python's order.
public struct Signature {
  public struct Parameter {
    public var name: String
    /// nil = required.
    public var defaultValue: Value?
    public var keywordOnly: Bool
    public init(_ name: String, default defaultValue: Value? = nil, keywordOnly: Bool = false) {
      self.name = name
      self.defaultValue = defaultValue
      self.keywordOnly = keywordOnly
    }
  }

  public var parameters: [Parameter]
  /// `*args` name, when accepted.
  public var varargs: String?
  /// `**kwargs` name, when accepted.
  public var kwargs: String?
  /// Parameters before this index are positional-only (builtins such as `len(obj, /)`).
  public var positionalOnlyCount: Int

  public init(
    _ parameters: [Parameter] = [], varargs: String? = nil, kwargs: String? = nil,
    positionalOnlyCount: Int = 0
  ) {
    self.parameters = parameters
    self.varargs = varargs
    self.kwargs = kwargs
    self.positionalOnlyCount = positionalOnlyCount
  }

  /// Shorthand: required positional names.
  public init(_ names: String...) {
    self.init(names.map { Parameter($0) })
  }

  /// `(x, y=1, *args, key=None, **kw)` for help().
  public func text(_ vm: VM?) -> String {
    var parts: [String] = []
    var starDone = false
    for (i, p) in parameters.enumerated() {
      if p.keywordOnly && !starDone {
        parts.append(varargs.map { "*\($0)" } ?? "*")
        starDone = true
      }
      if let d = p.defaultValue {
        parts.append("\(p.name)=\(vm.flatMap { try? $0.repr(d) } ?? literalRepr(d))")
      } else {
        parts.append(p.name)
      }
      if i + 1 == positionalOnlyCount { parts.append("/") }
    }
    if !starDone, let v = varargs { parts.append("*\(v)") }
    if let k = kwargs { parts.append("**\(k)") }
    return "(" + parts.joined(separator: ", ") + ")"
  }

  /// Binds call arguments; errors name the function like CPython does.
  public func bind(_ function: String, _ args: [Value], _ kw: Kwargs) throws -> BoundArguments {
    var values = [Value?](repeating: nil, count: parameters.count)
    let positionalCapacity = parameters.prefix { !$0.keywordOnly }.count
    var extra: [Value] = []
    for (i, a) in args.enumerated() {
      if i < positionalCapacity { values[i] = a } else { extra.append(a) }
    }
    if !extra.isEmpty && varargs == nil {
      let required = parameters.prefix(positionalCapacity).filter { $0.defaultValue == nil }.count
      throw typeError(
        takesMessage(function, required: required, capacity: positionalCapacity, given: args.count))
    }
    var extraKw: Kwargs = []
    for (name, v) in kw {
      if let i = parameters.firstIndex(where: { $0.name == name }), i >= positionalOnlyCount {
        if values[i] != nil { throw typeError("\(function)() got multiple values for argument '\(name)'") }
        values[i] = v
      } else if kwargs != nil {
        extraKw.append((name, v))
      } else {
        throw typeError("\(function)() got an unexpected keyword argument '\(name)'")
      }
    }
    var missing: [String] = []
    var missingKwOnly: [String] = []
    for (i, p) in parameters.enumerated() where values[i] == nil {
      if let d = p.defaultValue { values[i] = d } else if p.keywordOnly { missingKwOnly.append(p.name) } else {
        missing.append(p.name)
      }
    }
    if !missing.isEmpty { throw typeError(missingMessage(function, missing, "positional")) }
    if !missingKwOnly.isEmpty { throw typeError(missingMessage(function, missingKwOnly, "keyword-only")) }
    return BoundArguments(names: parameters.map(\.name), values: values.map { $0 ?? Value.none }, varargs: extra, kwargs: extraKw)
  }
}

func takesMessage(_ function: String, required: Int, capacity: Int, given: Int) -> String {
  let count = required == capacity ? "\(capacity)" : "from \(required) to \(capacity)"
  let noun = capacity == 1 && required == capacity ? "argument" : "arguments"
  let verb = given == 1 ? "was" : "were"
  return "\(function)() takes \(count) positional \(noun) but \(given) \(verb) given"
}

func missingMessage(_ function: String, _ names: [String], _ kind: String) -> String {
  let quoted = names.map { "'\($0)'" }
  let list: String
  switch quoted.count {
  case 1: list = quoted[0]
  case 2: list = "\(quoted[0]) and \(quoted[1])"
  default: list = quoted.dropLast().joined(separator: ", ") + ", and " + (quoted.last ?? "")
  }
  let noun = names.count == 1 ? "argument" : "arguments"
  return "\(function)() missing \(names.count) required \(kind) \(noun): \(list)"
}

/// Arguments bound to a `Signature`.
public struct BoundArguments {
  public let names: [String]
  public var values: [Value]
  public var varargs: [Value]
  public var kwargs: Kwargs

  public subscript(_ i: Int) -> Value { values[i] }
  public subscript(_ name: String) -> Value {
    guard let i = names.firstIndex(of: name) else { return .none }
    return values[i]
  }
}

/// repr() of the simple values used as defaults, without a VM.
func literalRepr(_ v: Value) -> String {
  switch v {
  case .none: return "None"
  case .bool(let b): return b ? "True" : "False"
  case .int(let i): return String(i)
  case .float(let d): return PythonFloat.repr(d)
  case .str(let s): return PythonStringRepr.repr(s)
  case .tuple(let t): return t.count == 1 ? "(\(literalRepr(t[0])),)" : "(" + t.map(literalRepr).joined(separator: ", ") + ")"
  default: return "..."
  }
}
