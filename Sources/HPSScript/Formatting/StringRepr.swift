// Python's repr() and ascii() of a str: quote choice, backslash escapes, and which characters
// count as printable (CPython's Py_UNICODE_ISPRINTABLE).

/// `repr(str)` and `ascii(...)` exactly as CPython writes them.
public enum PythonStringRepr {
  /// `repr(s)`: single quotes unless the text contains `'` and no `"`.
  public static func repr(_ s: String) -> String {
    var hasSingle = false, hasDouble = false, plainASCII = true
    for byte in s.utf8 {
      if byte == UInt8(ascii: "'") {
        hasSingle = true
      } else if byte == UInt8(ascii: "\"") {
        hasDouble = true
      } else if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\\") {
        plainASCII = false
      }
    }
    let useDouble = hasSingle && !hasDouble
    if plainASCII && !(hasSingle && hasDouble) {
      return useDouble ? "\"" + s + "\"" : "'" + s + "'"  // nothing to escape
    }
    let quote: Unicode.Scalar = useDouble ? "\"" : "'"
    var out = ""
    out.unicodeScalars.append(quote)
    for scalar in s.unicodeScalars {
      switch scalar {
      case quote, "\\":
        out.unicodeScalars.append("\\")
        out.unicodeScalars.append(scalar)
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += escape(scalar)
        } else if scalar.value < 0x7F || isPrintable(scalar) {
          out.unicodeScalars.append(scalar)
        } else {
          out += escape(scalar)
        }
      }
    }
    out.unicodeScalars.append(quote)
    return out
  }

  /// `ascii(x)` given `repr(x)`: every non-ASCII character becomes `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
  public static func ascii(fromRepr text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        out.unicodeScalars.append(scalar)
      } else {
        out += escape(scalar)
      }
    }
    return out
  }

  /// CPython's `str.isprintable()` for one character: everything except the "Other" and
  /// "Separator" categories, the plain space excepted.
  public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    // CPython 3.11 knows Unicode 14.0: characters assigned later are unassigned to it.
    guard let age = scalar.properties.age, age.major < 14 || (age.major == 14 && age.minor == 0) else {
      return false
    }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned,
      .lineSeparator, .paragraphSeparator, .spaceSeparator:
      return false
    default:
      return true
    }
  }

  static func escape(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16)
    if scalar.value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
    if scalar.value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
    return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
  }
}
