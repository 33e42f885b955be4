// One per interpreter: formats values into bundles and hands display events to whichever front end
// is attached (a notebook runner, the Jupyter kernel), or prints their text when none is.
import Foundation
import HPSScript

public final class DisplayRouter {
  public let formatter: DisplayFormatter
  unowned let interpreter: Interpreter
  /// The MIME types the front end renders; nil means every type (notebooks).
  public var accepted: Set<String>? = MimeType.terminal
  /// Receives display events. The default prints `text/plain` to the interpreter's stdout.
  public var publish: (DisplayEvent) -> Void = { _ in }
  /// True when `publish` reaches a front end that can replace outputs in place (update_display_data).
  public var supportsUpdates = false
  private var nextAutomaticID = 0

  init(interpreter: Interpreter) {
    self.interpreter = interpreter
    formatter = DisplayFormatter(interpreter: interpreter, warn: { [unowned interpreter] in interpreter.writeStderr($0) })
    publish = { [unowned self] event in self.printPlain(event) }
  }

  /// What a front end without display support shows: the text of displays and updates.
  public func printPlain(_ event: DisplayEvent) {
    switch event {
    case .display(let bundle, _), .update(let bundle, _):
      interpreter.writeStdout((bundle.plainText ?? "") + "\n")
    case .clearOutput:
      break
    }
  }

  /// The bundle a front end gets for `value`.
  public func bundle(for value: Value) -> MimeBundle { formatter.bundle(for: value, accepting: accepted) }

  /// Shows (or, with `update`, replaces) a value. Native code (progress bars, search loops) calls this too.
  public func display(_ value: Value, displayID: String? = nil, update: Bool = false) {
    display(bundle(for: value), displayID: displayID, update: update)
  }

  public func display(_ bundle: MimeBundle, displayID: String? = nil, update: Bool = false) {
    if update, let displayID {
      publish(.update(bundle, displayID: displayID))
    } else {
      publish(.display(bundle, displayID: displayID))
    }
  }

  /// Shows `bundle` in the display `displayID` names, creating it (and filling `displayID`) the
  /// first time: one output that later calls update in place (progress lines).
  public func show(_ bundle: MimeBundle, inPlaceOf displayID: inout String?) {
    if let displayID {
      display(bundle, displayID: displayID, update: true)
    } else {
      let id = makeDisplayID()
      displayID = id
      display(bundle, displayID: id, update: false)
    }
  }

  public func clearOutput(wait: Bool = false) { publish(.clearOutput(wait: wait)) }

  /// A fresh display id (IPython's `display_id=True`).
  public func makeDisplayID() -> String {
    nextAutomaticID += 1
    return String(format: "%08x", UInt32.random(in: 0...UInt32.max)) + "-hps-\(nextAutomaticID)"
  }

  // MARK: - One router per interpreter

  private static let routers = PerInterpreter<DisplayRouter>()

  /// The router of the interpreter that owns `vm` (native module code gets only the VM).
  public static func router(for vm: VM) -> DisplayRouter? { routers.existing(for: vm) }

  /// The interpreter's router, creating it and the display builtins on first use.
  @discardableResult
  public static func install(on interpreter: Interpreter) -> DisplayRouter {
    var made: DisplayRouter?
    let router = routers.value(for: interpreter.vm) {
      let router = DisplayRouter(interpreter: interpreter)
      made = router
      return router
    }
    if router === made { DisplayBuiltins.install(router, on: interpreter) }
    return router
  }
}
