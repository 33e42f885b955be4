import BigInt
import Testing
@testable import HPSScript

@Suite("printf-style % formatting")
struct FormattingPercentTests {
  /// Decodes one operand item of the oracle table (see gen_percent_cases.py).
  static func argument(_ item: Substring) -> PercentArgument {
    let payload = String(item.dropFirst())
    switch item.first {
    case "i": return .int(BigInt(payload) ?? 0)
    case "b": return .bool(payload == "1")
    case "f": return .float(doubleFromHexBits(payload))
    case "s": return .string(payload)
    case "n": return .other(typeName: "NoneType", str: "None", repr: "None")
    case "l": return .other(typeName: "list", str: payload, repr: payload)
    default: return .other(typeName: "tuple", str: payload, repr: payload)
    }
  }

  static func operand(_ text: String) -> PercentOperand {
    let body = text.dropFirst()
    let items = body.split(separator: "\u{1F}", omittingEmptySubsequences: false)
    switch text.first {
    case "T":
      return .tuple(body.isEmpty ? [] : items.map { argument($0) })
    case "M":
      var table: [String: PercentArgument] = [:]
      for entry in items {
        let parts = entry.split(separator: "\u{1E}", maxSplits: 1, omittingEmptySubsequences: false)
        table[String(parts[0])] = argument(parts[1])
      }
      let dict = PercentArgument.other(typeName: "dict", str: "{...}", repr: "{...}")
      return .single(dict, mapping: { table[$0] })
    default:
      let single = argument(body)
      // Lists support item lookup, so CPython treats them as mappings too.
      if case .other = single.value, single.typeName == "list" {
        return .single(single, mapping: { _ in nil })
      }
      return .single(single, mapping: nil)
    }
  }

  @Test("template % operand matches CPython")
  func oracleTable() {
    let rows = oracleRows(percentCases)
    #expect(rows.count > 1000)
    for row in rows {
      let got = FormattingSpecTests.outcome { try PercentFormat.format(row[0], Self.operand(row[1])) }
      #expect(got == (row[2], row[3]), "'\(row[0])' % \(row[1])")
    }
  }

  @Test("Messages named in the issue")
  func namedMessages() {
    #expect(FormattingSpecTests.outcome { try PercentFormat.format("%s %s", .tuple([.int(1)])) }
      == ("TypeError", "not enough arguments for format string"))
    #expect(FormattingSpecTests.outcome { try PercentFormat.format("%s", .tuple([.int(1), .int(2)])) }
      == ("TypeError", "not all arguments converted during string formatting"))
    #expect(FormattingSpecTests.outcome { try PercentFormat.format("%d", .single(.string("x"), mapping: nil)) }
      == ("TypeError", "%d format: a real number is required, not str"))
    #expect(FormattingSpecTests.outcome { try PercentFormat.format("abc%y", .single(.int(1), mapping: nil)) }
      == ("ValueError", "unsupported format character 'y' (0x79) at index 4"))
  }

  @Test("str and repr are computed only when a conversion needs them")
  func lazyConversions() throws {
    var reprCalls = 0
    let argument = PercentArgument(
      value: .other, typeName: "Point", str: { "P" },
      repr: {
        reprCalls += 1
        return "Point(1, 2)"
      })
    #expect(try PercentFormat.format("%s", .single(argument, mapping: nil)) == "P")
    #expect(reprCalls == 0)
    #expect(try PercentFormat.format("%r|%a", .tuple([argument, argument])) == "Point(1, 2)|Point(1, 2)")
    #expect(reprCalls == 2)
  }
}

@Suite("repr and ascii of str")
struct FormattingStringReprTests {
  @Test("repr/ascii of seeded random strings match live python3")
  func liveOracle() throws {
    var rng = SeededGenerator(seed: 7)
    var strings: [String] = []
    let pools: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x24F, 0x2000...0x206F, 0x300...0x2FFF, 0xE000...0xE0FF]
    for _ in 0..<300 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int(rng.next() % 8) {
        let pool = pools[Int(rng.next() % UInt64(pools.count))]
        let value = pool.lowerBound + UInt32(rng.next() % UInt64(pool.count))
        if let scalar = Unicode.Scalar(value), value != 0x0A, value != 0x0D { scalars.append(scalar) }
      }
      strings.append(String(scalars))
    }
    // Hex code points in, one repr and one ascii per line out.
    let input = strings.map { $0.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: ",") }
      .map { $0.isEmpty ? "-" : $0 }.joined(separator: "\n")
    let script = """
      import sys
      for line in sys.stdin.read().split('\\n'):
          s = '' if line == '-' else ''.join(chr(int(h, 16)) for h in line.split(','))
          print(repr(s).encode('unicode_escape').decode('ascii'), ascii(s))
      """
    let lines = try PythonOracle.run(script, input: input).split(separator: "\n").map(String.init)
    try #require(lines.count == strings.count)
    for (s, line) in zip(strings, lines) {
      let repr = PythonStringRepr.repr(s)
      // The oracle's repr comes back escaped to ASCII so the pipe carries no encoding questions.
      var escaped = ""
      for scalar in repr.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case _ where scalar.value >= 0x20 && scalar.value < 0x7F: escaped.unicodeScalars.append(scalar)
        default:
          let hex = String(scalar.value, radix: 16)
          if scalar.value <= 0xFF {
            escaped += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
          } else {
            escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
          }
        }
      }
      #expect("\(escaped) \(PythonStringRepr.ascii(fromRepr: repr))" == line)
    }
  }
}
