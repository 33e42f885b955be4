// `random`: the module-level functions over a shared generator and the `Random` class, wrapping
// the CPython-compatible Mersenne Twister and algorithms of Library/.
import BigInt

enum RandomModule {
  static func seedValue(_ vm: VM, _ v: Value) throws -> PythonRandom.Seed {
    switch v {
    case .none: return .none
    case .int(let i): return .int(BigInt(i))
    case .big(let b): return .int(b.value)
    case .bool(let b): return .int(b ? 1 : 0)
    case .str(let s): return .string(s)
    case .float(let d): return .hash(VM.hashDouble(d))
    default: return .hash(try vm.hash(v))
    }
  }

  static func lib<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as LibraryError {
      switch e.pythonClassName {
      case "TypeError": throw typeError(e.message)
      case "IndexError": throw indexError(e.message)
      case "OverflowError": throw overflowError(e.message)
      default: throw valueError(e.message)
      }
    }
  }

  static func big(_ v: Value, _ what: String) throws -> BigInt {
    if case .float(let d) = v {
      if d == d.rounded() { return BigInt(d) }
      throw valueError("non-integer arg 1 for randrange()")
    }
    guard let b = IntMath.bigOf(v) else { throw typeError("'\(v.typeName)' object cannot be interpreted as an integer") }
    return b
  }

  static func double(_ v: Value) throws -> Double {
    guard let d = v.asDouble else { throw typeError("must be real number, not \(v.typeName)") }
    return d
  }

  /// The functions, bound to one generator (`getRNG` gives the generator of the receiver).
  static func functions(_ rng: @escaping (Value?) throws -> PythonRandom, methods: Bool) -> [(String, Value)] {
    func fn(_ name: String, _ sig: String, _ body: @escaping (VM, PythonRandom, [Value], Kwargs) throws -> Value) -> (String, Value) {
      let f = NativeFunction(name, signature: sig) { vm, args, kw in
        var a = args
        var receiver: Value? = nil
        if methods {
          guard !a.isEmpty else { throw typeError("\(name)() needs self") }
          receiver = a.removeFirst()
        }
        return try body(vm, try rng(receiver), a, kw)
      }
      if methods { f.isMethod = true }
      return (name, .object(f))
    }
    return [
      fn("seed", "(a=None, version=2)") { vm, r, a, kw in
        let v = a.first ?? kw.first(where: { $0.0 == "a" })?.1 ?? Value.none
        r.seed(try seedValue(vm, v))
        return .none
      },
      fn("random", "()") { _, r, _, _ in .float(r.random()) },
      fn("uniform", "(a, b)") { _, r, a, _ in .float(r.uniform(try double((try a.at(0))), try double((try a.at(1))))) },
      fn("randint", "(a, b)") { _, r, a, kw in
        try expectArgs("randint", a, kw, min: 2, max: 2)
        return .integer(try lib { try r.randint(try big((try a.at(0)), "a"), try big((try a.at(1)), "b")) })
      },
      fn("randrange", "(start, stop=None, step=1)") { _, r, a, kw in
        let b = try Signature([.init("start"), .init("stop", default: Value.none), .init("step", default: .int(1))]).bind("randrange", a, kw)
        let stop: BigInt? = b[1].isNone ? nil : try big(b[1], "stop")
        return .integer(try lib { try r.randrange(try big(b[0], "start"), stop, step: try big(b[2], "step")) })
      },
      fn("getrandbits", "(k)") { _, r, a, _ in .integer(try lib { try r.getrandbits(Int(try big((try a.at(0)), "k"))) }) },
      fn("choice", "(seq)") { vm, r, a, kw in
        try expectArgs("choice", a, kw, min: 1, max: 1)
        let n = try vm.len((try a.at(0)))
        if n == 0 { throw indexError("Cannot choose from an empty sequence") }
        return try vm.getItem((try a.at(0)), .int(try lib { try r.choiceIndex(count: n) }))
      },
      fn("choices", "(population, weights=None, *, cum_weights=None, k=1)") { vm, r, a, kw in
        let b = try Signature([.init("population"), .init("weights", default: Value.none), .init("cum_weights", default: Value.none, keywordOnly: true), .init("k", default: .int(1), keywordOnly: true)]).bind("choices", a, kw)
        let pop = try vm.iterate(b[0])
        let w: [Double]? = b[1].isNone ? nil : try vm.iterate(b[1]).map { try double($0) }
        let cw: [Double]? = b[2].isNone ? nil : try vm.iterate(b[2]).map { try double($0) }
        let k = Int(try big(b[3], "k"))
        let idx = try lib { try r.choicesIndices(count: pop.count, weights: w, cumulativeWeights: cw, k: k) }
        return .list(ListObject(idx.map { pop[$0] }))
      },
      fn("shuffle", "(x)") { vm, r, a, _ in
        guard case .list(let l) = a.first ?? Value.none else { throw typeError("shuffle() argument must be a list") }
        r.shuffle(&l.items)
        return .none
      },
      fn("sample", "(population, k, *, counts=None)") { vm, r, a, kw in
        let b = try Signature([.init("population"), .init("k"), .init("counts", default: Value.none, keywordOnly: true)]).bind("sample", a, kw)
        if case .object(let s as SetObject) = b[0] {
          _ = s
          throw typeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
        }
        if case .dict = b[0] { throw typeError("Population must be a sequence.  For dicts or sets, use sorted(d).") }
        let pop = try vm.iterate(b[0])
        let k = Int(try big(b[1], "k"))
        if !b[2].isNone {
          let counts = try vm.iterate(b[2]).map { try big($0, "counts") }
          let idx = try lib { try r.sampleIndices(counts: counts, k: k) }
          return .list(ListObject(idx.map { pop[$0] }))
        }
        let idx = try lib { try r.sampleIndices(count: pop.count, k: k) }
        return .list(ListObject(idx.map { pop[$0] }))
      },
      fn("gauss", "(mu=0.0, sigma=1.0)") { _, r, a, _ in
        .float(r.gauss(try a.first.map(double) ?? 0, try (a.count > 1 ? (try a.at(1)) : nil).map(double) ?? 1))
      },
      fn("normalvariate", "(mu=0.0, sigma=1.0)") { _, r, a, _ in
        .float(r.normalvariate(try a.first.map(double) ?? 0, try (a.count > 1 ? (try a.at(1)) : nil).map(double) ?? 1))
      },
      fn("lognormvariate", "(mu, sigma)") { _, r, a, _ in .float(r.lognormvariate(try double((try a.at(0))), try double((try a.at(1))))) },
      fn("expovariate", "(lambd=1.0)") { _, r, a, _ in .float(try lib { try r.expovariate(try a.first.map(double) ?? 1) }) },
      fn("gammavariate", "(alpha, beta)") { _, r, a, _ in .float(try lib { try r.gammavariate(try double((try a.at(0))), try double((try a.at(1)))) }) },
      fn("betavariate", "(alpha, beta)") { _, r, a, _ in .float(try lib { try r.betavariate(try double((try a.at(0))), try double((try a.at(1)))) }) },
      fn("paretovariate", "(alpha)") { _, r, a, _ in .float(r.paretovariate(try double((try a.at(0))))) },
      fn("weibullvariate", "(alpha, beta)") { _, r, a, _ in .float(r.weibullvariate(try double((try a.at(0))), try double((try a.at(1))))) },
      fn("vonmisesvariate", "(mu, kappa)") { _, r, a, _ in .float(r.vonmisesvariate(try double((try a.at(0))), try double((try a.at(1))))) },
      fn("triangular", "(low=0.0, high=1.0, mode=None)") { _, r, a, _ in
        let low = try a.first.map(double) ?? 0
        let high = try (a.count > 1 ? (try a.at(1)) : nil).map(double) ?? 1
        let mode = try a.count > 2 && !a.at(2).isNone ? double(a.at(2)) : nil
        return .float(r.triangular(low: low, high: high, mode: mode) ?? low)
      },
      fn("getstate", "()") { _, r, _, _ in
        let s = r.getState()
        return .tuple([.int(s.version), .tuple(s.internalState.map { .int($0) }), s.gaussNext.map { .float($0) } ?? Value.none])
      },
      fn("setstate", "(state)") { vm, r, a, _ in
        guard case .tuple(let t) = a.first ?? Value.none, t.count == 3, case .int(let version) = t[0] else {
          throw typeError("state vector must be a tuple")
        }
        let words = try vm.iterate(t[1]).map { try big($0, "state") }
        try lib { try r.setState(version: version, internalState: words, gaussNext: t[2].asDouble) }
        return .none
      },
    ]
  }

  static let module = NativeModule("random", doc: "Random variable generators (CPython-compatible Mersenne Twister).") { vm in
    let shared = PythonRandom()
    var members = functions({ _ in shared }, methods: false)
    let randomClass = NativeClass(
      name: "Random", module: "random", doc: "Random number generator base class.",
      initializer: NativeFunction("__init__", signature: "(self, x=None)") { vm, args, _ in
        guard case .instance(let i)? = args.first else { return .none }
        let r = PythonRandom()
        r.seed(try seedValue(vm, args.count > 1 ? (try args.at(1)) : .none))
        i.native = r
        return .none
      },
      methods: functions({ recv in
        guard case .instance(let i)? = recv, let r = i.native as? PythonRandom else {
          throw typeError("Random method called on a non-Random object")
        }
        return r
      }, methods: true).compactMap { if case .object(let f as NativeFunction) = $0.1 { return f } else { return nil } })
    members.append(("Random", randomClass.value))
    return members
  }
}

enum JSONModule {
  static func toJSON(_ vm: VM, _ v: Value, _ default: Value, depth: Int = 0) throws -> JSONValue {
    if depth > 1000 { throw ScriptError(Builtin.recursionError, "maximum recursion depth exceeded while encoding a JSON object") }
    switch v {
    case .none: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .big(let b): return .bigInt(b.value)
    case .float(let d): return .float(d)
    case .str(let s): return .string(s)
    case .list(let l): return .array(try l.items.map { try toJSON(vm, $0, `default`, depth: depth + 1) })
    case .tuple(let t): return .array(try t.map { try toJSON(vm, $0, `default`, depth: depth + 1) })
    case .dict(let d):
      return .object(try d.table.live.map { e in
        let key: JSONKey
        switch e.key {
        case .str(let s): key = .string(s)
        case .int(let i): key = .int(BigInt(i))
        case .big(let b): key = .int(b.value)
        case .float(let f): key = .float(f)
        case .bool(let b): key = .bool(b)
        case .none: key = .null
        default: key = .unsupported(typeName: e.key.typeName)
        }
        return JSONMember(key: key, value: try toJSON(vm, e.value, `default`, depth: depth + 1))
      })
    default:
      if !`default`.isNone { return try toJSON(vm, try vm.call1(`default`, v), `default`, depth: depth + 1) }
      return .unserializable(typeName: v.typeName)
    }
  }

  static func fromJSON(_ vm: VM, _ j: JSONValue) throws -> Value {
    switch j {
    case .null: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .bigInt(let b): return .integer(b)
    case .float(let d): return .float(d)
    case .string(let s): return .str(s)
    case .array(let a): return .list(ListObject(try a.map { try fromJSON(vm, $0) }))
    case .object(let members):
      let d = DictObject()
      for m in members {
        let k: Value = .str(m.key.stringValue ?? "")
        try d.table.set(k, hash: vm.hash(k), value: try fromJSON(vm, m.value), vm: vm)
      }
      return .dict(d)
    case .unserializable: return .none
    }
  }

  static func convert(_ e: Error) -> Error {
    if let l = e as? LibraryError {
      switch l.pythonClassName {
      case "TypeError": return typeError(l.message)
      case "RecursionError": return ScriptError(Builtin.recursionError, l.message)
      default: return valueError(l.message)
      }
    }
    if let d = e as? JSONDecodeError {
      let exc = ExceptionObject(cls: decodeError, args: [.str(d.message)])
      exc.attributes["msg"] = .str(d.msg)
      exc.attributes["pos"] = .int(d.pos)
      exc.attributes["lineno"] = .int(d.lineno)
      exc.attributes["colno"] = .int(d.colno)
      return ScriptError(exc)
    }
    return e
  }

  static let decodeError: TypeObject = {
    let t = TypeObject.makeExceptionClass(name: "JSONDecodeError", base: Builtin.valueError, module: "json.decoder")
    return t
  }()

  static func options(_ vm: VM, _ b: BoundArguments) throws -> JSONDumpOptions {
    var indent: String? = nil
    switch b["indent"] {
    case .none: break
    case .int(let n): indent = String(repeating: " ", count: max(0, n))
    case .str(let s): indent = s
    default: throw typeError("indent must be an int or a str")
    }
    var seps: (item: String, key: String)? = nil
    if let t = b["separators"].asArray, t.count == 2, let i = t[0].asString, let k = t[1].asString { seps = (i, k) }
    return JSONDumpOptions(
      indent: indent, separators: seps, sortKeys: try vm.truthy(b["sort_keys"]), ensureASCII: try vm.truthy(b["ensure_ascii"]),
      allowNaN: try vm.truthy(b["allow_nan"]), skipKeys: try vm.truthy(b["skipkeys"]))
  }

  static let dumpSignature = Signature([
    .init("obj"), .init("skipkeys", default: .bool(false), keywordOnly: true), .init("ensure_ascii", default: .bool(true), keywordOnly: true),
    .init("check_circular", default: .bool(true), keywordOnly: true), .init("allow_nan", default: .bool(true), keywordOnly: true),
    .init("cls", default: Value.none, keywordOnly: true), .init("indent", default: Value.none, keywordOnly: true),
    .init("separators", default: Value.none, keywordOnly: true), .init("default", default: Value.none, keywordOnly: true),
    .init("sort_keys", default: .bool(false), keywordOnly: true),
  ])

  static let module = NativeModule("json", doc: "JSON encoder and decoder.") { vm in
    [
      ("JSONDecodeError", .type(decodeError)),
      ("dumps", .object(NativeFunction("dumps", dumpSignature) { vm, b in
        do {
          return .str(try PyJSON.dumps(toJSON(vm, b["obj"], b["default"]), options: options(vm, b)))
        } catch { throw convert(error) }
      })),
      ("dump", .object(NativeFunction("dump", signature: "(obj, fp, **kw)") { vm, args, kw in
        guard args.count == 2 else { throw typeError("dump() missing required argument 'fp'") }
        let b = try dumpSignature.bind("dump", [(try args.at(0))], kw)
        let text: String
        do { text = try PyJSON.dumps(toJSON(vm, b["obj"], b["default"]), options: options(vm, b)) } catch { throw convert(error) }
        _ = try vm.callMethod((try args.at(1)), "write", [.str(text)])
        return .none
      })),
      ("loads", .object(NativeFunction("loads", signature: "(s, **kw)") { vm, args, kw in
        guard case .str(let s) = args.first ?? Value.none else {
          throw typeError("the JSON object must be str, bytes or bytearray, not \((args.first ?? Value.none).typeName)")
        }
        do { return try fromJSON(vm, try PyJSON.loads(s)) } catch { throw convert(error) }
      })),
      ("load", .object(NativeFunction("load", signature: "(fp, **kw)") { vm, args, kw in
        let text = try vm.callMethod(args.first ?? Value.none, "read", [])
        guard case .str(let s) = text else { throw typeError("read() must return str") }
        do { return try fromJSON(vm, try PyJSON.loads(s)) } catch { throw convert(error) }
      })),
    ]
  }
}
