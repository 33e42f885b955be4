// The format-spec mini-language: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
// Parsing follows CPython's `parse_internal_render_format_spec` step by step, including the order
// in which it detects errors, because scripts can observe which message comes first.

/// A parsed format specification (what follows the `:` in `{x:>8.3f}`).
public struct FormatSpec: Equatable, Sendable {
  /// Digit grouping requested with `,` or `_`.
  public enum Grouping: Equatable, Sendable {
    case comma
    case underscore
  }

  public var fill: Unicode.Scalar = " "
  /// One of `<`, `>`, `^`, `=`; the type's default when not written.
  public var align: Unicode.Scalar
  /// `+`, `-` or space; nil when not written.
  public var sign: Unicode.Scalar?
  /// The `z` option: coerce negative zero to positive zero.
  public var noNegativeZero = false
  /// The `#` option.
  public var alternate = false
  public var width: Int?
  public var grouping: Grouping?
  public var precision: Int?
  /// The presentation type; nil for floats without a type letter.
  public var type: Unicode.Scalar?

  /// Parses `spec` the way CPython does for an object whose defaults are `defaultAlign` and
  /// `defaultType` (strings: `<` and `s`; ints: `>` and `d`; floats: `>` and none).
  /// `typeName` is the Python type name used in error messages.
  public init(
    parsing spec: String, defaultAlign: Unicode.Scalar, defaultType: Unicode.Scalar?, typeName: String
  ) throws {
    align = defaultAlign
    type = defaultType
    let s = Array(spec.unicodeScalars)
    var pos = 0
    var fillSpecified = false
    var alignSpecified = false
    func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }

    if s.count - pos >= 2 && isAlign(s[pos + 1]) {
      align = s[pos + 1]
      fill = s[pos]
      fillSpecified = true
      alignSpecified = true
      pos += 2
    } else if s.count - pos >= 1 && isAlign(s[pos]) {
      align = s[pos]
      alignSpecified = true
      pos += 1
    }
    if pos < s.count && (s[pos] == "+" || s[pos] == "-" || s[pos] == " ") {
      sign = s[pos]
      pos += 1
    }
    if pos < s.count && s[pos] == "z" {
      noNegativeZero = true
      pos += 1
    }
    if pos < s.count && s[pos] == "#" {
      alternate = true
      pos += 1
    }
    // A leading '0' means zero padding after the sign (kept for backwards compatibility).
    if !fillSpecified && pos < s.count && s[pos] == "0" {
      fill = "0"
      if !alignSpecified && defaultAlign == ">" { align = "=" }
      pos += 1
    }
    width = try FormatSpec.readInteger(s, &pos)
    if pos < s.count && s[pos] == "," {
      grouping = .comma
      pos += 1
    }
    if pos < s.count && s[pos] == "_" {
      if grouping != nil { throw FormattingError.value("Cannot specify both ',' and '_'.") }
      grouping = .underscore
      pos += 1
    }
    if pos < s.count && s[pos] == "," && grouping == .underscore {
      throw FormattingError.value("Cannot specify both ',' and '_'.")
    }
    if pos < s.count && s[pos] == "." {
      pos += 1
      guard let value = try FormatSpec.readInteger(s, &pos) else {
        throw FormattingError.value("Format specifier missing precision")
      }
      precision = value
    }
    if s.count - pos > 1 {
      throw FormattingError.value(
        "Invalid format specifier '\(spec)' for object of type '\(typeName)'")
    }
    if s.count - pos == 1 {
      type = s[pos]
    }
    if let grouping {
      let radixType = type == "b" || type == "o" || type == "x" || type == "X"
      switch type {
      case "d", "e", "f", "g", "E", "G", "%", "F", nil:
        break
      case _ where radixType && grouping == .underscore:
        break  // underscores every four digits in binary, octal and hex (PEP 515)
      default:
        let separator = grouping == .comma ? "," : "_"
        throw FormattingError.value("Cannot specify '\(separator)' with \(FormatSpec.quoted(type)).")
      }
    }
  }

  /// `'c'` for printable ASCII, `'\xNN'` otherwise, as CPython quotes a presentation type.
  static func quoted(_ type: Unicode.Scalar?) -> String {
    let value = type?.value ?? 0
    if value > 32 && value < 128, let type { return "'\(Character(type))'" }
    return "'\\x\(String(value, radix: 16))'"
  }

  /// Reads a run of decimal digits (any script's, as CPython accepts); nil when there is none.
  static func readInteger(_ s: [Unicode.Scalar], _ pos: inout Int) throws -> Int? {
    var value = 0
    var consumed = 0
    while pos < s.count, let digit = decimalDigit(s[pos]) {
      let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(digit)
      if overflow1 || overflow2 {
        throw FormattingError.value("Too many decimal digits in format string")
      }
      value = sum
      pos += 1
      consumed += 1
    }
    return consumed == 0 ? nil : value
  }

  /// The value of a decimal digit character; ASCII is checked first because Unicode property
  /// lookups are slow and specs are almost always ASCII.
  @inline(__always)
  static func decimalDigit(_ c: Unicode.Scalar) -> Int? {
    if c.value >= 48 && c.value <= 57 { return Int(c.value - 48) }
    if c.isASCII { return nil }
    guard c.properties.numericType == .decimal, let value = c.properties.numericValue else { return nil }
    return Int(value)
  }

  /// How numbers group their digits under this spec: separator and group size.
  func digitGrouping(forType type: Unicode.Scalar?) -> (separator: Unicode.Scalar, size: Int)? {
    switch grouping {
    case .comma: return (",", 3)
    case .underscore:
      if type == "b" || type == "o" || type == "x" || type == "X" { return ("_", 4) }
      return ("_", 3)
    case nil: return nil
    }
  }
}
