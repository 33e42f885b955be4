import Testing

@testable import HPSKernel

@Suite struct MagicParserTests {
  @Test func testOrdinaryCode_isNotAMagic() throws {
    #expect(try MagicParser.parse("x = 1") == nil)
    #expect(try MagicParser.parse("a % b") == nil)
    #expect(try MagicParser.parse("print('what?')") == nil)
  }

  @Test func testTimeit_keepsStatementVerbatimAfterOptions() throws {
    #expect(try MagicParser.parse("%timeit -n 10 -r 3 s = 'a  b'") == .timeit(code: "s = 'a  b'", loops: 10, repeats: 3))
    #expect(try MagicParser.parse("%timeit sum(range(100))") == .timeit(code: "sum(range(100))", loops: nil, repeats: 7))
  }

  @Test func testTimeit_rejectsBadCounts() {
    #expect(throws: MagicError.self) { try MagicParser.parse("%timeit -n zero f()") }
    #expect(throws: MagicError.self) { try MagicParser.parse("%timeit -r 0 f()") }
    #expect(throws: MagicError.self) { try MagicParser.parse("%timeit") }
  }

  @Test func testRunLoadWhoResetHistory() throws {
    #expect(try MagicParser.parse("%run a.hps x y") == .run(path: "a.hps", arguments: ["x", "y"]))
    #expect(try MagicParser.parse("%load a.hps") == .load(path: "a.hps"))
    #expect(try MagicParser.parse("%who") == .who)
    #expect(try MagicParser.parse("%reset -f") == .reset(force: true))
    #expect(try MagicParser.parse("%history -n -l 3") == .history(numbered: true, last: 3, range: nil))
    #expect(try MagicParser.parse("%history 2-4") == .history(numbered: false, last: nil, range: 2...4))
    #expect(throws: MagicError.self) { try MagicParser.parse("%history 4-2") }
    #expect(throws: MagicError.self) { try MagicParser.parse("%reset --hard") }
  }

  @Test func testUnknownMagic_namesItAndListsTheKnownOnes() {
    do {
      _ = try MagicParser.parse("%timit f()")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("`%timit` not found"))
      #expect(error.description.contains("%timeit"))
    }
  }

  @Test func testHelpRequests() throws {
    #expect(try MagicParser.parse("len?") == .help(expression: "len"))
    #expect(try MagicParser.parse("?trainer.train") == .help(expression: "trainer.train"))
    #expect(try MagicParser.parse("x??") == .help(expression: "x"))
    #expect(try MagicParser.parse("f(x)?") == nil)
  }
}

@Suite struct TimeFormattingTests {
  @Test func testUnitsLikeIPython() {
    // Expected strings are what IPython's _format_time prints for the same inputs.
    #expect(TimeFormatting.format(1.5) == "1.5 s")
    #expect(TimeFormatting.format(0.0123) == "12.3 ms")
    #expect(TimeFormatting.format(7.1e-6) == "7.1 µs")
    #expect(TimeFormatting.format(9.23e-8) == "92.3 ns")
    #expect(TimeFormatting.format(0) == "0 ns")
    #expect(TimeFormatting.format(125) == "2min 5s")
  }

  @Test func testGrouping() {
    #expect(TimeFormatting.grouped(100_000) == "100,000")
    #expect(TimeFormatting.grouped(7) == "7")
    #expect(TimeFormatting.grouped(1000) == "1,000")
  }
}
