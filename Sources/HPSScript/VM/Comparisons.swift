// Equality, ordering, truthiness and hashing with Python's rules: 1 == 1.0 == True and they hash
// alike; containers compare elementwise; script classes answer through their dunder methods.
import BigInt
import HPSSyntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension VM {
  // MARK: Truth

  @inline(__always) func truthy(_ v: Value) throws -> Bool {
    switch v {
    case .bool(let b): return b
    case .int(let i): return i != 0
    case .none: return false
    case .float(let d): return d != 0
    case .str(let s): return !s.isEmpty
    case .list(let l): return !l.items.isEmpty
    case .tuple(let t): return !t.isEmpty
    case .dict(let d): return d.count != 0
    case .big: return true
    default: return try slowTruthy(v)
    }
  }

  private func slowTruthy(_ v: Value) throws -> Bool {
    switch v {
    case .object(let s as SetObject): return s.table.count != 0
    case .object(let r as RangeObject): return r.count != 0
    case .object(let r as BigRangeObject): return r.count != 0
    case .instance(let i):
      if let m = i.cls.lookup("__bool__") {
        let r = try callDescriptor(m, on: v, [])
        guard case .bool(let b) = r else {
          throw typeError("__bool__ should return bool, returned \(r.typeName)")
        }
        return b
      }
      if let m = i.cls.lookup("__len__") { return try lengthResult(callDescriptor(m, on: v, [])) != 0 }
      return true
    default: return true
    }
  }

  // MARK: Equality

  func equals(_ a: Value, _ b: Value) throws -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.str(let x), .str(let y)): return x.pythonEquals(y)
    case (.float(let x), .float(let y)): return x == y
    case (.none, .none): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int, .float), (.float, .int), (.bool, .int), (.int, .bool), (.bool, .float), (.float, .bool),
      (.big, _), (_, .big):
      if let c = numericCompare(a, b) { return c == 0 }
      return false
    case (.tuple(let x), .tuple(let y)): return try sequenceEquals(x, y)
    case (.list(let x), .list(let y)): if x === y { return true }
      return try sequenceEquals(x.items, y.items)
    case (.dict(let x), .dict(let y)):
      if x === y { return true }
      if x.count != y.count { return false }
      for e in x.table.live {
        guard let v = try y.table.get(e.key, hash: e.hash, vm: self) else { return false }
        if !(try equals(e.value, v)) { return false }
      }
      return true
    case (.object(let x as SetObject), .object(let y as SetObject)):
      if x.table.count != y.table.count { return false }
      for e in x.table.live where try y.table.find(e.key, hash: e.hash, vm: self) == nil { return false }
      return true
    case (.object(let x as RangeObject), .object(let y as RangeObject)):
      return x.count == y.count && (x.count == 0 || (x.start == y.start && (x.count == 1 || x.step == y.step)))
    case (.object(is BigRangeObject), .object(is RangeObject)), (.object(is RangeObject), .object(is BigRangeObject)),
      (.object(is BigRangeObject), .object(is BigRangeObject)):
      guard let x = BigRangeObject(a), let y = BigRangeObject(b) else { return false }
      return x.count == y.count && (x.count == 0 || (x.start == y.start && (x.count == 1 || x.step == y.step)))
    case (.instance, _), (_, .instance):
      if let r = try richCompareDunder(.equal, a, b) { return try truthy(r) }
      return a.isIdentical(b)
    default:
      return a.isIdentical(b)
    }
  }

  private func sequenceEquals(_ x: [Value], _ y: [Value]) throws -> Bool {
    if x.count != y.count { return false }
    for i in 0..<x.count {
      if !x[i].isIdentical(y[i]), !(try equals(x[i], y[i])) { return false }
    }
    return true
  }

  /// -1, 0, 1 for two numbers (exact between ints and floats), nil when not both numbers or NaN.
  func numericCompare(_ a: Value, _ b: Value) -> Int? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.float(let x), .float(let y)):
      if x.isNaN || y.isNaN { return nil }
      return x < y ? -1 : (x == y ? 0 : 1)
    case (.float(let x), _):
      guard let y = IntMath.bigOf(b) else { return nil }
      return compareFloatInt(x, y)
    case (_, .float(let y)):
      guard let x = IntMath.bigOf(a) else { return nil }
      return compareFloatInt(y, x).map { -$0 }
    default:
      guard let x = IntMath.bigOf(a), let y = IntMath.bigOf(b) else { return nil }
      return x < y ? -1 : (x == y ? 0 : 1)
    }
  }

  private func compareFloatInt(_ x: Double, _ y: BigInt) -> Int? {
    if x.isNaN { return nil }
    if x.isInfinite { return x > 0 ? 1 : -1 }
    if y.magnitude.bitWidth <= 53 {
      let d = Double(y)
      return x < d ? -1 : (x == d ? 0 : 1)
    }
    let fl = x.rounded(.down)
    let bi = BigInt(fl)
    if bi < y { return -1 }
    if bi > y { return 1 }
    return x > fl ? 1 : 0
  }

  // MARK: Ordering

  /// `a op b` for the six rich comparisons (`is`/`in` are handled by the compiler).
  func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws -> Value {
    switch op {
    case .equal: return .bool(try equals(a, b))
    case .notEqual:
      if case .instance = a, let r = try richCompareDunder(.notEqual, a, b) { return r }
      return .bool(!(try equals(a, b)))
    case .is: return .bool(a.isIdentical(b))
    case .isNot: return .bool(!a.isIdentical(b))
    case .in: return .bool(try contains(b, a))
    case .notIn: return .bool(!(try contains(b, a)))
    default: return .bool(try order(op, a, b))
    }
  }

  /// `<`, `<=`, `>`, `>=` as a Swift Bool.
  func order(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws -> Bool {
    if let c = numericCompare(a, b) { return test(op, c) }
    switch (a, b) {
    case (.str(let x), .str(let y)):
      return test(op, x.pythonEquals(y) ? 0 : (stringLess(x, y) ? -1 : 1))
    case (.list(let x), .list(let y)): return try sequenceOrder(op, x.items, y.items)
    case (.tuple(let x), .tuple(let y)): return try sequenceOrder(op, x, y)
    case (.object(let x as SetObject), .object(let y as SetObject)):
      let sub = try isSubset(x, y)
      let sup = try isSubset(y, x)
      switch op {
      case .less: return sub && x.table.count < y.table.count
      case .lessOrEqual: return sub
      case .greater: return sup && x.table.count > y.table.count
      default: return sup
      }
    default:
      if isNumber(a) && isNumber(b) { return false }  // NaN
      if let r = try richCompareDunder(op, a, b) { return try truthy(r) }
      throw typeError(
        "'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
    }
  }

  func isNumber(_ v: Value) -> Bool {
    switch v {
    case .int, .big, .bool, .float: return true
    default: return false
    }
  }

  /// Python orders strings by code point; Swift's `<` on String does too for valid text, but
  /// compare scalars explicitly to be exact.
  func stringLess(_ x: String, _ y: String) -> Bool {
    var i = x.unicodeScalars.makeIterator()
    var j = y.unicodeScalars.makeIterator()
    while true {
      guard let a = i.next() else { return j.next() != nil }
      guard let b = j.next() else { return false }
      if a != b { return a.value < b.value }
    }
  }

  @inline(__always) func test(_ op: ComparisonOperator, _ c: Int) -> Bool {
    switch op {
    case .less: return c < 0
    case .lessOrEqual: return c <= 0
    case .greater: return c > 0
    case .greaterOrEqual: return c >= 0
    case .equal: return c == 0
    default: return c != 0
    }
  }

  private func sequenceOrder(_ op: ComparisonOperator, _ x: [Value], _ y: [Value]) throws -> Bool {
    var i = 0
    while i < x.count && i < y.count {
      if !x[i].isIdentical(y[i]), !(try equals(x[i], y[i])) {
        return try order(op, x[i], y[i])
      }
      i += 1
    }
    return test(op, x.count < y.count ? -1 : (x.count == y.count ? 0 : 1))
  }

  func isSubset(_ x: SetObject, _ y: SetObject) throws -> Bool {
    for e in x.table.live where try y.table.find(e.key, hash: e.hash, vm: self) == nil { return false }
    return true
  }

  /// `__lt__` & co. on either operand (reflected: `a < b` tries `b.__gt__(a)`).
  func richCompareDunder(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws -> Value? {
    let names: (String, String)
    switch op {
    case .less: names = ("__lt__", "__gt__")
    case .lessOrEqual: names = ("__le__", "__ge__")
    case .greater: names = ("__gt__", "__lt__")
    case .greaterOrEqual: names = ("__ge__", "__le__")
    case .equal: names = ("__eq__", "__eq__")
    case .notEqual: names = ("__ne__", "__ne__")
    default: return nil
    }
    func userLookup(_ v: Value, _ name: String) -> Value? {
      let t = v.pyType
      guard t.isUserDefined || t.native != nil else { return nil }
      return t.lookup(name)
    }
    if let m = userLookup(a, names.0) {
      let r = try callDescriptor(m, on: a, [b])
      if !isNotImplemented(r) { return r }
    } else if op == .notEqual, let m = userLookup(a, "__eq__") {
      let r = try callDescriptor(m, on: a, [b])
      if !isNotImplemented(r) { return .bool(!(try truthy(r))) }
    }
    if let m = userLookup(b, names.1) {
      let r = try callDescriptor(m, on: b, [a])
      if !isNotImplemented(r) { return r }
    }
    return nil
  }

  // MARK: Hashing

  /// Python's hash: numbers that compare equal hash alike.
  func hash(_ v: Value) throws -> Int {
    switch v {
    case .int(let i): return VM.hashInt(i)
    case .str(let s): return fixHash(s.hashValue)
    case .bool(let b): return b ? 1 : 0
    case .none: return 0x5f5f_1234
    case .float(let d): return VM.hashDouble(d)
    case .big(let b): return VM.hashBig(b.value)
    case .tuple(let t):
      // CPython's xxHash-based tuple hash, so sets of tuples iterate in CPython's order.
      var acc: UInt = 2_870_177_450_012_600_261
      for x in t {
        let lane = UInt(bitPattern: try hash(x))
        acc = acc &+ lane &* 14_029_467_366_897_019_727
        acc = (acc << 31) | (acc >> 33)
        acc = acc &* 11_400_714_785_074_694_791
      }
      acc = acc &+ (UInt(t.count) ^ (2_870_177_450_012_600_261 ^ 3_527_539))
      if acc == UInt.max { return 1_546_275_796 }
      return fixHash(Int(bitPattern: acc))
    case .list, .dict: throw typeError("unhashable type: '\(v.typeName)'")
    case .object(let s as SetObject):
      if !s.frozen { throw typeError("unhashable type: 'set'") }
      var acc = 0
      for e in s.table.live { acc ^= e.hash &* 0x5851_F42D_4C95_7F2D }
      return fixHash(acc)
    case .instance(let i):
      if let m = i.cls.lookup("__hash__") {
        if case .none = m { throw typeError("unhashable type: '\(v.typeName)'") }
        let r = try callDescriptor(m, on: v, [])
        guard let h = IntMath.bigOf(r) else { throw typeError("__hash__ method should return an integer") }
        return VM.hashBig(h)
      }
      if i.cls.isUserDefined, i.cls.lookup("__eq__") != nil, !(i.cls.isExceptionType) {
        throw typeError("unhashable type: '\(v.typeName)'")
      }
      return fixHash(ObjectIdentifier(i).hashValue >> 4)
    default:
      return fixHash(v.identity >> 4)
    }
  }

  private func fixHash(_ h: Int) -> Int {
    if h == -1 { return -2 }
    if h == HashTable.deleted { return HashTable.deleted + 1 }
    return h
  }

  static let hashModulus = (1 << 61) - 1

  static func hashInt(_ i: Int) -> Int {
    if i > -hashModulus && i < hashModulus { return i == -1 ? -2 : i }
    let m = Int(i.magnitude % UInt(hashModulus))
    let h = i < 0 ? -m : m
    return h == -1 ? -2 : h
  }

  static func hashBig(_ b: BigInt) -> Int {
    if let i = Int(exactly: b) { return hashInt(i) }
    let m = Int(b.magnitude % BigUInt(hashModulus))
    let h = b.sign == .minus ? -m : m
    return h == -1 ? -2 : h
  }

  /// CPython's `_Py_HashDouble` (without the NaN identity case).
  static func hashDouble(_ v: Double) -> Int {
    if !v.isFinite { return v.isInfinite ? (v > 0 ? 314_159 : -314_159) : 0 }
    if v == v.rounded(), abs(v) < 9.2e18 { return hashInt(Int(v)) }
    var e: Int32 = 0
    var m = frexp(v, &e)
    var sign = 1
    if m < 0 {
      sign = -1
      m = -m
    }
    let P = UInt(hashModulus)
    var x: UInt = 0
    var exp = Int(e)
    while m != 0 {
      x = ((x << 28) & P) | (x >> (61 - 28))
      m *= 268_435_456.0
      exp -= 28
      let y = UInt(m)
      m -= Double(y)
      x += y
      if x >= P { x -= P }
    }
    exp = exp >= 0 ? exp % 61 : 61 - 1 - ((-1 - exp) % 61)
    x = ((x << UInt(exp)) & P) | (x >> UInt(61 - exp))
    var h = Int(x) * sign
    if h == -1 { h = -2 }
    return h
  }

  func lengthResult(_ r: Value) throws -> Int {
    guard case .int(let n) = r else { throw typeError("'\(r.typeName)' object cannot be interpreted as an integer") }
    if n < 0 { throw valueError("__len__() should return >= 0") }
    return n
  }
}
