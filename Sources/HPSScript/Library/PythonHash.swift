// CPython's numeric hash (sys.hash_info: modulus 2**61 - 1), needed because `random.seed(x)` of a
// float seeds with hash(x), and because hash() of equal int and float values must agree.

import BigInt

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `hash()` of Python numbers, bit-for-bit as CPython 3.11 on a 64-bit machine.
public enum PythonHash {
  static let bits: UInt64 = 61
  static let modulus: UInt64 = (1 << 61) - 1
  /// hash(float('inf')); hash(-inf) is its negation.
  public static let infinity = 314_159

  /// `hash(x)` for a float. NaN hashes by identity in CPython, so it returns nil here.
  public static func hash(_ value: Double) -> Int? {
    if value.isNaN { return nil }
    if value.isInfinite { return value > 0 ? infinity : -infinity }
    var e32: Int32 = 0
    var m = frexp(value, &e32)
    var e = Int(e32)
    var sign = 1
    if m < 0 {
      sign = -1
      m = -m
    }
    var x: UInt64 = 0
    // Process 28 bits at a time, reducing modulo 2**61 - 1 as we go.
    while m != 0 {
      x = ((x << 28) & modulus) | x >> (bits - 28)
      m *= 268_435_456.0
      e -= 28
      let y = UInt64(m)
      m -= Double(y)
      x += y
      if x >= modulus { x -= modulus }
    }
    let shift = e >= 0 ? UInt64(e) % bits : bits - 1 - UInt64(-1 - e) % bits
    x = ((x << shift) & modulus) | x >> (bits - shift)
    var result = Int(bitPattern: UInt(x)) * sign
    if result == -1 { result = -2 }
    return result
  }

  /// `hash(n)` for an int.
  public static func hash(_ value: BigInt) -> Int {
    let reduced = Int(value.magnitude % BigUInt(modulus))
    var result = value.sign == .minus ? -reduced : reduced
    if result == -1 { result = -2 }
    return result
  }

  /// `hash(n)` for an int that fits in 64 bits.
  public static func hash(_ value: Int) -> Int {
    let reduced = Int(value.magnitude % UInt(modulus))
    var result = value < 0 ? -reduced : reduced
    if result == -1 { result = -2 }
    return result
  }
}
