// What calling a builtin class does: `int("3")`, `float("inf")`, `list(xs)`, `dict(a=1)`, ...
import BigInt
import Foundation

enum Constructors {
  static func bool(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    try expectArgs("bool", args, kw, min: 0, max: 1)
    return .bool(try args.first.map { try vm.truthy($0) } ?? false)
  }

  static func int(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    let b = try Signature([.init("x", default: .int(0)), .init("base", default: Value.none)], positionalOnlyCount: 1).bind("int", args, kw)
    let x = b[0]
    if case .none = b[1] {
      switch x {
      case .int, .big: return x
      case .bool(let v): return .int(v ? 1 : 0)
      case .float(let d):
        if d.isNaN { throw valueError("cannot convert float NaN to integer") }
        if d.isInfinite { throw overflowError("cannot convert float infinity to integer") }
        let r = d.rounded(.towardZero)
        if let i = Int(exactly: r) { return .int(i) }
        return .integer(BigInt(r))
      case .str(let s): return try parseInt(s, base: 10)
      default:
        if let m = x.pyType.lookup("__int__") { return try vm.callDescriptor(m, on: x, []) }
        if let m = x.pyType.lookup("__index__") { return try vm.callDescriptor(m, on: x, []) }
        throw typeError("int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
      }
    }
    guard case .str(let s) = x else { throw typeError("int() can't convert non-string with explicit base") }
    let base = try vm.index(b[1], "'\(b[1].typeName)' object cannot be interpreted as an integer")
    if base != 0 && (base < 2 || base > 36) { throw valueError("int() base must be >= 2 and <= 36, or 0") }
    return try parseInt(s, base: base)
  }

  static func parseInt(_ text: String, base: Int) throws -> Value {
    let bad = valueError("invalid literal for int() with base \(base): \(PythonStringRepr.repr(text))")
    var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
    var negative = false
    if s.hasPrefix("-") {
      negative = true
      s = s.dropFirst()
    } else if s.hasPrefix("+") {
      s = s.dropFirst()
    }
    var b = base
    let lower = s.lowercased()
    if (b == 16 || b == 0) && lower.hasPrefix("0x") {
      b = 16
      s = s.dropFirst(2)
    } else if (b == 8 || b == 0) && lower.hasPrefix("0o") {
      b = 8
      s = s.dropFirst(2)
    } else if (b == 2 || b == 0) && lower.hasPrefix("0b") {
      b = 2
      s = s.dropFirst(2)
    } else if b == 0 {
      b = 10
      if s.count > 1 && s.hasPrefix("0") && s.contains(where: { $0 != "0" && $0 != "_" }) { throw bad }
    }
    if s.isEmpty || s.hasPrefix("_") || s.hasSuffix("_") || s.contains("__") { throw bad }
    let digits = s.replacingOccurrences(of: "_", with: "")
    if let small = Int(digits, radix: b) { return .int(negative ? -small : small) }
    guard let big = BigInt(digits, radix: b) else { throw bad }
    return .integer(negative ? -big : big)
  }

  static func float(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    try expectArgs("float", args, kw, min: 0, max: 1)
    guard let x = args.first else { return .float(0) }
    switch x {
    case .float: return x
    case .int(let i): return .float(Double(i))
    case .bool(let b): return .float(b ? 1 : 0)
    case .big: return .float(try IntMath.double(x) ?? 0)
    case .str(let s): return .float(try parseFloat(s))
    default:
      if let m = x.pyType.lookup("__float__") { return try vm.callDescriptor(m, on: x, []) }
      throw typeError("float() argument must be a string or a real number, not '\(x.typeName)'")
    }
  }

  static func parseFloat(_ text: String) throws -> Double {
    let s = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "_", with: "")
    let lower = s.lowercased()
    switch lower {
    case "inf", "+inf", "infinity", "+infinity": return .infinity
    case "-inf", "-infinity": return -.infinity
    case "nan", "+nan", "-nan": return .nan
    default: break
    }
    let allowed = lower.allSatisfy { "0123456789.e+-".contains($0) }
    if allowed, !lower.isEmpty, let d = Double(lower), !text.contains("__") { return d }
    throw valueError("could not convert string to float: \(PythonStringRepr.repr(text))")
  }

  static func str(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    if args.isEmpty && kw.isEmpty { return .str("") }
    let b = try Signature([.init("object", default: .str("")), .init("encoding", default: Value.none), .init("errors", default: Value.none)]).bind("str", args, kw)
    return .str(try vm.str(b[0]))
  }

  static func tuple(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    try expectArgs("tuple", args, kw, min: 0, max: 1)
    guard let x = args.first else { return .tuple([]) }
    if case .tuple = x { return x }
    return .tuple(try vm.iterate(x))
  }

  static func list(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    try expectArgs("list", args, kw, min: 0, max: 1)
    return .list(ListObject(try args.first.map { try vm.iterate($0) } ?? []))
  }

  static func dict(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    if args.count > 1 { throw typeError("dict expected at most 1 argument, got \(args.count)") }
    let d = DictObject()
    if let x = args.first { try vm.updateDict(d, from: x) }
    for (k, v) in kw { try d.table.set(.str(k), hash: vm.hash(.str(k)), value: v, vm: vm) }
    return .dict(d)
  }

  static func set(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    try expectArgs("set", args, kw, min: 0, max: 1)
    return .object(try makeSet(vm, args.first, frozen: false))
  }

  static func frozenset(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    try expectArgs("frozenset", args, kw, min: 0, max: 1)
    return .object(try makeSet(vm, args.first, frozen: true))
  }

  static func makeSet(_ vm: VM, _ source: Value?, frozen: Bool) throws -> SetObject {
    let s = SetObject(frozen: frozen)
    if let x = source {
      try vm.forEach(x) { v in try s.table.set(v, hash: vm.hash(v), value: .none, vm: vm) }
    }
    return s
  }

  static func range(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    if !kw.isEmpty { throw typeError("range() takes no keyword arguments") }
    func n(_ v: Value) throws -> BigInt {
      if case .float = v { throw typeError("'float' object cannot be interpreted as an integer") }
      if let b = IntMath.bigOf(v) { return b }
      return BigInt(try vm.index(v, "'\(v.typeName)' object cannot be interpreted as an integer"))
    }
    switch args.count {
    case 1:
      if case .int(let stop) = try args.at(0) { return makeRange(0, stop, 1) }
      return makeRange(0, try n(args.at(0)), 1)
    case 2:
      if case .int(let a) = try args.at(0), case .int(let b) = try args.at(1) { return makeRange(a, b, 1) }
      return makeRange(try n(args.at(0)), try n(args.at(1)), 1)
    case 3:
      if case .int(let a) = try args.at(0), case .int(let b) = try args.at(1), case .int(let c) = try args.at(2), c != 0 {
        return makeRange(a, b, c)
      }
      let step = try n((try args.at(2)))
      if step == 0 { throw valueError("range() arg 3 must not be zero") }
      return makeRange(try n(args.at(0)), try n(args.at(1)), step)
    case 0: throw typeError("range expected at least 1 argument, got 0")
    default: throw typeError("range expected at most 3 arguments, got \(args.count)")
    }
  }

  static func slice(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    try expectArgs("slice", args, kw, min: 1, max: 3)
    if args.count == 1 { return .object(SliceObject(start: .none, stop: (try args.at(0)), step: .none)) }
    return .object(SliceObject(start: (try args.at(0)), stop: (try args.at(1)), step: args.count == 3 ? (try args.at(2)) : .none))
  }

  static func property(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    let b = try Signature([.init("fget", default: Value.none), .init("fset", default: Value.none), .init("fdel", default: Value.none), .init("doc", default: Value.none)]).bind("property", args, kw)
    var doc = b[3].asString
    if doc == nil, case .function(let f) = b[0] { doc = f.doc }
    return .object(PropertyObject(getter: b[0], setter: b[1], deleter: b[2], doc: doc))
  }

  static func staticmethod(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    try expectArgs("staticmethod", args, kw, min: 1, max: 1)
    return .object(StaticMethodObject((try args.at(0))))
  }

  static func classmethod(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    try expectArgs("classmethod", args, kw, min: 1, max: 1)
    return .object(ClassMethodObject((try args.at(0))))
  }

  static func superObject(_ vm: VM, _ t: TypeObject, _ args: [Value], _ kw: Kwargs) throws -> Value {
    guard args.count == 2, case .type(let cls) = (try args.at(0)) else {
      throw runtimeError("super(): no arguments")
    }
    return .object(SuperObject(startAfter: cls, receiver: (try args.at(1))))
  }
}
