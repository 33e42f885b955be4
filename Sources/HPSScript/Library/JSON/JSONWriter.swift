// json.dumps, byte-identical to CPython's encoder: separators, indentation, key conversion and
// ordering, ASCII escaping with surrogate pairs, and the NaN/Infinity spellings.

import BigInt

/// The keyword arguments of `json.dumps` that shape the text.
public struct JSONDumpOptions {
  /// The indentation unit, or nil for a single line. Python's `indent=n` is n spaces
  /// (negative n is ""), `indent="\t"` is the string itself.
  public var indent: String?
  /// Between items; Python's default is ", " without indent and "," with one.
  public var itemSeparator: String
  /// Between key and value.
  public var keySeparator: String
  public var sortKeys: Bool
  public var ensureASCII: Bool
  public var allowNaN: Bool
  public var skipKeys: Bool
  /// Containers nested deeper raise RecursionError.
  public var maxDepth: Int

  public init(
    indent: String? = nil, separators: (item: String, key: String)? = nil, sortKeys: Bool = false,
    ensureASCII: Bool = true, allowNaN: Bool = true, skipKeys: Bool = false, maxDepth: Int = 1000
  ) {
    self.indent = indent
    itemSeparator = separators?.item ?? (indent == nil ? ", " : ",")
    keySeparator = separators?.key ?? ": "
    self.sortKeys = sortKeys
    self.ensureASCII = ensureASCII
    self.allowNaN = allowNaN
    self.skipKeys = skipKeys
    self.maxDepth = maxDepth
  }

  /// Python's `indent=n`.
  public static func spaces(_ n: Int) -> String { String(repeating: " ", count: max(n, 0)) }
}

extension PyJSON {
  /// `json.dumps(value, ...)`. Throws `LibraryError` (TypeError, ValueError, RecursionError)
  /// with CPython's messages.
  public static func dumps(_ value: JSONValue, options: JSONDumpOptions = JSONDumpOptions()) throws -> String {
    var writer = JSONWriter(options: options)
    try writer.write(value, level: 0)
    return writer.out
  }

  /// `json.dumps` of a str on its own (also what dumps writes for every string and key).
  public static func quote(_ text: String, ensureASCII: Bool = true) -> String {
    var out = ""
    JSONWriter.appendQuoted(text, ensureASCII: ensureASCII, to: &out)
    return out
  }
}

struct JSONWriter {
  let options: JSONDumpOptions
  var out = ""

  init(options: JSONDumpOptions) { self.options = options }

  mutating func write(_ value: JSONValue, level: Int) throws {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .bigInt(let i): out += String(i)
    case .float(let d): out += try floatText(d)
    case .string(let text): Self.appendQuoted(text, ensureASCII: options.ensureASCII, to: &out)
    case .unserializable(let typeName):
      throw LibraryError.type("Object of type \(typeName) is not JSON serializable")
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      try enter(level)
      out += "["
      let separator = openIndent(level + 1)
      for (index, item) in items.enumerated() {
        if index > 0 { out += separator }
        try write(item, level: level + 1)
      }
      closeIndent(level)
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      try enter(level)
      let ordered = options.sortKeys ? try sorted(members) : members
      out += "{"
      let separator = openIndent(level + 1)
      var first = true
      for member in ordered {
        guard let key = try keyText(member.key) else { continue }
        if !first { out += separator }
        first = false
        Self.appendQuoted(key, ensureASCII: options.ensureASCII, to: &out)
        out += options.keySeparator
        try write(member.value, level: level + 1)
      }
      closeIndent(level)
      out += "}"
    }
  }

  func enter(_ level: Int) throws {
    if level >= options.maxDepth {
      throw LibraryError("RecursionError", "maximum recursion depth exceeded while encoding a JSON object")
    }
  }

  /// Writes the newline and indentation after an opening bracket; returns the item separator.
  mutating func openIndent(_ level: Int) -> String {
    guard let indent = options.indent else { return options.itemSeparator }
    let newline = "\n" + String(repeating: indent, count: level)
    out += newline
    return options.itemSeparator + newline
  }

  mutating func closeIndent(_ level: Int) {
    guard let indent = options.indent else { return }
    out += "\n" + String(repeating: indent, count: level)
  }

  func floatText(_ d: Double) throws -> String {
    if d.isFinite { return PythonFloat.repr(d) }
    if !options.allowNaN { throw LibraryError.value("Out of range float values are not JSON compliant") }
    return d.isNaN ? "NaN" : d > 0 ? "Infinity" : "-Infinity"
  }

  /// A dict key as dumps writes it; nil when skipkeys drops it.
  func keyText(_ key: JSONKey) throws -> String? {
    switch key {
    case .string(let text): return text
    case .int(let i): return String(i)
    case .float(let d): return try floatText(d)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .unsupported(let typeName):
      if options.skipKeys { return nil }
      throw LibraryError.type("keys must be str, int, float, bool or None, not \(typeName)")
    }
  }

  /// `sorted(dct.items())`: str keys by code point, numeric keys (bool, int, float) by value;
  /// mixing the two (or None with anything) is CPython's TypeError.
  func sorted(_ members: [JSONMember]) throws -> [JSONMember] {
    enum Rank { case text([UInt32]), number(Double, BigInt?), other }
    func rank(_ key: JSONKey) -> Rank {
      switch key {
      case .string(let s): return .text(s.unicodeScalars.map(\.value))
      case .int(let i): return .number(PythonInt.toDouble(i) ?? (i > 0 ? .infinity : -.infinity), i)
      case .float(let d): return .number(d, nil)
      case .bool(let b): return .number(b ? 1 : 0, b ? 1 : 0)
      default: return .other
      }
    }
    func typeName(_ key: JSONKey) -> String {
      switch key {
      case .string: return "str"
      case .int: return "int"
      case .float: return "float"
      case .bool: return "bool"
      case .null: return "NoneType"
      case .unsupported(let name): return name
      }
    }
    let ranks = members.map { rank($0.key) }
    for index in 1..<max(ranks.count, 1) {
      let compatible: Bool
      switch (ranks[index - 1], ranks[index]) {
      case (.text, .text), (.number, .number): compatible = true
      default: compatible = false
      }
      if !compatible {
        throw LibraryError.type(
          "'<' not supported between instances of '\(typeName(members[index].key))' and '\(typeName(members[index - 1].key))'"
        )
      }
    }
    let order = ranks.indices.sorted { a, b in
      switch (ranks[a], ranks[b]) {
      case (.text(let x), .text(let y)):
        return x.lexicographicallyPrecedes(y)
      case (.number(let x, let bigX), .number(let y, let bigY)):
        if let bigX, let bigY { return bigX < bigY }
        return x < y
      default:
        return false
      }
    }
    return order.map { members[$0] }
  }

  /// Python's `py_encode_basestring_ascii` / `py_encode_basestring`.
  static func appendQuoted(_ text: String, ensureASCII: Bool, to out: inout String) {
    out.unicodeScalars.append("\"")
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 || (ensureASCII && scalar.value > 0x7E) {
          if scalar.value > 0xFFFF {
            let v = scalar.value - 0x10000
            appendUnicodeEscape(0xD800 | (v >> 10), to: &out)
            appendUnicodeEscape(0xDC00 | (v & 0x3FF), to: &out)
          } else {
            appendUnicodeEscape(scalar.value, to: &out)
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.unicodeScalars.append("\"")
  }

  static func appendUnicodeEscape(_ value: UInt32, to out: inout String) {
    let hex = String(value, radix: 16)
    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
