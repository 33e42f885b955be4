// `wandb.errors`: the exception classes the module raises. UsageError derives from ValueError as
// well as wandb.errors.Error, so `except ValueError` catches a bad sweep configuration too.
import HPSScript

final class WandbErrors {
  unowned let vm: VM
  /// `wandb.errors.Error(Exception)`.
  let error: Value
  /// `wandb.errors.UsageError(Error, ValueError)`: invalid configuration or call order.
  let usageError: Value
  /// `wandb.errors.RunStopped(BaseException)`: raised by `wandb.log` when hyperband stops the run.
  let runStopped: Value

  init(vm: VM) throws {
    self.vm = vm
    let exception = Value.type(vm.error("Exception", "").exception.cls)
    let valueError = Value.type(vm.error("ValueError", "").exception.cls)
    let baseException = Value.type(vm.error("BaseException", "").exception.cls)
    error = try Self.makeClass(vm, "Error", bases: [exception], doc: "Base class of the wandb module's errors.")
    usageError = try Self.makeClass(
      vm, "UsageError", bases: [error, valueError],
      doc: "Invalid use of wandb: a bad sweep configuration (the message names each parameter and key), a call out of order.")
    runStopped = try Self.makeClass(
      vm, "RunStopped", bases: [baseException],
      doc: "Raised by wandb.log when the sweep's early_terminate (hyperband) stops the run. It derives from BaseException so "
        + "`except Exception` in training code does not swallow it; wandb.agent marks the run stopped, not failed.")
  }

  /// `type(name, bases, {...})`, the way a class statement builds it.
  private static func makeClass(_ vm: VM, _ name: String, bases: [Value], doc: String) throws -> Value {
    guard case .type(let cls) = bases[0] else { throw vm.error("TypeError", "base is not a class") }
    let typeOfTypes = Value.type(cls.pyType)
    let body = try vm.makeDict([("__doc__", .str(doc)), ("__module__", .str("wandb.errors"))])
    return try vm.callValue(typeOfTypes, [.str(name), .tuple(bases), body])
  }

  func raise(_ cls: Value, _ message: String) -> Error {
    do {
      return vm.raising(try vm.callValue(cls, [.str(message)]))
    } catch {
      return error
    }
  }

  func usage(_ message: String) -> Error { raise(usageError, message) }

  func isRunStopped(_ e: ScriptError) -> Bool {
    guard case .type(let cls) = runStopped else { return false }
    return e.exception.cls.isSubtype(of: cls)
  }

  /// The `wandb.errors` namespace: a class whose attributes are the exception classes.
  func namespace() -> [(String, Value)] {
    [("Error", error), ("UsageError", usageError), ("RunStopped", runStopped)]
  }
}
