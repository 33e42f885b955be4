// `range` objects whose bounds do not fit in 64 bits (CPython ranges hold arbitrary ints).
// Ranges that fit stay `RangeObject`, the fast path; `makeRange` picks the representation.
import BigInt

final class BigRangeObject: PyObject {
  let start: BigInt
  let stop: BigInt
  let step: BigInt
  init(start: BigInt, stop: BigInt, step: BigInt) {
    self.start = start
    self.stop = stop
    self.step = step
  }

  var count: BigInt {
    if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
    return start > stop ? (start - stop - 1) / (-step) + 1 : 0
  }

  func contains(_ x: BigInt) -> Bool {
    if step > 0 ? (x < start || x >= stop) : (x > start || x <= stop) { return false }
    return (x - start) % step == 0
  }

  /// Either kind of range as a big one; nil for any other value.
  convenience init?(_ v: Value) {
    switch v {
    case .object(let r as BigRangeObject): self.init(start: r.start, stop: r.stop, step: r.step)
    case .object(let r as RangeObject): self.init(start: BigInt(r.start), stop: BigInt(r.stop), step: BigInt(r.step))
    default: return nil
    }
  }

  /// `reversed(range)`: the same items, last first, without materializing them.
  var reversedRange: Value {
    let n = count
    if n == 0 { return makeRange(0, 0, 1) }
    return makeRange(start + (n - 1) * step, start - step, -step)
  }

  override var pyType: TypeObject { Builtin.rangeType }
}

/// The range `start, stop, step` (step != 0) in its smallest representation: a `RangeObject`
/// when the bounds fit in Int and its length arithmetic cannot overflow, a `BigRangeObject`
/// otherwise.
func makeRange(_ start: Int, _ stop: Int, _ step: Int) -> Value {
  let span = step > 0 ? Int128(stop) - Int128(start) : Int128(start) - Int128(stop)
  if span <= Int128(Int.max) && step != Int.min { return .object(RangeObject(start: start, stop: stop, step: step)) }
  return .object(BigRangeObject(start: BigInt(start), stop: BigInt(stop), step: BigInt(step)))
}

func makeRange(_ start: BigInt, _ stop: BigInt, _ step: BigInt) -> Value {
  if let a = Int(exactly: start), let b = Int(exactly: stop), let c = Int(exactly: step) { return makeRange(a, b, c) }
  return .object(BigRangeObject(start: start, stop: stop, step: step))
}

/// Iterates a `BigRangeObject`.
final class BigRangeIterator: PyIterator {
  var current: BigInt
  var remaining: BigInt
  let step: BigInt
  init(_ r: BigRangeObject) {
    current = r.start
    remaining = r.count
    step = r.step
  }
  override func next(_ vm: VM) throws -> Value? {
    if remaining <= 0 { return nil }
    defer {
      current += step
      remaining -= 1
    }
    return .integer(current)
  }
  override var typeName: String { "longrange_iterator" }
}

extension VM {
  /// `len()` of a big range: CPython raises when the length exceeds ssize_t.
  func bigRangeLength(_ r: BigRangeObject) throws -> Int {
    guard let n = Int(exactly: r.count) else { throw overflowError("Python int too large to convert to C ssize_t") }
    return n
  }

  /// `r[key]` for a big range: an int index or a slice.
  func bigRangeItem(_ r: BigRangeObject, _ key: Value) throws -> Value {
    let length = r.count
    if case .object(let sl as SliceObject) = key {
      let (start, stop, step) = try bigSliceIndices(sl, length)
      return makeRange(r.start + start * r.step, r.start + stop * r.step, r.step * step)
    }
    if case .float = key { throw typeError("range indices must be integers or slices, not float") }
    guard var i = IntMath.bigOf(key) else {
      _ = try index(key, "range indices must be integers or slices, not \(key.typeName)")
      throw typeError("range indices must be integers or slices, not \(key.typeName)")
    }
    if i < 0 { i += length }
    guard i >= 0 && i < length else { throw indexError("range object index out of range") }
    return .integer(r.start + i * r.step)
  }

  /// CPython's `_PySlice_GetLongIndices`: the slice clamped to a sequence of `length` items.
  func bigSliceIndices(_ s: SliceObject, _ length: BigInt) throws -> (BigInt, BigInt, BigInt) {
    func integer(_ v: Value) throws -> BigInt {
      if let b = IntMath.bigOf(v) { return b }
      return BigInt(try index(v, "slice indices must be integers or None or have an __index__ method"))
    }
    let step: BigInt = s.step.isNone ? 1 : try integer(s.step)
    if step == 0 { throw valueError("slice step cannot be zero") }
    let lower: BigInt = step < 0 ? -1 : 0
    let upper: BigInt = step < 0 ? length - 1 : length
    func adjust(_ v: Value, _ dflt: BigInt) throws -> BigInt {
      if v.isNone { return dflt }
      var i = try integer(v)
      if i < 0 {
        i += length
        if i < lower { i = lower }
      } else if i > upper {
        i = upper
      }
      return i
    }
    return (try adjust(s.start, step < 0 ? upper : lower), try adjust(s.stop, step < 0 ? lower : upper), step)
  }
}
