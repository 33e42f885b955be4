// The script-visible value. An enum with the hot types unboxed (None, bool, small int, float, str)
// and the mutable containers and callables as class references, so the VM can switch on the case
// instead of performing dynamic casts.
import BigInt

/// One script value.
public enum Value {
  case none
  case bool(Bool)
  /// An int that fits in 64 bits. Arithmetic that overflows promotes to `.big`.
  case int(Int)
  /// An int outside the 64-bit range (always normalized: never holds a value that fits in `Int`).
  case big(BigIntObject)
  case float(Double)
  case str(String)
  /// Immutable, so a Swift array (value semantics) is enough.
  case tuple([Value])
  case list(ListObject)
  case dict(DictObject)
  case function(FunctionObject)
  case instance(InstanceObject)
  case type(TypeObject)
  /// Everything else: sets, ranges, modules, bound methods, native functions, iterators, natives.
  case object(PyObject)
  /// Marks a local or global slot that has not been assigned yet (never visible to scripts).
  case unbound

  @inline(__always) var isUnbound: Bool {
    if case .unbound = self { return true }
    return false
  }

  /// Wraps a big integer, demoting it to `.int` when it fits.
  static func integer(_ b: BigInt) -> Value {
    if let w = BigIntObject.wide(of: b) { return .wideInteger(w) }
    return .big(BigIntObject(b))
  }

  /// The Python type of the value.
  public var pyType: TypeObject {
    switch self {
    case .none: return Builtin.noneType
    case .bool: return Builtin.boolType
    case .int, .big: return Builtin.intType
    case .float: return Builtin.floatType
    case .str: return Builtin.strType
    case .tuple: return Builtin.tupleType
    case .list: return Builtin.listType
    case .dict: return Builtin.dictType
    case .function: return Builtin.functionType
    case .instance(let i): return i.cls
    case .type(let t): return t.metatype
    case .object(let o): return o.pyType
    case .unbound: return Builtin.noneType
    }
  }

  /// The type name used in error messages (`'int' object is not subscriptable`).
  public var typeName: String { pyType.name }

  /// Identity for `is` and `id()`.
  func isIdentical(_ other: Value) -> Bool {
    switch (self, other) {
    case (.none, .none): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.big(let a), .big(let b)): return a === b
    case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
    case (.str(let a), .str(let b)): return a.pythonEquals(b)
    case (.tuple(let a), .tuple(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical($1) }
    case (.list(let a), .list(let b)): return a === b
    case (.dict(let a), .dict(let b)): return a === b
    case (.function(let a), .function(let b)): return a === b
    case (.instance(let a), .instance(let b)): return a === b
    case (.type(let a), .type(let b)): return a === b
    case (.object(let a), .object(let b)): return a === b
    default: return false
    }
  }

  /// A stable number for `id()`.
  var identity: Int {
    switch self {
    case .big(let o): return ObjectIdentifier(o).hashValue
    case .list(let o): return ObjectIdentifier(o).hashValue
    case .dict(let o): return ObjectIdentifier(o).hashValue
    case .function(let o): return ObjectIdentifier(o).hashValue
    case .instance(let o): return ObjectIdentifier(o).hashValue
    case .type(let o): return ObjectIdentifier(o).hashValue
    case .object(let o): return ObjectIdentifier(o).hashValue
    case .none: return 0x5f5f_0001
    case .bool(let b): return b ? 0x5f5f_0003 : 0x5f5f_0002
    case .int(let i): return i &* 2 &+ 1
    case .float(let d): return Int(bitPattern: UInt(d.bitPattern))
    case .str(let s): return s.hashValue
    case .tuple(let t): return t.count &+ 0x7000_0000
    case .unbound: return 0
    }
  }
}

/// The base of every heap value that is not one of `Value`'s dedicated cases.
open class PyObject {
  public init() {}
  /// The Python type; subclasses override.
  open var pyType: TypeObject { Builtin.objectType }
}

/// The sentinel behind `Value.unbound`.
final class Unbound: PyObject {
  static let shared = Unbound()
}

/// A big integer on the heap. Values that fit in 128 bits keep an `Int128` so the common case of
/// sums just past 64 bits stays fast; the `BigInt` form is built only when needed.
public final class BigIntObject {
  let wide: Int128?
  private var cached: BigInt?

  init(_ value: BigInt) {
    self.cached = value
    self.wide = BigIntObject.wide(of: value)
  }

  init(wide: Int128) {
    self.wide = wide
  }

  public var value: BigInt {
    if let c = cached { return c }
    let w = wide ?? 0
    let m = w.magnitude
    let big = BigInt(
      sign: w < 0 ? .minus : .plus,
      magnitude: BigUInt(words: [UInt(truncatingIfNeeded: m), UInt(truncatingIfNeeded: m >> 64)]))
    cached = big
    return big
  }

  static func wide(of b: BigInt) -> Int128? {
    let m = b.magnitude
    if m.bitWidth > 127 { return nil }
    let words = m.words
    var u = UInt128(words.count > 0 ? words[0] : 0)
    if words.count > 1 { u |= UInt128(words[1]) << 64 }
    let v = Int128(u)
    return b.sign == .minus ? -v : v
  }

  var description: String { wide.map { String($0) } ?? String(value) }
}

extension Value {
  /// An Int128 result as `.int` when it fits, otherwise `.big`.
  @inline(__always) static func wideInteger(_ w: Int128) -> Value {
    if let i = Int(exactly: w) { return .int(i) }
    return .big(BigIntObject(wide: w))
  }

  /// The value as Int128 when it is an int that fits.
  @inline(__always) var wideValue: Int128? {
    switch self {
    case .int(let i): return Int128(i)
    case .big(let b): return b.wide
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
  }
}

/// A mutable cell holding a variable captured by a closure.
final class Cell: PyObject {
  var value: Value
  init(_ value: Value = .unbound) { self.value = value }
}

/// A Python list.
public final class ListObject: PyObject {
  public var items: [Value]
  public init(_ items: [Value] = []) { self.items = items }
  public override var pyType: TypeObject { Builtin.listType }
}

/// Named keyword arguments in call order.
public typealias Kwargs = [(String, Value)]

extension Value: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral
{
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(stringLiteral value: String) { self = .str(value) }
  public init(floatLiteral value: Double) { self = .float(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
}
