import Testing
@testable import HPSSyntax

/// The token kinds of `text`, with names/numbers/strings shown by value.
func tokenSummary(_ text: String) -> String {
  let result = Lexer.tokenize(SourceFile(name: "t", text: text))
  var parts: [String] = []
  for token in result.tokens {
    switch token.value {
    case .name(let name): parts.append(name)
    case .number(let value): parts.append(value.dump())
    case .string(let literal): parts.append(literal.decoded?.dump() ?? "f" + SourceFile(name: "", text: text).text(of: literal.body))
    case .none: parts.append(token.kind.rawValue)
    }
  }
  if let error = result.error { parts.append("error(\(error.message))") }
  return parts.joined(separator: " ")
}

@Test func indentationProducesIndentAndDedent() {
  #expect(
    tokenSummary("if x:\n    y\n    z\nw\n")
      == "if x : NEWLINE INDENT y NEWLINE z NEWLINE DEDENT w NEWLINE ENDMARKER")
  #expect(
    tokenSummary("if a:\n  if b:\n    c\nd")
      == "if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT DEDENT d NEWLINE ENDMARKER")
}

@Test func blankAndCommentLinesDoNotAffectIndentation() {
  #expect(
    tokenSummary("if x:\n    y\n\n  # comment\n\t\n    z\n")
      == "if x : NEWLINE INDENT y NEWLINE z NEWLINE DEDENT ENDMARKER")
}

@Test func tabsAdvanceToMultiplesOfEight() {
  #expect(tokenSummary("if x:\n\ty\n\tz\n") == "if x : NEWLINE INDENT y NEWLINE z NEWLINE DEDENT ENDMARKER")
  #expect(tokenSummary("if x:\n\ty\n        z\n").hasSuffix("error(inconsistent use of tabs and spaces in indentation)"))
}

@Test func bracketsJoinLinesAndBackslashContinues() {
  #expect(tokenSummary("x = (1,\n  2)\n") == "x = ( 1 , 2 ) NEWLINE ENDMARKER")
  #expect(tokenSummary("x = [\n1\n]\n") == "x = [ 1 ] NEWLINE ENDMARKER")
  #expect(tokenSummary("x = 1 + \\\n    2\n") == "x = 1 + 2 NEWLINE ENDMARKER")
  #expect(tokenSummary("a; b\n") == "a ; b NEWLINE ENDMARKER")
}

@Test func lineEndingsAreUniversal() {
  #expect(tokenSummary("a\r\nb\rc\n") == "a NEWLINE b NEWLINE c NEWLINE ENDMARKER")
  #expect(tokenSummary("x = 1") == "x = 1 NEWLINE ENDMARKER")
}

@Test func operatorsUseLongestMatch() {
  #expect(
    tokenSummary("a **= b //= c >>= d <<= e := f -> g ... @= !=")
      == "a **= b //= c >>= d <<= e := f -> g ... @= != NEWLINE ENDMARKER")
  #expect(tokenSummary("a**-b//c") == "a ** - b // c NEWLINE ENDMARKER")
}

@Test func identifiersMayBeUnicodeAndKeywordsAreRecognized() {
  #expect(tokenSummary("café = π") == "café = π NEWLINE ENDMARKER")
  #expect(tokenSummary("not_a_keyword in None") == "not_a_keyword in None NEWLINE ENDMARKER")
}

@Test func numericLiterals() {
  #expect(
    tokenSummary("0 7 1_000 0x_Ff 0o17 0B101 1. .5 1e-3 1E+2 1_0.2_5 3j 1.5J 00 0_0 09.5")
      == "0 7 1000 255 15 5 1.0 0.5 0.001 100.0 10.25 3.0j 1.5j 0 0 9.5 NEWLINE ENDMARKER")
  #expect(tokenSummary("1if x else y") == "1 if x else y NEWLINE ENDMARKER")
}

@Test func bigIntegerLiteralsBecomeDecimalDigits() {
  #expect(tokenSummary("9223372036854775807") == "9223372036854775807 NEWLINE ENDMARKER")
  let big = Lexer.tokenize(SourceFile(name: "t", text: "9223372036854775808 0x10000000000000000 0b" + String(repeating: "1", count: 70)))
  var values: [Constant] = []
  for token in big.tokens { if case .number(let value) = token.value { values.append(value) } }
  #expect(values == [.bigInt("9223372036854775808"), .bigInt("18446744073709551616"), .bigInt("1180591620717411303423")])
}

@Test func badNumbersAreErrors() {
  #expect(tokenSummary("1__0").hasSuffix("error(invalid decimal literal)"))
  #expect(tokenSummary("0x").hasSuffix("error(invalid hexadecimal literal)"))
  #expect(tokenSummary("0b12").hasSuffix("error(invalid digit '2' in binary literal)"))
  #expect(tokenSummary("0o8").hasSuffix("error(invalid digit '8' in octal literal)"))
  #expect(tokenSummary("1abc").hasSuffix("error(invalid decimal literal)"))
  #expect(tokenSummary("012").hasSuffix("error(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)"))
}

@Test func stringLiteralsAndPrefixes() {
  #expect(tokenSummary("'a' \"b\" '''c\nd''' \"\"\"e\"\"\"") == #""a" "b" "c\nd" "e" NEWLINE ENDMARKER"#)
  #expect(tokenSummary(#"r'\n' R"\d" u'x' U"y" b'\x41' rb'\n' Br"\t" bR'z'"#) == #""\\n" "\\d" "x" "y" b"A" b"\\n" b"\\t" b"z" NEWLINE ENDMARKER"#)
  #expect(tokenSummary("f'a{b}' F\"c\" rf'{d}' FR'e' fR'x'") == "fa{b} fc f{d} fe fx NEWLINE ENDMARKER")
  #expect(tokenSummary("'it\\'s' \"q\\\"\"") == #""it's" "q\"" NEWLINE ENDMARKER"#)
  #expect(tokenSummary("'a\\\nb'") == #""ab" NEWLINE ENDMARKER"#)
}

@Test func everyEscape() {
  let text = #"'\n\t\\\'\"\a\b\f\v\0\101\x41\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}\r\q'"#
  let result = Lexer.tokenize(SourceFile(name: "t", text: text))
  guard case .string(let literal)? = result.tokens.first?.value else {
    Issue.record("no string token")
    return
  }
  #expect(literal.decoded == .string("\n\t\\'\"\u{07}\u{08}\u{0C}\u{0B}\u{00}AAé😀α\r\\q"))
}

@Test func unterminatedStrings() {
  #expect(tokenSummary("x = 'abc\ny").hasSuffix("error(unterminated string literal (detected at line 1))"))
  #expect(tokenSummary("x = '''abc\n\ny").hasSuffix("error(unterminated triple-quoted string literal (detected at line 3))"))
}

@Test func bracketErrors() {
  #expect(tokenSummary("(]").hasSuffix("error(closing parenthesis ']' does not match opening parenthesis '(')"))
  #expect(tokenSummary(")").hasSuffix("error(unmatched ')')"))
  #expect(tokenSummary("foo(1,").hasSuffix("error('(' was never closed)"))
}

@Test func oddBytesAreErrorsNotCrashes() {
  #expect(tokenSummary("a\0b").hasSuffix("error(source code string cannot contain null bytes)"))
  #expect(tokenSummary("x = €").hasSuffix("error(invalid character '€' (U+20AC))"))
  #expect(tokenSummary("x = \u{FFFD}").hasSuffix("error(invalid character '\u{FFFD}' (U+FFFD))"))
  #expect(tokenSummary("x\u{0C} = 1") == "x = 1 NEWLINE ENDMARKER")
}

@Test func tokenRangesAreUTF8Offsets() {
  let source = SourceFile(name: "t", text: "é = 'ü'\n")
  let tokens = Lexer.tokenize(source).tokens
  #expect(tokens[0].range == SourceRange(start: 0, end: 2))
  #expect(tokens[1].range == SourceRange(start: 3, end: 4))
  #expect(tokens[2].range == SourceRange(start: 5, end: 9))
  #expect(source.location(ofOffset: 5) == SourceLocation(line: 1, column: 5))
}

@Test func dumpTokensListsPositionsKindsAndValues() {
  let dump = Lexer.dumpTokens(SourceFile(name: "t", text: "if x:\n    y = 'a'\n"))
  #expect(
    dump == """
      1:1-1:3 if
      1:4-1:5 NAME x
      1:5-1:6 :
      1:6-2:1 NEWLINE
      2:1-2:5 INDENT
      2:5-2:6 NAME y
      2:7-2:8 =
      2:9-2:12 STRING "'a'" = "a"
      2:12-3:1 NEWLINE
      2:12-2:12 DEDENT
      2:12-2:12 ENDMARKER

      """)
}

@Test func manyNamedEscapesStayFast() {
  let text = "x = '" + String(repeating: "\\N{BULLET}", count: 2_000) + "'\n"
  let clock = ContinuousClock()
  let start = clock.now
  let result = Lexer.tokenize(SourceFile(name: "t", text: text))
  #expect(clock.now - start < .seconds(10))
  guard case .string(let literal)? = result.tokens.dropFirst(2).first?.value else {
    Issue.record("no string token")
    return
  }
  #expect(literal.decoded == .string(String(repeating: "•", count: 2_000)))
}

@Test func invalidUTF8IsReportedLikeCPython() throws {
  // The same bytes make `python3 /tmp/bad.py` print this message.
  let bytes: [UInt8] = Array("x = 1\ny = \"a".utf8) + [0xFF] + Array("b\"\n".utf8)
  let error = try #require(syntaxErrorOf(SourceFile(name: "/tmp/bad.py", bytes: bytes)))
  #expect(
    error.message
      == "Non-UTF-8 code starting with '\\xff' in file /tmp/bad.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details")
  #expect(error.location.line == 2)
  #expect(SourceFile.firstInvalidUTF8(Array("é€😀 ok".utf8)) == nil)
  #expect(SourceFile.firstInvalidUTF8([0x61, 0xED, 0xA0, 0x80]) == SourceFile.InvalidUTF8(byte: 0xED, line: 1))
  #expect(SourceFile.firstInvalidUTF8([0xC3]) == SourceFile.InvalidUTF8(byte: 0xC3, line: 1))
}

func syntaxErrorOf(_ source: SourceFile) -> SyntaxError? {
  do {
    _ = try Parser.parseModule(source)
    return nil
  } catch {
    return error
  }
}
