// The builtin classes and the exception hierarchy. Types are process-wide singletons (they are
// immutable to scripts); their methods come from one table per type in this folder.

enum Builtin {
  static let typeType = TypeObject(name: "type", base: objectType, layout: .builtin)
  static let objectType: TypeObject = {
    let t = TypeObject(name: "object", base: nil, layout: .object, doc: "The base class of the class hierarchy.")
    for m in ObjectMethods.all { t.dict[m.name] = .object(m) }
    return t
  }()

  static func make(
    _ name: String, base: TypeObject? = objectType, _ methods: [NativeFunction] = [],
    doc: String? = nil,
    constructor: ((VM, TypeObject, [Value], Kwargs) throws -> Value)? = nil
  ) -> TypeObject {
    var dict: [String: Value] = [:]
    for m in methods { dict[m.name] = .object(m.asMethod()) }
    let t = TypeObject(name: name, base: base, dict: dict, layout: .builtin, doc: doc)
    t.constructor = constructor
    return t
  }

  static let noneType = make("NoneType", constructor: { _, _, _, _ in .none })
  static let boolType = make("bool", base: intType, constructor: Constructors.bool)
  static let intType = make("int", IntMethods.all, constructor: Constructors.int)
  static let floatType = make("float", FloatMethods.all, constructor: Constructors.float)
  static let strType: TypeObject = {
    let t = make("str", StrMethods.all, constructor: Constructors.str)
    t.dict["maketrans"] = .object(StaticMethodObject(.object(StrMethods.maketrans)))
    return t
  }()
  static let tupleType = make("tuple", TupleMethods.all, constructor: Constructors.tuple)
  static let listType = make("list", ListMethods.all, constructor: Constructors.list)
  static let dictType: TypeObject = {
    let t = make("dict", DictMethods.all, constructor: Constructors.dict)
    t.dict["fromkeys"] = .object(DictMethods.fromkeys)
    return t
  }()
  static let setType = make("set", SetMethods.mutating + SetMethods.common, constructor: Constructors.set)
  static let frozensetType = make("frozenset", SetMethods.common, constructor: Constructors.frozenset)
  static let rangeType = make("range", RangeMethods.all, constructor: Constructors.range)
  static let sliceType = make("slice", constructor: Constructors.slice)
  static let functionType = make("function")
  static let methodType = make("method")
  static let builtinFunctionType = make("builtin_function_or_method")
  static let methodDescriptorType = make("method_descriptor")
  static let moduleType = make("module")
  static let propertyType = make("property", PropertyMethods.all, constructor: Constructors.property)
  static let staticMethodType = make("staticmethod", constructor: Constructors.staticmethod)
  static let classMethodType = make("classmethod", constructor: Constructors.classmethod)
  static let superType = make("super", constructor: Constructors.superObject)
  static let iteratorType = make("iterator", IteratorMethods.all)
  static let generatorType = make("generator", IteratorMethods.all + GeneratorMethods.all)
  static let dictKeysType = make("dict_keys", DictViewMethods.all)
  static let dictValuesType = make("dict_values", DictViewMethods.all)
  static let dictItemsType = make("dict_items", DictViewMethods.all)
  static let notImplementedType = make("NotImplementedType")
  static let ellipsisType = make("ellipsis")
  static let fileType = make("TextIOWrapper", FileMethods.all)
  static let notImplemented = SingletonObject(name: "NotImplemented", type: notImplementedType)
  static let ellipsis = SingletonObject(name: "Ellipsis", type: ellipsisType)

  // MARK: Exceptions

  static func exception(_ name: String, _ base: TypeObject?, doc: String? = nil) -> TypeObject {
    let t = TypeObject(name: name, base: base, layout: .exception, doc: doc)
    return t
  }

  static let baseException: TypeObject = {
    let t = exception("BaseException", objectType, doc: "Common base class for all exceptions")
    for m in ExceptionMethods.all { t.dict[m.name] = .object(m.asMethod()) }
    return t
  }()
  static let systemExit = exception("SystemExit", baseException, doc: "Request to exit from the interpreter.")
  static let keyboardInterrupt = exception("KeyboardInterrupt", baseException, doc: "Program interrupted by user.")
  static let generatorExit = exception("GeneratorExit", baseException)
  static let exceptionType = exception("Exception", baseException, doc: "Common base class for all non-exit exceptions.")
  static let stopIteration = exception("StopIteration", exceptionType, doc: "Signal the end from iterator.__next__().")
  static let arithmeticError = exception("ArithmeticError", exceptionType)
  static let zeroDivisionError = exception("ZeroDivisionError", arithmeticError, doc: "Second argument to a division or modulo operation was zero.")
  static let overflowError = exception("OverflowError", arithmeticError)
  static let assertionError = exception("AssertionError", exceptionType)
  static let attributeError = exception("AttributeError", exceptionType)
  static let eofError = exception("EOFError", exceptionType)
  static let importError = exception("ImportError", exceptionType)
  static let moduleNotFoundError = exception("ModuleNotFoundError", importError)
  static let lookupError = exception("LookupError", exceptionType)
  static let indexError = exception("IndexError", lookupError)
  static let keyError = exception("KeyError", lookupError)
  static let nameError = exception("NameError", exceptionType)
  static let unboundLocalError = exception("UnboundLocalError", nameError)
  static let osError = exception("OSError", exceptionType)
  static let fileNotFoundError = exception("FileNotFoundError", osError)
  static let fileExistsError = exception("FileExistsError", osError)
  static let permissionError = exception("PermissionError", osError)
  static let isADirectoryError = exception("IsADirectoryError", osError)
  static let runtimeError = exception("RuntimeError", exceptionType)
  static let notImplementedError = exception("NotImplementedError", runtimeError)
  static let recursionError = exception("RecursionError", runtimeError)
  static let syntaxError = exception("SyntaxError", exceptionType)
  static let indentationError = exception("IndentationError", syntaxError)
  static let typeError = exception("TypeError", exceptionType)
  static let valueError = exception("ValueError", exceptionType)
  static let unicodeError = exception("UnicodeError", valueError)
  static let warning = exception("Warning", exceptionType)
  static let userWarning = exception("UserWarning", warning)
  static let deprecationWarning = exception("DeprecationWarning", warning)
  static let runtimeWarning = exception("RuntimeWarning", warning)

  static var allExceptions: [TypeObject] {
    [
      baseException, systemExit, keyboardInterrupt, generatorExit, exceptionType, stopIteration,
      arithmeticError, zeroDivisionError, overflowError, assertionError, attributeError, eofError,
      importError, moduleNotFoundError, lookupError, indexError, keyError, nameError,
      unboundLocalError, osError, fileNotFoundError, fileExistsError, permissionError,
      isADirectoryError, runtimeError, notImplementedError, recursionError, syntaxError,
      indentationError, typeError, valueError, unicodeError, warning, userWarning,
      deprecationWarning, runtimeWarning,
    ]
  }

  static var allTypes: [TypeObject] {
    [typeType, objectType, boolType, intType, floatType, strType, tupleType, listType, dictType, setType,
     frozensetType, rangeType, sliceType, propertyType, staticMethodType, classMethodType, superType]
  }
}

extension TypeObject {
  /// Creates a new exception class deriving from `base` (the kernel's `TrialPruned`).
  public static func makeExceptionClass(name: String, base: TypeObject? = nil, module: String = "builtins", doc: String? = nil) -> TypeObject {
    TypeObject(name: name, base: base ?? Builtin.exceptionType, layout: .exception, module: module, doc: doc)
  }

  /// The builtin `Exception` class, for subclassing from Swift.
  public static var exceptionBase: TypeObject { Builtin.exceptionType }
}
