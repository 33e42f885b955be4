import BigInt
import HPSSyntax
// Methods of the smaller builtin types: int, float, tuple, range, list, dict, set, views,
// iterators, property, exceptions.
import BigInt
import Foundation

/// A method of a builtin type: `body(vm, self, arguments, keywords)`.
func method(
  _ name: String, _ signature: String = "(...)", doc: String = "",
  _ body: @escaping (VM, Value, [Value], Kwargs) throws -> Value
) -> NativeFunction {
  NativeFunction(name, signature: signature, doc: doc) { vm, args, kw in
    guard let first = args.first else { throw typeError("descriptor '\(name)' needs an argument") }
    return try body(vm, first, Array(args.dropFirst()), kw)
  }
}

enum IntMethods {
  static let all: [NativeFunction] = [
    method("bit_length", "()") { vm, s, a, kw in
      guard let b = IntMath.bigOf(s) else { return .int(0) }
      return .int(b.magnitude.bitWidth - (b == 0 ? 0 : Int(b.magnitude.leadingZeroBitCount)))
    },
    method("bit_count", "()") { vm, s, a, kw in
      guard let b = IntMath.bigOf(s) else { return .int(0) }
      return .int(b.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount })
    },
    method("conjugate", "()") { _, s, _, _ in s },
    method("is_integer", "()") { _, _, _, _ in .bool(true) },
    method("__index__", "()") { _, s, _, _ in s },
    method("__int__", "()") { _, s, _, _ in s },
    method("__float__", "()") { _, s, _, _ in .float(try IntMath.double(s) ?? 0) },
    method("__abs__", "()") { vm, s, _, _ in try vm.call(vm.builtins["abs"] ?? Value.none, [s]) },
    method("__neg__", "()") { vm, s, _, _ in try vm.unary(.negate, s) },
    method("__hash__", "()") { vm, s, _, _ in .int(try vm.hash(s)) },
    method("__repr__", "()") { vm, s, _, _ in .str(try vm.repr(s)) },
    method("__str__", "()") { vm, s, _, _ in .str(try vm.repr(s)) },
    method("__format__", "(spec)") { vm, s, a, _ in .str(try vm.format(s, a.first?.asString ?? "")) },
    method("to_bytes", "(length=1, byteorder='big', *, signed=False)") { vm, s, a, kw in
      throw valueError("int.to_bytes is not supported in hps (no bytes type)")
    },
    method("__add__", "(other)") { vm, s, a, _ in try vm.numericBinary(.add, s, (try a.at(0))) ?? .object(Builtin.notImplemented) },
    method("__sub__", "(other)") { vm, s, a, _ in try vm.numericBinary(.subtract, s, (try a.at(0))) ?? .object(Builtin.notImplemented) },
    method("__mul__", "(other)") { vm, s, a, _ in try vm.numericBinary(.multiply, s, (try a.at(0))) ?? .object(Builtin.notImplemented) },
    method("__eq__", "(other)") { vm, s, a, _ in .bool(try vm.equals(s, (try a.at(0)))) },
    method("__lt__", "(other)") { vm, s, a, _ in .bool(try vm.order(.less, s, (try a.at(0)))) },
  ]
}

enum FloatMethods {
  static let all: [NativeFunction] = [
    method("is_integer", "()") { _, s, _, _ in
      guard case .float(let d) = s else { return .bool(true) }
      return .bool(d.isFinite && d == d.rounded(.towardZero))
    },
    method("as_integer_ratio", "()") { _, s, _, _ in
      guard case .float(let d) = s else { return .tuple([s, .int(1)]) }
      if d.isNaN { throw valueError("cannot convert NaN to integer ratio") }
      if d.isInfinite { throw overflowError("cannot convert Infinity to integer ratio") }
      var e: Int32 = 0
      var m = frexp(d, &e)
      var exp = Int(e)
      for _ in 0..<300 where m != m.rounded(.towardZero) {
        m *= 2
        exp -= 1
      }
      var num = BigInt(m)
      var den = BigInt(1)
      if exp > 0 { num <<= exp } else { den <<= -exp }
      let g = num.greatestCommonDivisor(with: den)
      return .tuple([.integer(num / BigInt(g)), .integer(den / BigInt(g))])
    },
    method("hex", "()") { _, s, _, _ in
      guard case .float(let d) = s else { return .str("") }
      if d.isNaN { return .str("nan") }
      if d.isInfinite { return .str(d < 0 ? "-inf" : "inf") }
      if d == 0 { return .str(d.sign == .minus ? "-0x0.0p+0" : "0x0.0p+0") }
      var e: Int32 = 0
      let m = frexp(Swift.abs(d), &e)
      var mant = UInt64(m * 2 * Double(1 << 52)) & ((1 << 52) - 1)
      var digits = String(mant, radix: 16).leftPad(13)
      while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
      mant = 0
      let exp = Int(e) - 1
      return .str((d < 0 ? "-" : "") + "0x1." + digits + "p" + (exp >= 0 ? "+" : "") + String(exp))
    },
    method("conjugate", "()") { _, s, _, _ in s },
    method("__int__", "()") { vm, s, _, _ in try Constructors.int(vm, Builtin.intType, [s], []) },
    method("__float__", "()") { _, s, _, _ in s },
    method("__round__", "(ndigits=None)") { vm, s, a, _ in try vm.round(s, a.first ?? Value.none) },
    method("__repr__", "()") { vm, s, _, _ in .str(try vm.repr(s)) },
    method("__format__", "(spec)") { vm, s, a, _ in .str(try vm.format(s, a.first?.asString ?? "")) },
    method("__eq__", "(other)") { vm, s, a, _ in .bool(try vm.equals(s, (try a.at(0)))) },
  ]
}

enum TupleMethods {
  static let all: [NativeFunction] = [
    method("index", "(value, start=0, stop=sys.maxsize, /)") { vm, s, a, kw in
      guard case .tuple(let t) = s, let x = a.first else { throw typeError("index expected at least 1 argument, got 0") }
      for (i, y) in t.enumerated() where try vm.equals(y, x) { return .int(i) }
      throw valueError("tuple.index(x): x not in tuple")
    },
    method("count", "(value, /)") { vm, s, a, kw in
      guard case .tuple(let t) = s, let x = a.first else { throw typeError("count() takes exactly one argument (0 given)") }
      var n = 0
      for y in t where try vm.equals(y, x) { n += 1 }
      return .int(n)
    },
  ]
}

enum RangeMethods {
  static let all: [NativeFunction] = [
    method("index", "(value)") { vm, s, a, _ in
      guard let r = BigRangeObject(s), let x = a.first else { return .none }
      if try vm.contains(s, x), let i = IntMath.bigOf(x) { return .integer((i - r.start) / r.step) }
      throw valueError("\(try vm.repr(x)) is not in range")
    },
    method("count", "(value)") { vm, s, a, _ in .int(try vm.contains(s, a.first ?? Value.none) ? 1 : 0) },
  ]
}

enum ListMethods {
  static func list(_ v: Value) throws -> ListObject {
    guard case .list(let l) = v else { throw typeError("descriptor requires a 'list' object but received a '\(v.typeName)'") }
    return l
  }

  static let all: [NativeFunction] = [
    method("append", "(object, /)") { vm, s, a, kw in
      try expectArgs("list.append", a, kw, min: 1, max: 1)
      try list(s).items.append((try a.at(0)))
      return .none
    },
    method("extend", "(iterable, /)") { vm, s, a, kw in
      try expectArgs("list.extend", a, kw, min: 1, max: 1)
      let l = try list(s)
      l.items.append(contentsOf: try vm.iterate((try a.at(0))))
      return .none
    },
    method("insert", "(index, object, /)") { vm, s, a, kw in
      try expectArgs("insert", a, kw, min: 2, max: 2)
      let l = try list(s)
      var i = try vm.index((try a.at(0)), "'\((try a.at(0)).typeName)' object cannot be interpreted as an integer")
      if i < 0 { i = max(0, i + l.items.count) }
      l.items.insert((try a.at(1)), at: min(i, l.items.count))
      return .none
    },
    method("pop", "(index=-1, /)") { vm, s, a, kw in
      try expectArgs("pop", a, kw, min: 0, max: 1)
      let l = try list(s)
      if l.items.isEmpty { throw indexError("pop from empty list") }
      guard let idx = a.first else { return l.items.removeLast() }
      let i = try vm.index(idx, "'\(idx.typeName)' object cannot be interpreted as an integer")
      let j = i < 0 ? i + l.items.count : i
      if j < 0 || j >= l.items.count { throw indexError("pop index out of range") }
      return l.items.remove(at: j)
    },
    method("remove", "(value, /)") { vm, s, a, kw in
      try expectArgs("list.remove", a, kw, min: 1, max: 1)
      let l = try list(s)
      for (i, y) in l.items.enumerated() where try vm.equals(y, (try a.at(0))) {
        l.items.remove(at: i)
        return .none
      }
      throw valueError("list.remove(x): x not in list")
    },
    method("index", "(value, start=0, stop=sys.maxsize, /)") { vm, s, a, kw in
      try expectArgs("index", a, kw, min: 1, max: 3)
      let l = try list(s)
      let n = l.items.count
      var start = a.count > 1 ? try vm.index((try a.at(1)), "slice indices must be integers") : 0
      var stop = a.count > 2 ? try vm.index((try a.at(2)), "slice indices must be integers") : n
      if start < 0 { start = max(0, start + n) }
      if stop < 0 { stop = max(0, stop + n) }
      stop = min(stop, n)
      var i = start
      while i < stop {
        if try vm.equals(l.items[i], (try a.at(0))) { return .int(i) }
        i += 1
      }
      throw valueError("\(try vm.repr((try a.at(0)))) is not in list")
    },
    method("count", "(value, /)") { vm, s, a, kw in
      try expectArgs("count", a, kw, min: 1, max: 1)
      var n = 0
      for y in try list(s).items where try vm.equals(y, (try a.at(0))) { n += 1 }
      return .int(n)
    },
    method("sort", "(*, key=None, reverse=False)") { vm, s, a, kw in
      if !a.isEmpty { throw typeError("sort() takes no positional arguments") }
      let l = try list(s)
      var items = l.items
      l.items = []
      defer { l.items = items }
      try vm.sortValues(&items, kw)
      if !l.items.isEmpty { throw valueError("list modified during sort") }
      return .none
    },
    method("reverse", "()") { vm, s, a, kw in
      try list(s).items.reverse()
      return .none
    },
    method("copy", "()") { vm, s, a, kw in .list(ListObject(try list(s).items)) },
    method("clear", "()") { vm, s, a, kw in
      try list(s).items.removeAll()
      return .none
    },
    method("__len__", "()") { vm, s, _, _ in .int(try list(s).items.count) },
    method("__getitem__", "(index)") { vm, s, a, _ in try vm.getItem(s, (try a.at(0))) },
    method("__setitem__", "(index, value)") { vm, s, a, _ in
      try vm.setItem(s, (try a.at(0)), (try a.at(1)))
      return .none
    },
    method("__contains__", "(value)") { vm, s, a, _ in .bool(try vm.contains(s, (try a.at(0)))) },
    method("__iter__", "()") { vm, s, _, _ in .object(try vm.iterator(s)) },
  ]
}

enum DictMethods {
  static func dict(_ v: Value) throws -> DictObject {
    guard case .dict(let d) = v else { throw typeError("descriptor requires a 'dict' object but received a '\(v.typeName)'") }
    return d
  }

  static let all: [NativeFunction] = [
    method("get", "(key, default=None, /)") { vm, s, a, kw in
      try expectArgs("get", a, kw, min: 1, max: 2)
      return try dict(s).table.get((try a.at(0)), hash: vm.hash((try a.at(0))), vm: vm) ?? (a.count > 1 ? (try a.at(1)) : .none)
    },
    method("keys", "()") { _, s, _, _ in .object(DictView(try dict(s), .keys)) },
    method("values", "()") { _, s, _, _ in .object(DictView(try dict(s), .values)) },
    method("items", "()") { _, s, _, _ in .object(DictView(try dict(s), .items)) },
    method("pop", "(key, default=..., /)") { vm, s, a, kw in
      try expectArgs("pop", a, kw, min: 1, max: 2)
      if let e = try dict(s).table.remove((try a.at(0)), hash: vm.hash((try a.at(0))), vm: vm) { return e.value }
      if a.count > 1 { return (try a.at(1)) }
      throw keyError((try a.at(0)))
    },
    method("popitem", "()") { vm, s, _, _ in
      let d = try dict(s)
      guard let i = d.table.lastIndex else { throw ScriptError(Builtin.keyError, "popitem(): dictionary is empty") }
      let e = d.table.removeEntry(at: i)
      return .tuple([e.key, e.value])
    },
    method("setdefault", "(key, default=None, /)") { vm, s, a, kw in
      try expectArgs("setdefault", a, kw, min: 1, max: 2)
      let d = try dict(s)
      let h = try vm.hash((try a.at(0)))
      if let v = try d.table.get((try a.at(0)), hash: h, vm: vm) { return v }
      let v = a.count > 1 ? (try a.at(1)) : .none
      try d.table.set((try a.at(0)), hash: h, value: v, vm: vm)
      return v
    },
    method("update", "([E, ]**F)") { vm, s, a, kw in
      let d = try dict(s)
      if a.count > 1 { throw typeError("update expected at most 1 argument, got \(a.count)") }
      if let x = a.first { try vm.updateDict(d, from: x) }
      for (k, v) in kw { try d.table.set(.str(k), hash: vm.hash(.str(k)), value: v, vm: vm) }
      return .none
    },
    method("copy", "()") { _, s, _, _ in .dict(DictObject(table: try dict(s).table)) },
    method("clear", "()") { _, s, _, _ in
      try dict(s).table.removeAll()
      return .none
    },
    method("__len__", "()") { _, s, _, _ in .int(try dict(s).count) },
    method("__getitem__", "(key)") { vm, s, a, _ in try vm.getItem(s, (try a.at(0))) },
    method("__setitem__", "(key, value)") { vm, s, a, _ in
      try vm.setItem(s, (try a.at(0)), (try a.at(1)))
      return .none
    },
    method("__contains__", "(key)") { vm, s, a, _ in .bool(try vm.contains(s, (try a.at(0)))) },
    method("__iter__", "()") { vm, s, _, _ in .object(try vm.iterator(s)) },
  ]

  static let fromkeys: NativeFunction = {
    let f = NativeFunction("fromkeys", signature: "(iterable, value=None, /)") { vm, args, kw in
      guard args.count >= 2 else { throw typeError("fromkeys expected at least 1 argument, got 0") }
      let d = DictObject()
      let v = args.count > 2 ? (try args.at(2)) : .none
      try vm.forEach((try args.at(1))) { k in try d.table.set(k, hash: vm.hash(k), value: v, vm: vm) }
      return .dict(d)
    }
    f.isClassMethod = true
    return f
  }()
}

enum DictViewMethods {
  static let all: [NativeFunction] = [
    method("__len__", "()") { vm, s, _, _ in .int(try vm.len(s)) },
    method("__iter__", "()") { vm, s, _, _ in .object(try vm.iterator(s)) },
    method("isdisjoint", "(other)") { vm, s, a, _ in
      for x in try vm.iterate((try a.at(0))) where try vm.contains(s, x) { return .bool(false) }
      return .bool(true)
    },
    method("__or__", "(other)") { vm, s, a, _ in try SetMethods.viewAlgebra(vm, .bitOr, s, (try a.at(0))) },
    method("__and__", "(other)") { vm, s, a, _ in try SetMethods.viewAlgebra(vm, .bitAnd, s, (try a.at(0))) },
    method("__sub__", "(other)") { vm, s, a, _ in try SetMethods.viewAlgebra(vm, .subtract, s, (try a.at(0))) },
    method("__xor__", "(other)") { vm, s, a, _ in try SetMethods.viewAlgebra(vm, .bitXor, s, (try a.at(0))) },
  ]
}

enum SetMethods {
  static func set(_ v: Value) throws -> SetObject {
    guard case .object(let s as SetObject) = v else { throw typeError("descriptor requires a 'set' object but received a '\(v.typeName)'") }
    return s
  }

  static func viewAlgebra(_ vm: VM, _ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
    let x = try Constructors.makeSet(vm, a, frozen: false)
    let y = try Constructors.makeSet(vm, b, frozen: false)
    return try vm.setAlgebra(op, x, y, result: false) ?? Value.none
  }

  static func others(_ vm: VM, _ a: [Value]) throws -> [SetObject] {
    try a.map { v in
      if case .object(let s as SetObject) = v { return s }
      return try Constructors.makeSet(vm, v, frozen: false)
    }
  }

  static func algebra(_ name: String, _ op: BinaryOperator) -> NativeFunction {
    method(name, "(*others)") { vm, s, a, _ in
      let me = try set(s)
      var acc: Value = .object(SetObject(table: me.table, frozen: me.frozen))
      for o in try others(vm, a) {
        guard case .object(let cur as SetObject) = acc else { break }
        acc = try vm.setAlgebra(op, cur, o, result: me.frozen) ?? acc
      }
      return acc
    }
  }

  static func inPlace(_ name: String, _ op: BinaryOperator) -> NativeFunction {
    method(name, "(*others)") { vm, s, a, _ in
      let me = try set(s)
      for o in try others(vm, a) {
        if case .object(let r as SetObject)? = try vm.setAlgebra(op, me, o, result: false) { me.table = r.table }
      }
      return .none
    }
  }

  static let common: [NativeFunction] = [
    algebra("union", .bitOr), algebra("intersection", .bitAnd), algebra("difference", .subtract),
    algebra("symmetric_difference", .bitXor),
    method("issubset", "(other)") { vm, s, a, _ in .bool(try vm.isSubset(set(s), others(vm, a)[0])) },
    method("issuperset", "(other)") { vm, s, a, _ in .bool(try vm.isSubset(others(vm, a)[0], set(s))) },
    method("isdisjoint", "(other)") { vm, s, a, _ in
      let me = try set(s)
      for x in try vm.iterate((try a.at(0))) where try me.table.find(x, hash: vm.hash(x), vm: vm) != nil { return .bool(false) }
      return .bool(true)
    },
    method("copy", "()") { _, s, _, _ in
      let me = try set(s)
      return .object(SetObject(table: me.table, frozen: me.frozen))
    },
    method("__len__", "()") { _, s, _, _ in .int(try set(s).table.count) },
    method("__contains__", "(x)") { vm, s, a, _ in .bool(try vm.contains(s, (try a.at(0)))) },
    method("__iter__", "()") { vm, s, _, _ in .object(try vm.iterator(s)) },
  ]

  static let mutating: [NativeFunction] = [
    method("add", "(elem, /)") { vm, s, a, kw in
      try expectArgs("set.add", a, kw, min: 1, max: 1)
      try set(s).table.set((try a.at(0)), hash: vm.hash((try a.at(0))), value: .none, vm: vm)
      return .none
    },
    method("remove", "(elem, /)") { vm, s, a, kw in
      try expectArgs("set.remove", a, kw, min: 1, max: 1)
      if try set(s).table.remove((try a.at(0)), hash: vm.hash((try a.at(0))), vm: vm) == nil { throw keyError((try a.at(0))) }
      return .none
    },
    method("discard", "(elem, /)") { vm, s, a, kw in
      try expectArgs("set.discard", a, kw, min: 1, max: 1)
      try set(s).table.remove((try a.at(0)), hash: vm.hash((try a.at(0))), vm: vm)
      return .none
    },
    method("pop", "()") { vm, s, _, _ in
      let me = try set(s)
      guard let first = me.table.live.first else { throw ScriptError(Builtin.keyError, "pop from an empty set") }
      try me.table.remove(first.key, hash: first.hash, vm: vm)
      return first.key
    },
    method("clear", "()") { _, s, _, _ in
      try set(s).table.removeAll()
      return .none
    },
    inPlace("update", .bitOr), inPlace("intersection_update", .bitAnd), inPlace("difference_update", .subtract),
    inPlace("symmetric_difference_update", .bitXor),
  ]
}

enum IteratorMethods {
  static let all: [NativeFunction] = [
    method("__next__", "()") { vm, s, _, _ in
      guard case .object(let it as PyIterator) = s else { throw typeError("not an iterator") }
      if let x = try it.next(vm) { return x }
      throw stopIteration()
    },
    method("__iter__", "()") { _, s, _, _ in s },
  ]
}

enum GeneratorMethods {
  static let all: [NativeFunction] = [
    method("send", "(value)") { vm, s, a, _ in
      guard case .object(let it as PyIterator) = s else { throw typeError("not a generator") }
      let r = try (it as? GeneratorObject)?.send(vm, a.first ?? Value.none) ?? it.next(vm)
      if let x = r { return x }
      if let g = it as? GeneratorObject, !g.returnValue.isNone { throw stopIteration(g.returnValue) }
      throw stopIteration()
    },
    method("close", "()") { _, _, _, _ in .none },
  ]
}

enum PropertyMethods {
  static let all: [NativeFunction] = [
    method("setter", "(fset)") { _, s, a, _ in
      guard case .object(let p as PropertyObject) = s else { return .none }
      return .object(PropertyObject(getter: p.getter, setter: (try a.at(0)), deleter: p.deleter, doc: p.doc))
    },
    method("getter", "(fget)") { _, s, a, _ in
      guard case .object(let p as PropertyObject) = s else { return .none }
      return .object(PropertyObject(getter: (try a.at(0)), setter: p.setter, deleter: p.deleter, doc: p.doc))
    },
    method("deleter", "(fdel)") { _, s, a, _ in
      guard case .object(let p as PropertyObject) = s else { return .none }
      return .object(PropertyObject(getter: p.getter, setter: p.setter, deleter: (try a.at(0)), doc: p.doc))
    },
  ]
}

enum ExceptionMethods {
  static let all: [NativeFunction] = [
    method("__init__", "(*args)") { _, s, a, _ in
      if case .instance(let e as ExceptionObject) = s { e.args = a }
      return .none
    },
    method("__str__", "()") { vm, s, _, _ in
      guard case .instance(let e as ExceptionObject) = s else { return .str("") }
      return .str(try vm.exceptionMessage(e))
    },
    method("with_traceback", "(tb)") { _, s, _, _ in s },
    method("add_note", "(note)") { _, s, a, _ in
      if case .instance(let e) = s {
        var notes = e.attributes["__notes__"]?.asArray ?? []
        notes.append(a.first ?? Value.none)
        e.attributes["__notes__"] = .list(ListObject(notes))
      }
      return .none
    },
  ]
}
