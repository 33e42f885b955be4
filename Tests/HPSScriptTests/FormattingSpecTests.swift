import BigInt
import Testing
@testable import HPSScript

@Suite("Format-spec mini-language")
struct FormattingSpecTests {
  /// Our result in the oracle's shape: ("ok", text) or (exception class, message).
  static func outcome(_ body: () throws -> String) -> (String, String) {
    do {
      return ("ok", try body())
    } catch let error as FormattingError {
      return (error.pythonClassName, error.message)
    } catch {
      return ("unexpected", "\(error)")
    }
  }

  @Test("format(int, spec) matches CPython")
  func ints() {
    let rows = oracleRows(intFormatCases)
    #expect(rows.count > 1000)
    for row in rows {
      let value = BigInt(row[0]) ?? 0
      let got = Self.outcome { try PythonFormat.format(value, spec: row[1]) }
      #expect(got == (row[2], row[3]), "format(\(value), '\(row[1])')")
      if let small = Int(exactly: value) {
        let fast = Self.outcome { try PythonFormat.format(small, spec: row[1]) }
        #expect(fast == (row[2], row[3]), "format(\(small), '\(row[1])') via Int")
      }
    }
  }

  @Test("format(float, spec) matches CPython")
  func floats() {
    let rows = oracleRows(floatFormatCases)
    #expect(rows.count > 1000)
    for row in rows {
      let value = doubleFromHexBits(row[0])
      let got = Self.outcome { try PythonFormat.format(value, spec: row[1]) }
      #expect(got == (row[2], row[3]), "format(\(value), '\(row[1])')")
    }
  }

  @Test("format(str, spec) matches CPython")
  func strings() {
    let rows = oracleRows(stringFormatCases)
    #expect(rows.count > 200)
    for row in rows {
      let got = Self.outcome { try PythonFormat.format(row[0], spec: row[1]) }
      #expect(got == (row[2], row[3]), "format('\(row[0])', '\(row[1])')")
    }
  }

  @Test("Messages named in the issue")
  func namedMessages() {
    #expect(Self.outcome { try PythonFormat.format(1.5, spec: "d") }
      == ("ValueError", "Unknown format code 'd' for object of type 'float'"))
    #expect(Self.outcome { try PythonFormat.format(1.5, spec: ".f") }
      == ("ValueError", "Format specifier missing precision"))
    #expect(Self.outcome { try PythonFormat.format("x", spec: ",") } == ("ValueError", "Cannot specify ',' with 's'."))
    #expect(Self.outcome { try PythonFormat.format("x", spec: "+") }
      == ("ValueError", "Sign not allowed in string format specifier"))
    #expect(Self.outcome { try PythonFormat.format("x", spec: "#") }
      == ("ValueError", "Alternate form (#) not allowed in string format specifier"))
    #expect(Self.outcome { try PythonFormat.format(3, spec: "99999999999999999999") }
      == ("ValueError", "Too many decimal digits in format string"))
    #expect(Self.outcome { try PythonFormat.format(BigInt(1) << 1100, spec: "f") }
      == ("OverflowError", "int too large to convert to float"))
    #expect(PythonFormat.unsupportedFormat(typeName: "NoneType").description
      == "TypeError: unsupported format string passed to NoneType.__format__")
  }

  @Test("Big ints convert to the nearest double, ties to even")
  func intToDouble() {
    #expect(PythonInt.toDouble(BigInt(1) << 53 + 1) == 9007199254740992.0)
    #expect(PythonInt.toDouble(BigInt(1) << 53 + 3) == 9007199254740996.0)
    #expect(PythonInt.toDouble(-(BigInt(1) << 1023)) == -8.98846567431158e307)
    #expect(PythonInt.toDouble(BigInt(1) << 1024) == nil)
    #expect(PythonInt.toDouble(BigInt("123456789012345678901234567890")) == 1.2345678901234568e29)
  }
}

@Suite("round(float, ndigits)")
struct FormattingRoundTests {
  @Test("round(x, n) matches CPython, including ties, huge/negative n and overflow")
  func oracleTable() {
    let rows = oracleRows(floatRoundCases)
    #expect(rows.count > 2000)
    for row in rows {
      let x = doubleFromHexBits(row[0])
      let digits = Int(row[1]) ?? 0
      let got = FormattingSpecTests.outcome { PythonFloat.repr(try PythonFloat.round(x, digits: digits)) }
      #expect(got == (row[2], row[3]), "round(\(PythonFloat.repr(x)), \(digits))")
    }
  }
}

@Suite("Huge widths and precisions")
struct FormattingLimitTests {
  @Test("Widths too large to allocate raise MemoryError instead of trapping, as in CPython")
  func memoryError() {
    // python3: format(1, '9999999999999') and '%9999999999999d' % 1 raise MemoryError;
    // format(1.5, '.9999999999f') raises ValueError('precision too big').
    #expect(FormattingSpecTests.outcome { try PythonFormat.format(1, spec: "9999999999999") } == ("MemoryError", ""))
    #expect(FormattingSpecTests.outcome { try PythonFormat.format("x", spec: ">9999999999999") } == ("MemoryError", ""))
    #expect(FormattingSpecTests.outcome { try PythonFormat.format(1.5, spec: ".9999999999f") }
      == ("ValueError", "precision too big"))
    #expect(FormattingSpecTests.outcome { try PercentFormat.format("%9999999999999d", .tuple([.int(1)])) }
      == ("MemoryError", ""))
  }
}
