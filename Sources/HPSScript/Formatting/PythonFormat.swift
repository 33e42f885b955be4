// `format(value, spec)` for Python's int, float and str: CPython's `format_long_internal`,
// `format_float_internal` and `format_string_internal`, including their error messages.

import BigInt

/// Python's built-in `__format__` implementations for the primitive types.
///
/// The interpreter calls these from `format()`, f-strings and `str.format`. An empty spec returns
/// `str(value)` as Python does (for `bool`, pass nothing here with an empty spec: `str(True)` is
/// "True", while a non-empty spec formats it as the int 1).
public enum PythonFormat {
  // MARK: int

  /// `format(value, spec)` for a Python int. `typeName` appears in error messages ("int", "bool").
  public static func format(_ value: BigInt, spec: String, typeName: String = "int") throws -> String {
    if spec.isEmpty { return String(value) }
    let parsed = try FormatSpec(parsing: spec, defaultAlign: ">", defaultType: "d", typeName: typeName)
    return try format(value, spec: parsed, typeName: typeName)
  }

  /// `format(value, spec)` for a Python int that fits in 64 bits.
  public static func format(_ value: Int, spec: String, typeName: String = "int") throws -> String {
    if spec.isEmpty { return String(value) }
    let parsed = try FormatSpec(parsing: spec, defaultAlign: ">", defaultType: "d", typeName: typeName)
    return try format(IntegerText(value), spec: parsed, typeName: typeName)
  }

  /// Formats an int with an already parsed spec (parse with defaultAlign ">" and defaultType "d").
  public static func format(_ value: BigInt, spec: FormatSpec, typeName: String = "int") throws -> String {
    try format(IntegerText(value), spec: spec, typeName: typeName)
  }

  static func format(_ value: IntegerText, spec: FormatSpec, typeName: String) throws -> String {
    try FormattingError.checkLength(spec.width)
    switch spec.type {
    case "b", "c", "d", "o", "x", "X", "n":
      return try formatInteger(value, spec: spec)
    case "e", "E", "f", "F", "g", "G", "%":
      guard let double = value.toDouble() else {
        throw FormattingError(.overflowError, "int too large to convert to float")
      }
      return try formatFloat(double, spec: spec)
    default:
      throw unknownType(spec.type, typeName: typeName)
    }
  }

  static func formatInteger(_ value: IntegerText, spec: FormatSpec) throws -> String {
    if spec.precision != nil {
      throw FormattingError.value("Precision not allowed in integer format specifier")
    }
    if spec.noNegativeZero {
      throw FormattingError.value("Negative zero coercion (z) not allowed in integer format specifier")
    }
    if spec.type == "c" {
      if spec.sign != nil {
        throw FormattingError.value("Sign not allowed with integer format specifier 'c'")
      }
      if spec.alternate {
        throw FormattingError.value("Alternate form (#) not allowed with integer format specifier 'c'")
      }
      guard let code = value.smallValue else {
        throw FormattingError(.overflowError, "Python int too large to convert to C long")
      }
      guard code >= 0, code <= 0x10FFFF else {
        throw FormattingError(.overflowError, "%c arg not in range(0x110000)")
      }
      // Surrogate code points cannot live in a Swift string; U+FFFD stands in for them.
      let scalar = Unicode.Scalar(UInt32(code)) ?? "\u{FFFD}"
      return layoutNumber(
        negative: false, prefix: [], digits: [], hasDecimal: false, remainder: [scalar],
        spec: spec, grouping: nil)
    }
    let radix: Int
    var prefix: String
    switch spec.type {
    case "b": radix = 2; prefix = "0b"
    case "o": radix = 8; prefix = "0o"
    case "x": radix = 16; prefix = "0x"
    case "X": radix = 16; prefix = "0X"
    default: radix = 10; prefix = ""
    }
    if !spec.alternate { prefix = "" }
    let digits = value.magnitudeText(radix: radix, uppercase: spec.type == "X")
    if spec.sign != "+" && spec.sign != " " && spec.width == nil && spec.type != "n" && spec.grouping == nil {
      return (value.negative ? "-" : "") + prefix + digits  // CPython's fast path
    }
    // 'n' uses the current locale, which in a Python started like ours is "C": no grouping.
    let grouping = spec.type == "n" ? nil : spec.digitGrouping(forType: spec.type)
    return layoutNumber(
      negative: value.negative, prefix: Array(prefix.unicodeScalars), digits: Array(digits.unicodeScalars),
      hasDecimal: false, remainder: [], spec: spec, grouping: grouping)
  }

  // MARK: float

  /// `format(value, spec)` for a Python float; an empty spec gives `str(value)`.
  public static func format(_ value: Double, spec: String) throws -> String {
    if spec.isEmpty { return PythonFloat.repr(value) }
    let parsed = try FormatSpec(parsing: spec, defaultAlign: ">", defaultType: nil, typeName: "float")
    return try format(value, spec: parsed)
  }

  /// Formats a float with an already parsed spec (parse with defaultAlign ">" and no defaultType).
  public static func format(_ value: Double, spec: FormatSpec) throws -> String {
    switch spec.type {
    case nil, "e", "E", "f", "F", "g", "G", "n", "%":
      return try formatFloat(value, spec: spec)
    default:
      throw unknownType(spec.type, typeName: "float")
    }
  }

  static func formatFloat(_ input: Double, spec: FormatSpec) throws -> String {
    if let precision = spec.precision, precision > Int(Int32.max) {
      throw FormattingError.value("precision too big")
    }
    try FormattingError.checkLength(spec.width)
    try FormattingError.checkLength(spec.precision)
    var value = input
    var flags: PythonFloat.Flags = []
    if spec.alternate { flags.insert(.alternate) }
    if spec.noNegativeZero { flags.insert(.noNegativeZero) }
    var code: PythonFloat.Code
    var defaultPrecision = 6
    var addPercent = false
    switch spec.type {
    case nil:
      // No type: like repr without a precision, else like 'g' keeping at least one decimal.
      flags.insert(.addDotZero)
      code = .repr
      defaultPrecision = 0
    case "e", "E": code = .exponent
    case "f", "F": code = .fixed
    case "%":
      code = .fixed
      value *= 100
      addPercent = true
    default: code = .general
    }
    var precision = defaultPrecision
    if let given = spec.precision {
      precision = given
      if code == .repr { code = .general }
    }
    let uppercase = spec.type == "E" || spec.type == "F" || spec.type == "G"
    let formatted = PythonFloat.format(value, code: code, precision: precision, flags: flags, uppercase: uppercase)
    if spec.sign != "+" && spec.sign != " " && spec.width == nil && spec.type != "n" && spec.grouping == nil {
      return addPercent ? formatted + "%" : formatted  // CPython's fast path: nothing to pad or group
    }
    var text = Array(formatted.unicodeScalars)
    if addPercent { text.append("%") }
    var negative = false
    var index = 0
    if text.first == "-" {
      negative = true
      index = 1
    }
    var digitEnd = index
    while digitEnd < text.count && text[digitEnd].value >= 48 && text[digitEnd].value <= 57 {
      digitEnd += 1
    }
    let hasDecimal = digitEnd < text.count && text[digitEnd] == "."
    let remainderStart = hasDecimal ? digitEnd + 1 : digitEnd
    let grouping = spec.type == "n" ? nil : spec.digitGrouping(forType: spec.type)
    return layoutNumber(
      negative: negative, prefix: [], digits: Array(text[index..<digitEnd]), hasDecimal: hasDecimal,
      remainder: Array(text[remainderStart...]), spec: spec, grouping: grouping)
  }

  // MARK: str

  /// `format(value, spec)` for a Python str. `typeName` appears in error messages.
  public static func format(_ value: String, spec: String, typeName: String = "str") throws -> String {
    if spec.isEmpty { return value }
    let parsed = try FormatSpec(parsing: spec, defaultAlign: "<", defaultType: "s", typeName: typeName)
    return try format(value, spec: parsed, typeName: typeName)
  }

  /// Formats a str with an already parsed spec (parse with defaultAlign "<" and defaultType "s").
  public static func format(_ value: String, spec: FormatSpec, typeName: String = "str") throws -> String {
    guard spec.type == "s" else { throw unknownType(spec.type, typeName: typeName) }
    try FormattingError.checkLength(spec.width)
    if let sign = spec.sign {
      throw FormattingError.value(
        sign == " " ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier")
    }
    if spec.noNegativeZero {
      throw FormattingError.value("Negative zero coercion (z) not allowed in string format specifier")
    }
    if spec.alternate {
      throw FormattingError.value("Alternate form (#) not allowed in string format specifier")
    }
    if spec.align == "=" {
      throw FormattingError.value("'=' alignment not allowed in string format specifier")
    }
    if spec.width == nil && spec.precision == nil { return value }
    var body = value
    var count = value.unicodeScalars.count
    if let precision = spec.precision, count > precision {
      body = String(value.unicodeScalars.prefix(precision))
      count = precision
    }
    let padding = max(spec.width ?? 0, count) - count
    if padding == 0 { return body }
    let left: Int
    switch spec.align {
    case ">": left = padding
    case "^": left = padding / 2
    default: left = 0
    }
    let fill = String(spec.fill)
    return String(repeating: fill, count: left) + body + String(repeating: fill, count: padding - left)
  }

  // MARK: errors shared with other types

  /// CPython's "Unknown format code 'q' for object of type 'float'".
  public static func unknownType(_ type: Unicode.Scalar?, typeName: String) -> FormattingError {
    FormattingError.value("Unknown format code \(FormatSpec.quoted(type)) for object of type '\(typeName)'")
  }

  /// `object.__format__` with a non-empty spec (None, lists, instances without `__format__`).
  public static func unsupportedFormat(typeName: String) -> FormattingError {
    FormattingError(.typeError, "unsupported format string passed to \(typeName).__format__")
  }

  // MARK: layout shared by int and float

  /// CPython's `calc_number_widths` + `fill_number`:
  /// `<lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>`.
  static func layoutNumber(
    negative: Bool, prefix: [Unicode.Scalar], digits: [Unicode.Scalar], hasDecimal: Bool,
    remainder: [Unicode.Scalar], spec: FormatSpec, grouping: (separator: Unicode.Scalar, size: Int)?
  ) -> String {
    var sign: Unicode.Scalar?
    switch spec.sign {
    case "+": sign = negative ? "-" : "+"
    case " ": sign = negative ? "-" : " "
    default: sign = negative ? "-" : nil
    }
    let nonDigits = (sign == nil ? 0 : 1) + prefix.count + (hasDecimal ? 1 : 0) + remainder.count
    let width = spec.width ?? -1
    let minWidth = (spec.fill == "0" && spec.align == "=") ? width - nonDigits : 0
    let grouped = digits.isEmpty ? [] : groupDigits(digits, minWidth: minWidth, grouping: grouping)
    let padding = max(0, width - (nonDigits + grouped.count))
    var left = 0, middle = 0, right = 0
    switch spec.align {
    case "<": right = padding
    case "^":
      left = padding / 2
      right = padding - left
    case "=": middle = padding
    default: left = padding
    }
    var out = ""
    let fill = String(spec.fill)
    if left > 0 { out += String(repeating: fill, count: left) }
    if let sign { out.unicodeScalars.append(sign) }
    appendScalars(prefix, to: &out)
    if middle > 0 { out += String(repeating: fill, count: middle) }
    appendScalars(grouped, to: &out)
    if hasDecimal { out += "." }
    appendScalars(remainder, to: &out)
    if right > 0 { out += String(repeating: fill, count: right) }
    return out
  }

  @inline(__always)
  static func appendScalars(_ scalars: [Unicode.Scalar], to out: inout String) {
    for scalar in scalars { out.unicodeScalars.append(scalar) }
  }

  /// CPython's `_PyUnicode_InsertThousandsGrouping`: separators every `size` digits, and leading
  /// zeros (grouped too) until the result is at least `minWidth` long.
  static func groupDigits(
    _ digits: [Unicode.Scalar], minWidth: Int, grouping: (separator: Unicode.Scalar, size: Int)?
  ) -> [Unicode.Scalar] {
    guard let grouping else {
      let zeros = max(0, minWidth - digits.count)
      return Array(repeatElement("0", count: zeros)) + digits
    }
    var pieces: [[Unicode.Scalar]] = []
    var remaining = digits.count
    var width = minWidth
    while true {
      let length = min(grouping.size, max(remaining, width, 1))
      let zeros = max(0, length - remaining)
      let chars = max(0, min(remaining, length))
      pieces.append(Array(repeatElement("0", count: zeros)) + digits[(remaining - chars)..<remaining])
      remaining -= chars
      width -= length
      if remaining <= 0 && width <= 0 { break }
      width -= 1  // the separator
    }
    var out: [Unicode.Scalar] = []
    for (index, piece) in pieces.reversed().enumerated() {
      if index > 0 { out.append(grouping.separator) }
      out.append(contentsOf: piece)
    }
    return out
  }
}

/// An int as the formatting code needs it: sign and magnitude digits in a radix.
struct IntegerText {
  var small: Int?
  var big: BigInt?

  init(_ value: Int) { small = value }
  init(_ value: BigInt) {
    if let fits = Int(exactly: value) { small = fits } else { big = value }
  }

  var negative: Bool { small.map { $0 < 0 } ?? ((big ?? 0) < 0) }
  var smallValue: Int? { small }

  func magnitudeText(radix: Int, uppercase: Bool) -> String {
    if let small { return String(small.magnitude, radix: radix, uppercase: uppercase) }
    return String((big ?? 0).magnitude, radix: radix, uppercase: uppercase)
  }

  func toDouble() -> Double? {
    if let small { return Double(small) }
    return PythonInt.toDouble(big ?? 0)
  }
}
