import Testing
@testable import HPSSyntax

/// Parses `text` as a module and returns its dump, or the error's one-line description.
func dumpOrError(_ text: String) -> String {
  do {
    return try Parser.parseModule(SourceFile(name: "t", text: text)).dump()
  } catch {
    return "error: \(error.className): \(error.message) at \(error.location)"
  }
}

/// Parses `text` and returns its dump; records a test issue when it does not parse.
func dump(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
  do {
    return try Parser.parseModule(SourceFile(name: "t", text: text)).dump()
  } catch {
    Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
    return ""
  }
}

/// The dump of the single expression statement in `text`.
func expressionDump(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
  do {
    return try Parser.parseExpression(SourceFile(name: "t", text: text)).dump()
  } catch {
    Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
    return ""
  }
}

/// The error parsing `text` raises, or nil.
func syntaxError(_ text: String) -> SyntaxError? {
  do {
    _ = try Parser.parseModule(SourceFile(name: "t", text: text))
    return nil
  } catch {
    return error
  }
}
