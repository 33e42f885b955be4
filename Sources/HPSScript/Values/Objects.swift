// Small heap objects: functions, bound methods, modules, ranges, slices, descriptors.
import HPSSyntax

/// Static facts about a compiled function or module body, used by tracebacks and `help()`.
final class CodeInfo {
  let name: String
  let file: SourceFile
  init(name: String, file: SourceFile) {
    self.name = name
    self.file = file
  }
}

/// A function defined by `def` or `lambda`.
public final class FunctionObject {
  let code: FunctionCode
  /// Defaults for the trailing positional parameters.
  var defaults: [Value]
  var keywordDefaults: [String: Value]
  let closure: [Cell]
  public internal(set) var name: String
  var qualname: String
  public internal(set) var doc: String?
  var attributes: [String: Value] = [:]
  let module: ModuleObject

  init(
    code: FunctionCode, defaults: [Value], keywordDefaults: [String: Value], closure: [Cell],
    module: ModuleObject
  ) {
    self.code = code
    self.defaults = defaults
    self.keywordDefaults = keywordDefaults
    self.closure = closure
    self.name = code.name
    self.qualname = code.qualname
    self.doc = code.doc
    self.module = module
  }
}

/// A function or native callable bound to the object it was looked up on.
final class BoundMethod: PyObject {
  let receiver: Value
  let function: Value
  init(receiver: Value, function: Value) {
    self.receiver = receiver
    self.function = function
  }
  override var pyType: TypeObject { Builtin.methodType }
}

/// A module: a namespace with slots that compiled code indexes directly.
public final class ModuleObject: PyObject {
  public let name: String
  let namespace: Namespace
  var file: String?
  init(name: String, file: String? = nil) {
    self.name = name
    self.file = file
    self.namespace = Namespace()
    super.init()
    namespace.set("__name__", .str(name))
  }
  public override var pyType: TypeObject { Builtin.moduleType }
}

/// Global variables: a slot array plus the name → slot table the compiler resolves against.
final class Namespace {
  var values: [Value] = []
  var names: [String] = []
  var index: [String: Int] = [:]

  func slot(_ name: String) -> Int {
    if let i = index[name] { return i }
    let i = values.count
    values.append(.unbound)
    names.append(name)
    index[name] = i
    return i
  }

  func get(_ name: String) -> Value? {
    guard let i = index[name] else { return nil }
    let v = values[i]
    return v.isUnbound ? nil : v
  }

  func set(_ name: String, _ value: Value) { values[slot(name)] = value }

  /// Bound names in definition order.
  var boundNames: [String] { names.indices.filter { !values[$0].isUnbound }.map { names[$0] } }
}

/// `range(start, stop, step)`.
final class RangeObject: PyObject {
  let start: Int
  let stop: Int
  let step: Int
  init(start: Int, stop: Int, step: Int) {
    self.start = start
    self.stop = stop
    self.step = step
  }
  var count: Int {
    if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
    return start > stop ? (start - stop - 1) / (-step) + 1 : 0
  }
  override var pyType: TypeObject { Builtin.rangeType }
}

/// `a:b:c` inside brackets.
final class SliceObject: PyObject {
  let start: Value
  let stop: Value
  let step: Value
  init(start: Value, stop: Value, step: Value) {
    self.start = start
    self.stop = stop
    self.step = step
  }
  override var pyType: TypeObject { Builtin.sliceType }
}

/// `property(fget, fset, fdel, doc)`.
final class PropertyObject: PyObject {
  var getter: Value
  var setter: Value
  var deleter: Value
  var doc: String?
  init(getter: Value, setter: Value = .none, deleter: Value = .none, doc: String? = nil) {
    self.getter = getter
    self.setter = setter
    self.deleter = deleter
    self.doc = doc
  }
  override var pyType: TypeObject { Builtin.propertyType }
}

/// `staticmethod(f)`.
final class StaticMethodObject: PyObject {
  let function: Value
  init(_ function: Value) { self.function = function }
  override var pyType: TypeObject { Builtin.staticMethodType }
}

/// `classmethod(f)`.
final class ClassMethodObject: PyObject {
  let function: Value
  init(_ function: Value) { self.function = function }
  override var pyType: TypeObject { Builtin.classMethodType }
}

/// `super()` bound to a class and an object.
final class SuperObject: PyObject {
  let startAfter: TypeObject
  let receiver: Value
  init(startAfter: TypeObject, receiver: Value) {
    self.startAfter = startAfter
    self.receiver = receiver
  }
  override var pyType: TypeObject { Builtin.superType }
}

/// Singletons without payload: NotImplemented, Ellipsis.
final class SingletonObject: PyObject {
  let name: String
  let type: TypeObject
  init(name: String, type: TypeObject) {
    self.name = name
    self.type = type
  }
  override var pyType: TypeObject { type }
}
