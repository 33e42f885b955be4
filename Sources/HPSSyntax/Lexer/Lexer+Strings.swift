// String literals: finding where one ends (the body is decoded by `EscapeDecoder`; f-strings are
// split into parts by the parser, which needs the expression grammar).

/// The letters before a string's opening quote.
struct StringPrefix {
  var isRaw = false
  var isBytes = false
  var isFormatted = false

  init() {}

  /// Valid prefixes: r, u, b, f, br, rb, fr, rf in any case; nil for anything else.
  init?(_ letters: ArraySlice<UInt8>) {
    var seenUnicode = false
    for c in letters {
      switch c | 0x20 {
      case UInt8(ascii: "r") where !isRaw: isRaw = true
      case UInt8(ascii: "b") where !isBytes: isBytes = true
      case UInt8(ascii: "f") where !isFormatted: isFormatted = true
      case UInt8(ascii: "u") where !seenUnicode: seenUnicode = true
      default: return nil
      }
    }
    if seenUnicode && (letters.count > 1) { return nil }
    if isBytes && isFormatted { return nil }
  }
}

extension Lexer {
  func lexString(prefixStart: Int, prefix: StringPrefix) throws(SyntaxError) {
    let quote = bytes[pos]
    let isTriple = byte(pos + 1) == quote && byte(pos + 2) == quote
    pos += isTriple ? 3 : 1
    let bodyStart = pos
    var bodyEnd = pos
    while true {
      guard pos < end else {
        let line = source.line(ofOffset: max(0, end - 1))
        if isTriple { throw fail(.unterminatedTripleQuotedString(detectedAtLine: line), prefixStart) }
        throw fail(.unterminatedString(detectedAtLine: line), prefixStart)
      }
      let c = bytes[pos]
      if c == quote {
        if !isTriple {
          bodyEnd = pos
          pos += 1
          break
        }
        if byte(pos + 1) == quote && byte(pos + 2) == quote {
          bodyEnd = pos
          pos += 3
          break
        }
      } else if c == UInt8(ascii: "\\") {
        pos += 1
        if pos < end {
          if bytes[pos] == UInt8(ascii: "\r") || bytes[pos] == UInt8(ascii: "\n") { consumeNewline() } else { pos += 1 }
        }
        continue
      } else if !isTriple && (c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")) {
        throw fail(.unterminatedString(detectedAtLine: source.line(ofOffset: pos)), prefixStart)
      }
      pos += 1
    }
    let bodyRange = SourceRange(start: bodyStart, end: bodyEnd)
    var token = StringToken(
      isBytes: prefix.isBytes, isRaw: prefix.isRaw, isFormatted: prefix.isFormatted, isTriple: isTriple,
      body: bodyRange, decoded: nil, failure: nil)
    if !prefix.isFormatted {
      let decoded = EscapeDecoder.decode(
        bytes[bodyStart..<bodyEnd], isRaw: prefix.isRaw, isBytes: prefix.isBytes)
      switch decoded {
      case .success(let value): token.decoded = value
      case .failure(let error): token.failure = error.kind
      }
    }
    emit(.string, prefixStart, pos, .string(token))
  }
}
