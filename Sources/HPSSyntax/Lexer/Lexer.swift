// The lexer: turns source bytes into tokens the way CPython's tokenizer does, including INDENT and
// DEDENT from an indentation stack, NEWLINE only at the end of logical lines, and implicit joining
// inside brackets. It stops at the first error and leaves an `.error` token where it stopped, so
// the parser can report a grammar error that comes earlier in the file first, as CPython does.

/// What lexing produced: the tokens (ending in ENDMARKER, or in an `.error` token) and the error.
struct LexResult {
  var tokens: [Token]
  var error: SyntaxError?
  /// The error is an unclosed bracket at the end of input, which CPython reports only when the
  /// parser itself got that far.
  var errorIsUnclosedBracket = false
  /// CPython's tokenizer reports these only when the parser reaches them (they set no exception
  /// while it scans ahead): indentation problems, a stray character after `\`, EOF after `\`.
  var errorIsDeferred = false
}

/// Limits that turn pathological input into an error instead of a crash.
enum LexerLimits {
  /// CPython's MAXLEVEL: open brackets at once.
  static let maxBracketDepth = 200
  /// CPython's MAXINDENT: nested indentation levels.
  static let maxIndentDepth = 100
}

public final class Lexer {
  let source: SourceFile
  let bytes: [UInt8]
  @exclusivity(unchecked) var pos: Int
  let end: Int
  /// Lexing the expression inside an f-string's braces: no indentation, no NEWLINE tokens.
  let isFStringExpression: Bool

  /// Hot state is exempt from dynamic exclusivity checks: a lexer runs on one thread.
  @exclusivity(unchecked) var tokens: [Token] = []
  @exclusivity(unchecked) private var indents: [Int] = [0]
  private var altIndents: [Int] = [0]
  /// Open brackets: the byte and its offset.
  @exclusivity(unchecked) var brackets: [(byte: UInt8, offset: Int)] = []
  @exclusivity(unchecked) private var atLineStart = true

  init(source: SourceFile, range: Range<Int>? = nil, isFStringExpression: Bool = false) {
    self.source = source
    self.bytes = source.utf8
    self.pos = range?.lowerBound ?? 0
    self.end = range?.upperBound ?? source.utf8.count
    self.isFStringExpression = isFStringExpression
    self.tokens.reserveCapacity(max(16, (end - pos) / 3))
  }

  /// Tokenizes a whole source file.
  static func tokenize(_ source: SourceFile) -> LexResult {
    Lexer(source: source).run()
  }

  func run() -> LexResult {
    do {
      try lexAll()
      return LexResult(tokens: tokens, error: nil)
    } catch {
      let at = min(pos, end)
      tokens.append(Token(.error, SourceRange(start: at, end: at)))
      let deferred = [
        SyntaxErrorKind.unindentMismatch, .inconsistentTabs, .tooManyIndentationLevels,
        .unexpectedCharacterAfterContinuation, .unexpectedEOF,
      ].contains { $0.message == error.message }
      return LexResult(
        tokens: tokens, error: error, errorIsUnclosedBracket: error.message.hasSuffix("was never closed"),
        errorIsDeferred: deferred)
    }
  }

  func fail(_ kind: SyntaxErrorKind, _ start: Int, _ stop: Int? = nil) -> SyntaxError {
    SyntaxError(kind, SourceRange(start: start, end: stop ?? (start + 1)), source)
  }

  func emit(_ kind: TokenKind, _ start: Int, _ stop: Int, _ value: TokenValue = .none) {
    tokens.append(Token(kind, SourceRange(start: start, end: stop), value))
  }

  @inline(__always) func byte(_ offset: Int) -> UInt8 {
    offset < end ? bytes[offset] : 0
  }

  private func lexAll() throws(SyntaxError) {
    if !isFStringExpression, let invalid = source.invalidUTF8 {
      pos = source.lineStarts[min(invalid.line, source.lineStarts.count) - 1]
      throw fail(.nonUTF8(invalid.byte, file: source.name, line: invalid.line), pos, pos)
    }
    if !isFStringExpression, let nul = bytes.firstIndex(of: 0) {
      pos = nul
      throw fail(.nullByte, nul)
    }
    while true {
      if atLineStart {
        atLineStart = false
        if brackets.isEmpty && !isFStringExpression, try lexLineStart() { continue }
      }
      while pos < end, bytes[pos] == 0x20 || bytes[pos] == 0x09 || bytes[pos] == 0x0C { pos += 1 }
      if pos >= end {
        try finish()
        return
      }
      let c = bytes[pos]
      switch c {
      case UInt8(ascii: "#"):
        skipComment()
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        let start = pos
        consumeNewline()
        if brackets.isEmpty && !isFStringExpression {
          emit(.newline, start, start + 1)
          atLineStart = true
        }
      case UInt8(ascii: "\\"):
        let start = pos
        pos += 1
        if pos >= end { throw fail(.unexpectedEOF, pos) }
        guard bytes[pos] == UInt8(ascii: "\n") || bytes[pos] == UInt8(ascii: "\r") else {
          throw fail(.unexpectedCharacterAfterContinuation, pos)
        }
        consumeNewline()
        if pos >= end { throw fail(.unexpectedEOF, start + 1) }
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        try lexNumber()
      case UInt8(ascii: "."):
        if isDigit(byte(pos + 1)) {
          try lexNumber()
        } else if byte(pos + 1) == UInt8(ascii: "."), byte(pos + 2) == UInt8(ascii: ".") {
          emit(.ellipsis, pos, pos + 3)
          pos += 3
        } else {
          emit(.dot, pos, pos + 1)
          pos += 1
        }
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        try lexString(prefixStart: pos, prefix: StringPrefix())
      default:
        if isIdentifierStartByte(c) {
          try lexIdentifierOrPrefixedString()
        } else {
          try lexOperator()
        }
      }
    }
  }

  /// Handles the indentation of a new line. Returns true when the line was blank (or only a
  /// comment) and has been skipped.
  private func lexLineStart() throws(SyntaxError) -> Bool {
    let lineStart = pos
    var column = 0
    var altColumn = 0
    while pos < end {
      switch bytes[pos] {
      case 0x20:
        column += 1
        altColumn += 1
      case 0x09:
        column = (column / 8 + 1) * 8
        altColumn += 1
      case 0x0C:
        column = 0
        altColumn = 0
      default:
        break
      }
      if bytes[pos] != 0x20 && bytes[pos] != 0x09 && bytes[pos] != 0x0C { break }
      pos += 1
    }
    if pos >= end { return false }
    let c = bytes[pos]
    if c == UInt8(ascii: "#") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
      if c == UInt8(ascii: "#") { skipComment() }
      if pos < end {
        consumeNewline()
        atLineStart = true
      }
      return true
    }
    guard let top = indents.last, let altTop = altIndents.last else { return false }
    if column == top {
      if altColumn != altTop { throw fail(.inconsistentTabs, lineStart, pos) }
    } else if column > top {
      if indents.count >= LexerLimits.maxIndentDepth { throw fail(.tooManyIndentationLevels, pos) }
      if altColumn <= altTop { throw fail(.inconsistentTabs, lineStart, pos) }
      indents.append(column)
      altIndents.append(altColumn)
      emit(.indent, lineStart, pos)
    } else {
      while indents.count > 1, let last = indents.last, column < last {
        indents.removeLast()
        altIndents.removeLast()
        emit(.dedent, pos, pos)
      }
      if column != indents.last {
        // CPython points at the end of the offending line.
        var lineEnd = pos
        while lineEnd < end, bytes[lineEnd] != UInt8(ascii: "\n"), bytes[lineEnd] != UInt8(ascii: "\r") { lineEnd += 1 }
        throw fail(.unindentMismatch, lineEnd)
      }
      if altColumn != altIndents.last { throw fail(.inconsistentTabs, lineStart, pos) }
    }
    return false
  }

  private func finish() throws(SyntaxError) {
    if let open = brackets.last {
      throw fail(.neverClosed(Character(Unicode.Scalar(open.byte))), open.offset)
    }
    if !isFStringExpression {
      if let last = tokens.last, last.kind != .newline, last.kind != .dedent, last.kind != .indent {
        emit(.newline, end, end)
      }
      // CPython places ENDMARKER (and the DEDENTs before it) at the end of the last line, not at
      // the start of an empty line after it: "expected an indented block" errors point there.
      let last = end > 0 && (bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r")) ? end - 1 : end
      for _ in 1..<indents.count { emit(.dedent, last, last) }
      indents = [0]
      emit(.endOfFile, last, last)
      return
    }
    emit(.endOfFile, end, end)
  }

  func skipComment() {
    while pos < end, bytes[pos] != UInt8(ascii: "\n"), bytes[pos] != UInt8(ascii: "\r") { pos += 1 }
  }

  /// Steps over `\n`, `\r\n` or a lone `\r` (all three end a line, as in CPython).
  func consumeNewline() {
    if bytes[pos] == UInt8(ascii: "\r"), byte(pos + 1) == UInt8(ascii: "\n") { pos += 2 } else { pos += 1 }
  }

  private func lexIdentifierOrPrefixedString() throws(SyntaxError) {
    let start = pos
    var isASCII = true
    while pos < end {
      let c = bytes[pos]
      if c < 0x80 {
        if isIdentifierContinueASCII(c) { pos += 1 } else { break }
      } else {
        let (scalar, length) = decodeScalar(at: pos)
        let allowed = pos == start ? scalar.properties.isXIDStart : scalar.properties.isXIDContinue
        if !allowed { break }
        isASCII = false
        pos += length
      }
    }
    if pos == start {
      let (scalar, length) = decodeScalar(at: pos)
      throw fail(.invalidCharacter(scalar), start, start + length)
    }
    if isASCII, pos - start <= 2, byte(pos) == UInt8(ascii: "'") || byte(pos) == UInt8(ascii: "\""),
      let prefix = StringPrefix(bytes[start..<pos])
    {
      try lexString(prefixStart: start, prefix: prefix)
      return
    }
    if pos < end, bytes[pos] >= 0x80 {
      let (scalar, length) = decodeScalar(at: pos)
      throw fail(.invalidCharacter(scalar), pos, pos + length)
    }
    if isASCII, let keyword = TokenKind.keyword(bytes[start..<pos]) {
      emit(keyword, start, pos)
    } else {
      emit(.name, start, pos, .name(String(decoding: bytes[start..<pos], as: UTF8.self)))
    }
  }

  private func lexOperator() throws(SyntaxError) {
    let start = pos
    let c = bytes[pos]
    let c1 = byte(pos + 1)
    let c2 = byte(pos + 2)
    if let kind = Lexer.threeCharOperator(c, c1, c2) {
      pos += 3
      emit(kind, start, pos)
      return
    }
    if let kind = Lexer.twoCharOperator(c, c1) {
      pos += 2
      emit(kind, start, pos)
      return
    }
    if c >= 0x80 {
      let (scalar, length) = decodeScalar(at: pos)
      throw fail(.invalidCharacter(scalar), start, start + length)
    }
    guard let kind = Lexer.singleCharOperator(c) else {
      if c > 0x20 && c < 0x7F {
        pos += 1
        emit(.strayCharacter, start, pos)
        return
      }
      throw fail(.invalidCharacter(Unicode.Scalar(c)), start)
    }
    try trackBracket(kind, at: start)
    pos += 1
    emit(kind, start, pos)
  }

  private func trackBracket(_ kind: TokenKind, at offset: Int) throws(SyntaxError) {
    switch kind {
    case .leftParen, .leftBracket, .leftBrace:
      if brackets.count >= LexerLimits.maxBracketDepth { throw fail(.tooManyNestedParentheses, offset) }
      brackets.append((bytes[offset], offset))
    case .rightParen, .rightBracket, .rightBrace:
      let closing = bytes[offset]
      guard let open = brackets.last else {
        throw fail(.unmatched(Character(Unicode.Scalar(closing))), offset)
      }
      let expected: UInt8 =
        open.byte == UInt8(ascii: "(") ? UInt8(ascii: ")") : open.byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
      if closing != expected {
        let openLine = source.line(ofOffset: open.offset)
        let closeLine = source.line(ofOffset: offset)
        throw fail(
          .mismatchedBracket(
            closing: Character(Unicode.Scalar(closing)), opening: Character(Unicode.Scalar(open.byte)),
            openingLine: openLine == closeLine ? nil : openLine), offset)
      }
      brackets.removeLast()
    default:
      break
    }
  }

  private static func singleCharOperator(_ c: UInt8) -> TokenKind? {
    switch c {
    case UInt8(ascii: "("): return .leftParen
    case UInt8(ascii: ")"): return .rightParen
    case UInt8(ascii: "["): return .leftBracket
    case UInt8(ascii: "]"): return .rightBracket
    case UInt8(ascii: "{"): return .leftBrace
    case UInt8(ascii: "}"): return .rightBrace
    case UInt8(ascii: ":"): return .colon
    case UInt8(ascii: ","): return .comma
    case UInt8(ascii: ";"): return .semicolon
    case UInt8(ascii: "@"): return .at
    case UInt8(ascii: "="): return .equal
    case UInt8(ascii: "!"): return .exclamation
    case UInt8(ascii: "+"): return .plus
    case UInt8(ascii: "-"): return .minus
    case UInt8(ascii: "*"): return .star
    case UInt8(ascii: "/"): return .slash
    case UInt8(ascii: "%"): return .percent
    case UInt8(ascii: "|"): return .pipe
    case UInt8(ascii: "&"): return .ampersand
    case UInt8(ascii: "^"): return .caret
    case UInt8(ascii: "~"): return .tilde
    case UInt8(ascii: "<"): return .less
    case UInt8(ascii: ">"): return .greater
    default: return nil
    }
  }

  private static func threeCharOperator(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> TokenKind? {
    guard c == UInt8(ascii: "=") else { return nil }
    switch (a, b) {
    case (UInt8(ascii: "*"), UInt8(ascii: "*")): return .doubleStarEqual
    case (UInt8(ascii: "/"), UInt8(ascii: "/")): return .doubleSlashEqual
    case (UInt8(ascii: "<"), UInt8(ascii: "<")): return .leftShiftEqual
    case (UInt8(ascii: ">"), UInt8(ascii: ">")): return .rightShiftEqual
    default: return nil
    }
  }

  private static func twoCharOperator(_ a: UInt8, _ b: UInt8) -> TokenKind? {
    switch (a, b) {
    case (UInt8(ascii: "!"), UInt8(ascii: "=")): return .notEqual
    case (UInt8(ascii: "%"), UInt8(ascii: "=")): return .percentEqual
    case (UInt8(ascii: "&"), UInt8(ascii: "=")): return .ampersandEqual
    case (UInt8(ascii: "*"), UInt8(ascii: "*")): return .doubleStar
    case (UInt8(ascii: "*"), UInt8(ascii: "=")): return .starEqual
    case (UInt8(ascii: "+"), UInt8(ascii: "=")): return .plusEqual
    case (UInt8(ascii: "-"), UInt8(ascii: "=")): return .minusEqual
    case (UInt8(ascii: "-"), UInt8(ascii: ">")): return .arrow
    case (UInt8(ascii: "/"), UInt8(ascii: "/")): return .doubleSlash
    case (UInt8(ascii: "/"), UInt8(ascii: "=")): return .slashEqual
    case (UInt8(ascii: ":"), UInt8(ascii: "=")): return .colonEqual
    case (UInt8(ascii: "<"), UInt8(ascii: "<")): return .leftShift
    case (UInt8(ascii: "<"), UInt8(ascii: "=")): return .lessEqual
    case (UInt8(ascii: "="), UInt8(ascii: "=")): return .equalEqual
    case (UInt8(ascii: ">"), UInt8(ascii: "=")): return .greaterEqual
    case (UInt8(ascii: ">"), UInt8(ascii: ">")): return .rightShift
    case (UInt8(ascii: "@"), UInt8(ascii: "=")): return .atEqual
    case (UInt8(ascii: "^"), UInt8(ascii: "=")): return .caretEqual
    case (UInt8(ascii: "|"), UInt8(ascii: "=")): return .pipeEqual
    default: return nil
    }
  }

  /// The Unicode scalar starting at `offset` and its length in bytes. The text came from a Swift
  /// `String`, so it is valid UTF-8; a damaged sequence still yields U+FFFD rather than a trap.
  func decodeScalar(at offset: Int) -> (Unicode.Scalar, Int) {
    let lead = bytes[offset]
    let length: Int
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    else if lead >= 0xF0 { length = 4 }
    else if lead >= 0xE0 { length = 3 }
    else { length = 2 }
    var decoder = UTF8()
    var iterator = bytes[offset..<min(offset + length, end)].makeIterator()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, length) }
    return ("\u{FFFD}", 1)
  }
}

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

@inline(__always) func isIdentifierStartByte(_ c: UInt8) -> Bool {
  (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    || c == UInt8(ascii: "_") || c >= 0x80
}

@inline(__always) func isIdentifierContinueASCII(_ c: UInt8) -> Bool {
  (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    || c == UInt8(ascii: "_") || isDigit(c)
}
