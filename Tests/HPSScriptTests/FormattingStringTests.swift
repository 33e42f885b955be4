import Testing
@testable import HPSScript

/// Renders parsed templates with a tiny model of the generator's ARGS/KWARGS and compares with
/// CPython's str.format.
@Suite("str.format template parsing")
struct FormattingStringTests {
  indirect enum Value {
    case int(Int), float(Double), str(String), list([Value]), dict([(String, Value)]), obj

    var typeName: String {
      switch self {
      case .int: return "int"
      case .float: return "float"
      case .str: return "str"
      case .list: return "list"
      case .dict: return "dict"
      case .obj: return "Obj"
      }
    }

    var repr: String {
      switch self {
      case .int(let i): return String(i)
      case .float(let d): return PythonFloat.repr(d)
      case .str(let s): return PythonStringRepr.repr(s)
      case .list(let items): return "[" + items.map(\.repr).joined(separator: ", ") + "]"
      case .dict(let pairs): return "{" + pairs.map { PythonStringRepr.repr($0.0) + ": " + $0.1.repr }.joined(separator: ", ") + "}"
      case .obj: return "Obj()"
      }
    }

    var str: String {
      if case .str(let s) = self { return s }
      return repr
    }
  }

  struct Raised: Error {
    let kind: String
    let message: String
  }

  static let args: [Value] = [
    .int(42), .float(3.14159), .str("text"), .list([.int(10), .int(20), .int(30)]),
    .dict([("k", .str("v")), ("n", .int(7)), ("0", .str("zero-key"))]), .obj,
  ]
  static let kwargs: [String: Value] = [
    "name": .str("Ann"), "x": .float(2.5), "w": .int(8), "p": .int(3), "obj": .obj,
    "lst": .list([.str("a"), .str("b")]),
  ]

  static func render(_ pieces: [FormatStringPiece]) throws -> String {
    var out = ""
    for piece in pieces {
      switch piece {
      case .literal(let text): out += text
      case .field(let field): out += try render(field)
      }
    }
    return out
  }

  static func render(_ field: FormatStringField) throws -> String {
    var value: Value
    switch field.argument {
    case .positional(let index):
      guard index < args.count else {
        throw Raised(kind: "IndexError", message: "Replacement index \(index) out of range for positional args tuple")
      }
      value = args[index]
    case .keyword(let name):
      guard let found = kwargs[name] else { throw Raised(kind: "KeyError", message: PythonStringRepr.repr(name)) }
      value = found
    }
    for accessor in field.accessors {
      switch (accessor, value) {
      case (.attribute("attr"), .obj): value = .str("A")
      case (.attribute("num"), .obj): value = .int(5)
      case (.attribute(let name), _):
        throw Raised(kind: "AttributeError", message: "'\(value.typeName)' object has no attribute '\(name)'")
      case (.index(let i), .list(let items)):
        guard i < items.count else { throw Raised(kind: "IndexError", message: "list index out of range") }
        value = items[i]
      case (.index(let i), .dict):
        throw Raised(kind: "KeyError", message: String(i))
      case (.key(let k), .dict(let pairs)):
        guard let found = pairs.first(where: { $0.0 == k }) else {
          throw Raised(kind: "KeyError", message: PythonStringRepr.repr(k))
        }
        value = found.1
      case (.key, .list):
        throw Raised(kind: "TypeError", message: "list indices must be integers or slices, not str")
      default:
        throw Raised(kind: "TypeError", message: "'\(value.typeName)' object is not subscriptable")
      }
    }
    switch field.conversion {
    case .repr?: value = .str(value.repr)
    case .str?: value = .str(value.str)
    case .ascii?: value = .str(PythonStringRepr.ascii(fromRepr: value.repr))
    case nil: break
    }
    let spec = try render(field.spec)
    switch value {
    case .int(let i): return try PythonFormat.format(i, spec: spec)
    case .float(let d): return try PythonFormat.format(d, spec: spec)
    case .str(let s): return try PythonFormat.format(s, spec: spec)
    case .obj: return "Obj<\(spec)>"
    default:
      if spec.isEmpty { return value.str }
      throw PythonFormat.unsupportedFormat(typeName: value.typeName)
    }
  }

  @Test("Templates render like CPython's str.format, errors included")
  func oracleTable() {
    let rows = oracleRows(formatStringCases)
    #expect(rows.count > 70)
    for row in rows {
      var got: (String, String)
      do {
        got = ("ok", try Self.render(try FormatString.parse(row[0])))
      } catch let error as FormattingError {
        got = (error.pythonClassName, error.message)
      } catch let error as Raised {
        got = (error.kind, error.message)
      } catch {
        got = ("unexpected", "\(error)")
      }
      #expect(got == (row[1], row[2]), "'\(row[0])'.format(...)")
    }
  }

  @Test("Parsed structure of a nested field")
  func structure() throws {
    let pieces = try FormatString.parse("a{0.x[2]!r:>{1}}b{{")
    #expect(pieces == [
      .literal("a"),
      .field(FormatStringField(
        argument: .positional(0), accessors: [.attribute("x"), .index(2)], conversion: .repr,
        spec: [.literal(">"), .field(FormatStringField(argument: .positional(1), accessors: [], conversion: nil, spec: []))])),
      .literal("b{"),
    ])
  }
}
