// `str.format` / `format_map`: renders the pieces parsed by `FormatString.parse` (which owns
// CPython's auto/manual numbering and messages) with the interpreter's values.

extension VM {
  func strFormat(_ template: String, _ args: [Value], _ kw: Kwargs, mapping: Value? = nil) throws -> String {
    let pieces: [FormatStringPiece]
    do {
      pieces = try FormatString.parse(template)
    } catch let e as FormattingError {
      throw convert(e)
    }
    return try render(pieces, args, kw, mapping)
  }

  private func render(_ pieces: [FormatStringPiece], _ args: [Value], _ kw: Kwargs, _ mapping: Value?) throws -> String {
    var out = ""
    for piece in pieces {
      switch piece {
      case .literal(let text): out += text
      case .field(let field):
        var value = try resolveField(field, args, kw, mapping)
        switch field.conversion {
        case nil: break
        case .repr?: value = .str(try repr(value))
        case .str?: value = .str(try str(value))
        case .ascii?: value = .str(PythonStringRepr.ascii(fromRepr: try repr(value)))
        }
        let spec = try render(field.spec, args, kw, mapping)
        out += try format(value, spec)
      }
    }
    return out
  }

  private func resolveField(_ field: FormatStringField, _ args: [Value], _ kw: Kwargs, _ mapping: Value?) throws -> Value {
    var value: Value
    switch field.argument {
    case .positional(let n):
      guard n < args.count else { throw indexError("Replacement index \(n) out of range for positional args tuple") }
      value = args[n]
    case .keyword(let name):
      if let m = mapping {
        value = try getItem(m, .str(name))
      } else if let v = kw.first(where: { $0.0 == name })?.1 {
        value = v
      } else {
        throw keyError(.str(name))
      }
    }
    for accessor in field.accessors {
      switch accessor {
      case .attribute(let name): value = try getAttribute(value, name)
      case .index(let i): value = try getItem(value, .int(i))
      case .key(let k): value = try getItem(value, .str(k))
      }
    }
    return value
  }
}
