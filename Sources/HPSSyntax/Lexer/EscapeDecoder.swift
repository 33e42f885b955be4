// Backslash escapes of string and bytes literals, and newline normalization inside them.

struct EscapeFailure: Error {
  var kind: SyntaxErrorKind
}

enum EscapeDecoder {
  /// Decodes a literal body into `.string` or `.bytes`.
  static func decode(_ body: ArraySlice<UInt8>, isRaw: Bool, isBytes: Bool) -> Result<Constant, EscapeFailure> {
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    if let failure = decode(body, isRaw: isRaw, isBytes: isBytes, into: &out) { return .failure(failure) }
    if isBytes { return .success(.bytes(out)) }
    return .success(.string(String(decoding: out, as: UTF8.self)))
  }

  /// Appends the decoded UTF-8 (or byte) values of `body` to `out`; returns the failure, if any.
  static func decode(_ body: ArraySlice<UInt8>, isRaw: Bool, isBytes: Bool, into out: inout [UInt8]) -> EscapeFailure? {
    var i = body.startIndex
    let end = body.endIndex
    let base = body.startIndex
    func at(_ k: Int) -> UInt8 { k < end ? body[k] : 0 }
    while i < end {
      let c = body[i]
      if c == UInt8(ascii: "\r") {
        // Universal newlines: `\r\n` and a lone `\r` both become `\n`.
        out.append(UInt8(ascii: "\n"))
        i += at(i + 1) == UInt8(ascii: "\n") ? 2 : 1
        continue
      }
      if isBytes && c >= 0x80 { return EscapeFailure(kind: .bytesNonASCII) }
      guard c == UInt8(ascii: "\\"), i + 1 < end else {
        out.append(c)
        i += 1
        continue
      }
      if isRaw {
        // A raw literal keeps the backslash; it only stops the next character ending the string.
        out.append(c)
        i += 1
        if body[i] != UInt8(ascii: "\r") {
          out.append(body[i])
          i += 1
        }
        continue
      }
      let escapeStart = i - base
      let e = body[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "\n"): break
      case UInt8(ascii: "\r"): if at(i) == UInt8(ascii: "\n") { i += 1 }
      case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "'"): out.append(UInt8(ascii: "'"))
      case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
      case UInt8(ascii: "a"): out.append(0x07)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "v"): out.append(0x0B)
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        var value = UInt32(e - 48)
        var count = 1
        while count < 3, at(i) >= UInt8(ascii: "0"), at(i) <= UInt8(ascii: "7") {
          value = value * 8 + UInt32(at(i) - 48)
          i += 1
          count += 1
        }
        if isBytes { out.append(UInt8(truncatingIfNeeded: value)) } else { appendScalar(value, to: &out) }
      case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
        let count = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
        if isBytes && e != UInt8(ascii: "x") {
          out.append(UInt8(ascii: "\\"))
          out.append(e)
          continue
        }
        var value: UInt32 = 0
        for k in 0..<count {
          guard let digit = hexValue(at(i)) else {
            if isBytes {
              return EscapeFailure(kind: .valueError("invalid \\x escape at position \(escapeStart)"))
            }
            let name = e == UInt8(ascii: "x") ? "\\xXX" : e == UInt8(ascii: "u") ? "\\uXXXX" : "\\UXXXXXXXX"
            return EscapeFailure(
              kind: .unicodeError(
                "'unicodeescape' codec can't decode bytes in position \(escapeStart)-\(escapeStart + 1 + k): truncated \(name) escape"))
          }
          value = value * 16 + digit
          i += 1
        }
        if isBytes {
          out.append(UInt8(truncatingIfNeeded: value))
        } else if value > 0x10FFFF {
          return EscapeFailure(
            kind: .unicodeError(
              "'unicodeescape' codec can't decode bytes in position \(escapeStart)-\(i - base - 1): illegal Unicode character"))
        } else {
          appendScalar(value, to: &out)
        }
      case UInt8(ascii: "N") where !isBytes:
        guard at(i) == UInt8(ascii: "{"), let close = body[i...].firstIndex(of: UInt8(ascii: "}")) else {
          return EscapeFailure(
            kind: .unicodeError(
              "'unicodeescape' codec can't decode bytes in position \(escapeStart)-\(escapeStart + (at(i) == UInt8(ascii: "{") ? 2 : 1)): malformed \\N character escape"))
        }
        let name = String(decoding: body[(i + 1)..<close], as: UTF8.self)
        guard let scalar = UnicodeNames.scalar(named: name) else {
          return EscapeFailure(
            kind: .unicodeError(
              "'unicodeescape' codec can't decode bytes in position \(escapeStart)-\(close - base): unknown Unicode character name"))
        }
        appendScalar(scalar.value, to: &out)
        i = close + 1
      default:
        // Unknown escapes keep their backslash (CPython warns; the value is the same).
        out.append(UInt8(ascii: "\\"))
        i -= 1
      }
    }
    return nil
  }

  private static func hexValue(_ c: UInt8) -> UInt32? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - 48)
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - 87)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - 55)
    default: return nil
    }
  }

  /// Appends a code point as UTF-8. Lone surrogates, which a Swift string cannot hold, become U+FFFD.
  private static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    out.append(contentsOf: Array(String(Character(scalar)).utf8))
  }
}

/// `\N{NAME}` lookup by the Unicode names (and name aliases) Swift knows.
enum UnicodeNames {
  static func scalar(named rawName: String) -> Unicode.Scalar? {
    table[rawName.uppercased()]
  }

  /// Built once, on the first `\N{...}` escape of the process (a lookup per escape would make a
  /// file full of them quadratic); swift_once makes the lazy initialization thread-safe.
  private static let table: [String: Unicode.Scalar] = {
    var names: [String: Unicode.Scalar] = [:]
    for range in [0x0...0x3FFFF, 0xE0000...0xE01EF] {
      for value in range {
        guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
        let properties = scalar.properties
        if let name = properties.name { names[name] = scalar }
        if let alias = properties.nameAlias, names[alias] == nil { names[alias] = scalar }
      }
    }
    return names
  }()
}
