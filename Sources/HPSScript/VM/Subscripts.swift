// `x[i]`, `x[a:b:c]`, item assignment and deletion, and `len()`.
import BigInt

extension VM {
  func len(_ v: Value) throws -> Int {
    switch v {
    case .str(let s): return s.unicodeScalars.count
    case .list(let l): return l.items.count
    case .tuple(let t): return t.count
    case .dict(let d): return d.count
    case .object(let o):
      switch o {
      case let s as SetObject: return s.table.count
      case let r as RangeObject: return r.count
      case let r as BigRangeObject: return try bigRangeLength(r)
      case let v as DictView: return v.dict.count
      default: break
      }
    default: break
    }
    if let m = v.pyType.lookup("__len__") { return try lengthResult(callDescriptor(m, on: v, [])) }
    throw typeError("object of type '\(v.typeName)' has no len()")
  }

  /// Converts an index operand to Int (ints, bools, `__index__`).
  func index(_ v: Value, _ what: String) throws -> Int {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    case .big: throw indexError("cannot fit 'int' into an index-sized integer")
    default:
      if let m = v.pyType.lookup("__index__") { return try index(callDescriptor(m, on: v, []), what) }
      throw typeError(what)
    }
  }

  /// Normalizes a slice against a length (CPython's PySlice_AdjustIndices).
  func sliceIndices(_ s: SliceObject, _ length: Int) throws -> (start: Int, stop: Int, step: Int, count: Int) {
    let step: Int
    if case .none = s.step { step = 1 } else {
      step = try index(s.step, "slice indices must be integers or None or have an __index__ method")
    }
    if step == 0 { throw valueError("slice step cannot be zero") }
    func adjust(_ v: Value, _ dflt: Int) throws -> Int {
      if case .none = v { return dflt }
      var i: Int
      if case .big(let b) = v { i = b.value.sign == .minus ? Int.min / 2 : Int.max / 2 } else {
        i = try index(v, "slice indices must be integers or None or have an __index__ method")
      }
      if i < 0 {
        i += length
        if i < 0 { i = step < 0 ? -1 : 0 }
      } else if i >= length {
        i = step < 0 ? length - 1 : length
      }
      return i
    }
    let start = try adjust(s.start, step < 0 ? length - 1 : 0)
    let stop = try adjust(s.stop, step < 0 ? -1 : length)
    var count = 0
    if step < 0 {
      if stop < start { count = (start - stop - 1) / (-step) + 1 }
    } else if start < stop {
      count = (stop - start - 1) / step + 1
    }
    return (start, stop, step, count)
  }

  func sliceArray<T>(_ a: [T], _ s: SliceObject) throws -> [T] {
    let (start, _, step, count) = try sliceIndices(s, a.count)
    if step == 1 { return Array(a[start..<(start + count)]) }
    var out: [T] = []
    out.reserveCapacity(count)
    var i = start
    for _ in 0..<count {
      out.append(a[i])
      i += step
    }
    return out
  }

  @inline(__always) func normalize(_ i: Int, _ count: Int, _ what: String) throws -> Int {
    let j = i < 0 ? i + count : i
    if j < 0 || j >= count { throw indexError("\(what) index out of range") }
    return j
  }

  func getItem(_ v: Value, _ key: Value) throws -> Value {
    switch v {
    case .list(let l):
      if case .int(let i) = key { return l.items[try normalize(i, l.items.count, "list")] }
      if case .object(let s as SliceObject) = key { return .list(ListObject(try sliceArray(l.items, s))) }
      return l.items[try normalize(index(key, "list indices must be integers or slices, not \(key.typeName)"), l.items.count, "list")]
    case .tuple(let t):
      if case .int(let i) = key { return t[try normalize(i, t.count, "tuple")] }
      if case .object(let s as SliceObject) = key { return .tuple(try sliceArray(t, s)) }
      return t[try normalize(index(key, "tuple indices must be integers or slices, not \(key.typeName)"), t.count, "tuple")]
    case .dict(let d):
      if let r = try d.table.get(key, hash: hash(key), vm: self) { return r }
      return try dictMissing(d, key)
    case .str(let s):
      if case .object(let sl as SliceObject) = key {
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: try sliceArray(scalars, sl))
        return .str(String(out))
      }
      let i = try index(key, "string indices must be integers, not '\(key.typeName)'")
      return .str(try scalarAt(s, i))
    case .object(let r as RangeObject):
      if case .object(let sl as SliceObject) = key {
        // CPython maps the slice's clamped start and stop through the range (compute_slice).
        let (start, stop, step, _) = try sliceIndices(sl, r.count)
        let (first, by) = (BigInt(r.start), BigInt(r.step))
        return makeRange(first + BigInt(start) * by, first + BigInt(stop) * by, by * BigInt(step))
      }
      let i = try normalize(index(key, "range indices must be integers or slices, not \(key.typeName)"), r.count, "range object")
      return .int(r.start + i * r.step)
    case .object(let r as BigRangeObject):
      return try bigRangeItem(r, key)
    case .type(let t):
      if let m = t.lookup("__class_getitem__") { return try callDescriptor(m, on: v, [key]) }
      return v  // `list[int]` in annotations: the generic alias is the class itself here.
    default:
      if let m = v.pyType.lookup("__getitem__") { return try callDescriptor(m, on: v, [key]) }
      throw typeError("'\(v.typeName)' object is not subscriptable")
    }
  }

  private func dictMissing(_ d: DictObject, _ key: Value) throws -> Value {
    throw keyError(key)
  }

  func scalarAt(_ s: String, _ i: Int) throws -> String {
    let utf8 = s.utf8
    if i >= 0 && i < utf8.count {
      // ASCII fast path: the i-th byte is the i-th scalar when everything before it is ASCII.
      let idx = utf8.index(utf8.startIndex, offsetBy: i)
      var ascii = true
      var j = utf8.startIndex
      while j <= idx {
        if utf8[j] >= 0x80 {
          ascii = false
          break
        }
        j = utf8.index(after: j)
      }
      if ascii { return String(Unicode.Scalar(utf8[idx])) }
    }
    let scalars = s.unicodeScalars
    let n = scalars.count
    let j = i < 0 ? i + n : i
    if j < 0 || j >= n { throw indexError("string index out of range") }
    return String(scalars[scalars.index(scalars.startIndex, offsetBy: j)])
  }

  func setItem(_ v: Value, _ key: Value, _ value: Value) throws {
    switch v {
    case .list(let l):
      if case .object(let s as SliceObject) = key {
        let new = try iterate(value)
        let (start, stop, step, count) = try sliceIndices(s, l.items.count)
        if step == 1 {
          l.items.replaceSubrange(start..<max(start, stop), with: new)
        } else {
          if new.count != count {
            throw valueError("attempt to assign sequence of size \(new.count) to extended slice of size \(count)")
          }
          var i = start
          for x in new {
            l.items[i] = x
            i += step
          }
        }
        return
      }
      let i = try normalize(index(key, "list indices must be integers or slices, not \(key.typeName)"), l.items.count, "list assignment")
      l.items[i] = value
    case .dict(let d):
      try d.table.set(key, hash: hash(key), value: value, vm: self)
    default:
      if let m = v.pyType.lookup("__setitem__") {
        _ = try callDescriptor(m, on: v, [key, value])
        return
      }
      throw typeError("'\(v.typeName)' object does not support item assignment")
    }
  }

  func deleteItem(_ v: Value, _ key: Value) throws {
    switch v {
    case .list(let l):
      if case .object(let s as SliceObject) = key {
        let (start, _, step, count) = try sliceIndices(s, l.items.count)
        var drop = Set<Int>()
        var i = start
        for _ in 0..<count {
          drop.insert(i)
          i += step
        }
        l.items = l.items.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        return
      }
      let i = try normalize(index(key, "list indices must be integers or slices, not \(key.typeName)"), l.items.count, "list assignment")
      l.items.remove(at: i)
    case .dict(let d):
      if try d.table.remove(key, hash: hash(key), vm: self) == nil { throw keyError(key) }
    default:
      if let m = v.pyType.lookup("__delitem__") {
        _ = try callDescriptor(m, on: v, [key])
        return
      }
      throw typeError("'\(v.typeName)' object doesn't support item deletion")
    }
  }
}
