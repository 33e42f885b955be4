// Float arithmetic with CPython's exact error messages, raised as script exceptions; the
// floor-division/modulo arithmetic itself is the library's (`PythonFloatArithmetic`).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum FloatMath {
  /// `message` is CPython's ZeroDivisionError text for the calling operator.
  static func divmod(_ vx: Double, _ wx: Double, message: String) throws -> (Double, Double) {
    if wx == 0 { throw zeroDivisionError(message) }
    let result = PythonFloatArithmetic.divmodUnchecked(vx, wx)
    return (result.quotient, result.remainder)
  }

  static func floorDiv(_ a: Double, _ b: Double) throws -> Double {
    try divmod(a, b, message: "float floor division by zero").0
  }

  static func mod(_ a: Double, _ b: Double) throws -> Double {
    try divmod(a, b, message: "float modulo").1
  }

  static func div(_ a: Double, _ b: Double) throws -> Double {
    if b == 0 { throw zeroDivisionError("float division by zero") }
    return a / b
  }

  static func power(_ a: Double, _ b: Double) throws -> Double {
    if a == 0 && b < 0 { throw zeroDivisionError("0.0 cannot be raised to a negative power") }
    if a < 0 && b != b.rounded() && b.isFinite {
      throw valueError("negative number cannot be raised to a fractional power (complex numbers are not supported in hps)")
    }
    let r = pow(a, b)
    if r.isInfinite && a.isFinite && b.isFinite { throw overflowError("(34, 'Numerical result out of range')") }
    return r
  }
}
