// A JSON value with an exact text round trip: user/system attributes and stored distributions
// are kept as JSON, and `1`, `1.0` and `true` must stay distinct (Foundation's JSONSerialization
// blurs them into NSNumber).
import Foundation

/// A JSON document. Numbers keep their kind: `int` for integer literals, `double` otherwise.
/// NaN and ±Infinity are written as Python's `json` module writes them (`NaN`, `Infinity`).
public enum JSONValue: Sendable, Hashable, CustomStringConvertible {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Compact JSON text with object keys sorted, so equal values serialize identically.
  public var jsonText: String {
    var out = ""
    write(into: &out)
    return out
  }

  public var description: String { jsonText }

  private func write(into out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d):
      if d.isNaN {
        out += "NaN"
      } else if d.isInfinite {
        out += d > 0 ? "Infinity" : "-Infinity"
      } else {
        out += d.description
      }
    case .string(let s): JSONValue.writeString(s, into: &out)
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += ", " }
        item.write(into: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (i, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
        if i > 0 { out += ", " }
        JSONValue.writeString(member.key, into: &out)
        out += ": "
        member.value.write(into: &out)
      }
      out += "}"
    }
  }

  private static func writeString(_ s: String, into out: inout String) {
    // Most strings (parameter names, attribute keys) need no escaping.
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      out += "\""
      out += s
      out += "\""
      return
    }
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }

  // MARK: - Accessors

  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The value as a Double when it is a number (an `int` widens).
  public var doubleValue: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .double(let d): return d
    default: return nil
    }
  }

  public var intValue: Int? {
    switch self {
    case .int(let i): return i
    case .double(let d) where d.rounded() == d && abs(d) < 9.0e18: return Int(d)
    default: return nil
    }
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  // MARK: - Parsing

  /// Parses JSON text (plus Python's NaN/Infinity extensions).
  /// - Throws: `SearchError.invalidJSON` naming the offset of the first problem.
  public static func parse(_ text: String) throws -> JSONValue {
    var parser = JSONParser(bytes: Array(text.utf8))
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else {
      throw SearchError.invalidJSON(message: "unexpected text at offset \(parser.index)")
    }
    return value
  }
}

/// A recursive-descent JSON reader over UTF-8 bytes.
private struct JSONParser {
  let bytes: [UInt8]
  var index = 0
  /// Nesting limit, so hostile input cannot overflow the native stack.
  static let maxDepth = 512
  var depth = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
  }

  func fail(_ message: String) -> SearchError {
    SearchError.invalidJSON(message: "\(message) at offset \(index)")
  }

  mutating func consume(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let matches = literal.withUTF8Buffer { lit in
      for k in 0..<count where bytes[index + k] != lit[k] { return false }
      return true
    }
    if matches { index += count }
    return matches
  }

  mutating func parseValue() throws -> JSONValue {
    skipWhitespace()
    guard index < bytes.count else { throw fail("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "n"):
      if consume("null") { return .null }
    case UInt8(ascii: "t"):
      if consume("true") { return .bool(true) }
    case UInt8(ascii: "f"):
      if consume("false") { return .bool(false) }
    case UInt8(ascii: "N"):
      if consume("NaN") { return .double(.nan) }
    case UInt8(ascii: "I"):
      if consume("Infinity") { return .double(.infinity) }
    case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "I"):
      if consume("-Infinity") { return .double(-.infinity) }
    default:
      return try parseNumber()
    }
    throw fail("unexpected character")
  }

  mutating func parseObject() throws -> JSONValue {
    depth += 1
    defer { depth -= 1 }
    guard depth <= JSONParser.maxDepth else { throw fail("nesting too deep") }
    index += 1
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw fail("expected a string key")
      }
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      index += 1
      members[key] = try parseValue()
      skipWhitespace()
      guard index < bytes.count else { throw fail("unterminated object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      } else {
        throw fail("expected ',' or '}'")
      }
    }
  }

  mutating func parseArray() throws -> JSONValue {
    depth += 1
    defer { depth -= 1 }
    guard depth <= JSONParser.maxDepth else { throw fail("nesting too deep") }
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      items.append(try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw fail("unterminated array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      } else {
        throw fail("expected ',' or ']'")
      }
    }
  }

  mutating func parseString() throws -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    func flush() {
      if !raw.isEmpty {
        scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
        raw.removeAll()
      }
    }
    while index < bytes.count {
      let b = bytes[index]
      if b == UInt8(ascii: "\"") {
        index += 1
        flush()
        return String(scalars)
      }
      if b == UInt8(ascii: "\\") {
        flush()
        index += 1
        guard index < bytes.count else { break }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "b"): scalars.append("\u{8}")
        case UInt8(ascii: "f"): scalars.append("\u{C}")
        case UInt8(ascii: "u"):
          var code = try parseHex4()
          if (0xD800..<0xDC00).contains(code), consume("\\u") {
            let low = try parseHex4()
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        default: scalars.append(Unicode.Scalar(e))
        }
      } else {
        raw.append(b)
        index += 1
      }
    }
    throw fail("unterminated string")
  }

  mutating func parseHex4() throws -> UInt32 {
    guard index + 4 <= bytes.count,
      let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { throw fail("bad \\u escape") }
    index += 4
    return code
  }

  mutating func parseNumber() throws -> JSONValue {
    let start = index
    var isInteger = true
    while index < bytes.count {
      let b = bytes[index]
      if (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
        index += 1
      } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
        isInteger = false
        index += 1
      } else {
        break
      }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let i = Int(text) { return .int(i) }
    if let d = Double(text), !text.isEmpty { return .double(d) }
    index = start
    throw fail("unexpected character")
  }
}
