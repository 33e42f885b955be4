import Foundation
import Testing
@testable import HPSScript

@Suite("Float repr and fixed-precision conversions")
struct FormattingFloatReprTests {
  @Test("Hand-picked reprs from the issue")
  func knownReprs() {
    let cases: [(Double, String)] = [
      (0.1, "0.1"), (1e-06, "1e-06"), (1e16, "1e+16"), (100.0, "100.0"), (1e-05, "1e-05"),
      (0.0001, "0.0001"), (1234567890123456.0, "1234567890123456.0"), (1.5e300, "1.5e+300"),
      (-0.0, "-0.0"), (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"), (-Double.nan, "nan"),
      (Double.leastNonzeroMagnitude, "5e-324"), (2e16 + 8, "2.000000000000001e+16"), (0.30000000000000004, "0.30000000000000004"),
    ]
    for (value, expected) in cases {
      #expect(PythonFloat.repr(value) == expected)
    }
  }

  @Test("repr, e, f, g and alternate g match CPython on a table of doubles")
  func oracleTable() {
    var mismatches = 0
    let rows = oracleRows(floatReprCases)
    for row in rows {
      let x = doubleFromHexBits(row[0])
      let got = [
        PythonFloat.repr(x),
        PythonFloat.format(x, code: .exponent, precision: 3),
        PythonFloat.format(x, code: .fixed, precision: 5),
        PythonFloat.format(x, code: .general, precision: 8),
        PythonFloat.format(x, code: .general, precision: 17),
        PythonFloat.format(x, code: .general, precision: 3, flags: .alternate),
      ]
      let want = Array(row.dropFirst())
      if got != want {
        mismatches += 1
        Issue.record("bits 0x\(row[0]): got \(got), want \(want)")
        if mismatches > 10 { return }
      }
    }
    #expect(rows.count > 1000)
  }

  @Test("repr round-trips and is as short as possible (seeded random doubles)")
  func roundTripAndMinimal() {
    var rng = SeededGenerator(seed: 42)
    for _ in 0..<3000 {
      let x = Double(bitPattern: rng.next())
      guard x.isFinite else { continue }
      let text = PythonFloat.repr(x)
      #expect(Double(text) == x, "repr \(text) does not read back as \(x)")
      // No representation with one significant digit fewer may read back as x.
      let digits = DecimalDigits.shortest(x).digits.count
      if digits > 1 {
        let shorter = PythonFloat.format(x, code: .exponent, precision: digits - 2)
        #expect(Double(shorter) != x, "\(shorter) is shorter than \(text) and still reads back")
      }
    }
  }

  @Test("repr of fresh random doubles matches live python3")
  func liveOracle() throws {
    var rng = SeededGenerator(seed: UInt64(truncatingIfNeeded: 0x5EED))
    var values: [Double] = []
    while values.count < 400 {
      let x = Double(bitPattern: rng.next())
      if x.isFinite { values.append(x) }
      values.append(Double(Int64(bitPattern: rng.next()) % 1_000_000) / 1024)
    }
    let input = values.map { String($0.bitPattern) }.joined(separator: "\n")
    let script = """
      import sys, struct
      for line in sys.stdin.read().split():
          x = struct.unpack('<d', struct.pack('<Q', int(line)))[0]
          print(repr(x), format(x, '.6g'), format(x, ',.2f'), '%.4e' % x)
      """
    let lines = try PythonOracle.run(script, input: input).split(separator: "\n").map(String.init)
    try #require(lines.count == values.count)
    for (x, line) in zip(values, lines) {
      let ours = [
        PythonFloat.repr(x), try PythonFormat.format(x, spec: ".6g"), try PythonFormat.format(x, spec: ",.2f"),
        PythonFloat.format(x, code: .exponent, precision: 4),
      ].joined(separator: " ")
      #expect(ours == line)
    }
  }
}

@Suite("Exact fixed-point fast path")
struct FormattingFixedFastPathTests {
  @Test("fastFixed agrees with the C library for random doubles and every precision 0...9")
  func agreesWithLibC() {
    var rng = SeededGenerator(seed: 31337)
    var checked = 0
    for round in 0..<20_000 {
      let raw = Double(bitPattern: rng.next())
      let x: Double
      switch round % 4 {
      case 0: x = raw
      case 1: x = Double(Int64(bitPattern: rng.next()) % 10_000_000) / 1000
      case 2: x = (Double(rng.next() % 1_000_000) + 0.5) / pow(10, Double(rng.next() % 7))
      default: x = Double(rng.next() % 100_000) * 0.37 - 20_000
      }
      guard x.isFinite else { continue }
      let precision = Int(rng.next() % 10)
      if let fast = PythonFloat.fastFixed(x, precision: precision, sign: false) {
        checked += 1
        #expect(fast == cFormat(x, conversion: "f", precision: precision), "x=\(x) precision=\(precision)")
      }
    }
    #expect(checked > 10_000)
  }

  @Test("Ties round half to even on the exact binary value")
  func ties() {
    #expect(PythonFloat.format(0.125, code: .fixed, precision: 2) == "0.12")
    #expect(PythonFloat.format(0.375, code: .fixed, precision: 2) == "0.38")
    #expect(PythonFloat.format(2.675, code: .fixed, precision: 2) == "2.67")
    #expect(PythonFloat.format(2.5, code: .fixed, precision: 0) == "2")
    #expect(PythonFloat.format(3.5, code: .fixed, precision: 0) == "4")
    #expect(PythonFloat.format(-0.0004, code: .fixed, precision: 3) == "-0.000")
    #expect(PythonFloat.format(1e15 + 0.3, code: .fixed, precision: 1) == "1000000000000000.2")
  }
}
