// Renders an uncaught exception exactly like CPython 3.11: chained exceptions first, then
// "Traceback (most recent call last):", one entry per frame with the stripped source line and
// the caret line (`~~~^~~~` anchors for binary operators and subscripts), then "Type: message".
import HPSSyntax

extension VM {
  public func renderTraceback(_ e: ExceptionObject) -> String {
    var seen = Set<ObjectIdentifier>()
    return renderChain(e, &seen)
  }

  private func renderChain(_ e: ExceptionObject, _ seen: inout Set<ObjectIdentifier>) -> String {
    seen.insert(ObjectIdentifier(e))
    var out = ""
    if let cause = e.cause, !seen.contains(ObjectIdentifier(cause)) {
      out += renderChain(cause, &seen)
      out += "\nThe above exception was the direct cause of the following exception:\n\n"
    } else if let ctx = e.context, !e.suppressContext, !seen.contains(ObjectIdentifier(ctx)) {
      out += renderChain(ctx, &seen)
      out += "\nDuring handling of the above exception, another exception occurred:\n\n"
    }
    return out + renderOne(e)
  }

  private func renderOne(_ e: ExceptionObject) -> String {
    var out = ""
    if !e.traceback.isEmpty {
      out += "Traceback (most recent call last):\n"
      for entry in e.traceback.reversed() { out += renderEntry(entry) }
    }
    if let se = e.syntaxError {
      out += renderSyntaxError(se)
      return out
    }
    let name = e.cls.moduleName == "builtins" || e.cls.moduleName == "__main__" ? e.cls.qualname : e.cls.moduleName + "." + e.cls.qualname
    let message = (try? str(.instance(e))) ?? "<exception str() failed>"
    out += message.isEmpty ? name + "\n" : name + ": " + message + "\n"
    if let notes = e.attributes["__notes__"]?.asArray {
      for n in notes { out += ((try? str(n)) ?? "") + "\n" }
    }
    return out
  }

  func renderSyntaxError(_ se: SyntaxError) -> String {
    let loc = se.location
    var out = "  File \"\(se.source.name)\", line \(loc.line)\n"
    if !VM.hidesSource(se.source.name) {
      let line = se.source.lineText(loc.line)
      let stripped = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
      let indent = line.unicodeScalars.count - stripped.unicodeScalars.count
      if !stripped.isEmpty {
        out += "    " + String(stripped).trimmingTrailingWhitespace + "\n"
        let endLoc = se.source.location(ofOffset: Int(se.range.end))
        let start = max(loc.column - 1 - indent, 0)
        var width = endLoc.line == loc.line ? max(endLoc.column - loc.column, 1) : 1
        width = max(1, min(width, max(1, stripped.unicodeScalars.count - start)))
        out += "    " + String(repeating: " ", count: start) + String(repeating: "^", count: width) + "\n"
      }
    }
    out += "\(se.className): \(se.message)\n"
    return out
  }

  static func hidesSource(_ name: String) -> Bool { name == "<string>" || name == "<stdin>" }

  private func renderEntry(_ entry: TracebackEntry) -> String {
    let file = entry.code.file
    let startLoc = file.location(ofOffset: Int(entry.range.start))
    var out = "  File \"\(file.name)\", line \(startLoc.line), in \(entry.code.name)\n"
    if VM.hidesSource(file.name) { return out }
    let original = file.lineText(startLoc.line)
    let stripped = String(original.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }).trimmingTrailingWhitespace
    if stripped.isEmpty { return out }
    out += "    " + stripped + "\n"
    if entry.range.end <= entry.range.start { return out }
    let strippedChars = original.unicodeScalars.count - String(original.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }).unicodeScalars.count
    let endLoc = file.location(ofOffset: Int(entry.range.end))
    let startOffset = startLoc.column  // 1-based like CPython's colno + 1
    var endOffset: Int
    var anchors: (Int, Int)? = nil
    if endLoc.line == startLoc.line {
      endOffset = endLoc.column
      anchors = caretAnchors(file.text(of: entry.range))
    } else {
      endOffset = strippedChars + stripped.unicodeScalars.count + 1
    }
    let strippedLen = stripped.unicodeScalars.count
    let show = endOffset - startOffset < strippedLen || (anchors.map { $0.1 - $0.0 > 0 } ?? false)
    if !show { return out }
    var line = "    " + String(repeating: " ", count: max(0, startOffset - 1 - strippedChars))
    let width = endOffset - startOffset
    if let (l, r) = anchors {
      line += String(repeating: "~", count: l)
      line += String(repeating: "^", count: r - l)
      line += String(repeating: "~", count: max(0, width - r))
    } else {
      line += String(repeating: "^", count: max(1, width))
    }
    return out + line + "\n"
  }

  /// CPython's `_extract_caret_anchors_from_line_segment`: for `a op b` the operator, for `a[i]`
  /// the bracketed part, are primary (`^`); the rest is `~`.
  private func caretAnchors(_ segment: String) -> (Int, Int)? {
    let source = SourceFile(name: "<segment>", text: segment)
    guard let e = try? Parser.parseExpression(source) else { return nil }
    func col(_ offset: Int32) -> Int { source.location(ofOffset: Int(offset)).column - 1 }
    switch e.kind {
    case .binary(_, let left, let right):
      let opText = Array(segment.unicodeScalars)[col(left.range.end)..<col(right.range.start)]
      let lead = opText.prefix { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{0C}" }.count
      // Operators that end a parenthesized operand start after the closing paren.
      let opStart = col(left.range.end) + lead
      var opEnd = opStart + 1
      let chars = Array(opText)
      if lead + 1 < chars.count, !(chars[lead + 1] == " " || chars[lead + 1] == "\t") { opEnd += 1 }
      return (opStart, opEnd)
    case .subscript(let value, let index):
      return (col(value.range.end), col(index.range.end) + 1)
    default:
      return nil
    }
  }
}

extension String {
  var trimmingTrailingWhitespace: String {
    var s = Substring(self)
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
    return String(s)
  }
}
