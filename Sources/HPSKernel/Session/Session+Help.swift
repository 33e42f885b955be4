// help(obj), `obj?` and tab completion: what a person asks the session about names.
import HPSScript
import HPSSyntax

extension Session {
  /// `obj?`: IPython's layout (Signature / Docstring / Type).
  func showHelp(for expression: String) -> CellOutcome {
    guard let value = try? interpreter.evaluate(expression) else {
      write("Object `\(expression)` not found.\n")
      return .ok(echo: nil)
    }
    write(inspectionText(for: value))
    return .ok(echo: nil)
  }

  /// The `obj?` text for a dotted name (Jupyter's inspect_request), or nil when the name is not
  /// defined. Only plain names are evaluated, so inspecting never runs a call.
  public func inspection(of name: String) -> String? {
    guard Session.isDottedName(name), let value = try? interpreter.evaluate(name) else { return nil }
    return inspectionText(for: value)
  }

  private func inspectionText(for value: Value) -> String {
    let (name, signature, doc) = interpreter.describe(value)
    var text = ""
    if !signature.isEmpty { text += "Signature: \(Session.qualified(signature, name: name))\n" }
    text += "Docstring: \(doc.map(Session.indentContinuation) ?? "<no docstring>")\n"
    if signature.isEmpty { text += "String form: \(interpreter.repr(value))\n" }
    text += "Type:      \(value.typeName)\n"
    return text
  }

  /// `help(obj)`: pydoc's shape — a title line, the signature, the indented docstring.
  func helpText(for value: Value) -> String {
    let (name, signature, doc) = interpreter.describe(value)
    let title = signature.isEmpty
      ? "Help on \(value.typeName) object:" : "Help on \(value.typeName) \(name):"
    var text = title + "\n\n"
    if !signature.isEmpty { text += Session.qualified(signature, name: name) + "\n" }
    if let doc, !doc.isEmpty {
      text += doc.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        .joined(separator: "\n") + "\n"
    } else if signature.isEmpty {
      text += "    " + interpreter.repr(value) + "\n"
    }
    return text
  }

  /// Candidates for the word before the cursor: keywords, names in scope, magics after `%`, and
  /// attributes after a dot (`trainer.hyp` → `trainer.hyperparameter_search`). Only plain dotted
  /// names are evaluated to find attributes, so completing never runs a call.
  public func completions(for word: String) -> [String] {
    if word.hasPrefix("%") {
      return MagicCommand.names.map { "%" + $0 }.filter { $0.hasPrefix(word) }
    }
    if let dot = word.lastIndex(of: ".") {
      let base = String(word[..<dot])
      let partial = String(word[word.index(after: dot)...])
      guard Session.isDottedName(base), let value = try? interpreter.evaluate(base) else { return [] }
      let names = interpreter.attributeNames(of: value).filter { $0.hasPrefix(partial) }
      let visible = partial.hasPrefix("_") ? names : names.filter { !$0.hasPrefix("_") }
      return visible.map { base + "." + $0 }.sorted()
    }
    let pool = Set(Session.keywords + interpreter.globalNames + interpreter.builtinNames)
    return pool.filter { $0.hasPrefix(word) && (word.hasPrefix("_") || !$0.hasPrefix("_")) }.sorted()
  }

  public static let keywords = [
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
  ]

  static func isDottedName(_ text: String) -> Bool {
    !text.isEmpty && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
      guard let first = part.first, first == "_" || first.isLetter else { return false }
      return part.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
  }

  /// `f(a, b=1)`: the runtime gives signatures as a bare parameter list.
  static func qualified(_ signature: String, name: String) -> String {
    signature.hasPrefix("(") ? name + signature : signature
  }

  private static func indentContinuation(_ doc: String) -> String {
    doc.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .map { $0.offset == 0 ? String($0.element) : "           " + $0.element }.joined(separator: "\n")
  }
}
