import HPSSyntax

/// Bumped whenever any class dictionary changes; caches compare against it.
nonisolated(unsafe) var typeEpoch = 0

// Classes: the builtin types (int, list, ValueError, ...) and the classes scripts define. Single
// inheritance, so the method resolution order is just the chain of bases.

/// How instances of a type come into being when the type is called.
enum InstanceLayout {
  /// A builtin type with its own constructor (`int("3")`, `list(xs)`); not subclassable by scripts.
  case builtin
  /// A plain script object with an attribute dictionary.
  case object
  /// An exception: an object that also carries args, traceback, cause and context.
  case exception
  /// A native class published through the binding API (possibly subclassed by a script class).
  case native
}

/// A Python class.
public final class TypeObject: PyObject {
  public let name: String
  public internal(set) var qualname: String
  public let base: TypeObject?
  /// The type itself followed by its bases, nearest first.
  public let mro: [TypeObject]
  /// Methods and class attributes defined directly on this type.
  var dict: [String: Value]
  let layout: InstanceLayout
  /// True for classes created by a `class` statement.
  let isUserDefined: Bool
  var moduleName: String
  public internal(set) var doc: String?
  /// `int("3")`, `list(xs)`, ...: builds an instance of a builtin type (also used for `float`, ...).
  var constructor: ((VM, TypeObject, [Value], Kwargs) throws -> Value)?
  /// The native class behind this type or the nearest native base.
  var native: NativeClass?
  /// False for native classes that scripts may not subclass.
  var isSubclassable = true
  /// Memoized `lookup` results (including misses), cleared whenever any class dictionary changes.
  private var lookupCache: [String: Value?] = [:]
  /// Slots of instance attributes, shared by all instances of this class.
  let slotLayout = SlotLayout()
  private var cacheEpoch = 0
  static var epoch: Int {
    get { typeEpoch }
    set { typeEpoch = newValue }
  }

  init(
    name: String, base: TypeObject?, dict: [String: Value] = [:], layout: InstanceLayout,
    userDefined: Bool = false, module: String = "builtins", doc: String? = nil
  ) {
    self.name = name
    self.qualname = name
    self.base = base
    self.dict = dict
    self.layout = layout
    self.isUserDefined = userDefined
    self.moduleName = module
    self.doc = doc
    var chain: [TypeObject] = []
    var b = base
    while let t = b {
      chain.append(t)
      b = t.base
    }
    self.mro = chain
    self.native = base?.native
    super.init()
  }

  var metatype: TypeObject { Builtin.typeType }
  public override var pyType: TypeObject { Builtin.typeType }

  /// The type followed by its ancestors.
  var linearization: [TypeObject] { [self] + mro }

  /// Finds an attribute along the MRO (the class's own dictionary first).
  ///
  /// Only classes made by `class` statements memoize: builtin and native types are shared by every
  /// interpreter in the process (tests run many at once on different threads), so their lookups
  /// must stay read-only; their dictionaries are small and their MRO is short anyway.
  func lookup(_ attr: String) -> Value? {
    guard isUserDefined else {
      if let v = dict[attr] { return v }
      for t in mro { if let v = t.dict[attr] { return v } }
      return nil
    }
    if cacheEpoch != TypeObject.epoch {
      lookupCache.removeAll(keepingCapacity: true)
      cacheEpoch = TypeObject.epoch
    }
    if let cached = lookupCache[attr] { return cached }
    var found: Value? = dict[attr]
    if found == nil {
      for t in mro {
        if let v = t.dict[attr] {
          found = v
          break
        }
      }
    }
    lookupCache[attr] = found
    return found
  }

  /// Sets a class attribute (invalidates every lookup cache).
  func setAttribute(_ attr: String, _ value: Value) {
    dict[attr] = value
    TypeObject.epoch &+= 1
  }

  func removeAttribute(_ attr: String) -> Bool {
    TypeObject.epoch &+= 1
    return dict.removeValue(forKey: attr) != nil
  }

  public func isSubtype(of other: TypeObject) -> Bool {
    if self === other { return true }
    for t in mro where t === other { return true }
    return false
  }

  /// True when the class (or a script ancestor) defines `attr` itself rather than inheriting it
  /// from a builtin or native base: how native code asks "did the script override this method?".
  public func overrides(_ attr: String) -> Bool {
    for t in linearization {
      if t.dict[attr] != nil { return t.isUserDefined }
    }
    return false
  }

  /// True when a script class or a native class (`NativeClass` with a `__setattr__` method)
  /// defines its own `__setattr__`, which then handles every attribute store.
  var hasCustomSetattr: Bool {
    for t in linearization where t.dict["__setattr__"] != nil { return t.isUserDefined || t.native != nil }
    return false
  }

  var isExceptionType: Bool { layout == .exception }
}

/// An instance of a script class, an exception, or a native object.
public class InstanceObject: PyObject {
  public let cls: TypeObject
  public var attributes: AttributeStore
  /// The Swift object behind a native instance (nil until the native initializer runs).
  public var native: AnyObject?

  init(cls: TypeObject) {
    self.cls = cls
    self.attributes = AttributeStore(layout: cls.slotLayout)
    super.init()
  }

  public override var pyType: TypeObject { cls }
}

/// An exception instance.
public final class ExceptionObject: InstanceObject {
  public var args: [Value]
  /// Frames the exception passed through, innermost first.
  var traceback: [TracebackEntry] = []
  /// Set by `raise X from Y`.
  var cause: ExceptionObject?
  /// The exception being handled when this one was raised.
  var context: ExceptionObject?
  var suppressContext = false
  /// True once a `raise` statement re-threw the object: the next frame must add its own entry.
  var needsFrameEntry = true
  /// For SyntaxError instances raised by the parser: the original error (for rendering).
  var syntaxError: SyntaxError?

  init(cls: TypeObject, args: [Value]) {
    self.args = args
    super.init(cls: cls)
  }
}

/// A frame of a traceback: where an exception passed through.
struct TracebackEntry {
  let code: CodeInfo
  let range: SourceRange
  /// Distinguishes frames so each contributes one entry per pass.
  let frameID: UnsafeMutableRawPointer?
}
