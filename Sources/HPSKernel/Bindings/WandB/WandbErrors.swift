// `wandb.errors`: the exception classes the module raises, in W&B's hierarchy
// (Error(Exception) → UsageError); RunStopped is hps's own.
import HPSScript

final class WandbErrors {
  unowned let vm: VM
  /// `wandb.errors.Error(Exception)`.
  let error: Value
  /// `wandb.errors.UsageError(Error)`: invalid configuration or call order.
  let usageError: Value
  /// `wandb.errors.RunStopped(BaseException)`: raised by `wandb.log` when hyperband stops the run.
  let runStopped: Value

  init(vm: VM) throws {
    self.vm = vm
    let exception = vm.error("Exception", "").exception.cls
    let baseException = vm.error("BaseException", "").exception.cls
    let errorClass = try vm.makeSubclass(name: "Error", base: exception, module: "wandb.errors", doc: "Base class of the wandb module's errors.")
    error = .type(errorClass)
    usageError = try Self.makeClass(
      vm, "UsageError", base: errorClass,
      doc: "Invalid use of wandb: a bad sweep configuration (the message names each parameter and key), a call out of order.")
    runStopped = try Self.makeClass(
      vm, "RunStopped", base: baseException,
      doc: "Raised by wandb.log when the sweep's early_terminate (hyperband) stops the run. It derives from BaseException so "
        + "`except Exception` in training code does not swallow it; wandb.agent marks the run stopped, not failed.")
  }

  private static func makeClass(_ vm: VM, _ name: String, base: TypeObject, doc: String) throws -> Value {
    .type(try vm.makeSubclass(name: name, base: base, module: "wandb.errors", doc: doc))
  }

  func raise(_ cls: Value, _ message: String) -> Error {
    guard case .type(let type) = cls else { return vm.error("RuntimeError", message) }
    return ScriptError(raising: type, message: message)
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
