// Helpers behind several builtins: min/max, round, sorting, isinstance, number → text, mappings.
import BigInt
import Foundation
import HPSSyntax

extension VM {
  func extremum(_ name: String, _ args: [Value], _ kw: Kwargs, _ op: ComparisonOperator) throws -> Value {
    var key: Value = .none
    var dflt: Value? = nil
    for (k, v) in kw {
      switch k {
      case "key": key = v
      case "default": dflt = v
      default: throw typeError("'\(k)' is an invalid keyword argument for \(name)()")
      }
    }
    let items: [Value]
    if args.count == 1 {
      items = try iterate((try args.at(0)))
    } else if args.isEmpty {
      throw typeError("\(name) expected at least 1 argument, got 0")
    } else {
      if dflt != nil { throw typeError("Cannot specify a default for \(name)() with multiple positional arguments") }
      items = args
    }
    guard var best = items.first else {
      if let d = dflt { return d }
      throw valueError("\(name)() arg is an empty sequence")
    }
    var bestKey = key.isNone ? best : try call1(key, best)
    for x in items.dropFirst() {
      let k = key.isNone ? x : try call1(key, x)
      if try order(op, k, bestKey) {
        best = x
        bestKey = k
      }
    }
    return best
  }

  func round(_ x: Value, _ nd: Value) throws -> Value {
    switch x {
    case .int, .big, .bool:
      if case .none = nd { return x.asBool.map { .int($0 ? 1 : 0) } ?? x }
      let n = try index(nd, "'\(nd.typeName)' object cannot be interpreted as an integer")
      if n >= 0 { return x.asBool.map { .int($0 ? 1 : 0) } ?? x }
      guard let v = IntMath.bigOf(x) else { return x }
      let p = BigInt(10).power(-n)
      var (q, r) = v.quotientAndRemainder(dividingBy: p)
      if r < 0 {
        q -= 1
        r += p
      }
      let twice = r * 2
      if twice > p || (twice == p && q % 2 != 0) { q += 1 }
      return .integer(q * p)
    case .float(let d):
      if case .none = nd {
        if d.isNaN { throw valueError("cannot convert float NaN to integer") }
        if d.isInfinite { throw overflowError("cannot convert float infinity to integer") }
        let r = d.rounded(.toNearestOrEven)
        if let i = Int(exactly: r) { return .int(i) }
        return .integer(BigInt(r))
      }
      let n = try index(nd, "'\(nd.typeName)' object cannot be interpreted as an integer")
      return .float(VM.roundDouble(d, n))
    default:
      if let m = x.pyType.lookup("__round__") {
        return try callDescriptor(m, on: x, nd.isNone ? [] : [nd])
      }
      throw typeError("type \(x.typeName) doesn't define __round__ method")
    }
  }

  /// CPython's `double_round`: round-half-even on the exact decimal value, via correctly rounded
  /// conversion to a string with `n` digits after the point.
  static func roundDouble(_ x: Double, _ n: Int) -> Double {
    if !x.isFinite || x == 0 { return x }
    if n > 323 { return x }
    if n < -308 { return 0.0 * x }
    let text = String(format: "%.\(max(n, 0) + 0)f", x)
    if n >= 0 {
      // printf's %.Nf rounds the exact binary value half-even, which is what CPython does.
      return Double(text) ?? x
    }
    let p = pow(10.0, Double(-n))
    let y = (x / p).rounded(.toNearestOrEven) * p
    return y
  }

  func sortValues(_ items: inout [Value], _ kw: Kwargs) throws {
    var key: Value = .none
    var reverse = false
    for (k, v) in kw {
      switch k {
      case "key": key = v
      case "reverse": reverse = try truthy(v)
      default: throw typeError("'\(k)' is an invalid keyword argument for sort()")
      }
    }
    if reverse { items.reverse() }
    if key.isNone {
      try sortInPlace(&items)
    } else {
      var keyed: [(Value, Value)] = []
      keyed.reserveCapacity(items.count)
      for x in items { keyed.append((try call1(key, x), x)) }
      var keys = keyed.map { $0.0 }
      var perm = Array(0..<keys.count)
      try sortIndices(&perm, keys: &keys)
      items = perm.map { keyed[$0].1 }
    }
    if reverse { items.reverse() }
  }

  private func sortInPlace(_ items: inout [Value]) throws {
    if items.count < 2 { return }
    if items.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
      var ints = items.map { if case .int(let i) = $0 { return i } else { return 0 } }
      ints.sort()
      items = ints.map { .int($0) }
      return
    }
    if items.allSatisfy({ if case .float(let d) = $0 { return !d.isNaN } else { return false } }) {
      var ds = items.map { if case .float(let d) = $0 { return d } else { return 0 } }
      ds.sort()
      items = ds.map { .float($0) }
      return
    }
    if items.allSatisfy({ if case .str = $0 { return true } else { return false } }) {
      let strs = items.map { if case .str(let s) = $0 { return s } else { return "" } }
      var idx = Array(0..<strs.count)
      idx.sort { a, b in
        let x = strs[a], y = strs[b]
        if x == y { return a < b }
        return stringLess(x, y)
      }
      items = idx.map { items[$0] }
      return
    }
    var keys = items
    var perm = Array(0..<items.count)
    try sortIndices(&perm, keys: &keys)
    let copy = items
    items = perm.map { copy[$0] }
  }

  /// A stable merge sort over indices comparing keys with `<` (errors propagate).
  private func sortIndices(_ perm: inout [Int], keys: inout [Value]) throws {
    if perm.count < 2 { return }
    if keys.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
      let ints = keys.map { if case .int(let i) = $0 { return i } else { return 0 } }
      perm.sort { ints[$0] < ints[$1] || (ints[$0] == ints[$1] && $0 < $1) }
      return
    }
    var buffer = perm
    func merge(_ lo: Int, _ hi: Int) throws {
      if hi - lo < 2 { return }
      if hi - lo <= 8 {
        for i in (lo + 1)..<hi {
          let x = perm[i]
          var j = i - 1
          while j >= lo, try order(.less, keys[x], keys[perm[j]]) {
            perm[j + 1] = perm[j]
            j -= 1
          }
          perm[j + 1] = x
        }
        return
      }
      let mid = (lo + hi) / 2
      try merge(lo, mid)
      try merge(mid, hi)
      var i = lo, j = mid, k = lo
      while i < mid && j < hi {
        if try order(.less, keys[perm[j]], keys[perm[i]]) {
          buffer[k] = perm[j]
          j += 1
        } else {
          buffer[k] = perm[i]
          i += 1
        }
        k += 1
      }
      while i < mid {
        buffer[k] = perm[i]
        i += 1
        k += 1
      }
      while j < hi {
        buffer[k] = perm[j]
        j += 1
        k += 1
      }
      for t in lo..<hi { perm[t] = buffer[t] }
    }
    try merge(0, perm.count)
  }

  func isInstance(_ v: Value, _ cls: Value) throws -> Bool {
    switch cls {
    case .type(let t):
      if t === Builtin.objectType { return true }
      if t === Builtin.intType, case .bool = v { return true }
      return v.pyType.isSubtype(of: t)
    case .tuple(let ts):
      for t in ts where try isInstance(v, t) { return true }
      return false
    default:
      throw typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
    }
  }

  func isSubclass(_ t: TypeObject, _ cls: Value) throws -> Bool {
    switch cls {
    case .type(let c): return t.isSubtype(of: c) || c === Builtin.objectType
    case .tuple(let ts):
      for x in ts where try isSubclass(t, x) { return true }
      return false
    default: throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union")
    }
  }

  func radixString(_ v: Value, _ radix: Int, _ prefix: String) throws -> String {
    guard let b = IntMath.bigOf(v) else {
      if let m = v.pyType.lookup("__index__") { return try radixString(callDescriptor(m, on: v, []), radix, prefix) }
      throw typeError("'\(v.typeName)' object cannot be interpreted as an integer")
    }
    let digits = String(b.magnitude, radix: radix)
    return (b.sign == .minus && b != 0 ? "-" : "") + prefix + digits
  }

  /// Key/value pairs of a dict or any object with keys() and __getitem__.
  func mappingItems(_ m: Value) throws -> [(Value, Value)] {
    if case .dict(let d) = m { return d.table.live.map { ($0.key, $0.value) } }
    guard m.pyType.lookup("keys") != nil else {
      throw typeError("'\(m.typeName)' object is not a mapping")
    }
    return try iterate(try callMethod(m, "keys", [])).map { k in (k, try getItem(m, k)) }
  }

  /// `d.update(other)`: a mapping or an iterable of pairs.
  func updateDict(_ d: DictObject, from other: Value) throws {
    switch other {
    case .dict(let o):
      for e in o.table.live { try d.table.set(e.key, hash: e.hash, value: e.value, vm: self) }
    default:
      if other.pyType.lookup("keys") != nil {
        for (k, v) in try mappingItems(other) { try d.table.set(k, hash: hash(k), value: v, vm: self) }
        return
      }
      var n = 0
      try forEach(other) { item in
        let pair = try iterate(item)
        guard pair.count == 2 else {
          throw valueError("dictionary update sequence element #\(n) has length \(pair.count); 2 is required")
        }
        try d.table.set(pair[0], hash: hash(pair[0]), value: pair[1], vm: self)
        n += 1
      }
    }
  }

  /// The text `help(obj)` prints when no kernel hook is installed.
  public func helpText(_ v: Value) -> String {
    if case .none = v { return "Type help(object) for help about object." }
    let (name, signature, doc) = describeCallable(v)
    var out = "Help on \(v.typeName) \(name):\n\n\(name)\(signature)"
    if let d = doc, !d.isEmpty { out += "\n    " + d.replacingOccurrences(of: "\n", with: "\n    ") }
    return out
  }

  /// Name, signature text and docstring of a callable (for help() and `obj?`).
  public func describeCallable(_ v: Value) -> (name: String, signature: String, doc: String?) {
    switch v {
    case .function(let f): return (f.name, f.code.signatureText, f.doc)
    case .object(let n as NativeFunction): return (n.name, n.signatureText, n.doc)
    case .object(let b as BoundMethod):
      let (n, s, d) = describeCallable(b.function)
      let trimmed = s.replacingOccurrences(of: "(self, ", with: "(").replacingOccurrences(of: "(self)", with: "()")
      return (n, trimmed, d)
    case .type(let t):
      var sig = "(...)"
      if let i = t.lookup("__init__") {
        sig = describeCallable(i).signature.replacingOccurrences(of: "(self, ", with: "(").replacingOccurrences(of: "(self)", with: "()")
      }
      return (t.name, sig, t.doc)
    case .object(let m as ModuleObject):
      return (m.name, "", m.namespace.get("__doc__")?.asString)
    default:
      return (v.typeName, "", v.pyType.doc)
    }
  }
}

extension BigUInt {
  var asSigned: BigInt { BigInt(self) }
}
