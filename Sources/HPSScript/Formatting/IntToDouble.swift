// Python's int -> float conversion: correctly rounded (half to even), OverflowError past DBL_MAX.

import BigInt

/// Numeric conversions of Python ints that formatting needs (and the interpreter can reuse).
public enum PythonInt {
  /// `float(value)`: the nearest double, ties to even; nil when the result would be infinite
  /// (Python raises OverflowError "int too large to convert to float").
  public static func toDouble(_ value: BigInt) -> Double? {
    let magnitude = value.magnitude
    let bits = magnitude.bitWidth  // BigUInt.bitWidth counts significant bits only
    let sign: FloatingPointSign = value.sign == .minus ? .minus : .plus
    if bits <= 53 {
      let exact = Double(UInt64(magnitude))
      return sign == .minus ? -exact : exact
    }
    let shift = bits - 53
    var top = magnitude >> shift
    let rest = magnitude - (top << shift)
    let half = BigUInt(1) << (shift - 1)
    if rest > half || (rest == half && top[bitAt: 0]) { top += 1 }
    let result = Double(sign: sign, exponent: shift, significand: Double(UInt64(top)))
    return result.isInfinite ? nil : result
  }
}
