// The script side of display: IPython's `display`, `update_display` and `clear_output` as builtins
// (IPython's shell also makes `display` a builtin) and as members of the `hps` module.
import Foundation
import HPSScript
import HPSSearch

enum DisplayBuiltins {
  static func install(_ router: DisplayRouter, on interpreter: Interpreter) {
    for (name, function) in functions(router) { interpreter.setBuiltin(name, .object(function)) }
    interpreter.registerModule(HPSModule.make(router))
    interpreter.registerModule(PlotModule.module)
  }

  static func functions(_ router: DisplayRouter) -> [(String, NativeFunction)] {
    [("display", display(router)), ("update_display", updateDisplay(router)), ("clear_output", clearOutput(router))]
  }

  static let displaySignature = Signature(
    [
      .init("include", default: Value.none, keywordOnly: true), .init("exclude", default: Value.none, keywordOnly: true),
      .init("metadata", default: Value.none, keywordOnly: true), .init("display_id", default: Value.none, keywordOnly: true),
      .init("raw", default: .bool(false), keywordOnly: true), .init("clear", default: .bool(false), keywordOnly: true),
      .init("update", default: .bool(false), keywordOnly: true),
    ], varargs: "objs", kwargs: "kwargs")

  /// `display(*objs, include=None, exclude=None, metadata=None, display_id=None, raw=False,
  /// clear=False, update=False)`: returns a DisplayHandle when `display_id` is given.
  static func display(_ router: DisplayRouter) -> NativeFunction {
    NativeFunction(
      "display", displaySignature,
      doc: """
        Display objects in the richest form the front end accepts (HTML tables and SVG plots in notebooks,
        text in terminals). display_id=True (or a str) names the output so update_display() can replace it;
        the call then returns a DisplayHandle. raw=True takes {mime: data} dicts.
        """
    ) { vm, args in
      try perform(router, vm: vm, args.varargs, args, update: args["update"].asBool ?? false)
    }
  }

  /// `update_display(obj, *, display_id, **kwargs)`.
  static func updateDisplay(_ router: DisplayRouter) -> NativeFunction {
    let signature = Signature(
      [
        .init("obj"), .init("display_id", keywordOnly: true),
        .init("include", default: Value.none, keywordOnly: true), .init("exclude", default: Value.none, keywordOnly: true),
        .init("metadata", default: Value.none, keywordOnly: true), .init("raw", default: .bool(false), keywordOnly: true),
      ])
    return NativeFunction(
      "update_display", signature, doc: "Replace the output shown under display_id with obj."
    ) { vm, args in
      guard args["display_id"].asString != nil else {
        throw vm.error("TypeError", "update_display() display_id must be a str, not \(args["display_id"].typeName)")
      }
      _ = try perform(router, vm: vm, [args["obj"]], args, update: true)
      return .none
    }
  }

  /// `clear_output(wait=False)`.
  static func clearOutput(_ router: DisplayRouter) -> NativeFunction {
    NativeFunction(
      "clear_output", Signature([.init("wait", default: .bool(false))]),
      doc: "Clear the cell's output; wait=True clears only when new output arrives."
    ) { vm, args in
      router.clearOutput(wait: try truthy(args["wait"], vm: vm, name: "wait"))
      return .none
    }
  }

  private static func truthy(_ v: Value, vm: VM, name: String) throws -> Bool {
    if let b = v.asBool { return b }
    if case .none = v { return false }
    if let i = v.asInt { return i != 0 }
    throw vm.error("TypeError", "\(name) must be a bool, not \(v.typeName)")
  }

  private static func mimeSet(_ v: Value, router: DisplayRouter, vm: VM, name: String) throws -> Set<String>? {
    if case .none = v { return nil }
    if let s = v.asString { return [s] }
    var out = Set<String>()
    let items: [Value]
    if let array = v.asArray {
      items = array
    } else if let list = router.formatter.listBuiltin, let converted = try? vm.callValue(list, [v]).asArray {
      items = converted
    } else {
      throw vm.error("TypeError", "\(name) must be a list of MIME types, not \(v.typeName)")
    }
    for item in items {
      guard let s = item.asString else { throw vm.error("TypeError", "\(name) must contain str MIME types, not \(item.typeName)") }
      out.insert(s)
    }
    return out
  }

  /// Shared by display, update_display and DisplayHandle methods.
  static func perform(_ router: DisplayRouter, vm: VM, _ objects: [Value], _ args: BoundArguments, update: Bool) throws -> Value {
    let include = try mimeSet(args["include"], router: router, vm: vm, name: "include")
    let exclude = try mimeSet(args["exclude"], router: router, vm: vm, name: "exclude") ?? []
    let raw = try truthy(args["raw"], vm: vm, name: "raw")
    var metadata: [String: HPSSearch.JSONValue] = [:]
    if case .dict = args["metadata"] {
      guard case .object(let m) = try ScriptJSON.value(args["metadata"], vm: vm) else { throw vm.error("TypeError", "metadata must be a dict") }
      metadata = m
    } else if !args["metadata"].isNone {
      throw vm.error("TypeError", "metadata must be a dict, not \(args["metadata"].typeName)")
    }
    var displayID: String?
    switch args["display_id"] {
    case .none: displayID = nil
    case .bool(true): displayID = router.makeDisplayID()
    case .bool(false): displayID = nil
    case .str(let s): displayID = s
    case let other: throw vm.error("TypeError", "display_id must be a str or True, not \(other.typeName)")
    }
    if update && displayID == nil {
      throw vm.error("TypeError", "display(..., update=True) needs a display_id")
    }
    if (try? truthy(args["clear"], vm: vm, name: "clear")) == true { router.clearOutput(wait: true) }
    for object in objects {
      var bundle: MimeBundle
      if raw {
        bundle = try router.formatter.bundleFromScript(object, context: "display(raw=True)")
      } else {
        bundle = router.bundle(for: object)
      }
      if let include { bundle = bundle.restricted(to: include) }
      if !exclude.isEmpty {
        bundle = MimeBundle(bundle.items.filter { !exclude.contains($0.mime) }.map { ($0.mime, $0.data) }, metadata: bundle.metadata)
      }
      bundle.metadata.merge(metadata) { _, new in new }
      router.display(bundle, displayID: displayID, update: update)
    }
    guard let displayID, !update else { return .none }
    return try vm.callValue(DisplayHandleClass.shared.value, [.str(displayID)])
  }
}
