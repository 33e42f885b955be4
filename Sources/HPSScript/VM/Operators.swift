// Binary and unary operators: numbers first, then sequences, sets and dicts, then the dunder
// protocol (`__add__`, reflected `__radd__`, in-place `__iadd__`).
import BigInt
import HPSSyntax

extension BinaryOperator {
  var dunder: String {
    switch self {
    case .add: return "add"
    case .subtract: return "sub"
    case .multiply: return "mul"
    case .matrixMultiply: return "matmul"
    case .trueDivide: return "truediv"
    case .floorDivide: return "floordiv"
    case .modulo: return "mod"
    case .power: return "pow"
    case .leftShift: return "lshift"
    case .rightShift: return "rshift"
    case .bitOr: return "or"
    case .bitXor: return "xor"
    case .bitAnd: return "and"
    }
  }
}

extension VM {
  /// `a op b`.
  func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
    if let r = try numericBinary(op, a, b) { return r }
    if let r = try containerBinary(op, a, b) { return r }
    if let r = try dunderBinary(op, a, b) { return r }
    throw unsupportedOperands(op, a, b)
  }

  func unsupportedOperands(_ op: BinaryOperator, _ a: Value, _ b: Value) -> ScriptError {
    if op == .add, case .str = a {
      return typeError("can only concatenate str (not \"\(b.typeName)\") to str")
    }
    if op == .add, case .list = a {
      return typeError("can only concatenate list (not \"\(b.typeName)\") to list")
    }
    if op == .add, case .tuple = a {
      return typeError("can only concatenate tuple (not \"\(b.typeName)\") to tuple")
    }
    if op == .multiply {
      let seq: (Value) -> Bool = {
        switch $0 {
        case .str, .list, .tuple: return true
        default: return false
        }
      }
      if seq(a) && !isIntLike(b) {
        return typeError("can't multiply sequence by non-int of type '\(b.typeName)'")
      }
      if seq(b) && !isIntLike(a) {
        return typeError("can't multiply sequence by non-int of type '\(a.typeName)'")
      }
    }
    let sym = op == .power ? "** or pow()" : op.symbol
    return typeError("unsupported operand type(s) for \(sym): '\(a.typeName)' and '\(b.typeName)'")
  }

  func isIntLike(_ v: Value) -> Bool {
    switch v {
    case .int, .bool, .big: return true
    default: return false
    }
  }

  /// Arithmetic between ints, bools and floats; nil when an operand is not a number.
  func numericBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return try intBinary(op, x, y)
    case (.float(let x), .float(let y)): return try floatBinary(op, x, y)
    case (.float(let x), _):
      guard let y = try IntMath.double(b), isIntLike(b) else { return nil }
      return try floatBinary(op, x, y)
    case (_, .float(let y)):
      guard isIntLike(a), let x = try IntMath.double(a) else { return nil }
      return try floatBinary(op, x, y)
    default:
      guard isIntLike(a), isIntLike(b) else { return nil }
      if case .bool(let x) = a, case .bool(let y) = b {
        switch op {
        case .bitAnd: return .bool(x && y)
        case .bitOr: return .bool(x || y)
        case .bitXor: return .bool(x != y)
        default: break
        }
      }
      if case .big = a {} else if case .big = b {} else {
        return try intBinary(op, smallInt(a), smallInt(b))
      }
      if let x = a.wideValue, let y = b.wideValue {
        switch op {
        case .add:
          let (r, o) = x.addingReportingOverflow(y)
          if !o { return .wideInteger(r) }
        case .subtract:
          let (r, o) = x.subtractingReportingOverflow(y)
          if !o { return .wideInteger(r) }
        case .multiply:
          let (r, o) = x.multipliedReportingOverflow(by: y)
          if !o { return .wideInteger(r) }
        default: break
        }
      }
      return try bigBinary(op, a, b)
    }
  }

  private func smallInt(_ v: Value) -> Int {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    default: return 0
    }
  }

  func intBinary(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value? {
    switch op {
    case .add: return IntMath.add(x, y)
    case .subtract: return IntMath.sub(x, y)
    case .multiply: return IntMath.mul(x, y)
    case .floorDivide: return try IntMath.floorDiv(x, y)
    case .modulo: return try IntMath.mod(x, y)
    case .trueDivide: return try IntMath.trueDiv(x, y)
    case .power: return try IntMath.power(.int(x), .int(y))
    case .leftShift: return try IntMath.shiftLeft(.int(x), .int(y))
    case .rightShift: return try IntMath.shiftRight(.int(x), .int(y))
    case .bitAnd: return .int(x & y)
    case .bitOr: return .int(x | y)
    case .bitXor: return .int(x ^ y)
    case .matrixMultiply: return nil
    }
  }

  func bigBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
    guard let x = IntMath.bigOf(a), let y = IntMath.bigOf(b) else { return nil }
    switch op {
    case .add: return .integer(x + y)
    case .subtract: return .integer(x - y)
    case .multiply: return .integer(x * y)
    case .floorDivide, .modulo:
      if y == 0 {
        throw zeroDivisionError(op == .modulo ? "integer modulo by zero" : "integer division or modulo by zero")
      }
      var (q, r) = x.quotientAndRemainder(dividingBy: y)
      if r != 0 && ((r < 0) != (y < 0)) {
        q -= 1
        r += y
      }
      return .integer(op == .floorDivide ? q : r)
    case .trueDivide: return try IntMath.bigTrueDiv(x, y)
    case .power: return try IntMath.power(a, b)
    case .leftShift: return try IntMath.shiftLeft(a, b)
    case .rightShift: return try IntMath.shiftRight(a, b)
    case .bitAnd: return .integer(x & y)
    case .bitOr: return .integer(x | y)
    case .bitXor: return .integer(x ^ y)
    case .matrixMultiply: return nil
    }
  }

  func floatBinary(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Value? {
    switch op {
    case .add: return .float(x + y)
    case .subtract: return .float(x - y)
    case .multiply: return .float(x * y)
    case .trueDivide: return .float(try FloatMath.div(x, y))
    case .floorDivide: return .float(try FloatMath.floorDiv(x, y))
    case .modulo: return .float(try FloatMath.mod(x, y))
    case .power: return .float(try FloatMath.power(x, y))
    default: return nil
    }
  }

  /// Sequence concatenation/repetition, set algebra, dict union, %-formatting.
  func containerBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
    switch (op, a, b) {
    case (.add, .str(let x), .str(let y)): return .str(x + y)
    case (.add, .list(let x), .list(let y)): return .list(ListObject(x.items + y.items))
    case (.add, .tuple(let x), .tuple(let y)): return .tuple(x + y)
    case (.multiply, .str(let s), _):
      guard let n = repeatCount(b) else { return nil }
      return .str(String(repeating: s, count: n))
    case (.multiply, _, .str(let s)):
      guard let n = repeatCount(a) else { return nil }
      return .str(String(repeating: s, count: n))
    case (.multiply, .list(let l), _):
      guard let n = repeatCount(b) else { return nil }
      return .list(ListObject(repeated(l.items, n)))
    case (.multiply, _, .list(let l)):
      guard let n = repeatCount(a) else { return nil }
      return .list(ListObject(repeated(l.items, n)))
    case (.multiply, .tuple(let t), _):
      guard let n = repeatCount(b) else { return nil }
      return .tuple(repeated(t, n))
    case (.multiply, _, .tuple(let t)):
      guard let n = repeatCount(a) else { return nil }
      return .tuple(repeated(t, n))
    case (.modulo, .str(let s), _):
      return .str(try percentFormat(s, b))
    case (_, .object(let x as SetObject), .object(let y as SetObject)):
      return try setAlgebra(op, x, y, result: x.frozen)
    case (.bitAnd, .object(is DictView), _), (.bitOr, .object(is DictView), _), (.subtract, .object(is DictView), _),
      (.bitXor, .object(is DictView), _), (.bitAnd, _, .object(is DictView)), (.bitOr, _, .object(is DictView)),
      (.subtract, _, .object(is DictView)), (.bitXor, _, .object(is DictView)):
      return try SetMethods.viewAlgebra(self, op, a, b)
    case (.bitOr, .dict(let x), .dict(let y)):
      let d = DictObject(table: x.table)
      for e in y.table.live { try d.table.set(e.key, hash: e.hash, value: e.value, vm: self) }
      return .dict(d)
    default:
      return nil
    }
  }

  private func repeatCount(_ v: Value) -> Int? {
    switch v {
    case .int(let n): return max(0, n)
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
  }

  private func repeated(_ items: [Value], _ n: Int) -> [Value] {
    if n <= 0 || items.isEmpty { return [] }
    var out: [Value] = []
    out.reserveCapacity(items.count * n)
    for _ in 0..<n { out.append(contentsOf: items) }
    return out
  }

  func setAlgebra(_ op: BinaryOperator, _ x: SetObject, _ y: SetObject, result frozen: Bool) throws -> Value? {
    let out = SetObject(frozen: frozen)
    switch op {
    case .bitOr:
      out.table = x.table
      for e in y.table.live { try out.table.set(e.key, hash: e.hash, value: .none, vm: self) }
    case .bitAnd:
      for e in x.table.live where try y.table.find(e.key, hash: e.hash, vm: self) != nil {
        try out.table.set(e.key, hash: e.hash, value: .none, vm: self)
      }
    case .subtract:
      for e in x.table.live where try y.table.find(e.key, hash: e.hash, vm: self) == nil {
        try out.table.set(e.key, hash: e.hash, value: .none, vm: self)
      }
    case .bitXor:
      for e in x.table.live where try y.table.find(e.key, hash: e.hash, vm: self) == nil {
        try out.table.set(e.key, hash: e.hash, value: .none, vm: self)
      }
      for e in y.table.live where try x.table.find(e.key, hash: e.hash, vm: self) == nil {
        try out.table.set(e.key, hash: e.hash, value: .none, vm: self)
      }
    default: return nil
    }
    return .object(out)
  }

  /// `a.__op__(b)`, then `b.__rop__(a)`.
  func dunderBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
    let name = op.dunder
    if let m = a.pyType.lookup("__\(name)__"), a.pyType.isUserDefined || a.pyType.native != nil {
      let r = try callDescriptor(m, on: a, [b])
      if !isNotImplemented(r) { return r }
    }
    if let m = b.pyType.lookup("__r\(name)__"), b.pyType.isUserDefined || b.pyType.native != nil {
      let r = try callDescriptor(m, on: b, [a])
      if !isNotImplemented(r) { return r }
    }
    return nil
  }

  func isNotImplemented(_ v: Value) -> Bool {
    if case .object(let o) = v { return o === Builtin.notImplemented }
    return false
  }

  /// `a op= b`: in place for lists, sets, dicts and `__iop__`, otherwise `a op b`.
  func inPlace(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
    switch (op, a) {
    case (.add, .int(let x)):
      if case .int(let y) = b { return IntMath.add(x, y) }
    case (.add, .list(let l)):
      l.items.append(contentsOf: try iterate(b))
      return a
    case (.multiply, .list(let l)):
      if case .int(let n) = b {
        let items = l.items
        l.items = []
        if n > 0 { for _ in 0..<n { l.items.append(contentsOf: items) } }
        return a
      }
    case (_, .object(let s as SetObject)) where !s.frozen:
      if case .object(let t as SetObject) = b, let r = try setAlgebra(op, s, t, result: false),
        case .object(let rs as SetObject) = r
      {
        s.table = rs.table
        return a
      }
    case (.bitOr, .dict(let d)):
      try updateDict(d, from: b)
      return a
    case (_, .instance(let i)):
      if let m = i.cls.lookup("__i\(op.dunder)__") {
        let r = try callDescriptor(m, on: a, [b])
        if !isNotImplemented(r) { return r }
      }
    default: break
    }
    return try binary(op, a, b)
  }

  // MARK: Unary

  func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
    switch op {
    case .not: return .bool(!(try truthy(v)))
    case .negate:
      switch v {
      case .int(let i): return i == Int.min ? .integer(-BigInt(i)) : .int(-i)
      case .big(let b): return .integer(-b.value)
      case .bool(let b): return .int(b ? -1 : 0)
      case .float(let d): return .float(-d)
      default: return try unaryDunder("__neg__", "-", v)
      }
    case .plus:
      switch v {
      case .int, .big, .float: return v
      case .bool(let b): return .int(b ? 1 : 0)
      default: return try unaryDunder("__pos__", "+", v)
      }
    case .invert:
      switch v {
      case .int(let i): return .int(~i)
      case .big(let b): return .integer(-b.value - 1)
      case .bool(let b): return .int(b ? -2 : -1)
      default: return try unaryDunder("__invert__", "~", v)
      }
    }
  }

  private func unaryDunder(_ name: String, _ sym: String, _ v: Value) throws -> Value {
    if let m = v.pyType.lookup(name) { return try callDescriptor(m, on: v, []) }
    throw typeError("bad operand type for unary \(sym): '\(v.typeName)'")
  }
}
