// `str.format` / `format_map`: replacement fields with positional, keyword, indexed and attribute
// names, conversions and nested format specs.

extension VM {
  func strFormat(_ template: String, _ args: [Value], _ kw: Kwargs, mapping: Value? = nil) throws -> String {
    var auto = 0
    var usedAuto = false
    var usedManual = false
    return try formatTemplate(Array(template.unicodeScalars), args, kw, mapping, &auto, &usedAuto, &usedManual, depth: 0)
  }

  private func formatTemplate(
    _ s: [Unicode.Scalar], _ args: [Value], _ kw: Kwargs, _ mapping: Value?, _ auto: inout Int,
    _ usedAuto: inout Bool, _ usedManual: inout Bool, depth: Int
  ) throws -> String {
    if depth > 2 { throw valueError("Max string recursion exceeded") }
    var out = String.UnicodeScalarView()
    var i = 0
    while i < s.count {
      let c = s[i]
      if c == "}" {
        if i + 1 < s.count && s[i + 1] == "}" {
          out.append("}")
          i += 2
          continue
        }
        throw valueError("Single '}' encountered in format string")
      }
      if c != "{" {
        out.append(c)
        i += 1
        continue
      }
      if i + 1 < s.count && s[i + 1] == "{" {
        out.append("{")
        i += 2
        continue
      }
      // Find the matching close brace (nested braces allowed in the spec).
      var j = i + 1
      var level = 1
      while j < s.count {
        if s[j] == "{" { level += 1 }
        if s[j] == "}" {
          level -= 1
          if level == 0 { break }
        }
        j += 1
      }
      if j >= s.count { throw valueError("expected '}' before end of string") }
      let field = Array(s[(i + 1)..<j])
      i = j + 1
      // Split field into name, conversion, spec.
      var nameEnd = 0
      var bracket = false
      while nameEnd < field.count {
        let ch = field[nameEnd]
        if ch == "[" { bracket = true }
        if ch == "]" { bracket = false }
        if !bracket && (ch == "!" || ch == ":") { break }
        nameEnd += 1
      }
      let name = String(String.UnicodeScalarView(field[0..<nameEnd]))
      var conversion: Unicode.Scalar? = nil
      var specStart = nameEnd
      if nameEnd < field.count && field[nameEnd] == "!" {
        guard nameEnd + 1 < field.count else { throw valueError("end of string while looking for conversion specifier") }
        conversion = field[nameEnd + 1]
        specStart = nameEnd + 2
        if specStart < field.count && field[specStart] != ":" { throw valueError("expected ':' after conversion specifier") }
      }
      var spec = ""
      if specStart < field.count && field[specStart] == ":" {
        spec = try formatTemplate(Array(field[(specStart + 1)...]), args, kw, mapping, &auto, &usedAuto, &usedManual, depth: depth + 1)
      }
      var value = try resolveField(name, args, kw, mapping, &auto, &usedAuto, &usedManual)
      switch conversion {
      case nil: break
      case "r": value = .str(try repr(value))
      case "s": value = .str(try str(value))
      case "a": value = .str(PythonStringRepr.ascii(fromRepr: try repr(value)))
      case let x?: throw valueError("Unknown conversion specifier \(x)")
      }
      out.append(contentsOf: try format(value, spec).unicodeScalars)
    }
    return String(out)
  }

  private func resolveField(
    _ name: String, _ args: [Value], _ kw: Kwargs, _ mapping: Value?, _ auto: inout Int,
    _ usedAuto: inout Bool, _ usedManual: inout Bool
  ) throws -> Value {
    let scalars = Array(name.unicodeScalars)
    var k = 0
    while k < scalars.count && scalars[k] != "." && scalars[k] != "[" { k += 1 }
    let head = String(String.UnicodeScalarView(scalars[0..<k]))
    var value: Value
    if head.isEmpty {
      if usedManual { throw valueError("cannot switch from manual field specification to automatic field numbering") }
      usedAuto = true
      guard auto < args.count else { throw indexError("Replacement index \(auto) out of range for positional args tuple") }
      value = args[auto]
      auto += 1
    } else if let n = Int(head) {
      if usedAuto { throw valueError("cannot switch from automatic field numbering to manual field specification") }
      usedManual = true
      guard n < args.count else { throw indexError("Replacement index \(n) out of range for positional args tuple") }
      value = args[n]
    } else if let m = mapping {
      value = try getItem(m, .str(head))
    } else if let v = kw.first(where: { $0.0 == head })?.1 {
      value = v
    } else {
      throw keyError(.str(head))
    }
    while k < scalars.count {
      if scalars[k] == "." {
        var e = k + 1
        while e < scalars.count && scalars[e] != "." && scalars[e] != "[" { e += 1 }
        value = try getAttribute(value, String(String.UnicodeScalarView(scalars[(k + 1)..<e])))
        k = e
      } else {
        var e = k + 1
        while e < scalars.count && scalars[e] != "]" { e += 1 }
        let key = String(String.UnicodeScalarView(scalars[(k + 1)..<e]))
        value = try getItem(value, Int(key).map { .int($0) } ?? .str(key))
        k = e + 1
      }
    }
    return value
  }
}
