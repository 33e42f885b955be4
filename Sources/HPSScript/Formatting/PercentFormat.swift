// printf-style `str % args`, following CPython's `PyUnicode_Format`: the same parse order, the same
// argument consumption (so "not enough arguments" and "unsupported format character" fire in the
// same situations) and the same messages.

import BigInt

/// One right-hand operand of `%` as the formatter needs to see it.
///
/// The interpreter describes each value by what `%` can do with it (its numeric value, if any)
/// and supplies `str()`/`repr()` lazily, since most conversions need only one of them.
public struct PercentArgument {
  public enum Value {
    /// A Python int (bools too: `%d` of True is 1).
    case int(BigInt)
    case float(Double)
    case string(String)
    /// Anything else: not a number, not a str.
    case other
  }

  public var value: Value
  /// The Python type name used in error messages ("str", "list", "bool", ...).
  public var typeName: String
  public var str: () throws -> String
  public var repr: () throws -> String

  public init(value: Value, typeName: String, str: @escaping () throws -> String, repr: @escaping () throws -> String) {
    self.value = value
    self.typeName = typeName
    self.str = str
    self.repr = repr
  }

  public static func int(_ value: BigInt) -> PercentArgument {
    PercentArgument(value: .int(value), typeName: "int", str: { String(value) }, repr: { String(value) })
  }

  public static func int(_ value: Int) -> PercentArgument { .int(BigInt(value)) }

  public static func bool(_ value: Bool) -> PercentArgument {
    let text = value ? "True" : "False"
    return PercentArgument(value: .int(value ? 1 : 0), typeName: "bool", str: { text }, repr: { text })
  }

  public static func float(_ value: Double) -> PercentArgument {
    PercentArgument(
      value: .float(value), typeName: "float", str: { PythonFloat.repr(value) }, repr: { PythonFloat.repr(value) })
  }

  public static func string(_ value: String) -> PercentArgument {
    PercentArgument(value: .string(value), typeName: "str", str: { value }, repr: { PythonStringRepr.repr(value) })
  }

  /// A value that is neither a number nor a str (None, list, dict, instances...).
  public static func other(typeName: String, str: String, repr: String) -> PercentArgument {
    PercentArgument(value: .other, typeName: typeName, str: { str }, repr: { repr })
  }
}

/// The right operand of `template % operand`.
public enum PercentOperand {
  /// A tuple: its items are the arguments.
  case tuple([PercentArgument])
  /// Any other single value. `mapping` is given when the value supports lookup by key (a dict,
  /// or another non-tuple, non-str object with `__getitem__`); it returns nil for a missing key.
  case single(PercentArgument, mapping: ((String) throws -> PercentArgument?)?)
}

/// `template % operand` for Python strings.
public enum PercentFormat {
  public static func format(_ template: String, _ operand: PercentOperand) throws -> String {
    var state = ArgumentCursor(operand: operand)
    let s = Array(template.unicodeScalars)
    var out = ""
    var pos = 0
    while pos < s.count {
      if s[pos] != "%" {
        out.unicodeScalars.append(s[pos])
        pos += 1
        continue
      }
      pos += 1
      if pos < s.count && s[pos] == "%" {
        // Only "%%" is a literal percent; "%5%" is an unsupported conversion, as in CPython.
        out += "%"
        pos += 1
        continue
      }
      var spec = try parseConversion(s, &pos, &state)
      try formatConversion(&spec, &state, into: &out, index: pos - 1)
      if state.mapping != nil && state.index < state.count {
        throw FormattingError(.typeError, "not all arguments converted during string formatting")
      }
    }
    if state.index < state.count && state.mapping == nil {
      throw FormattingError(.typeError, "not all arguments converted during string formatting")
    }
    return out
  }

  /// CPython's argument bookkeeping: a tuple is consumed item by item; a single value counts as
  /// one argument (count -1, index -2), re-armed after every `%(key)` lookup.
  struct ArgumentCursor {
    var items: [PercentArgument]
    var single: PercentArgument?
    var count: Int
    var index: Int
    var mapping: ((String) throws -> PercentArgument?)?

    init(operand: PercentOperand) {
      switch operand {
      case .tuple(let arguments):
        items = arguments
        count = arguments.count
        index = 0
      case .single(let argument, let lookup):
        items = []
        single = argument
        count = -1
        index = -2
        mapping = lookup
      }
    }

    mutating func next() throws -> PercentArgument {
      guard index < count else {
        throw FormattingError(.typeError, "not enough arguments for format string")
      }
      index += 1
      if count < 0, let single { return single }
      return items[index - 1]
    }
  }

  struct Conversion {
    var leftJustify = false, sign = false, blank = false, alternate = false, zero = false
    var width = -1
    var precision = -1
    var type: Unicode.Scalar = "s"
  }

  /// Parses `[(key)][flags][width][.precision][hlL]type` after a `%`.
  static func parseConversion(
    _ s: [Unicode.Scalar], _ pos: inout Int, _ state: inout ArgumentCursor
  ) throws -> Conversion {
    var spec = Conversion()
    func incomplete() -> FormattingError { FormattingError.value("incomplete format") }
    if pos < s.count && s[pos] == "(" {
      guard let lookup = state.mapping else {
        throw FormattingError(.typeError, "format requires a mapping")
      }
      pos += 1
      let keyStart = pos
      var depth = 1
      while depth > 0 && pos < s.count {
        if s[pos] == ")" { depth -= 1 } else if s[pos] == "(" { depth += 1 }
        pos += 1
      }
      if depth > 0 { throw FormattingError.value("incomplete format key") }
      var key = String.UnicodeScalarView()
      key.append(contentsOf: s[keyStart..<(pos - 1)])
      let keyText = String(key)
      guard let found = try lookup(keyText) else {
        throw FormattingError(.keyError, PythonStringRepr.repr(keyText))
      }
      state.single = found
      state.count = -1
      state.index = -2
    }
    guard pos < s.count else { throw incomplete() }
    var ch = s[pos]
    pos += 1
    flags: while true {
      switch ch {
      case "-": spec.leftJustify = true
      case "+": spec.sign = true
      case " ": spec.blank = true
      case "#": spec.alternate = true
      case "0": spec.zero = true
      default: break flags
      }
      guard pos < s.count else { throw incomplete() }
      ch = s[pos]
      pos += 1
    }
    var more = true  // false once the template ran out while reading a number
    if ch == "*" {
      spec.width = try starValue(try state.next())
      if spec.width < 0 {
        spec.leftJustify = true
        spec.width = -spec.width
      }
      if pos < s.count { ch = s[pos]; pos += 1 } else { more = false }
    } else if let digit = decimalValue(ch) {
      spec.width = digit
      while true {
        guard pos < s.count else { more = false; break }
        ch = s[pos]
        pos += 1
        guard let next = decimalValue(ch) else { break }
        let (times, o1) = spec.width.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times.addingReportingOverflow(next)
        if o1 || o2 { throw FormattingError.value("width too big") }
        spec.width = sum
      }
    }
    if more && ch == "." {
      spec.precision = 0
      if pos < s.count { ch = s[pos]; pos += 1 } else { more = false }
      if more && ch == "*" {
        spec.precision = max(0, try starValue(try state.next()))
        if pos < s.count { ch = s[pos]; pos += 1 } else { more = false }
      } else if more, let digit = decimalValue(ch) {
        spec.precision = digit
        while true {
          guard pos < s.count else { more = false; break }
          ch = s[pos]
          pos += 1
          guard let next = decimalValue(ch) else { break }
          if spec.precision > (Int(Int32.max) - next) / 10 { throw FormattingError.value("precision too big") }
          spec.precision = spec.precision * 10 + next
        }
      }
    }
    if more && (ch == "h" || ch == "l" || ch == "L") {
      if pos < s.count { ch = s[pos]; pos += 1 } else { more = false }
    }
    if !more { throw incomplete() }
    spec.type = ch
    return spec
  }

  static func decimalValue(_ ch: Unicode.Scalar) -> Int? {
    ch.value >= 48 && ch.value <= 57 ? Int(ch.value - 48) : nil
  }

  static func starValue(_ argument: PercentArgument) throws -> Int {
    guard case .int(let value) = argument.value else { throw FormattingError(.typeError, "* wants int") }
    guard let small = Int(exactly: value) else {
      throw FormattingError(.overflowError, "Python int too large to convert to C ssize_t")
    }
    return small
  }

  static func formatConversion(
    _ spec: inout Conversion, _ state: inout ArgumentCursor, into out: inout String, index: Int
  ) throws {
    let argument = try state.next()
    try FormattingError.checkLength(spec.width)
    if spec.type != "s" && spec.type != "r" && spec.type != "a" { try FormattingError.checkLength(spec.precision) }
    var text: String
    var numeric = false
    switch spec.type {
    case "s":
      text = try argument.str()
    case "r":
      text = try argument.repr()
    case "a":
      text = PythonStringRepr.ascii(fromRepr: try argument.repr())
    case "i", "d", "u", "o", "x", "X":
      text = try formatInteger(argument, spec)
      numeric = true
    case "e", "E", "f", "F", "g", "G":
      text = try formatFloat(argument, spec)
      numeric = true
    case "c":
      text = String(Character(try character(argument)))
    default:
      let code = spec.type.value
      let shown = code >= 31 && code <= 126 ? String(Character(spec.type)) : "?"
      throw FormattingError.value(
        "unsupported format character '\(shown)' (0x\(String(code, radix: 16))) at index \(index)")
    }
    output(text, spec: &spec, numeric: numeric, into: &out)
  }

  static func formatInteger(_ argument: PercentArgument, _ spec: Conversion) throws -> String {
    let value: BigInt
    switch argument.value {
    case .int(let v):
      value = v
    case .float(let d) where spec.type != "o" && spec.type != "x" && spec.type != "X":
      if d.isNaN { throw FormattingError.value("cannot convert float NaN to integer") }
      if d.isInfinite { throw FormattingError(.overflowError, "cannot convert float infinity to integer") }
      value = BigInt(d.rounded(.towardZero))
    default:
      let code = Character(spec.type)
      let needed = spec.type == "o" || spec.type == "x" || spec.type == "X" ? "an integer" : "a real number"
      throw FormattingError(.typeError, "%\(code) format: \(needed) is required, not \(argument.typeName)")
    }
    let radix = spec.type == "o" ? 8 : (spec.type == "x" || spec.type == "X") ? 16 : 10
    var digits = Int(exactly: value).map { String($0.magnitude, radix: radix, uppercase: spec.type == "X") }
      ?? String(value.magnitude, radix: radix, uppercase: spec.type == "X")
    if spec.precision > digits.count {
      digits = String(repeating: "0", count: spec.precision - digits.count) + digits
    }
    var prefix = ""
    if spec.alternate && radix != 10 {
      prefix = spec.type == "o" ? "0o" : spec.type == "X" ? "0X" : "0x"
    }
    return (value.sign == .minus ? "-" : "") + prefix + digits
  }

  static func formatFloat(_ argument: PercentArgument, _ spec: Conversion) throws -> String {
    let value: Double
    switch argument.value {
    case .float(let d): value = d
    case .int(let i):
      guard let d = PythonInt.toDouble(i) else {
        throw FormattingError(.overflowError, "int too large to convert to float")
      }
      value = d
    default:
      throw FormattingError(.typeError, "must be real number, not \(argument.typeName)")
    }
    let code: PythonFloat.Code
    switch spec.type {
    case "e", "E": code = .exponent
    case "f", "F": code = .fixed
    default: code = .general
    }
    let uppercase = spec.type == "E" || spec.type == "F" || spec.type == "G"
    return PythonFloat.format(
      value, code: code, precision: spec.precision < 0 ? 6 : spec.precision,
      flags: spec.alternate ? .alternate : [], uppercase: uppercase)
  }

  static func character(_ argument: PercentArgument) throws -> Unicode.Scalar {
    switch argument.value {
    case .string(let s):
      let scalars = s.unicodeScalars
      if scalars.count == 1, let only = scalars.first { return only }
    case .int(let v):
      guard let code = Int(exactly: v), code >= 0, code <= 0x10FFFF else {
        throw FormattingError(.overflowError, "%c arg not in range(0x110000)")
      }
      // Lone surrogates cannot live in a Swift string; U+FFFD stands in for them.
      return Unicode.Scalar(UInt32(code)) ?? "\u{FFFD}"
    default:
      break
    }
    throw FormattingError(.typeError, "%c requires int or char")
  }

  /// CPython's `unicode_format_arg_output`: precision truncation, sign, `0x` prefix and padding.
  static func output(_ text: String, spec: inout Conversion, numeric: Bool, into out: inout String) {
    if spec.width < 0 && spec.precision < 0 && !spec.sign && !spec.blank {
      out += text  // CPython's fast path: nothing to truncate, pad or sign
      return
    }
    var chars = Array(text.unicodeScalars)
    if spec.type == "s" || spec.type == "r" || spec.type == "a", spec.precision >= 0, chars.count > spec.precision {
      chars.removeLast(chars.count - spec.precision)
    }
    let fill: Unicode.Scalar = numeric && spec.zero ? "0" : " "
    var start = 0
    var length = chars.count
    var signChar: Unicode.Scalar?
    if numeric {
      if let first = chars.first, first == "-" || first == "+" {
        signChar = first
        start = 1
        length -= 1
      } else if spec.sign {
        signChar = "+"
      } else if spec.blank {
        signChar = " "
      }
    }
    var width = max(spec.width, length)
    if let signChar {
      if fill != " " { out.unicodeScalars.append(signChar) }
      if width > length { width -= 1 }
    }
    let hasPrefix = spec.alternate && (spec.type == "x" || spec.type == "X" || spec.type == "o")
    if hasPrefix {
      if fill != " " {
        out += "0"
        out.unicodeScalars.append(spec.type)
      }
      width = max(0, width - 2)
      length -= 2
    }
    if width > length && !spec.leftJustify {
      out += String(repeating: String(fill), count: width - length)
      width = length
    }
    if fill == " " {
      if let signChar { out.unicodeScalars.append(signChar) }
      if hasPrefix {
        out += "0"
        out.unicodeScalars.append(spec.type)
      }
    }
    let body = start + (hasPrefix ? 2 : 0)
    for k in body..<(body + length) { out.unicodeScalars.append(chars[k]) }
    if width > length {
      out += String(repeating: " ", count: width - length)
    }
  }
}
