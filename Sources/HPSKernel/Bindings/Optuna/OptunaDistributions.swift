// optuna.distributions: FloatDistribution, IntDistribution, CategoricalDistribution, as values
// scripts can build (for ask(fixed_distributions=...), add_trial and create_trial).
import HPSScript
import HPSSearch

enum OptunaDistributions: OptunaDeclarations {
  static let baseClass = NativeClass(
    name: "BaseDistribution", module: "optuna.distributions", doc: "Base class of the parameter distributions.",
    subclassable: false, initializer: OptunaNative.notConstructible("BaseDistribution", use: "FloatDistribution, IntDistribution or CategoricalDistribution"))

  private static func common(_ name: String) -> [NativeFunction] {
    [
      OptunaNative.repr(name) { (_: VM, d: Box<Distribution>) in d.value.description },
      OptunaNative.method(name, "__eq__", [p("other")], doc: "Distributions are equal when their arguments are.") { (_: VM, d: Box<Distribution>, b: BoundArguments) in
        guard let other = NativeClass.payload(b["other"], as: Box<Distribution>.self) else { return .bool(false) }
        return .bool(other.value == d.value)
      },
      OptunaNative.method(name, "single", doc: "True when the distribution has only one possible value.") { (_: VM, d: Box<Distribution>, _: BoundArguments) in
        .bool(d.value.isSingle)
      },
    ]
  }

  private static func field(_ name: String, _ field: String, _ get: @escaping (Distribution) -> Value) -> NativeProperty {
    OptunaNative.property(name, field, doc: "The `\(field)` argument.") { (_: VM, d: Box<Distribution>) in get(d.value) }
  }

  static let floatClass: NativeClass = {
    let n = "FloatDistribution"
    return NativeClass(
      name: n, module: "optuna.distributions", doc: "A distribution on floats in [low, high], optionally log-scaled or stepped.",
      base: baseClass, subclassable: false,
      initializer: OptunaNative.initializer(n, [p("low"), p("high"), p("log", false), p("step", Value.none)]) { vm, b in
        let d = try Distribution.float(
          try OptunaValues.double(b["low"], n, "low"), try OptunaValues.double(b["high"], n, "high"),
          log: try vm.isTrue(b["log"]), step: try OptunaValues.optionalDouble(b["step"], n, "step"))
        return Box(d)
      },
      methods: common(n),
      properties: [
        field(n, "low") { if case .float(let f) = $0 { return .float(f.low) }; return .none },
        field(n, "high") { if case .float(let f) = $0 { return .float(f.high) }; return .none },
        field(n, "log") { if case .float(let f) = $0 { return .bool(f.log) }; return .none },
        field(n, "step") { if case .float(let f) = $0 { return OptunaValues.optionalFloat(f.step) }; return .none },
      ])
  }()

  static let intClass: NativeClass = {
    let n = "IntDistribution"
    return NativeClass(
      name: n, module: "optuna.distributions", doc: "A distribution on integers in [low, high], optionally log-scaled or stepped.",
      base: baseClass, subclassable: false,
      initializer: OptunaNative.initializer(n, [p("low"), p("high"), p("log", false), p("step", 1)]) { vm, b in
        Box(try Distribution.int(
          try OptunaValues.int(b["low"], n, "low"), try OptunaValues.int(b["high"], n, "high"),
          log: try vm.isTrue(b["log"]), step: try OptunaValues.int(b["step"], n, "step")))
      },
      methods: common(n),
      properties: [
        field(n, "low") { if case .int(let f) = $0 { return .int(f.low) }; return .none },
        field(n, "high") { if case .int(let f) = $0 { return .int(f.high) }; return .none },
        field(n, "log") { if case .int(let f) = $0 { return .bool(f.log) }; return .none },
        field(n, "step") { if case .int(let f) = $0 { return .int(f.step) }; return .none },
      ])
  }()

  static let categoricalClass: NativeClass = {
    let n = "CategoricalDistribution"
    return NativeClass(
      name: n, module: "optuna.distributions", doc: "A distribution over a fixed sequence of choices (None, bool, int, float or str).",
      base: baseClass, subclassable: false,
      initializer: OptunaNative.initializer(n, [p("choices")]) { vm, b in
        let choices = try OptunaValues.sequence(vm, b["choices"], n, "choices").map { try OptunaValues.param($0, n) }
        return Box(try Distribution.categorical(choices))
      },
      methods: common(n),
      properties: [
        field(n, "choices") { d in
          if case .categorical(let c) = d { return .tuple(c.choices.map(EngineValues.script)) }
          return .none
        }
      ])
  }()

  /// A script distribution object for an engine distribution.
  static func value(_ d: Distribution) -> Value {
    switch d {
    case .float: return floatClass.instance(wrapping: Box(d))
    case .int: return intClass.instance(wrapping: Box(d))
    case .categorical: return categoricalClass.instance(wrapping: Box(d))
    }
  }

  static func dict(_ vm: VM, _ distributions: [String: Distribution]) throws -> Value {
    try vm.makeDict(distributions.sorted { $0.key < $1.key }.map { ($0.key, value($0.value)) })
  }

  static func distribution(_ v: Value, _ context: String) throws -> Distribution {
    if let d = NativeClass.payload(v, as: Box<Distribution>.self) { return d.value }
    throw OptunaErrors.typeError("\(context) must be an optuna distribution, not '\(v.typeName)'")
  }

  static func members() -> [(String, Value)] {
    [("BaseDistribution", baseClass.value), ("FloatDistribution", floatClass.value), ("IntDistribution", intClass.value),
     ("CategoricalDistribution", categoricalClass.value)]
  }
}
