// Native modules and classes: scripts call them, subclass them and override their hooks.
import HPSScript
import HPSSyntax
import Testing

final class Accumulator {
  var total = 0.0
}

func makeEngineModule() -> NativeModule {
  let accClass = NativeClass(
    name: "Accumulator", module: "engine", doc: "Adds numbers.",
    initializer: NativeFunction("__init__", Signature([.init("self"), .init("start", default: Value(0.0))])) { _, a in
      guard case .instance(let i) = a[0] else { return .none }
      let acc = Accumulator()
      acc.total = a["start"].asDouble ?? 0
      i.native = acc
      return .none
    },
    methods: [
      NativeFunction("add", Signature([.init("self"), .init("x")]), doc: "Adds x.") { vm, a in
        guard let acc = NativeClass.payload(a[0], as: Accumulator.self) else { throw vm.error("TypeError", "not an Accumulator") }
        guard let x = a["x"].asDouble else { throw vm.error("TypeError", "x must be a number") }
        acc.total += x
        return .none
      },
      NativeFunction("run", Signature([.init("self"), .init("n")])) { vm, a in
        // Calls the (possibly overridden) hook `step` n times, as the engine's Trainer will.
        guard case .instance(let inst) = a[0] else { return .none }
        let overridden = inst.cls.overrides("step")
        for i in 0..<(a["n"].asInt ?? 0) { _ = try vm.invokeMethod(a[0], "step", [Value(i)]) }
        return Value(overridden)
      },
      NativeFunction("step", Signature([.init("self"), .init("i")])) { _, a in
        NativeClass.payload(a[0], as: Accumulator.self)?.total += 1
        return .none
      },
    ],
    properties: [
      NativeProperty("total", doc: "The running total.", get: { _, i in Value((i.native as? Accumulator)?.total ?? 0) })
    ])
  return NativeModule("engine", doc: "Test engine.") { vm in
    [
      ("Accumulator", accClass.value),
      ("scale", Value(NativeFunction("scale", Signature([.init("xs"), .init("factor", default: Value(2.0), keywordOnly: true)]), doc: "Scales.") { vm, a in
        guard let xs = a["xs"].asArray else { throw vm.error("TypeError", "xs must be a list") }
        return Value(try xs.map { x -> Value in
          guard let d = x.asDouble, let f = a["factor"].asDouble else { throw vm.error("TypeError", "numbers expected") }
          return Value(d * f)
        })
      })),
    ]
  }
}

@Test func scriptsCallNativeFunctionsAndClasses() {
  let source = """
    import engine
    print(engine.scale([1, 2.5], factor=3))
    a = engine.Accumulator(1.5)
    a.add(2)
    print(a.total, a.run(3), a.total)
    try:
        engine.scale([1], nope=1)
    except TypeError as e:
        print(e)
    """
  let r = runScript(source) { $0.registerModule(makeEngineModule()) }
  #expect(r.stdout == "[3.0, 7.5]\n3.5 False 6.5\nscale() got an unexpected keyword argument 'nope'\n", "\(r.stderr)")
}

@Test func scriptSubclassOverridesNativeHook() {
  let source = """
    from engine import Accumulator
    class Tracing(Accumulator):
        def __init__(self):
            super().__init__(10)
            self.seen = []
        def step(self, i):
            self.seen.append(i)
            super().step(i)
    t = Tracing()
    print(t.run(2), t.seen, t.total, isinstance(t, Accumulator))
    """
  let r = runScript(source) { $0.registerModule(makeEngineModule()) }
  #expect(r.stdout == "True [0, 1] 12.0 True\n", "\(r.stderr)")
}

@Test func helpShowsNativeSignatureAndDoc() {
  let r = runScript("import engine\nhelp(engine.scale)\n") { $0.registerModule(makeEngineModule()) }
  #expect(r.stdout.contains("scale(xs, *, factor=2.0)"))
  #expect(r.stdout.contains("Scales."))
}
