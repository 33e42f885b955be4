// round(x, ndigits) for floats: CPython rounds the exact binary value to ndigits decimal places
// (half to even) through dtoa and reads the decimal result back, so round(2.675, 2) == 2.67.

extension PythonFloat {
  /// `round(x, ndigits)` for a Python float. Throws OverflowError "rounded value too large to
  /// represent" when the result would be infinite. (`round(x)` without ndigits returns an int:
  /// that is `x.rounded(.toNearestOrEven)`.)
  public static func round(_ x: Double, digits: Int) throws -> Double {
    if !x.isFinite { return x }
    // Past these, x always rounds to itself or to a signed zero (CPython's NDIGITS_MAX/MIN).
    if digits > 323 { return x }
    if digits < -308 { return 0.0 * x }
    if x == 0 { return x }
    let rounded: Double
    if digits >= 0 {
      rounded = Double(cFormat(x, conversion: "f", precision: digits)) ?? x
    } else {
      // Round to (decimal exponent + digits) significant digits; the exponent of the exact value
      // is that of its 18-digit rounding, which cannot carry into the next power of ten.
      let exact = DecimalDigits.significant(x, count: 18)
      let significant = exact.decimalPoint + digits
      if significant < 0 {
        rounded = 0.0 * x
      } else if significant == 0 {
        // |x| is below one unit of 10^-digits: it rounds up to that unit when above half of
        // it; an exact tie goes to the even neighbour, zero.
        let first = exact.digits.first ?? UInt8(ascii: "0")
        let aboveHalf = first > UInt8(ascii: "5") || (first == UInt8(ascii: "5") && !isExactHalf(x))
        rounded = aboveHalf ? copySign(pow10(-digits), x) : 0.0 * x
      } else {
        let text = cFormat(x, conversion: "e", precision: significant - 1)
        rounded = Double(text) ?? x
      }
    }
    if rounded.isInfinite { throw FormattingError(.overflowError, "rounded value too large to represent") }
    return rounded
  }

  /// Whether |x| is exactly 5 * 10^k for some k: no double lies within 1e-40 (relative) of such
  /// a number without being it, so 40 digits decide.
  static func isExactHalf(_ x: Double) -> Bool {
    let digits = cFormat(x.magnitude, conversion: "e", precision: 40)
    return digits.hasPrefix("5.0000000000000000000000000000000000000000e")
  }

  static func pow10(_ n: Int) -> Double { Double("1e\(n)") ?? .infinity }

  static func copySign(_ magnitude: Double, _ sign: Double) -> Double {
    sign.sign == .minus ? -magnitude : magnitude
  }
}
