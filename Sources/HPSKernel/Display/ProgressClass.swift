// `hps.Progress`: the progress display for scripts, with tqdm's names (total, desc, update(n),
// set_postfix(**kw), close(), n) so loops written for tqdm read the same.
import Foundation
import HPSScript

enum ProgressClass {
  static func progress(_ v: Value, _ vm: VM) throws -> ProgressDisplay {
    guard let p = NativeClass.payload(v, as: ProgressDisplay.self) else { throw vm.error("TypeError", "Progress method called on \(v.typeName)") }
    return p
  }

  static let shared = NativeClass(
    name: "Progress", module: "hps",
    doc: "An updating progress line: in place in notebooks and terminals, plain lines in logs. Progress(total=None, desc='').",
    subclassable: false,
    initializer: NativeFunction("__init__", Signature([.init("self"), .init("total", default: Value.none), .init("desc", default: .str(""))])) { vm, a in
      guard case .instance(let instance) = a["self"] else { throw vm.error("TypeError", "Progress.__init__ needs an instance") }
      var total: Int?
      if !a["total"].isNone {
        guard let t = a["total"].asInt, t >= 0 else {
          throw vm.error("ValueError", "Progress total must be a non-negative int or None, got \((try? vm.repr(a["total"])) ?? "?")")
        }
        total = t
      }
      guard let desc = a["desc"].asString else { throw vm.error("TypeError", "Progress desc must be a str, not \(a["desc"].typeName)") }
      instance.native = ProgressDisplay(router: DisplayRouter.router(for: vm), total: total, description: desc)
      return .none
    },
    methods: [
      NativeFunction("update", Signature([.init("self"), .init("n", default: .int(1))]), doc: "Advance by n steps.") { vm, a in
        guard let n = a["n"].asInt else { throw vm.error("TypeError", "update() n must be an int, not \(a["n"].typeName)") }
        try progress(a["self"], vm).advance(by: n)
        return .none
      },
      NativeFunction("set_postfix", Signature([.init("self")], kwargs: "kwargs"), doc: "Show key=value pairs after the rate.") { vm, a in
        let pairs = try a.kwargs.map { k, v -> (String, String) in
          if let d = v.asDouble, case .float = v { return (k, TickFormat.value(d)) }
          return (k, try vm.str(v))
        }
        try progress(a["self"], vm).setPostfix(pairs)
        return .none
      },
      NativeFunction("close", Signature([.init("self")]), doc: "Draw the final state and end the line.") { vm, a in
        try progress(a["self"], vm).close()
        return .none
      },
      NativeFunction("__enter__", Signature([.init("self")])) { _, a in a["self"] },
      NativeFunction("__exit__", Signature([.init("self")], varargs: "exc")) { vm, a in
        try progress(a["self"], vm).close()
        return .bool(false)
      },
    ],
    properties: [
      NativeProperty("n", doc: "Steps completed.") { vm, i in .int(try progress(.instance(i), vm).completed) },
      NativeProperty("total", doc: "Steps expected, or None.") { vm, i in try progress(.instance(i), vm).total.map { .int($0) } ?? .none },
    ]
  )
}
