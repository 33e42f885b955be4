// The neutral value tree that `json.loads` produces and `json.dumps` consumes. The interpreter
// converts between it and its own values; nothing here knows the interpreter's types.

import BigInt

/// A JSON document as Python sees it: objects keep insertion order (a Python dict).
public indirect enum JSONValue: Equatable {
  case null
  case bool(Bool)
  /// An int that fits in 64 bits.
  case int(Int)
  /// An int that does not fit in 64 bits.
  case bigInt(BigInt)
  case float(Double)
  case string(String)
  /// A list (or, when encoding, a tuple).
  case array([JSONValue])
  /// A dict in insertion order. Decoded keys are always `.string`; duplicate keys keep the first
  /// position and the last value, as `dict(pairs)` does.
  case object([JSONMember])
  /// Encoder input only: a value json cannot serialize; dumps raises
  /// TypeError "Object of type <typeName> is not JSON serializable".
  case unserializable(typeName: String)
}

/// One key/value pair of a JSON object.
public struct JSONMember: Equatable {
  public var key: JSONKey
  public var value: JSONValue

  public init(key: JSONKey, value: JSONValue) {
    self.key = key
    self.value = value
  }

  public init(_ key: String, _ value: JSONValue) {
    self.init(key: .string(key), value: value)
  }
}

/// A dict key as json.dumps accepts it: str, int, float, bool or None (anything else is a
/// TypeError unless skipkeys is set).
public enum JSONKey: Equatable {
  case string(String)
  case int(BigInt)
  case float(Double)
  case bool(Bool)
  case null
  /// A key of another type (tuple, ...): dumps raises TypeError or skips it.
  case unsupported(typeName: String)

  /// The decoded key text (decoded keys are always strings).
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }
}

/// A `json.JSONDecodeError` (a ValueError subclass) with CPython's fields.
public struct JSONDecodeError: Error, Equatable, CustomStringConvertible {
  /// The bare message, e.g. "Expecting value".
  public let msg: String
  /// Position in the document, in characters (code points).
  public let pos: Int
  public let lineno: Int
  public let colno: Int

  init(_ msg: String, _ scalars: [Unicode.Scalar], _ pos: Int) {
    self.msg = msg
    self.pos = pos
    var line = 1
    var lastNewline = -1
    for i in 0..<min(pos, scalars.count) where scalars[i] == "\n" {
      line += 1
      lastNewline = i
    }
    lineno = line
    colno = pos - lastNewline
  }

  public static let pythonClassName = "JSONDecodeError"

  /// `str(error)`: "Expecting value: line 1 column 1 (char 0)".
  public var message: String { "\(msg): line \(lineno) column \(colno) (char \(pos))" }
  public var description: String { "json.decoder.JSONDecodeError: \(message)" }
}
