// A script exception travelling through Swift code as a thrown error, and the constructors the
// runtime uses to raise the builtin exceptions with CPython's messages.

/// A Python exception in flight.
public struct ScriptError: Error {
  public let exception: ExceptionObject
  init(_ exception: ExceptionObject) { self.exception = exception }

  /// Raises an instance of a builtin exception class with a message.
  init(_ type: TypeObject, _ message: String) {
    self.exception = ExceptionObject(cls: type, args: [.str(message)])
  }

  /// The exception class name (`ValueError`).
  public var typeName: String { exception.cls.name }
}

func typeError(_ m: String) -> ScriptError { ScriptError(Builtin.typeError, m) }
func valueError(_ m: String) -> ScriptError { ScriptError(Builtin.valueError, m) }
func indexError(_ m: String) -> ScriptError { ScriptError(Builtin.indexError, m) }
func attributeError(_ m: String) -> ScriptError { ScriptError(Builtin.attributeError, m) }
func zeroDivisionError(_ m: String) -> ScriptError { ScriptError(Builtin.zeroDivisionError, m) }
func overflowError(_ m: String) -> ScriptError { ScriptError(Builtin.overflowError, m) }
func runtimeError(_ m: String) -> ScriptError { ScriptError(Builtin.runtimeError, m) }
func nameError(_ name: String) -> ScriptError {
  ScriptError(Builtin.nameError, "name '\(name)' is not defined")
}
func keyError(_ key: Value) -> ScriptError {
  ScriptError(ExceptionObject(cls: Builtin.keyError, args: [key]))
}
func stopIteration(_ value: Value? = nil) -> ScriptError {
  ScriptError(ExceptionObject(cls: Builtin.stopIteration, args: value.map { [$0] } ?? []))
}
func osError(_ type: TypeObject, errno: Int, _ message: String, filename: String) -> ScriptError {
  let e = ExceptionObject(cls: type, args: [.int(errno), .str(message)])
  e.attributes["filename"] = .str(filename)
  e.attributes["errno"] = .int(errno)
  e.attributes["strerror"] = .str(message)
  return ScriptError(e)
}
