// String atoms: adjacent literals are concatenated, and f-strings are split into literal text and
// replacement fields whose expressions are lexed and parsed in place, so their ranges are exact.

/// CPython allows a replacement field inside a format spec, but no deeper.
private let maxFStringNesting = 2

extension GrammarParser {
  func parseStrings() throws(SyntaxError) -> Expr {
    var pieces: [(Token, StringToken)] = []
    while at(.string) {
      let token = advance()
      if case .string(let literal) = token.value { pieces.append((token, literal)) }
    }
    guard let first = pieces.first, let last = pieces.last else { throw invalidSyntax() }
    let range = first.0.range.union(last.0.range)
    // CPython reports these after the whole group, at the token that follows it.
    let after = current.range
    for (token, literal) in pieces {
      if let failure = literal.failure {
        throw error(failure, failure == .bytesNonASCII ? token.range : after)
      }
    }
    let isBytes = first.1.isBytes
    if pieces.contains(where: { $0.1.isBytes != isBytes }) { throw error(.mixedBytes, after) }
    if isBytes {
      var bytes: [UInt8] = []
      for (_, literal) in pieces { if case .bytes(let value) = literal.decoded { bytes += value } }
      return Expr(.constant(.bytes(bytes)), range)
    }
    if !pieces.contains(where: { $0.1.isFormatted }) {
      var text = ""
      for (_, literal) in pieces { if case .string(let value) = literal.decoded { text += value } }
      return Expr(.constant(.string(text)), range)
    }
    var parts: [FStringPart] = []
    for (_, literal) in pieces {
      if literal.isFormatted {
        var cursor = Int(literal.body.start)
        let body = try parseFStringParts(
          from: &cursor, end: Int(literal.body.end), isRaw: literal.isRaw, inFormatSpec: false, nesting: 0,
          errorRange: after)
        parts += body
      } else if case .string(let value) = literal.decoded {
        parts.append(.literal(value))
      }
    }
    return Expr(.formattedString(mergeLiterals(parts)), range)
  }

  private func mergeLiterals(_ parts: [FStringPart]) -> [FStringPart] {
    var merged: [FStringPart] = []
    for part in parts {
      if case .literal(let text) = part {
        if text.isEmpty { continue }
        if case .literal(let previousText)? = merged.last {
          merged[merged.count - 1] = .literal(previousText + text)
          continue
        }
      }
      merged.append(part)
    }
    return merged
  }

  /// Literal text and fields from `cursor` up to `end` (or, in a format spec, up to its `}`).
  private func parseFStringParts(
    from cursor: inout Int, end: Int, isRaw: Bool, inFormatSpec: Bool, nesting: Int, errorRange: SourceRange
  ) throws(SyntaxError) -> [FStringPart] {
    let bytes = source.utf8
    var parts: [FStringPart] = []
    var literal: [UInt8] = []
    var chunkStart = cursor

    func flush(upTo stop: Int) {
      if stop > chunkStart {
        _ = EscapeDecoder.decode(bytes[chunkStart..<stop], isRaw: isRaw, isBytes: false, into: &literal)
      }
    }
    func emitLiteral() {
      if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
      literal = []
    }

    while cursor < end {
      let c = bytes[cursor]
      let next = cursor + 1 < end ? bytes[cursor + 1] : 0
      if c == UInt8(ascii: "\\") && !isRaw {
        if next == UInt8(ascii: "N"), cursor + 2 < end, bytes[cursor + 2] == UInt8(ascii: "{"),
          let close = bytes[(cursor + 2)..<end].firstIndex(of: UInt8(ascii: "}"))
        {
          cursor = close + 1
        } else {
          cursor += (next == UInt8(ascii: "{") || next == UInt8(ascii: "}") || next == 0) ? 1 : 2
        }
        continue
      }
      if c == UInt8(ascii: "{") {
        // Doubled braces are literal only at the top level: in a format spec, `{{x}}` is a field
        // holding the set display `{x}` (CPython 3.11).
        if next == UInt8(ascii: "{") && !inFormatSpec {
          flush(upTo: cursor + 1)
          cursor += 2
          chunkStart = cursor
          continue
        }
        flush(upTo: cursor)
        emitLiteral()
        parts.append(try parseReplacementField(from: &cursor, end: end, isRaw: isRaw, nesting: nesting, errorRange: errorRange))
        chunkStart = cursor
        continue
      }
      if c == UInt8(ascii: "}") {
        if inFormatSpec { break }
        if next == UInt8(ascii: "}") {
          flush(upTo: cursor + 1)
          cursor += 2
          chunkStart = cursor
          continue
        }
        throw error(.fstring("single '}' is not allowed"), errorRange)
      }
      cursor += 1
    }
    flush(upTo: cursor)
    emitLiteral()
    return parts
  }

  /// `{expression=!c:spec}` starting at the `{`; leaves `cursor` after the closing `}`.
  private func parseReplacementField(
    from cursor: inout Int, end: Int, isRaw: Bool, nesting: Int, errorRange: SourceRange
  ) throws(SyntaxError) -> FStringPart {
    let bytes = source.utf8
    if nesting >= maxFStringNesting { throw error(.fstring("expressions nested too deeply"), errorRange) }
    let expressionStart = cursor + 1
    var k = expressionStart
    var open: [UInt8] = []
    scan: while k < end {
      let c = bytes[k]
      switch c {
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        let triple = k + 2 < end && bytes[k + 1] == c && bytes[k + 2] == c
        let quoteLength = triple ? 3 : 1
        var j = k + quoteLength
        var closed = false
        while j < end {
          if bytes[j] == c && (!triple || (j + 2 < end && bytes[j + 1] == c && bytes[j + 2] == c)) {
            j += quoteLength
            closed = true
            break
          }
          j += 1
        }
        if !closed { throw error(.fstring("unterminated string"), errorRange) }
        k = j
        continue
      case UInt8(ascii: "\\"):
        throw error(.fstringBackslash, errorRange)
      case UInt8(ascii: "#"):
        throw error(.fstringHash, errorRange)
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
        open.append(c)
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
        if open.isEmpty {
          if c == UInt8(ascii: "}") { break scan }
          throw error(.fstring("unmatched '\(Character(Unicode.Scalar(c)))'"), errorRange)
        }
        open.removeLast()
      case UInt8(ascii: "!") where open.isEmpty:
        if k + 1 < end, bytes[k + 1] == UInt8(ascii: "=") {
          k += 2
          continue
        }
        break scan
      case UInt8(ascii: ":") where open.isEmpty:
        break scan
      case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="):
        if k + 1 < end, bytes[k + 1] == UInt8(ascii: "=") {
          k += 2
          continue
        }
        if c == UInt8(ascii: "=") && open.isEmpty { break scan }
      default:
        break
      }
      k += 1
    }
    if k >= end { throw error(.fstring("expecting '}'"), errorRange) }
    let expressionEnd = k
    if bytes[expressionStart..<expressionEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) {
      if bytes[k] == UInt8(ascii: "!") || bytes[k] == UInt8(ascii: "=") {
        throw error(.fstring("expression required before '\(Character(Unicode.Scalar(bytes[k])))'"), errorRange)
      }
      throw error(.fstring("empty expression not allowed"), errorRange)
    }
    var debugText: String?
    if bytes[k] == UInt8(ascii: "=") {
      k += 1
      while k < end, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
      debugText = String(decoding: bytes[expressionStart..<k], as: UTF8.self)
    }
    var conversion: Character?
    if k < end, bytes[k] == UInt8(ascii: "!") {
      k += 1
      guard k < end else { throw error(.fstring("expecting '}'"), errorRange) }
      let letter = bytes[k]
      guard letter == UInt8(ascii: "r") || letter == UInt8(ascii: "s") || letter == UInt8(ascii: "a") else {
        throw error(.fstring("invalid conversion character: expected 's', 'r', or 'a'"), errorRange)
      }
      guard k + 1 < end, bytes[k + 1] == UInt8(ascii: ":") || bytes[k + 1] == UInt8(ascii: "}") else {
        throw error(.fstring("expecting '}'"), errorRange)
      }
      conversion = Character(Unicode.Scalar(letter))
      k += 1
    }
    var formatSpec: [FStringPart]?
    if k < end, bytes[k] == UInt8(ascii: ":") {
      k += 1
      formatSpec = try parseFStringParts(
        from: &k, end: end, isRaw: isRaw, inFormatSpec: true, nesting: nesting + 1, errorRange: errorRange)
    }
    guard k < end, bytes[k] == UInt8(ascii: "}") else { throw error(.fstring("expecting '}'"), errorRange) }
    cursor = k + 1
    let value = try parseEmbeddedExpression(expressionStart..<expressionEnd)
    if debugText != nil && conversion == nil && formatSpec == nil { conversion = "r" }
    return .replacement(value: value, conversion: conversion, formatSpec: formatSpec, debugText: debugText)
  }

  /// Lexes and parses the source between a field's braces with a parser of its own (positions stay
  /// those of the file), as if it were parenthesized: newlines are allowed, a tuple needs no parens.
  private func parseEmbeddedExpression(_ range: Range<Int>) throws(SyntaxError) -> Expr {
    let lexed = Lexer(source: source, range: range, isFStringExpression: true).run()
    let inner = GrammarParser(source: source, lexed: lexed, stack: stack)
    inner.inFString = true
    inner.depth = depth
    inner.bracketLevel = 1
    inner.inFunction = inFunction
    let value = inner.at(.kwYield) ? try inner.parseYield() : try inner.parseStarExpressions()
    guard inner.at(.endOfFile) else { throw try inner.missingCommaOrClose(after: value) }
    if pendingError == nil { pendingError = inner.pendingError }
    return value
  }
}
