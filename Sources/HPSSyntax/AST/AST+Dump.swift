// A readable dump of the AST (for `hps --dump-ast` and for tests): one statement per line, blocks
// indented, expressions as compact S-expressions such as `(binary + (name a) (constant 1))`.

extension Module {
  public func dump() -> String {
    var out = ""
    for statement in body { statement.dump(into: &out, indent: 0) }
    return out
  }
}

extension Stmt {
  public func dump() -> String {
    var out = ""
    dump(into: &out, indent: 0)
    return out
  }

  func dump(into out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent)
    func line(_ text: String) { out += pad + text + "\n" }
    func block(_ label: String, _ body: [Stmt]) {
      out += pad + label + "\n"
      for statement in body { statement.dump(into: &out, indent: indent + 1) }
    }
    switch kind {
    case .expression(let value): line("expr " + value.dump())
    case .assign(let targets, let value):
      line("assign " + targets.map { $0.dump() }.joined(separator: " = ") + " = " + value.dump())
    case .augmentedAssign(let target, let op, let value):
      line("augassign \(target.dump()) \(op.symbol)= \(value.dump())")
    case .annotatedAssign(let target, let annotation, let value):
      line("annassign \(target.dump()) : \(annotation.dump())" + (value.map { " = " + $0.dump() } ?? ""))
    case .delete(let targets): line("del " + targets.map { $0.dump() }.joined(separator: " "))
    case .pass: line("pass")
    case .break: line("break")
    case .continue: line("continue")
    case .return(let value): line("return" + (value.map { " " + $0.dump() } ?? ""))
    case .raise(let exception, let cause):
      line("raise" + (exception.map { " " + $0.dump() } ?? "") + (cause.map { " from " + $0.dump() } ?? ""))
    case .global(let names): line("global " + names.joined(separator: " "))
    case .nonlocal(let names): line("nonlocal " + names.joined(separator: " "))
    case .assert(let test, let message): line("assert " + test.dump() + (message.map { " " + $0.dump() } ?? ""))
    case .if(let test, let body, let orElse):
      block("if " + test.dump(), body)
      if !orElse.isEmpty { block("else", orElse) }
    case .while(let test, let body, let orElse):
      block("while " + test.dump(), body)
      if !orElse.isEmpty { block("else", orElse) }
    case .for(let target, let iterable, let body, let orElse):
      block("for \(target.dump()) in \(iterable.dump())", body)
      if !orElse.isEmpty { block("else", orElse) }
    case .try(let body, let handlers, let orElse, let finally):
      block("try", body)
      for handler in handlers {
        block("except" + (handler.type.map { " " + $0.dump() } ?? "") + (handler.name.map { " as " + $0 } ?? ""), handler.body)
      }
      if !orElse.isEmpty { block("else", orElse) }
      if !finally.isEmpty { block("finally", finally) }
    case .with(let items, let body):
      let text = items.map { $0.context.dump() + ($0.target.map { " as " + $0.dump() } ?? "") }
      block("with " + text.joined(separator: ", "), body)
    case .functionDef(let function):
      for decorator in function.decorators { line("@" + decorator.dump()) }
      var header = "def \(function.name)(\(function.parameters.dump()))"
      if let returns = function.returns { header += " -> " + returns.dump() }
      if let doc = function.docstring { header += " doc=" + quote(doc) }
      block(header, function.body)
    case .classDef(let definition):
      for decorator in definition.decorators { line("@" + decorator.dump()) }
      var header = "class \(definition.name)(" + definition.bases.map { $0.dump() }.joined(separator: " ")
      if !definition.keywords.isEmpty {
        header += (definition.bases.isEmpty ? "" : " ") + definition.keywords.map { $0.dump() }.joined(separator: " ")
      }
      header += ")"
      if let doc = definition.docstring { header += " doc=" + quote(doc) }
      block(header, definition.body)
    case .import(let names):
      line("import " + names.map { $0.name + ($0.alias.map { " as " + $0 } ?? "") }.joined(separator: ", "))
    case .importFrom(let module, let names, let level, let star):
      let what = star ? "*" : names.map { $0.name + ($0.alias.map { " as " + $0 } ?? "") }.joined(separator: ", ")
      line("from " + String(repeating: ".", count: level) + (module ?? "") + " import " + what)
    }
  }
}

extension Expr {
  /// The expression as an S-expression.
  public func dump() -> String {
    switch kind {
    case .name(let name): return "(name \(name))"
    case .constant(let value): return "(constant \(value.dump()))"
    case .formattedString(let parts): return "(fstring" + parts.map { " " + $0.dump() }.joined() + ")"
    case .tuple(let elements): return "(tuple" + elements.map { " " + $0.dump() }.joined() + ")"
    case .list(let elements): return "(list" + elements.map { " " + $0.dump() }.joined() + ")"
    case .set(let elements): return "(set" + elements.map { " " + $0.dump() }.joined() + ")"
    case .dict(let items):
      return "(dict" + items.map { item -> String in
        switch item {
        case .pair(let key, let value): return " (\(key.dump()) \(value.dump()))"
        case .unpack(let mapping): return " (** \(mapping.dump()))"
        }
      }.joined() + ")"
    case .starred(let value): return "(starred \(value.dump()))"
    case .unary(let op, let operand): return "(unary \(op.rawValue) \(operand.dump()))"
    case .binary(let op, let left, let right): return "(binary \(op.symbol) \(left.dump()) \(right.dump()))"
    case .boolean(let op, let operands): return "(\(op.rawValue)" + operands.map { " " + $0.dump() }.joined() + ")"
    case .compare(let first, let links):
      return "(compare \(first.dump())" + links.map { " \($0.op.rawValue) \($0.right.dump())" }.joined() + ")"
    case .conditional(let test, let body, let orElse):
      return "(if \(test.dump()) \(body.dump()) \(orElse.dump()))"
    case .namedExpression(let target, let value): return "(walrus \(target) \(value.dump()))"
    case .lambda(let parameters, let body): return "(lambda (\(parameters.dump())) \(body.dump()))"
    case .call(let function, let arguments):
      return "(call \(function.dump())" + arguments.map { " " + $0.dump() }.joined() + ")"
    case .attribute(let value, let name): return "(attr \(value.dump()) \(name))"
    case .subscript(let value, let index): return "(subscript \(value.dump()) \(index.dump()))"
    case .slice(let lower, let upper, let step):
      return "(slice \(lower?.dump() ?? "_") \(upper?.dump() ?? "_") \(step?.dump() ?? "_"))"
    case .listComprehension(let element, let clauses):
      return "(listcomp \(element.dump())" + clauses.map { " " + $0.dump() }.joined() + ")"
    case .setComprehension(let element, let clauses):
      return "(setcomp \(element.dump())" + clauses.map { " " + $0.dump() }.joined() + ")"
    case .dictComprehension(let key, let value, let clauses):
      return "(dictcomp \(key.dump()) \(value.dump())" + clauses.map { " " + $0.dump() }.joined() + ")"
    case .generator(let element, let clauses):
      return "(genexp \(element.dump())" + clauses.map { " " + $0.dump() }.joined() + ")"
    case .yield(let value): return "(yield" + (value.map { " " + $0.dump() } ?? "") + ")"
    case .yieldFrom(let value): return "(yieldfrom \(value.dump()))"
    }
  }
}

extension Constant {
  func dump() -> String {
    switch self {
    case .none: return "None"
    case .true: return "True"
    case .false: return "False"
    case .ellipsis: return "..."
    case .int(let value): return String(value)
    case .bigInt(let digits): return digits
    case .float(let value): return "\(value)"
    case .imaginary(let value): return "\(value)j"
    case .string(let text): return quote(text)
    case .bytes(let bytes): return "b" + quote(String(decoding: bytes, as: UTF8.self))
    }
  }
}

extension FStringPart {
  func dump() -> String {
    switch self {
    case .literal(let text): return quote(text)
    case .replacement(let value, let conversion, let spec, let debugText):
      var text = "{" + value.dump()
      if let debugText { text += " debug=" + quote(debugText) }
      if let conversion { text += " !" + String(conversion) }
      if let spec { text += " :" + spec.map { $0.dump() }.joined(separator: " ") }
      return text + "}"
    }
  }
}

extension Argument {
  func dump() -> String {
    switch kind {
    case .positional(let value): return value.dump()
    case .keyword(let name, let value): return "(kw \(name) \(value.dump()))"
    case .star(let value): return "(* \(value.dump()))"
    case .doubleStar(let value): return "(** \(value.dump()))"
    }
  }
}

extension Comprehension {
  func dump() -> String {
    "(for \(target.dump()) \(iterable.dump())" + conditions.map { " (if \($0.dump()))" }.joined() + ")"
  }
}

extension Parameters {
  func dump() -> String {
    var parts: [String] = positionalOnly.map { $0.dump() }
    if !positionalOnly.isEmpty { parts.append("/") }
    parts += regular.map { $0.dump() }
    if let varargs { parts.append("*" + varargs.dump()) } else if !keywordOnly.isEmpty { parts.append("*") }
    parts += keywordOnly.map { $0.dump() }
    if let kwargs { parts.append("**" + kwargs.dump()) }
    return parts.joined(separator: " ")
  }
}

extension Parameter {
  func dump() -> String {
    name + (annotation.map { ":" + $0.dump() } ?? "") + (defaultValue.map { "=" + $0.dump() } ?? "")
  }
}

/// A string in double quotes with the escapes a reader needs.
func quote(_ text: String) -> String {
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    case "\r": out += "\\r"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }
  return out + "\""
}
