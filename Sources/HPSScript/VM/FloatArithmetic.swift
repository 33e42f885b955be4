// Float arithmetic with CPython's exact results and error messages (floor division and modulo
// follow `float_divmod` in Objects/floatobject.c).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum FloatMath {
  /// `message` is CPython's ZeroDivisionError text for the calling operator.
  static func divmod(_ vx: Double, _ wx: Double, message: String) throws -> (Double, Double) {
    if wx == 0 { throw zeroDivisionError(message) }
    var mod = fmod(vx, wx)
    var div = (vx - mod) / wx
    if mod != 0 {
      if (wx < 0) != (mod < 0) {
        mod += wx
        div -= 1.0
      }
    } else {
      mod = copysign(0.0, wx)
    }
    var floordiv: Double
    if div != 0 {
      floordiv = floor(div)
      if div - floordiv > 0.5 { floordiv += 1.0 }
    } else {
      floordiv = copysign(0.0, vx / wx)
    }
    return (floordiv, mod)
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
