import BigInt
import Testing
@testable import HPSScript

@Suite("json.loads and json.dumps against CPython")
struct JSONTests {
  /// Python's repr of the value json.loads returns.
  static func pythonRepr(_ value: JSONValue) -> String {
    switch value {
    case .null: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .bigInt(let i): return String(i)
    case .float(let d): return PythonFloat.repr(d)
    case .string(let s): return PythonStringRepr.repr(s)
    case .array(let items): return "[" + items.map(pythonRepr).joined(separator: ", ") + "]"
    case .object(let members):
      let parts = members.map { PythonStringRepr.repr($0.key.stringValue ?? "?") + ": " + pythonRepr($0.value) }
      return "{" + parts.joined(separator: ", ") + "}"
    case .unserializable(let name): return "<\(name)>"
    }
  }

  static func options(_ spec: String) -> JSONDumpOptions {
    var indent: String?
    var separators: (String, String)?
    var sortKeys = false, ascii = true, nan = true
    for part in spec.split(separator: ";") {
      let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let value = String(pair[1])
      switch pair[0] {
      case "indent":
        indent = value.hasPrefix("s:") ? String(value.dropFirst(2)) : JSONDumpOptions.spaces(Int(value) ?? 0)
      case "sep":
        let halves = value.split(separator: "|", omittingEmptySubsequences: false)
        separators = (String(halves[0]), String(halves[1]))
      case "sort": sortKeys = true
      case "ascii": ascii = false
      default: nan = false
      }
    }
    return JSONDumpOptions(indent: indent, separators: separators, sortKeys: sortKeys, ensureASCII: ascii, allowNaN: nan)
  }

  static func outcome(_ body: () throws -> String) -> (String, String) {
    do {
      return ("ok", try body())
    } catch let error as JSONDecodeError {
      return (JSONDecodeError.pythonClassName, error.message)
    } catch let error as LibraryError {
      return (error.pythonClassName, error.message)
    } catch {
      return ("unexpected", "\(error)")
    }
  }

  @Test("json.loads: values, errors and positions match CPython")
  func decode() {
    let rows = oracleRows(jsonDecodeCases)
    #expect(rows.count > 200)
    for row in rows {
      let got = Self.outcome { Self.pythonRepr(try PyJSON.loads(row[0])) }
      #expect(got == (row[1], row[2]), "json.loads(\(PythonStringRepr.repr(String(row[0].prefix(60)))))")
    }
  }

  @Test("json.dumps: byte-identical output for every option set")
  func encode() throws {
    let rows = oracleRows(jsonEncodeCases)
    #expect(rows.count > 1000)
    for row in rows {
      let value = try PyJSON.loads(row[0])
      let got = Self.outcome { try PyJSON.dumps(value, options: Self.options(row[1])) }
      #expect(got == (row[2], row[3]), "json.dumps(\(row[0].prefix(60)), \(row[1]))")
    }
  }

  @Test("Keys of every accepted type, and the errors for the rest")
  func keys() throws {
    // Expected strings from python3: json.dumps({2: 1, 1.5: 2, True: 3, None: 4, float('inf'): 5}) etc.
    let mixed = JSONValue.object([
      JSONMember(key: .int(2), value: .int(1)), JSONMember(key: .float(1.5), value: .int(2)),
      JSONMember(key: .bool(true), value: .int(3)), JSONMember(key: .null, value: .int(4)),
      JSONMember(key: .float(.infinity), value: .int(5)),
    ])
    #expect(try PyJSON.dumps(mixed) == #"{"2": 1, "1.5": 2, "true": 3, "null": 4, "Infinity": 5}"#)
    // json.dumps({10: 'a', 9: 'b', 9.5: 'c'}, sort_keys=True) sorts numerically.
    let numbers = JSONValue.object([
      JSONMember(key: .int(10), value: .string("a")), JSONMember(key: .int(9), value: .string("b")),
      JSONMember(key: .float(9.5), value: .string("c")),
    ])
    #expect(try PyJSON.dumps(numbers, options: JSONDumpOptions(sortKeys: true)) == #"{"9": "b", "9.5": "c", "10": "a"}"#)
    let tupleKey = JSONValue.object([JSONMember(key: .unsupported(typeName: "tuple"), value: .int(3))])
    #expect(throws: LibraryError.type("keys must be str, int, float, bool or None, not tuple")) {
      try PyJSON.dumps(tupleKey)
    }
    #expect(try PyJSON.dumps(tupleKey, options: JSONDumpOptions(skipKeys: true)) == "{}")
    let mixedSort = JSONValue.object([JSONMember(key: .int(1), value: .int(2)), JSONMember("a", .int(3))])
    #expect(throws: LibraryError.type("'<' not supported between instances of 'str' and 'int'")) {
      try PyJSON.dumps(mixedSort, options: JSONDumpOptions(sortKeys: true))
    }
    #expect(throws: LibraryError.type("Object of type object is not JSON serializable")) {
      try PyJSON.dumps(.array([.unserializable(typeName: "object")]))
    }
  }

  @Test("A lone surrogate escape decodes to U+FFFD (Swift strings cannot hold surrogates)")
  func loneSurrogate() throws {
    #expect(try PyJSON.loads(#""\ud83dx""#) == .string("\u{FFFD}x"))
    #expect(try PyJSON.loads(#""\ude00""#) == .string("\u{FFFD}"))
  }

  @Test("Nesting far past the limit is an error, never a stack overflow")
  func deepNesting() {
    let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
    #expect(throws: LibraryError(
      "RecursionError", "maximum recursion depth exceeded while decoding a JSON array from a unicode string")
    ) { try PyJSON.loads(deep) }
    var value = JSONValue.int(1)
    for _ in 0..<5000 { value = .array([value]) }
    #expect(throws: LibraryError("RecursionError", "maximum recursion depth exceeded while encoding a JSON object")) {
      try PyJSON.dumps(value)
    }
    let nested = String(repeating: "[", count: 900) + String(repeating: "]", count: 900)
    #expect((try? PyJSON.loads(nested)) != nil)
  }

  @Test("Random documents round-trip through dumps and loads")
  func roundTrip() throws {
    var rng = SeededGenerator(seed: 99)
    func randomValue(_ depth: Int) -> JSONValue {
      switch rng.next() % (depth > 3 ? 5 : 7) {
      case 0: return .null
      case 1: return .bool(rng.next() % 2 == 0)
      case 2: return .int(Int(truncatingIfNeeded: rng.next()))
      case 3: return .float(Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF))
      case 4:
        let scalars = (0..<Int(rng.next() % 6)).compactMap { _ in Unicode.Scalar(UInt32(rng.next() % 0x11000)) }
        return .string(String(String.UnicodeScalarView(scalars)))
      case 5: return .array((0..<Int(rng.next() % 4)).map { _ in randomValue(depth + 1) })
      default:
        var builder = ObjectBuilder()
        for k in 0..<Int(rng.next() % 4) { builder.set("k\(k)", randomValue(depth + 1)) }
        return .object(builder.members)
      }
    }
    for _ in 0..<300 {
      let value = randomValue(0)
      for options in [JSONDumpOptions(), JSONDumpOptions(indent: "  ", ensureASCII: false)] {
        let text = try PyJSON.dumps(value, options: options)
        #expect(try PyJSON.loads(text) == value, "\(text)")
      }
    }
  }
}
