// Python integer arithmetic: a 64-bit fast path that promotes to BigInt on overflow (never a
// trap), floor division and modulo rounding toward negative infinity, and demotion back to Int.
import BigInt

enum IntMath {
  static func bigOf(_ v: Value) -> BigInt? {
    switch v {
    case .int(let i): return BigInt(i)
    case .big(let b): return b.value
    case .bool(let b): return BigInt(b ? 1 : 0)
    default: return nil
    }
  }

  @inline(__always) static func add(_ a: Int, _ b: Int) -> Value {
    let (r, o) = a.addingReportingOverflow(b)
    return o ? .big(BigIntObject(wide: Int128(a) + Int128(b))) : .int(r)
  }

  @inline(__always) static func sub(_ a: Int, _ b: Int) -> Value {
    let (r, o) = a.subtractingReportingOverflow(b)
    return o ? .big(BigIntObject(wide: Int128(a) - Int128(b))) : .int(r)
  }

  @inline(__always) static func mul(_ a: Int, _ b: Int) -> Value {
    let (r, o) = a.multipliedReportingOverflow(by: b)
    return o ? .big(BigIntObject(wide: Int128(a) * Int128(b))) : .int(r)
  }

  static func floorDiv(_ a: Int, _ b: Int) throws -> Value {
    if b == 0 { throw zeroDivisionError("integer division or modulo by zero") }
    if a == Int.min && b == -1 { return .integer(-BigInt(a)) }
    var q = a / b
    if (a % b != 0) && ((a < 0) != (b < 0)) { q -= 1 }
    return .int(q)
  }

  static func mod(_ a: Int, _ b: Int) throws -> Value {
    if b == 0 { throw zeroDivisionError("integer modulo by zero") }
    if b == -1 { return .int(0) }
    var r = a % b
    if r != 0 && ((r < 0) != (b < 0)) { r += b }
    return .int(r)
  }

  static func trueDiv(_ a: Int, _ b: Int) throws -> Value {
    if b == 0 { throw zeroDivisionError("division by zero") }
    let limit = 1 << 53
    if a.magnitude <= limit && b.magnitude <= limit { return .float(Double(a) / Double(b)) }
    return try bigTrueDiv(BigInt(a), BigInt(b))
  }

  static func bigTrueDiv(_ a: BigInt, _ b: BigInt) throws -> Value {
    do {
      return .float(try PythonInt.trueDivide(a, b))
    } catch let e as LibraryError {
      if e.pythonClassName == "ZeroDivisionError" { throw zeroDivisionError(e.message) }
      throw overflowError(e.message)
    }
  }

  static func power(_ base: Value, _ exp: Value) throws -> Value {
    guard let e = bigOf(exp), let b = bigOf(base) else { return .none }
    if e < 0 {
      let fb = toDouble(b)
      if fb == 0 { throw zeroDivisionError("0.0 cannot be raised to a negative power") }
      return .float(Foundation_pow(fb, toDouble(e)))
    }
    if case .int(let bi) = base, case .int(let ei) = exp {
      var result = 1
      var x = bi
      var n = ei
      var overflow = false
      while n > 0 {
        if n & 1 == 1 {
          let (r, o) = result.multipliedReportingOverflow(by: x)
          if o { overflow = true; break }
          result = r
        }
        n >>= 1
        if n > 0 {
          let (sq, o) = x.multipliedReportingOverflow(by: x)
          if o { overflow = true; break }
          x = sq
        }
      }
      if !overflow { return .int(result) }
    }
    if e > 100_000_000 { throw overflowError("exponent too large") }
    return .integer(b.power(Int(e)))
  }

  static func shiftLeft(_ a: Value, _ b: Value) throws -> Value {
    guard let x = bigOf(a), let n = bigOf(b) else { return .none }
    if n < 0 { throw valueError("negative shift count") }
    if case .int(let ai) = a, case .int(let ni) = b, ni < 63 {
      let r = ai << ni
      if r >> ni == ai { return .int(r) }
    }
    if n > 1_000_000_000 { throw overflowError("too many digits in integer") }
    return .integer(x << Int(n))
  }

  static func shiftRight(_ a: Value, _ b: Value) throws -> Value {
    guard let x = bigOf(a), let n = bigOf(b) else { return .none }
    if n < 0 { throw valueError("negative shift count") }
    if case .int(let ai) = a { return .int(n >= 64 ? (ai < 0 ? -1 : 0) : ai >> Int(n)) }
    if n > Int.max / 2 { return .int(x < 0 ? -1 : 0) }
    return .integer(x >> Int(n))
  }

  static func toDouble(_ b: BigInt) -> Double { Double(b) }

  /// Int → Double for mixed arithmetic, raising OverflowError like CPython when too large.
  static func double(_ v: Value) throws -> Double? {
    switch v {
    case .int(let i): return Double(i)
    case .bool(let b): return b ? 1 : 0
    case .float(let d): return d
    case .big(let b):
      let d = Double(b.value)
      if d.isInfinite { throw overflowError("int too large to convert to float") }
      return d
    default: return nil
    }
  }
}

@inline(__always) func Foundation_pow(_ a: Double, _ b: Double) -> Double { pow(a, b) }

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
