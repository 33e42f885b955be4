// `tune.uniform`, `tune.choice`, `tune.grid_search`, `tune.sample_from` and the rest: script
// functions over the engine's validated `Tune.*` constructors, and the `Domain` class their
// values belong to.
import Foundation
import HPSScript
import HPSSearch

enum TuneDomains {
  // MARK: - The Domain class

  static let domainClass = NativeClass(
    name: "Domain", module: "ray.tune.search.sample",
    doc: "A search-space domain made by tune.uniform(), tune.choice(), ...: resolved to a value for every trial.",
    subclassable: false,
    methods: [
      NativeFunction("sample", Signature([.init("self")]), doc: "One random value from the domain (sample_from domains get an empty config).") { vm, a in
        guard let d = domain(of: a["self"]) else { throw vm.error("TypeError", "sample() needs a Domain") }
        var rng = SeededRandom(seed: Int?.none)
        return try RayBridge.toScript(try RayBridge.engine(vm) { try d.sample(rng: &rng) }, vm)
      },
      NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
        .str(domain(of: a["self"])?.description ?? "<Domain>")
      },
    ],
    properties: [
      NativeProperty("lower", doc: "Lower bound (None for choice, randn and sample_from).") { _, i in bounds(i).0 },
      NativeProperty("upper", doc: "Upper bound (None for choice, randn and sample_from).") { _, i in bounds(i).1 },
      NativeProperty("q", doc: "Quantization step, or None.") { _, i in
        guard let d = (i.native as? RayBox<TuneDomain>)?.value, let q = d.q else { return .none }
        return d.isInteger ? .int(Int(q)) : .float(q)
      },
      NativeProperty("categories", doc: "The values of a tune.choice domain (None for others).") { vm, i in
        guard let d = (i.native as? RayBox<TuneDomain>)?.value, case .choice(let c) = d.kind else { return .none }
        return try RayBridge.toScript(.list(c), vm)
      },
    ]
  )

  static func bounds(_ i: InstanceObject) -> (Value, Value) {
    guard let d = (i.native as? RayBox<TuneDomain>)?.value else { return (.none, .none) }
    switch d.kind {
    case .uniform(let l, let u), .logUniform(let l, let u): return (.float(l), .float(u))
    case .randint(let l, let u), .logRandint(let l, let u): return (.int(l), .int(u))
    default: return (.none, .none)
    }
  }

  static func domain(of v: Value) -> TuneDomain? { NativeClass.payload(v, as: RayBox<TuneDomain>.self)?.value }

  static func make(_ d: TuneDomain, _ vm: VM) throws -> Value {
    let v = try vm.callValue(domainClass.value, [])
    guard case .instance(let i) = v else { throw vm.error("RuntimeError", "Domain construction failed") }
    i.native = RayBox(d)
    return v
  }

  static func wrap(_ t: TuneValue, _ vm: VM) throws -> Value {
    if case .domain(let d) = t { return try make(d, vm) }
    return try RayBridge.toScript(t, vm)
  }

  /// `base=10` is Ray's default; only another value is passed on (the engine warns that base has no effect).
  static func base(_ v: Value, _ vm: VM, _ fn: String) throws -> Double? {
    let b = try RayBridge.double(v, vm, fn, "base")
    return b == 10 ? nil : b
  }

  // MARK: - Functions

  static func d(_ a: BoundArguments, _ vm: VM, _ fn: String, _ name: String) throws -> Double { try RayBridge.double(a[name], vm, "tune.\(fn)", name) }
  static func i(_ a: BoundArguments, _ vm: VM, _ fn: String, _ name: String) throws -> Int { try RayBridge.int(a[name], vm, "tune.\(fn)", name) }

  static func function(_ name: String, _ params: [Signature.Parameter], doc: String, _ body: @escaping (VM, BoundArguments) throws -> TuneValue) -> (String, Value) {
    (name, .object(NativeFunction(name, Signature(params), doc: doc) { vm, a in
      try wrap(try RayBridge.engine(vm) { try body(vm, a) }, vm)
    }))
  }

  static func functions() -> [(String, Value)] {
    [
      function("uniform", [.init("lower"), .init("upper")], doc: "A float uniformly distributed in [lower, upper).") { vm, a in
        try Tune.uniform(d(a, vm, "uniform", "lower"), d(a, vm, "uniform", "upper"))
      },
      function("quniform", [.init("lower"), .init("upper"), .init("q")],
        doc: "A uniform float rounded to a multiple of q (upper reachable). As in Ray, q == 1 does not round.") { vm, a in
        try Tune.quniform(d(a, vm, "quniform", "lower"), d(a, vm, "quniform", "upper"), d(a, vm, "quniform", "q"))
      },
      function("loguniform", [.init("lower"), .init("upper"), .init("base", default: .int(10))],
        doc: "A float whose logarithm is uniform in [log(lower), log(upper)); lower > 0. base has no effect (deprecated in Ray).") { vm, a in
        try Tune.loguniform(d(a, vm, "loguniform", "lower"), d(a, vm, "loguniform", "upper"), base: base(a["base"], vm, "tune.loguniform"))
      },
      function("qloguniform", [.init("lower"), .init("upper"), .init("q"), .init("base", default: .int(10))],
        doc: "A log-uniform float rounded to a multiple of q.") { vm, a in
        try Tune.qloguniform(
          d(a, vm, "qloguniform", "lower"), d(a, vm, "qloguniform", "upper"), d(a, vm, "qloguniform", "q"),
          base: base(a["base"], vm, "tune.qloguniform"))
      },
      function("randn", [.init("mean", default: .float(0)), .init("sd", default: .float(1))], doc: "A normally distributed float.") { vm, a in
        try Tune.randn(mean: d(a, vm, "randn", "mean"), sd: d(a, vm, "randn", "sd"))
      },
      function("qrandn", [.init("mean"), .init("sd"), .init("q")], doc: "A normal float rounded to a multiple of q.") { vm, a in
        try Tune.qrandn(mean: d(a, vm, "qrandn", "mean"), sd: d(a, vm, "qrandn", "sd"), q: d(a, vm, "qrandn", "q"))
      },
      function("randint", [.init("lower"), .init("upper")], doc: "An int in [lower, upper): the upper bound is excluded, like numpy.") { vm, a in
        try Tune.randint(i(a, vm, "randint", "lower"), i(a, vm, "randint", "upper"))
      },
      function("qrandint", [.init("lower"), .init("upper"), .init("q", default: .int(1))],
        doc: "An int in [lower, upper] rounded to a multiple of q. As in Ray, q == 1 excludes upper (a warning says so).") { vm, a in
        try Tune.qrandint(i(a, vm, "qrandint", "lower"), i(a, vm, "qrandint", "upper"), i(a, vm, "qrandint", "q"))
      },
      function("lograndint", [.init("lower"), .init("upper"), .init("base", default: .int(10))],
        doc: "An int whose logarithm is uniform: floor(exp(U(log lower, log upper))); upper excluded.") { vm, a in
        try Tune.lograndint(i(a, vm, "lograndint", "lower"), i(a, vm, "lograndint", "upper"), base: base(a["base"], vm, "tune.lograndint"))
      },
      function("qlograndint", [.init("lower"), .init("upper"), .init("q"), .init("base", default: .int(10))],
        doc: "A log-uniform int rounded to a multiple of q.") { vm, a in
        try Tune.qlograndint(
          i(a, vm, "qlograndint", "lower"), i(a, vm, "qlograndint", "upper"), i(a, vm, "qlograndint", "q"),
          base: base(a["base"], vm, "tune.qlograndint"))
      },
      function("choice", [.init("categories")], doc: "One of categories (a list), uniformly.") { vm, a in
        guard let items = a["categories"].asArray else {
          throw vm.error("TypeError", "tune.choice() argument 'categories' must be a list, not \(a["categories"].typeName)")
        }
        return try Tune.choice(items.map { try RayBridge.toTune($0, vm) })
      },
      function("grid_search", [.init("values")],
        doc: "Every value in turn: returns {'grid_search': values}; num_samples repeats the whole grid.") { vm, a in
        guard let items = a["values"].asArray else {
          throw vm.error("TypeError", "tune.grid_search() argument 'values' must be a list, not \(a["values"].typeName)")
        }
        return try Tune.gridSearch(items.map { try RayBridge.toTune($0, vm) })
      },
      ("sample_from", .object(sampleFrom)),
    ]
  }

  static let sampleFrom = NativeFunction(
    "sample_from", Signature([.init("func")]),
    doc: "A value computed by func(spec) from the config resolved so far: spec.config.a reads config['a'] (or func() with no arguments)."
  ) { vm, a in
    let fn = a["func"]
    guard vm.isCallableObject(fn) else { throw vm.error("TypeError", "tune.sample_from() argument 'func' must be callable, not \(fn.typeName)") }
    let passSpec = vm.describeCallable(fn).signature.replacingOccurrences(of: " ", with: "") != "()"
    let captured = UncheckedSendable((vm, fn))
    let value = Tune.sampleFrom { spec in
      let (vm, fn) = captured.value
      let probe = RayBox<String?>(nil)
      do {
        return try RayState.onInterpreter(vm) {
          let specValue = try SpecClasses.make(spec, vm, probe)
          let result = try vm.callValue(fn, passSpec ? [specValue] : [])
          return try RayBridge.toTune(result, vm)
        }
      } catch {
        if let path = probe.value { throw TuneError.unresolvedReference(path: path) }
        RayRun.recordControllerError(error, vm)
        throw error
      }
    }
    return try wrap(value, vm)
  }
}

/// What a `sample_from` function receives: `spec.config` (attribute or item access), as in Ray.
enum SpecClasses {
  final class View {
    let spec: TuneSpec
    let path: [String]
    let probe: RayBox<String?>
    init(_ spec: TuneSpec, _ path: [String], _ probe: RayBox<String?>) {
      self.spec = spec
      self.path = path
      self.probe = probe
    }
  }

  static func make(_ spec: TuneSpec, _ vm: VM, _ probe: RayBox<String?>) throws -> Value {
    try instance(specClass, View(spec, [], probe), vm)
  }

  static func instance(_ cls: NativeClass, _ payload: AnyObject, _ vm: VM) throws -> Value {
    let v = try vm.callValue(cls.value, [])
    guard case .instance(let i) = v else { throw vm.error("RuntimeError", "construction failed") }
    i.native = payload
    return v
  }

  static func view(_ v: Value) -> View? { NativeClass.payload(v, as: View.self) }

  static func unresolved(_ t: TuneValue) -> Bool {
    if case .domain = t { return true }
    return t.gridSearchValues != nil
  }

  /// The value at `view.path + [key]`: a nested view for dicts, a script value for resolved leaves.
  static func lookup(_ view: View, _ key: String, _ vm: VM, attribute: Bool) throws -> Value {
    let path = view.path + [key]
    var current = view.spec.config
    for (n, k) in path.enumerated() {
      if unresolved(current) {
        view.probe.value = path[..<n].joined(separator: "/")
        throw vm.error("KeyError", "config value '\(view.probe.value!)' is not resolved yet")
      }
      if case .list(let items) = current, let i = Int(k), items.indices.contains(i) {
        current = items[i]
      } else if let next = current[k] {
        current = next
      } else {
        throw vm.error(attribute ? "AttributeError" : "KeyError", "config has no key '\(path.joined(separator: "/"))'")
      }
    }
    if case .dict = current, current.gridSearchValues == nil { return try instance(viewClass, View(view.spec, path, view.probe), vm) }
    guard current.isResolved else {
      view.probe.value = path.joined(separator: "/")
      throw vm.error("KeyError", "config value '\(view.probe.value!)' is not resolved yet")
    }
    return try RayBridge.toScript(current, vm)
  }

  static let specClass = NativeClass(
    name: "Spec", module: "ray.tune.search.sample", doc: "The argument of a sample_from function: spec.config is the config resolved so far.",
    subclassable: false,
    methods: [
      NativeFunction("__getitem__", Signature([.init("self"), .init("key")])) { vm, a in
        guard let v = view(a["self"]), a["key"].asString == "config" else { throw vm.error("KeyError", (try? vm.repr(a["key"])) ?? "?") }
        return try instance(viewClass, v, vm)
      }
    ],
    properties: [
      NativeProperty("config", doc: "The partially resolved config (spec.config.a or spec.config['a']).") { vm, i in
        guard let v = view(.instance(i)) else { return .none }
        return try instance(viewClass, v, vm)
      }
    ]
  )

  static let viewClass = NativeClass(
    name: "ConfigView", module: "ray.tune.search.sample", doc: "Read-only view of a partially resolved config: attribute or item access.",
    subclassable: false,
    methods: [
      NativeFunction("__getattr__", Signature([.init("self"), .init("name")])) { vm, a in
        guard let v = view(a["self"]), let k = a["name"].asString else { throw vm.error("AttributeError", "config view") }
        return try lookup(v, k, vm, attribute: true)
      },
      NativeFunction("__getitem__", Signature([.init("self"), .init("key")])) { vm, a in
        guard let v = view(a["self"]) else { throw vm.error("TypeError", "config view") }
        return try lookup(v, try vm.str(a["key"]), vm, attribute: false)
      },
      NativeFunction("get", Signature([.init("self"), .init("key"), .init("default", default: Value.none)]), doc: "config[key], or default when absent.") { vm, a in
        guard let v = view(a["self"]) else { throw vm.error("TypeError", "config view") }
        let key = try vm.str(a["key"])
        var node = v.spec.config
        for k in v.path { node = node[k] ?? .none }
        guard node[key] != nil else { return a["default"] }
        return try lookup(v, key, vm, attribute: false)
      },
      NativeFunction("keys", Signature([.init("self")]), doc: "The keys at this level.") { vm, a in
        guard let v = view(a["self"]) else { throw vm.error("TypeError", "config view") }
        var node = v.spec.config
        for k in v.path { node = node[k] ?? .none }
        return Value((node.dictValue?.keys ?? []).map { Value.str($0) })
      },
      NativeFunction("__contains__", Signature([.init("self"), .init("key")])) { vm, a in
        guard let v = view(a["self"]) else { throw vm.error("TypeError", "config view") }
        var node = v.spec.config
        for k in v.path { node = node[k] ?? .none }
        return .bool(node[try vm.str(a["key"])] != nil)
      },
      NativeFunction("__repr__", Signature([.init("self")])) { _, a in
        guard let v = view(a["self"]) else { return .str("{}") }
        var node = v.spec.config
        for k in v.path { node = node[k] ?? .none }
        return .str(node.description)
      },
    ]
  )
}
