// Numeric literals, with CPython's rules for `_` separators and its error messages for bad ones.

extension Lexer {
  func lexNumber() throws(SyntaxError) {
    let start = pos
    if bytes[pos] == UInt8(ascii: "0") {
      let marker = byte(pos + 1) | 0x20
      if marker == UInt8(ascii: "x") {
        pos += 2
        try lexRadixDigits(start: start, radix: 16, name: "hexadecimal")
        return
      }
      if marker == UInt8(ascii: "o") {
        pos += 2
        try lexRadixDigits(start: start, radix: 8, name: "octal")
        return
      }
      if marker == UInt8(ascii: "b") {
        pos += 2
        try lexRadixDigits(start: start, radix: 2, name: "binary")
        return
      }
    }
    var isFloat = false
    if bytes[pos] != UInt8(ascii: ".") { try decimalTail(start: start) }
    if byte(pos) == UInt8(ascii: ".") {
      isFloat = true
      pos += 1
      if isDigit(byte(pos)) { try decimalTail(start: start) }
    }
    let beforeExponent = pos
    if byte(pos) | 0x20 == UInt8(ascii: "e") {
      pos += 1
      if byte(pos) == UInt8(ascii: "+") || byte(pos) == UInt8(ascii: "-") { pos += 1 }
      if isDigit(byte(pos)) {
        isFloat = true
        try decimalTail(start: start)
      } else {
        // `1else` is the number 1 followed by a keyword; `1ex` is a bad literal.
        pos = beforeExponent
        try verifyEndOfNumber(start: start, name: "decimal")
        emitDecimal(start: start, isFloat: isFloat)
        return
      }
    }
    if byte(pos) | 0x20 == UInt8(ascii: "j") {
      pos += 1
      try verifyEndOfNumber(start: start, name: "imaginary")
      let text = digitsWithoutSeparators(start, pos - 1)
      emit(.number, start, pos, .number(.imaginary(Double(text) ?? .infinity)))
      return
    }
    try verifyEndOfNumber(start: start, name: "decimal")
    if !isFloat {
      // `0_0` and `00` are fine; `012` is an octal literal in Python 2's spelling.
      let digits = digitsWithoutSeparators(start, pos)
      if digits.count > 1, digits.first == "0", digits.contains(where: { $0 != "0" }) {
        throw fail(.leadingZeros, start, pos)
      }
    }
    emitDecimal(start: start, isFloat: isFloat)
  }

  private func emitDecimal(start: Int, isFloat: Bool) {
    if !isFloat, let value = smallDecimal(start, pos) {
      emit(.number, start, pos, .number(.int(value)))
      return
    }
    let text = digitsWithoutSeparators(start, pos)
    if isFloat {
      emit(.number, start, pos, .number(.float(Double(text) ?? .infinity)))
      return
    }
    if let value = Int(text) {
      emit(.number, start, pos, .number(.int(value)))
    } else {
      let trimmed = text.drop(while: { $0 == "0" })
      emit(.number, start, pos, .number(.bigInt(String(trimmed))))
    }
  }

  /// Digits with optional single `_` between them; a `_` not followed by a digit is an error.
  private func decimalTail(start: Int) throws(SyntaxError) {
    while true {
      while isDigit(byte(pos)) { pos += 1 }
      guard byte(pos) == UInt8(ascii: "_") else { return }
      pos += 1
      guard isDigit(byte(pos)) else { throw fail(.invalidNumber("decimal"), pos - 1, pos) }
    }
  }

  private func lexRadixDigits(start: Int, radix: Int, name: String) throws(SyntaxError) {
    let digitsStart = pos
    repeat {
      if byte(pos) == UInt8(ascii: "_") { pos += 1 }
      guard let first = digitValue(byte(pos)), first < radix else {
        if let value = digitValue(byte(pos)), value < 10 {
          throw fail(.invalidDigit(Character(Unicode.Scalar(byte(pos))), base: name), pos, pos + 1)
        }
        throw fail(.invalidNumber(name), pos - 1, pos)
      }
      while let value = digitValue(byte(pos)), value < radix { pos += 1 }
    } while byte(pos) == UInt8(ascii: "_")
    if let value = digitValue(byte(pos)), value < 10 {
      throw fail(.invalidDigit(Character(Unicode.Scalar(byte(pos))), base: name), pos, pos + 1)
    }
    try verifyEndOfNumber(start: start, name: name)
    let digits = bytes[digitsStart..<pos].filter { $0 != UInt8(ascii: "_") }
    emit(.number, start, pos, .number(Lexer.integerConstant(digits: digits, radix: radix)))
  }

  /// A letter straight after a number is an error, except the keywords CPython still accepts there
  /// (`1if x else y`).
  private func verifyEndOfNumber(start: Int, name: String) throws(SyntaxError) {
    let c = byte(pos)
    guard pos < end, isIdentifierStartByte(c) || isDigit(c) else { return }
    for keyword in ["and", "else", "for", "if", "in", "is", "not", "or"] {
      let utf8 = Array(keyword.utf8)
      if pos + utf8.count <= end, Array(bytes[pos..<(pos + utf8.count)]) == utf8 { return }
    }
    // CPython's column for these is one before the offending character.
    throw fail(.invalidNumber(name), max(start, pos - 1), pos)
  }

  /// The value of a decimal integer literal that fits in an `Int`, without building a string.
  private func smallDecimal(_ from: Int, _ to: Int) -> Int? {
    var value = 0
    for i in from..<to where bytes[i] != UInt8(ascii: "_") {
      let (times, o1) = value.multipliedReportingOverflow(by: 10)
      let (plus, o2) = times.addingReportingOverflow(Int(bytes[i] &- 48))
      if o1 || o2 { return nil }
      value = plus
    }
    return value
  }

  private func digitValue(_ c: UInt8) -> Int? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(c - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(c - UInt8(ascii: "A")) + 10
    default: return nil
    }
  }

  private func digitsWithoutSeparators(_ from: Int, _ to: Int) -> String {
    String(decoding: bytes[from..<to].lazy.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
  }

  /// An integer from its digits in base 2, 8 or 16: an `Int` when it fits, otherwise its decimal
  /// digits (converted here with base-10⁹ limbs so no big-integer library is needed).
  static func integerConstant(digits: [UInt8], radix: Int) -> Constant {
    var small = 0
    var overflow = false
    for c in digits {
      let value = c <= UInt8(ascii: "9") ? Int(c - 48) : Int((c | 0x20) - UInt8(ascii: "a")) + 10
      let (times, o1) = small.multipliedReportingOverflow(by: radix)
      let (plus, o2) = times.addingReportingOverflow(value)
      if o1 || o2 {
        overflow = true
        break
      }
      small = plus
    }
    if !overflow { return .int(small) }
    // Little-endian limbs of 10⁹.
    var limbs: [UInt64] = [0]
    let base: UInt64 = 1_000_000_000
    for c in digits {
      var carry = UInt64(c <= UInt8(ascii: "9") ? Int(c - 48) : Int((c | 0x20) - UInt8(ascii: "a")) + 10)
      for i in limbs.indices {
        let value = limbs[i] * UInt64(radix) + carry
        limbs[i] = value % base
        carry = value / base
      }
      while carry > 0 {
        limbs.append(carry % base)
        carry /= base
      }
    }
    var text = String(limbs.last ?? 0)
    for limb in limbs.dropLast().reversed() {
      let part = String(limb)
      text += String(repeating: "0", count: 9 - part.count) + part
    }
    return .bigInt(text)
  }
}
