// Python's float arithmetic corner cases and int true division, as CPython computes them
// (Objects/floatobject.c float_divmod/float_pow, Objects/longobject.c long_true_divide).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BigInt

/// Float operators whose results or errors differ from plain IEEE arithmetic.
public enum PythonFloatArithmetic {
  /// `a / b`.
  public static func divide(_ a: Double, _ b: Double) throws -> Double {
    if b == 0 { throw LibraryError("ZeroDivisionError", "float division by zero") }
    return a / b
  }

  /// `divmod(a, b)`: floor quotient and a remainder with the divisor's sign.
  public static func divmod(_ a: Double, _ b: Double) throws -> (quotient: Double, remainder: Double) {
    if b == 0 { throw LibraryError("ZeroDivisionError", "float divmod()") }
    return divmodUnchecked(a, b)
  }

  /// `a // b`.
  public static func floorDivide(_ a: Double, _ b: Double) throws -> Double {
    if b == 0 { throw LibraryError("ZeroDivisionError", "float floor division by zero") }
    return divmodUnchecked(a, b).quotient
  }

  /// `a % b`.
  public static func modulo(_ a: Double, _ b: Double) throws -> Double {
    if b == 0 { throw LibraryError("ZeroDivisionError", "float modulo") }
    return pythonModulo(a, b)
  }

  static func divmodUnchecked(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
    var mod = fmod(a, b)
    // fmod is exact, so a - mod is a multiple of b up to rounding; snap the quotient below.
    var div = (a - mod) / b
    if mod != 0 {
      if (b < 0) != (mod < 0) {
        mod += b
        div -= 1.0
      }
    } else {
      mod = copysign(0.0, b)
    }
    var floorDiv: Double
    if div != 0 {
      floorDiv = floor(div)
      if div - floorDiv > 0.5 { floorDiv += 1.0 }
    } else {
      floorDiv = copysign(0.0, a / b)
    }
    return (floorDiv, mod)
  }

  /// `a ** b` for floats (and ints with a negative int exponent). Returns nil when CPython would
  /// produce a complex number (a negative base with a non-integer exponent).
  public static func power(_ a: Double, _ b: Double) throws -> Double? {
    if a == 0 && b < 0 && b.isFinite {
      throw LibraryError("ZeroDivisionError", "0.0 cannot be raised to a negative power")
    }
    if a < 0 && a.isFinite && b.isFinite && b.rounded(.towardZero) != b { return nil }
    let result = pow(a, b)
    if result.isInfinite && a.isFinite && b.isFinite {
      throw LibraryError("OverflowError", "(34, 'Numerical result out of range')")
    }
    return result
  }
}

extension PythonInt {
  /// `a / b` for ints: the double nearest to the exact quotient (ties to even), as CPython's
  /// long_true_divide. (Results in the subnormal range may be off by one unit there.)
  public static func trueDivide(_ a: BigInt, _ b: BigInt) throws -> Double {
    if b == 0 { throw LibraryError("ZeroDivisionError", "division by zero") }
    let negative = (a.sign == .minus) != (b.sign == .minus) && a != 0
    let n = a.magnitude, d = b.magnitude
    if n.bitWidth <= 53 && d.bitWidth <= 53 {
      let q = Double(UInt64(n)) / Double(UInt64(d))  // both exact, one correctly rounded division
      return negative ? -q : q
    }
    // Scale so the integer quotient carries at least 55 bits, then fold the remainder into a
    // sticky low bit: rounding that integer to 53 bits rounds the exact quotient.
    let shift = max(0, 55 + d.bitWidth - n.bitWidth)
    let (quotient, remainder) = (n << shift).quotientAndRemainder(dividingBy: d)
    var q = quotient
    if remainder != 0 { q |= 1 }
    guard let scaled = toDouble(BigInt(q)) else {
      throw LibraryError("OverflowError", "integer division result too large for a float")
    }
    let result = Double(sign: negative ? .minus : .plus, exponent: -shift, significand: scaled)
    if result.isInfinite { throw LibraryError("OverflowError", "integer division result too large for a float") }
    return result
  }
}
