/// The embedding API of the hps language: what the REPL, `hps run`, the notebook runner and the
/// Jupyter kernel build on.
///
/// One `Interpreter` owns one `__main__` namespace and the loaded modules.
///
/// ```swift
/// let interp = Interpreter(argv: ["script.hps"], searchPaths: ["stdlib"])
/// interp.writeStdout = { text in ... }            // redirect print()
/// let outcome = interp.execute(SourceFile(name: "<ipython-input-1>", text: cell), mode: .interactive)
/// switch outcome {
/// case .value(let v?): print("Out[1]: " + interp.repr(v))   // trailing expression statement
/// case .value(nil): break
/// case .exit(let status): ...                                // SystemExit / exit()
/// case .error(let e): FileHandle.standardError.write(interp.render(e))  // CPython-style text
/// }
/// ```
///
/// - Run script code through `Interpreter.runOnLargeStack` (a thread with a 1 GiB stack), so deep
///   recursion up to the recursion limit never overflows the Swift stack.
/// - `interrupt.set()` (from a signal handler or another thread) raises KeyboardInterrupt in the
///   running code at the next loop back-edge or call.
/// - Completion: `globalNames`, `attributeNames(of:)`; help: `describe(_:)`; variables:
///   `subscript(global:)` (for `_`, `Out`, `In`); hooks: `helpHook`, `readLine`.
/// - Native modules and classes: `registerModule(_:)`, `setBuiltin(_:_:)` and the types in Native/.
import Foundation
import HPSSyntax

public final class Interpreter {
  public let vm: VM

  public enum Mode {
    /// A whole file or `-c` string.
    case file
    /// A REPL/notebook cell: a trailing expression statement's value is returned.
    case interactive
  }

  public enum Outcome {
    /// Finished; the trailing expression's value in interactive mode.
    case value(Value?)
    /// `sys.exit(n)` / `exit()`: the process status to use.
    case exit(Int32)
    /// An uncaught exception (including SyntaxError and KeyboardInterrupt).
    case error(ScriptError)
  }

  public init(argv: [String] = [""], searchPaths: [String] = []) {
    vm = VM()
    vm.argv = argv
    vm.searchPaths = searchPaths
  }

  public var writeStdout: (String) -> Void {
    get { vm.writeStdout }
    set { vm.writeStdout = newValue }
  }
  public var writeStderr: (String) -> Void {
    get { vm.writeStderr }
    set { vm.writeStderr = newValue }
  }
  public var readLine: (String) -> String? {
    get { vm.readLine }
    set { vm.readLine = newValue }
  }
  public var helpHook: ((Value) -> String)? {
    get { vm.helpHook }
    set { vm.helpHook = newValue }
  }
  public var interrupt: InterruptFlag { vm.interrupt }
  public var recursionLimit: Int {
    get { vm.recursionLimit }
    set { vm.recursionLimit = newValue }
  }
  public var argv: [String] {
    get { vm.argv }
    set { vm.argv = newValue }
  }
  public var searchPaths: [String] {
    get { vm.searchPaths }
    set { vm.searchPaths = newValue }
  }

  /// Runs source in `__main__`.
  public func execute(_ source: SourceFile, mode: Mode = .file) -> Outcome {
    do {
      if mode == .file { vm.main.namespace.set("__file__", .str(source.name)) }
      let v = try vm.execute(source, in: vm.main, interactive: mode == .interactive)
      return .value(v)
    } catch let e as ScriptError {
      vm.depth = 0
      vm.handling.removeAll()
      if e.exception.cls.isSubtype(of: Builtin.systemExit) { return .exit(exitStatus(e.exception)) }
      return .error(e)
    } catch {
      return .error(ScriptError(Builtin.runtimeError, "\(error)"))
    }
  }

  /// Runs a script file's text as `__main__`; prints an uncaught traceback to stderr and returns
  /// the process exit status (0, 1, or the SystemExit code).
  public func runScript(_ source: SourceFile) -> Int32 {
    switch execute(source, mode: .file) {
    case .value: return 0
    case .exit(let s): return s
    case .error(let e):
      vm.flushStdout()
      vm.writeStderr(render(e))
      return 1
    }
  }

  private func exitStatus(_ e: ExceptionObject) -> Int32 {
    guard let code = e.args.first else { return 0 }
    switch code {
    case .none: return 0
    case .int(let i): return Int32(truncatingIfNeeded: i)
    case .bool(let b): return b ? 1 : 0
    default:
      vm.writeStderr(((try? vm.str(code)) ?? "") + "\n")
      return 1
    }
  }

  /// The CPython-style traceback text of an uncaught exception (ends with a newline).
  public func render(_ error: ScriptError) -> String { vm.renderTraceback(error.exception) }

  /// Renders a parser error as CPython prints it.
  public func render(_ error: SyntaxError) -> String { vm.renderSyntaxError(error) }

  /// Evaluates one expression in `__main__`.
  public func evaluate(_ expression: String) throws -> Value {
    let source = SourceFile(name: "<string>", text: expression)
    switch execute(source, mode: .interactive) {
    case .value(let v): return v ?? Value.none
    case .exit: throw ScriptError(Builtin.systemExit, "exit")
    case .error(let e): throw e
    }
  }

  public func repr(_ v: Value) -> String { (try? vm.repr(v)) ?? "<repr failed>" }
  public func str(_ v: Value) -> String { (try? vm.str(v)) ?? "<str failed>" }

  /// Names bound in `__main__` plus the builtins (for tab completion).
  public var globalNames: [String] { vm.main.namespace.boundNames }
  public var builtinNames: [String] { vm.builtins.keys.sorted() }

  public func attributeNames(of v: Value) -> [String] { vm.attributeNames(v) }

  /// Name, signature and docstring for help() and `obj?`.
  public func describe(_ v: Value) -> (name: String, signature: String, doc: String?) { vm.describeCallable(v) }

  /// Reads or sets a variable of `__main__` (`_`, `Out`, `In`, ...).
  public subscript(global name: String) -> Value? {
    get { vm.main.namespace.get(name) ?? vm.builtins[name] }
    set { vm.main.namespace.set(name, newValue ?? .unbound) }
  }

  /// Forgets every user variable (`%reset`).
  public func resetMain() {
    for n in vm.main.namespace.boundNames where n != "__name__" && n != "__builtins__" {
      vm.main.namespace.set(n, .unbound)
    }
  }

  public func registerModule(_ m: NativeModule) { vm.registerModule(m) }
  public func setBuiltin(_ name: String, _ value: Value) { vm.setBuiltin(name, value) }

  /// Runs `body` on a thread with a 1 GiB stack and waits for it.
  public static func runOnLargeStack(_ body: @escaping () -> Void) {
    final class Box {
      let body: () -> Void
      init(_ b: @escaping () -> Void) { body = b }
    }
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    pthread_attr_setstacksize(&attr, 1 << 30)
    let box = Unmanaged.passRetained(Box(body))
    var thread = pthread_t()
    let rc = pthread_create(&thread, &attr, { raw in
      guard let raw else { return nil }
      let b = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
      b.body()
      return nil
    }, box.toOpaque())
    pthread_attr_destroy(&attr)
    if rc != 0 {
      box.release()
      body()
      return
    }
    pthread_join(thread, nil)
  }
}
