// A second line of execution inside one VM, for hosts that suspend script code midway and run
// other script code before resuming it (Ray Tune trials that block inside `tune.report` while
// other trials take their turn). Each context has its own slot stack, call depth and handled-
// exception stack, so suspended calls never interleave on one stack. Exactly one thread may run
// script code at a time; the host hands control over with proper synchronization.

/// The per-line-of-execution state of a VM: swap it in before running script code on another
/// thread, swap it out before that thread blocks.
public final class ScriptExecutionContext {
  let stack = SlotStack()
  var depth = 0
  var handling: [ExceptionObject] = []
  public init() {}
}

extension VM {
  /// Exchanges the VM's running state with `context`'s. Call once to enter the context and once
  /// more, with the same object, to leave it (the context then holds its own state again).
  public func swapExecutionContext(_ context: ScriptExecutionContext) {
    stack.swapContents(with: context.stack)
    swap(&depth, &context.depth)
    swap(&handling, &context.handling)
  }

  /// A thrown error that raises `exception` (an instance of an exception class) in the script.
  public func raisingException(_ exception: Value) -> ScriptError {
    guard case .instance(let e as ExceptionObject) = exception else {
      return ScriptError(Builtin.typeError, "exceptions must derive from BaseException")
    }
    return ScriptError(e)
  }

  /// Whether `callable(v)` holds.
  public func isCallableObject(_ v: Value) -> Bool { isCallable(v) }

  /// `getattr(v, name)`; nil when absent.
  public func attribute(_ v: Value, _ name: String) throws -> Value? { try lookupAttribute(v, name) }

  /// Python truth value.
  public func truthValue(_ v: Value) throws -> Bool { try truthy(v) }

  /// The items of any iterable, in order.
  public func iterateValues(_ v: Value) throws -> [Value] { try iterate(v) }
}

extension ScriptError {
  /// True for KeyboardInterrupt (Ctrl-C reached running script code).
  public var isKeyboardInterrupt: Bool { exception.cls.isSubtype(of: Builtin.keyboardInterrupt) }
}
