// json.loads, following CPython's C scanner (Modules/_json.c) for what is accepted and for the
// message and position of every error. Nesting is handled with an explicit stack, so deep input
// cannot overflow the native stack; past `maxDepth` it raises RecursionError as CPython does.

import BigInt

/// Python's `json` module: `loads` and `dumps`.
public enum PyJSON {
  /// CPython's default limit on digits in an int read from text (sys.get_int_max_str_digits()).
  public static let maxIntDigits = 4300

  /// `json.loads(text)`.
  ///
  /// - Parameters:
  ///   - strict: reject control characters inside strings (Python's default).
  ///   - maxDepth: arrays/objects nested deeper raise RecursionError.
  /// - Throws: `JSONDecodeError`, or `LibraryError` (RecursionError; ValueError for ints longer
  ///   than 4300 digits).
  public static func loads(_ text: String, strict: Bool = true, maxDepth: Int = 1000) throws -> JSONValue {
    var parser = JSONParser(Array(text.unicodeScalars), strict: strict, maxDepth: maxDepth)
    return try parser.parseDocument()
  }
}

struct JSONParser {
  let s: [Unicode.Scalar]
  let strict: Bool
  let maxDepth: Int

  init(_ scalars: [Unicode.Scalar], strict: Bool, maxDepth: Int) {
    s = scalars
    self.strict = strict
    self.maxDepth = maxDepth
  }

  /// An open container while its contents are being read.
  enum Frame {
    case array([JSONValue])
    case object(ObjectBuilder, pendingKey: String)
  }

  /// "No value here": CPython's StopIteration, reported as "Expecting value".
  struct NoValue: Error {
    let position: Int
  }

  mutating func parseDocument() throws -> JSONValue {
    if s.first == "\u{FEFF}" {
      throw JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    }
    var index = skipWhitespace(0)
    let value: JSONValue
    do {
      value = try parseValue(&index)
    } catch let noValue as NoValue {
      throw JSONDecodeError("Expecting value", s, noValue.position)
    }
    index = skipWhitespace(index)
    if index != s.count { throw JSONDecodeError("Extra data", s, index) }
    return value
  }

  func skipWhitespace(_ start: Int) -> Int {
    var i = start
    while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 }
    return i
  }

  func error(_ message: String, _ position: Int) -> JSONDecodeError { JSONDecodeError(message, s, position) }

  /// Reads one value starting at `index` (whitespace already skipped) and leaves `index` after it.
  mutating func parseValue(_ index: inout Int) throws -> JSONValue {
    var stack: [Frame] = []
    var i = index
    while true {
      var value: JSONValue
      // Read a scalar value, or open a container and go read its first element.
      guard i < s.count else { throw NoValue(position: i) }
      switch s[i] {
      case "\"":
        value = .string(try scanString(from: i + 1, end: &i))
      case "{", "[":
        if stack.count >= maxDepth {
          let kind = s[i] == "{" ? "object" : "array"
          throw LibraryError(
            "RecursionError", "maximum recursion depth exceeded while decoding a JSON \(kind) from a unicode string")
        }
        let isObject = s[i] == "{"
        i = skipWhitespace(i + 1)
        if i < s.count && s[i] == (isObject ? "}" : "]") {
          i += 1
          value = isObject ? .object([]) : .array([])
        } else if isObject {
          let key = try readKey(&i)
          stack.append(.object(ObjectBuilder(), pendingKey: key))
          continue
        } else {
          stack.append(.array([]))
          continue
        }
      default:
        value = try scanLiteralOrNumber(&i)
      }
      // Hand the value to the enclosing containers, closing each one that ends here.
      while true {
        guard let frame = stack.popLast() else {
          index = i
          return value
        }
        switch frame {
        case .array(var items):
          items.append(value)
          i = skipWhitespace(i)
          if i < s.count && s[i] == "]" {
            i += 1
            value = .array(items)
            continue
          }
          guard i < s.count && s[i] == "," else { throw error("Expecting ',' delimiter", i) }
          i = skipWhitespace(i + 1)
          stack.append(.array(items))
        case .object(var builder, let key):
          builder.set(key, value)
          i = skipWhitespace(i)
          if i < s.count && s[i] == "}" {
            i += 1
            value = .object(builder.members)
            continue
          }
          guard i < s.count && s[i] == "," else { throw error("Expecting ',' delimiter", i) }
          i = skipWhitespace(i + 1)
          let nextKey = try readKey(&i)
          stack.append(.object(builder, pendingKey: nextKey))
        }
        break
      }
    }
  }

  /// Reads `"key" :` and the whitespace after it.
  func readKey(_ i: inout Int) throws -> String {
    guard i < s.count && s[i] == "\"" else {
      throw error("Expecting property name enclosed in double quotes", i)
    }
    let key = try scanString(from: i + 1, end: &i)
    i = skipWhitespace(i)
    guard i < s.count && s[i] == ":" else { throw error("Expecting ':' delimiter", i) }
    i = skipWhitespace(i + 1)
    return key
  }

  func matches(_ word: String, at i: Int) -> Bool {
    let chars = Array(word.unicodeScalars)
    guard i + chars.count <= s.count else { return false }
    for (offset, ch) in chars.enumerated() where s[i + offset] != ch { return false }
    return true
  }

  mutating func scanLiteralOrNumber(_ i: inout Int) throws -> JSONValue {
    let literals: [(String, JSONValue)] = [
      ("null", .null), ("true", .bool(true)), ("false", .bool(false)), ("NaN", .float(.nan)),
      ("Infinity", .float(.infinity)), ("-Infinity", .float(-.infinity)),
    ]
    for (word, value) in literals where matches(word, at: i) {
      i += word.unicodeScalars.count
      return value
    }
    return try scanNumber(&i)
  }

  /// CPython's `_match_number_unicode`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, where a
  /// dangling fraction or exponent is left for the caller (and becomes "Extra data").
  func scanNumber(_ i: inout Int) throws -> JSONValue {
    let start = i
    var idx = i
    func isDigit(_ k: Int) -> Bool { k < s.count && s[k].value >= 48 && s[k].value <= 57 }
    if idx < s.count && s[idx] == "-" {
      idx += 1
      if idx >= s.count { throw NoValue(position: start) }
    }
    if isDigit(idx) && s[idx] != "0" {
      idx += 1
      while isDigit(idx) { idx += 1 }
    } else if idx < s.count && s[idx] == "0" {
      idx += 1
    } else {
      throw NoValue(position: start)
    }
    var isFloat = false
    if idx + 1 < s.count && s[idx] == "." && isDigit(idx + 1) {
      isFloat = true
      idx += 2
      while isDigit(idx) { idx += 1 }
    }
    if idx + 1 < s.count && (s[idx] == "e" || s[idx] == "E") {
      let exponentStart = idx
      idx += 1
      if idx + 1 < s.count && (s[idx] == "-" || s[idx] == "+") { idx += 1 }
      while isDigit(idx) { idx += 1 }
      if isDigit(idx - 1) {
        isFloat = true
      } else {
        idx = exponentStart
      }
    }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: s[start..<idx])
    let literal = String(text)
    i = idx
    if isFloat { return .float(parseDouble(literal)) }
    if let small = Int(literal) { return .int(small) }
    let digits = literal.hasPrefix("-") ? literal.count - 1 : literal.count
    if digits > PyJSON.maxIntDigits {
      throw LibraryError.value(
        "Exceeds the limit (\(PyJSON.maxIntDigits) digits) for integer string conversion: value has \(digits) digits; "
          + "use sys.set_int_max_str_digits() to increase the limit")
    }
    return .bigInt(BigInt(literal) ?? 0)
  }

  /// Correctly rounded decimal-to-double; out-of-range exponents give ±inf or ±0 like strtod.
  func parseDouble(_ literal: String) -> Double {
    if let value = Double(literal) { return value }
    let negative = literal.hasPrefix("-")
    let exponentNegative = literal.contains("e-") || literal.contains("E-")
    let magnitude = exponentNegative ? 0.0 : Double.infinity
    return negative ? -magnitude : magnitude
  }

  /// CPython's `scanstring_unicode`: reads the string whose opening quote is at `begin - 1`;
  /// leaves `end` after the closing quote.
  func scanString(from begin: Int, end: inout Int) throws -> String {
    let quote = begin - 1
    var out = ""
    var i = begin
    while true {
      // Copy plain characters up to the next quote or backslash.
      var next = i
      while next < s.count {
        let d = s[next]
        if d == "\"" || d == "\\" { break }
        if d.value <= 0x1F && strict { throw error("Invalid control character at", next) }
        next += 1
      }
      guard next < s.count else { throw error("Unterminated string starting at", quote) }
      for k in i..<next { out.unicodeScalars.append(s[k]) }
      if s[next] == "\"" {
        end = next + 1
        return out
      }
      next += 1  // past the backslash
      guard next < s.count else { throw error("Unterminated string starting at", quote) }
      let c = s[next]
      if c != "u" {
        let decoded: Unicode.Scalar
        switch c {
        case "\"", "\\", "/": decoded = c
        case "b": decoded = "\u{08}"
        case "f": decoded = "\u{0C}"
        case "n": decoded = "\n"
        case "r": decoded = "\r"
        case "t": decoded = "\t"
        default: throw error("Invalid \\escape", next - 1)
        }
        out.unicodeScalars.append(decoded)
        i = next + 1
        continue
      }
      next += 1
      var escapeEnd = next + 4
      if escapeEnd >= s.count { throw error("Invalid \\uXXXX escape", next - 1) }
      var code = try hex4(at: next, errorAt: escapeEnd - 5)
      next = escapeEnd
      // A high surrogate followed by an escaped low surrogate is one character.
      if (0xD800...0xDBFF).contains(code) && escapeEnd + 6 < s.count && s[next] == "\\" && s[next + 1] == "u" {
        escapeEnd += 6
        let low = try hex4(at: next + 2, errorAt: escapeEnd - 5)
        if (0xDC00...0xDFFF).contains(low) {
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          next = escapeEnd
        } else {
          escapeEnd -= 6
        }
      }
      // Swift strings cannot hold a lone surrogate; U+FFFD stands in for it.
      out.unicodeScalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
      i = escapeEnd
    }
  }

  func hex4(at start: Int, errorAt position: Int) throws -> UInt32 {
    var code: UInt32 = 0
    for k in start..<(start + 4) {
      guard k < s.count, let digit = s[k].properties.isASCIIHexDigit ? UInt32(String(s[k]), radix: 16) : nil else {
        throw error("Invalid \\uXXXX escape", position)
      }
      code = code << 4 | digit
    }
    return code
  }
}

/// Object members in insertion order with Python dict semantics for repeated keys. Keys compare
/// by code points (Python's str equality), not by Swift's canonical equivalence.
struct ObjectBuilder {
  var members: [JSONMember] = []
  var positions: [CodePointKey: Int] = [:]

  mutating func set(_ key: String, _ value: JSONValue) {
    let wrapped = CodePointKey(key)
    if let existing = positions[wrapped] {
      members[existing].value = value
    } else {
      positions[wrapped] = members.count
      members.append(JSONMember(key: .string(key), value: value))
    }
  }
}

/// A String that hashes and compares by its Unicode scalars, as Python's str does.
struct CodePointKey: Hashable {
  let text: String
  init(_ text: String) { self.text = text }
  static func == (a: CodePointKey, b: CodePointKey) -> Bool {
    a.text.unicodeScalars.elementsEqual(b.text.unicodeScalars)
  }
  func hash(into hasher: inout Hasher) {
    for scalar in text.unicodeScalars { hasher.combine(scalar.value) }
  }
}
