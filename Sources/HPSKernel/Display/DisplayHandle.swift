// IPython's DisplayHandle: what `display(obj, display_id=...)` returns, to update that output later.
import HPSScript

final class DisplayHandlePayload {
  let displayID: String
  init(displayID: String) { self.displayID = displayID }
}

enum DisplayHandleClass {
  static func id(_ v: Value, _ vm: VM) throws -> String {
    guard let payload = NativeClass.payload(v, as: DisplayHandlePayload.self) else {
      throw vm.error("TypeError", "DisplayHandle method called on \(v.typeName)")
    }
    return payload.displayID
  }

  static func router(_ vm: VM) throws -> DisplayRouter {
    guard let router = DisplayRouter.router(for: vm) else { throw vm.error("RuntimeError", "display is not available in this interpreter") }
    return router
  }

  static let shared = NativeClass(
    name: "DisplayHandle", module: "hps.display",
    doc: "A handle on one displayed output: display(obj) shows obj under its id again, update(obj) replaces it.",
    subclassable: false,
    initializer: NativeFunction("__init__", Signature([.init("self"), .init("display_id", default: Value.none)])) { vm, args in
      guard case .instance(let instance) = args["self"] else { throw vm.error("TypeError", "DisplayHandle.__init__ needs an instance") }
      let id: String
      if let s = args["display_id"].asString { id = s } else { id = try router(vm).makeDisplayID() }
      instance.native = DisplayHandlePayload(displayID: id)
      return .none
    },
    methods: [
      NativeFunction("display", Signature([.init("self"), .init("obj")], kwargs: "kwargs"), doc: "Show obj under this handle's id.") {
        vm, args in
        let router = try router(vm)
        router.display(args["obj"], displayID: try id(args["self"], vm), update: false)
        return .none
      },
      NativeFunction("update", Signature([.init("self"), .init("obj")], kwargs: "kwargs"), doc: "Replace this handle's output with obj.") {
        vm, args in
        let router = try router(vm)
        router.display(args["obj"], displayID: try id(args["self"], vm), update: true)
        return .none
      },
      NativeFunction("__repr__", Signature([.init("self")])) { vm, args in
        .str("<DisplayHandle display_id=\(try id(args["self"], vm))>")
      },
    ],
    properties: [NativeProperty("display_id", doc: "The id update_display() uses.") { vm, instance in .str(try id(.instance(instance), vm)) }]
  )
}
