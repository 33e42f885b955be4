// The text of one script (a file, a REPL cell, a `-c` string) and the arithmetic that turns the
// UTF-8 offsets stored in tokens and AST nodes into the lines and columns people read.

/// A 1-based line and column. The column counts Unicode scalars, so a caret printed under it
/// lines up in a terminal for the text hps scripts contain.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}

/// A half-open range of UTF-8 byte offsets into a `SourceFile`'s text.
///
/// Offsets instead of line/column pairs keep tokens and nodes small; the location is computed only
/// when an error or traceback is rendered.
public struct SourceRange: Hashable, Sendable {
  public var start: Int32
  public var end: Int32

  public init(start: Int, end: Int) {
    self.start = Int32(truncatingIfNeeded: start)
    self.end = Int32(truncatingIfNeeded: end)
  }

  /// A zero-width range, for synthesized nodes.
  public static let none = SourceRange(start: 0, end: 0)

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: Int(min(start, other.start)), end: Int(max(end, other.end)))
  }
}

/// One unit of source text with a precomputed table of line starts.
public final class SourceFile: @unchecked Sendable {
  /// The name shown in tracebacks: a path, `<stdin>`, `<string>` or `<ipython-input-N>`.
  public let name: String
  public let text: String
  /// The UTF-8 bytes of `text`, which every offset indexes.
  public let utf8: [UInt8]
  /// Offset of the first byte of each line; `lineStarts[0] == 0`.
  public let lineStarts: [Int]
  /// Set when the file was read from bytes that are not valid UTF-8 (`init(name:bytes:)`); the
  /// lexer then reports CPython's "Non-UTF-8 code" error instead of parsing replacement characters.
  public let invalidUTF8: InvalidUTF8?

  /// The first byte of a file that is not UTF-8, and the 1-based line it is on.
  public struct InvalidUTF8: Sendable, Equatable {
    public var byte: UInt8
    public var line: Int
  }

  /// A file's raw bytes: invalid UTF-8 becomes U+FFFD in `text` and is remembered in `invalidUTF8`.
  public convenience init(name: String, bytes: [UInt8]) {
    self.init(name: name, text: String(decoding: bytes, as: UTF8.self), invalidUTF8: SourceFile.firstInvalidUTF8(bytes))
  }

  public convenience init(name: String, text: String) {
    self.init(name: name, text: text, invalidUTF8: nil)
  }

  private init(name: String, text: String, invalidUTF8: InvalidUTF8?) {
    self.invalidUTF8 = invalidUTF8
    self.name = name
    self.text = text
    let bytes = Array(text.utf8)
    self.utf8 = bytes
    // `\n`, `\r\n` and a lone `\r` each end a line, as in the lexer (CPython's universal newlines).
    var starts = [0]
    bytes.withUnsafeBufferPointer { buffer in
      let count = buffer.count
      var i = 0
      while i < count {
        let byte = buffer[i]
        if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (i + 1 == count || buffer[i + 1] != UInt8(ascii: "\n"))) {
          starts.append(i + 1)
        }
        i += 1
      }
    }
    self.lineStarts = starts
  }

  /// Where `bytes` stop being UTF-8 (lead bytes, continuation bytes, overlong forms, surrogates
  /// and values past U+10FFFF are all checked).
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> InvalidUTF8? {
    var i = 0
    var line = 1
    let count = bytes.count
    func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      k < count && bytes[k] >= low && bytes[k] <= high
    }
    while i < count {
      let b = bytes[i]
      var length = 0
      switch b {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = continuation(i + 1) ? 2 : 0
      case 0xE0: length = continuation(i + 1, 0xA0) && continuation(i + 2) ? 3 : 0
      case 0xED: length = continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : 0
      case 0xE1...0xEF: length = continuation(i + 1) && continuation(i + 2) ? 3 : 0
      case 0xF0: length = continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
      case 0xF1...0xF3: length = continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
      case 0xF4: length = continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
      default: length = 0
      }
      if length == 0 { return InvalidUTF8(byte: b, line: line) }
      if b == UInt8(ascii: "\n") { line += 1 }
      i += length
    }
    return nil
  }

  /// The number of lines; a trailing newline does not start a new one.
  public var lineCount: Int {
    if let last = lineStarts.last, last == utf8.count, lineStarts.count > 1 { return lineStarts.count - 1 }
    return lineStarts.count
  }

  /// The 1-based line holding `offset` (offsets past the end belong to the last line).
  public func line(ofOffset offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  /// Line and column (both 1-based, the column in Unicode scalars) of a UTF-8 offset.
  public func location(ofOffset offset: Int) -> SourceLocation {
    let clamped = max(0, min(offset, utf8.count))
    let line = line(ofOffset: clamped)
    let start = lineStarts[line - 1]
    var column = 1
    for byte in utf8[start..<clamped] where byte & 0xC0 != 0x80 { column += 1 }
    return SourceLocation(line: line, column: column)
  }

  /// The text of a 1-based line without its newline, or "" when out of range.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : utf8.count
    while end > start, utf8[end - 1] == UInt8(ascii: "\n") || utf8[end - 1] == UInt8(ascii: "\r") {
      end -= 1
    }
    return String(decoding: utf8[start..<end], as: UTF8.self)
  }

  /// The source text a range covers.
  public func text(of range: SourceRange) -> String {
    let start = max(0, min(Int(range.start), utf8.count))
    let end = max(start, min(Int(range.end), utf8.count))
    return String(decoding: utf8[start..<end], as: UTF8.self)
  }
}
