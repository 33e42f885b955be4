// The running interpreter's state: the slot stack, recursion depth, the exception being handled,
// output sinks, builtins and loaded modules. Every runtime operation is a method on `VM` (split
// across the files of this folder by concern) so native code always has its context at hand.
import Foundation
import HPSSyntax
import Synchronization

/// A flag another thread (a signal handler, the REPL) sets to stop running code with
/// KeyboardInterrupt. Polled at loop back-edges and calls.
public final class InterruptFlag: @unchecked Sendable {
  private let raw = Atomic<Bool>(false)
  public init() {}
  public func set() { raw.store(true, ordering: .relaxed) }
  public func clear() { raw.store(false, ordering: .relaxed) }
  @inline(__always) public var isSet: Bool { raw.load(ordering: .relaxed) }
  /// Reads and clears atomically.
  func take() -> Bool { raw.exchange(false, ordering: .relaxed) }
}

/// The interpreter state shared by all code compiled for one `Interpreter`.
public final class VM {
  let stack = SlotStack()
  var depth = 0
  public var recursionLimit = 1000
  /// While a script call runs on a thread other than the interpreter's own (a parallel search's
  /// worker, on a smaller stack), the lowest native-stack address its frames may reach: a call
  /// below it raises RecursionError instead of overflowing the stack. 0: not checked (the
  /// interpreter's thread has 1 GiB, enough for any recursion limit `sys` allows).
  public var nativeStackFloor: UInt = 0
  public let interrupt = InterruptFlag()
  /// Where `print` and `sys.stdout.write` go.
  public var writeStdout: (String) -> Void = { s in FileHandle.standardOutput.write(Data(s.utf8)) }
  public var writeStderr: (String) -> Void = { s in FileHandle.standardError.write(Data(s.utf8)) }
  public var flushStdout: () -> Void = {}
  /// `input(prompt)`; nil means end of file.
  public var readLine: (String) -> String? = { prompt in
    if !prompt.isEmpty { FileHandle.standardOutput.write(Data(prompt.utf8)) }
    return Swift.readLine(strippingNewline: true)
  }
  /// `help(obj)`: returns the text to print. The kernel replaces it.
  public var helpHook: ((Value) -> String)?
  public var argv: [String] = [""]
  /// Directories searched by `import` after the importing file's own directory.
  public var searchPaths: [String] = []
  /// The names every module sees last.
  var builtins: [String: Value] = [:]
  /// `sys.modules`.
  var modules: [String: Value] = [:]
  /// Native modules that import on demand.
  var nativeModules: [String: NativeModule] = [:]
  /// Exceptions being handled by `except` blocks, innermost last (for bare `raise` and chaining).
  var handling: [ExceptionObject] = []
  /// Containers whose repr is in progress (to print `[...]` for cycles).
  var reprInProgress: Set<ObjectIdentifier> = []
  let main: ModuleObject
  var nextCellNumber = 0

  init() {
    main = ModuleObject(name: "__main__")
    builtins = Builtins.makeTable(self)
    main.namespace.set("__builtins__", .none)
    for m in StandardModules.all() { nativeModules[m.name] = m }
    modules["__main__"] = .object(main)
  }

  // MARK: Calls depth and interrupts

  @inline(__always) func enterCall() throws {
    depth += 1
    if depth > recursionLimit {
      depth -= 1
      throw ScriptError(Builtin.recursionError, "maximum recursion depth exceeded")
    }
    if nativeStackIsLow {
      depth -= 1
      throw ScriptError(Builtin.recursionError, "maximum recursion depth exceeded (this thread's native stack is nearly full)")
    }
    if interrupt.isSet { try checkInterrupt() }
  }

  @inline(__always) func leaveCall() { depth -= 1 }

  /// Below `nativeStackFloor` (when one is set).
  @inline(__always) private var nativeStackIsLow: Bool {
    nativeStackFloor != 0 && NativeStack.currentAddress() < nativeStackFloor
  }

  func checkInterrupt() throws {
    if interrupt.take() { throw ScriptError(ExceptionObject(cls: Builtin.keyboardInterrupt, args: [])) }
  }

  /// Guards Swift-level recursion that is not a script call (repr of nested containers, ...).
  func withNesting<T>(_ body: () throws -> T) throws -> T {
    depth += 1
    defer { depth -= 1 }
    if depth > recursionLimit + 50 || nativeStackIsLow {
      throw ScriptError(Builtin.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
    }
    return try body()
  }

  // MARK: Builtins

  func builtin(_ name: String) -> Value? { builtins[name] }

  /// Adds or replaces a builtin name visible to every module (the kernel adds `TrialPruned`).
  public func setBuiltin(_ name: String, _ value: Value) { builtins[name] = value }
}
