// Python's float-to-text conversions, digit for digit.
//
// CPython turns a double into text in two steps: David Gay's dtoa produces a string of significant
// decimal digits plus the position of the decimal point, then `format_float_short` lays those
// digits out (fixed or exponent notation, padding zeros, trailing ".0"). We do the same: the digits
// come from Swift's shortest round-trip `description` (repr) or from the C library's correctly
// rounded printf (fixed precision), and the layout below follows CPython's rules exactly.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python's float formatting primitives (`repr(float)`, `str(float)`, and the `e`/`f`/`g`
/// conversions used by `format()` and `%`-formatting).
public enum PythonFloat {
  /// The conversion codes of CPython's `PyOS_double_to_string`.
  public enum Code: Sendable {
    /// Exponent notation with `precision` digits after the point (`%e`).
    case exponent
    /// Fixed-point notation with `precision` digits after the point (`%f`).
    case fixed
    /// General notation with `precision` significant digits (`%g`).
    case general
    /// Shortest round-trip digits (what `repr` uses); precision is ignored.
    case repr
  }

  /// Layout options, mirroring CPython's `Py_DTSF_*` flags.
  public struct Flags: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Always write a sign (`+` for non-negative values).
    public static let sign = Flags(rawValue: 1)
    /// Append ".0" when the result would look like an integer (repr/str behaviour).
    public static let addDotZero = Flags(rawValue: 2)
    /// Alternate form (`#`): keep the decimal point and trailing zeros.
    public static let alternate = Flags(rawValue: 4)
    /// Drop the sign of a result that rounds to negative zero (the `z` option).
    public static let noNegativeZero = Flags(rawValue: 8)
  }

  /// `repr(x)` and `str(x)` for a Python float: `0.1`, `1e-05`, `1e+16`, `100.0`, `-0.0`, `inf`, `nan`.
  public static func repr(_ x: Double) -> String {
    format(x, code: .repr, precision: 0, flags: .addDotZero)
  }

  /// CPython's `PyOS_double_to_string(x, code, precision, flags)`.
  ///
  /// - Parameters:
  ///   - precision: digits after the point for `.exponent` and `.fixed`, significant digits for
  ///     `.general` (0 is read as 1, as CPython does); ignored for `.repr`.
  ///   - uppercase: use `E`, `INF`, `NAN` (the `E`, `F`, `G` conversions).
  public static func format(
    _ x: Double, code: Code, precision: Int, flags: Flags = [], uppercase: Bool = false
  ) -> String {
    let precision = max(0, precision)
    if x.isNaN || x.isInfinite {
      var text = x.isNaN ? "nan" : "inf"
      if uppercase { text = text.uppercased() }
      // dtoa reports NaN as unsigned, so `-nan` prints as `nan`.
      if x.isInfinite && x < 0 { return "-" + text }
      return flags.contains(.sign) ? "+" + text : text
    }
    let decimal: DecimalDigits
    var layoutPrecision = precision
    switch code {
    case .repr:
      decimal = DecimalDigits.shortest(x)
    case .exponent:
      layoutPrecision = precision + 1
      decimal = DecimalDigits.significant(x, count: layoutPrecision)
    case .general:
      layoutPrecision = max(precision, 1)
      decimal = DecimalDigits.significant(x, count: layoutPrecision)
    case .fixed:
      if flags.isSubset(of: .sign), let text = fastFixed(x, precision: precision, sign: flags.contains(.sign)) {
        return text
      }
      decimal = DecimalDigits.fixed(x, fractionDigits: precision)
    }
    return layout(decimal, code: code, precision: layoutPrecision, flags: flags, uppercase: uppercase)
  }

  static let powersOfTen: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]

  /// `%.<precision>f` computed exactly in 128-bit integers for the common case (moderate
  /// magnitude, precision <= 9); nil sends the caller to the C library. The double is
  /// m * 2^e exactly, so x * 10^p = m * 10^p / 2^-e, rounded half to even like dtoa.
  static func fastFixed(_ x: Double, precision: Int, sign: Bool) -> String? {
    guard x.isNormal, precision <= 9 else { return nil }
    let magnitude = x.magnitude
    let m = magnitude.significandBitPattern | (1 << 52)
    let e = Int(magnitude.exponent) - 52
    let scale = powersOfTen[precision]
    var q: UInt64
    if e >= 0 {
      guard e <= 10 else { return nil }
      let (product, overflow) = (m << UInt64(e)).multipliedReportingOverflow(by: scale)
      guard !overflow else { return nil }
      q = product
    } else {
      let s = -e
      guard s <= 120 else { return nil }
      let (hi, lo) = m.multipliedFullWidth(by: scale)
      let roundUp: Bool
      if s < 64 {
        guard hi >> UInt64(s) == 0 else { return nil }
        q = (hi << UInt64(64 - s)) | (lo >> UInt64(s))
        let rest = lo & ((1 << UInt64(s)) - 1)
        let half: UInt64 = 1 << UInt64(s - 1)
        roundUp = rest > half || (rest == half && q & 1 == 1)
      } else if s == 64 {
        q = hi
        let half: UInt64 = 1 << 63
        roundUp = lo > half || (lo == half && q & 1 == 1)
      } else {
        let t = s - 64
        q = hi >> UInt64(t)
        let restHigh = hi & ((1 << UInt64(t)) - 1)
        let halfHigh: UInt64 = 1 << UInt64(t - 1)
        roundUp = restHigh > halfHigh || (restHigh == halfHigh && (lo > 0 || q & 1 == 1))
      }
      if roundUp {
        guard q < UInt64.max else { return nil }
        q += 1
      }
    }
    var text = x < 0 ? "-" : (sign ? "+" : "")
    text += String(q / scale)
    if precision > 0 {
      let fraction = String(q % scale)
      text += "." + String(repeating: "0", count: precision - fraction.count) + fraction
    }
    return text
  }

  /// CPython's `format_float_short`: lay out digits `d1 d2 …` meaning `0.d1d2… × 10^decimalPoint`.
  static func layout(
    _ decimal: DecimalDigits, code: Code, precision: Int, flags: Flags, uppercase: Bool
  ) -> String {
    let digits = decimal.digits
    let digitCount = digits.count
    var negative = decimal.negative
    var decimalPoint = decimal.decimalPoint
    var useExponent = false
    var end = digitCount  // end of the slice of the virtual zero-padded digit string
    let addDotZero = flags.contains(.addDotZero)
    let alternate = flags.contains(.alternate)

    switch code {
    case .exponent:
      useExponent = true
      end = precision
    case .fixed:
      end = decimalPoint + precision
    case .general:
      if decimalPoint <= -4 || decimalPoint > (addDotZero ? precision - 1 : precision) {
        useExponent = true
      }
      if alternate { end = precision }
    case .repr:
      // Exponent notation from 1e16 on: a 16-digit shortest repr padded with zeros would
      // otherwise show digits that are not really there.
      if decimalPoint <= -4 || decimalPoint > 16 { useExponent = true }
    }

    var exponent = 0
    if useExponent {
      exponent = decimalPoint - 1
      decimalPoint = 1
    }
    let start = decimalPoint <= 0 ? decimalPoint - 1 : 0
    if !useExponent && addDotZero {
      end = max(end, decimalPoint + 1)
    } else {
      end = max(end, decimalPoint)
    }

    if flags.contains(.noNegativeZero) && negative
      && (digitCount == 0 || (digitCount == 1 && digits[0] == UInt8(ascii: "0")))
    {
      negative = false
    }

    var out: [UInt8] = []
    out.reserveCapacity(end - start + 8)
    if negative {
      out.append(UInt8(ascii: "-"))
    } else if flags.contains(.sign) {
      out.append(UInt8(ascii: "+"))
    }
    let zero = UInt8(ascii: "0")
    let dot = UInt8(ascii: ".")
    // Exactly one of the branches below writes the decimal point.
    if decimalPoint <= 0 {
      out.append(contentsOf: repeatElement(zero, count: decimalPoint - start))
      out.append(dot)
      out.append(contentsOf: repeatElement(zero, count: -decimalPoint))
    } else {
      out.append(contentsOf: repeatElement(zero, count: -start))
    }
    if decimalPoint > 0 && decimalPoint <= digitCount {
      out.append(contentsOf: digits[0..<decimalPoint])
      out.append(dot)
      out.append(contentsOf: digits[decimalPoint...])
    } else {
      out.append(contentsOf: digits)
    }
    if digitCount < decimalPoint {
      out.append(contentsOf: repeatElement(zero, count: decimalPoint - digitCount))
      out.append(dot)
      out.append(contentsOf: repeatElement(zero, count: end - decimalPoint))
    } else {
      out.append(contentsOf: repeatElement(zero, count: end - digitCount))
    }
    if out.last == dot && !alternate { out.removeLast() }
    if useExponent {
      out.append(uppercase ? UInt8(ascii: "E") : UInt8(ascii: "e"))
      out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
      let magnitude = Array(String(abs(exponent)).utf8)
      if magnitude.count < 2 { out.append(zero) }
      out.append(contentsOf: magnitude)
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Significant decimal digits of a finite double, as dtoa returns them: no leading or trailing
/// zeros, value = 0.d1d2… × 10^decimalPoint. Zero is the single digit "0" with decimalPoint 1.
struct DecimalDigits {
  var digits: [UInt8]
  var decimalPoint: Int
  var negative: Bool

  /// The shortest digits that read back as `x` (dtoa mode 0).
  static func shortest(_ x: Double) -> DecimalDigits {
    // Swift's description is the shortest round-trip form, closest to the exact value; we only
    // reuse its digits and exponent and discard its layout.
    parse(Array(x.description.utf8), negative: x.sign == .minus)
  }

  /// `count` significant digits, correctly rounded (dtoa mode 2).
  static func significant(_ x: Double, count: Int) -> DecimalDigits {
    if x == 0 { return DecimalDigits(digits: [UInt8(ascii: "0")], decimalPoint: 1, negative: x.sign == .minus) }
    let text = cFormat(x, conversion: "e", precision: max(count - 1, 0))
    return parse(Array(text.utf8), negative: x.sign == .minus)
  }

  /// Digits of `x` rounded to `fractionDigits` places after the point (dtoa mode 3).
  static func fixed(_ x: Double, fractionDigits: Int) -> DecimalDigits {
    if x == 0 { return DecimalDigits(digits: [UInt8(ascii: "0")], decimalPoint: 1, negative: x.sign == .minus) }
    let text = cFormat(x, conversion: "f", precision: fractionDigits)
    var result = parse(Array(text.utf8), negative: x.sign == .minus)
    if result.digits.isEmpty {
      // Rounded away entirely: dtoa reports no digits with the point just past the last place.
      result.decimalPoint = -fractionDigits
    }
    return result
  }

  /// Reads `[-]digits[.digits][e±exp]` (Swift's description or printf output).
  static func parse(_ text: [UInt8], negative: Bool) -> DecimalDigits {
    var mantissa: [UInt8] = []
    var integerDigits = 0
    var seenDot = false
    var exponent = 0
    var index = 0
    while index < text.count {
      let c = text[index]
      if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
        index += 1
        continue
      }
      if c == UInt8(ascii: ".") {
        seenDot = true
      } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
        exponent = Int(String(decoding: text[(index + 1)...], as: UTF8.self)) ?? 0
        break
      } else {
        mantissa.append(c)
        if !seenDot { integerDigits += 1 }
      }
      index += 1
    }
    var decimalPoint = integerDigits + exponent
    var first = 0
    while first < mantissa.count && mantissa[first] == UInt8(ascii: "0") {
      first += 1
      decimalPoint -= 1
    }
    var last = mantissa.count
    while last > first && mantissa[last - 1] == UInt8(ascii: "0") { last -= 1 }
    return DecimalDigits(digits: Array(mantissa[first..<last]), decimalPoint: decimalPoint, negative: negative)
  }
}

/// The C library's correctly rounded `%.<precision><conversion>` of a double.
func cFormat(_ x: Double, conversion: Character, precision: Int) -> String {
  let format = conversion == "e" ? "%.*e" : "%.*f"
  var capacity = 64 + max(precision, 0)
  if conversion == "f" { capacity += 320 }  // up to 309 integer digits for 1.8e308
  return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
    let written = withVaList([Int32(clamping: precision), x]) { args in
      vsnprintf(buffer.baseAddress, capacity, format, args)
    }
    let length = max(0, min(Int(written), capacity - 1))
    return buffer.baseAddress.map { base in
      base.withMemoryRebound(to: UInt8.self, capacity: length) {
        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
      }
    } ?? ""
  }
}
