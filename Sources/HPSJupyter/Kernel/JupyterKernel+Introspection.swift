// complete, inspect and is_complete: questions about code that is not run. Cursor positions
// count Unicode code points, as the protocol says.
import Foundation
import HPSKernel
import HPSSyntax

extension JupyterKernel {
  func complete(_ content: JSONObject) -> JSONObject {
    let code = Array((content["code"] as? String ?? "").unicodeScalars)
    let cursor = JupyterKernel.clamp(JSON.int(content["cursor_pos"]), count: code.count)
    let start = JupyterKernel.wordStart(in: code, before: cursor, allowMagic: true)
    let word = JupyterKernel.text(code[start..<cursor])
    let matches = session.completions(for: word)
    // JupyterLab shows a kind icon per match from this (IPython's experimental field).
    let typed: [JSONObject] = matches.map { match in
      ["start": start, "end": cursor, "text": match, "type": completionType(of: match), "signature": ""]
    }
    return [
      "status": "ok", "matches": matches, "cursor_start": start, "cursor_end": cursor,
      "metadata": ["_jupyter_types_experimental": typed],
    ]
  }

  /// IPython's completion kinds. Only plain names are looked up (a dictionary lookup, no code
  /// runs); attributes could be properties, so they are not evaluated and stay "attribute".
  func completionType(of match: String) -> String {
    if match.hasPrefix("%") { return "magic" }
    if Session.keywords.contains(match) { return "keyword" }
    if match.contains(".") { return "attribute" }
    guard let value = interpreter[global: match] else { return "statement" }
    switch value.typeName {
    case "function", "builtin_function_or_method", "method": return "function"
    case "type": return "class"
    case "module": return "module"
    default: return "instance"
    }
  }

  func inspect(_ content: JSONObject) -> JSONObject {
    let code = Array((content["code"] as? String ?? "").unicodeScalars)
    var cursor = JupyterKernel.clamp(JSON.int(content["cursor_pos"]), count: code.count)
    // Inside `f(` the object asked about is the function being called.
    while cursor > 0, code[cursor - 1] == "(" || code[cursor - 1] == " " { cursor -= 1 }
    var end = cursor
    while end < code.count, JupyterKernel.isNameScalar(code[end]) { end += 1 }
    let start = JupyterKernel.wordStart(in: code, before: cursor, allowMagic: false)
    let name = JupyterKernel.text(code[start..<end])
    guard let text = session.inspection(of: name) else {
      return ["status": "ok", "found": false, "data": JSONObject(), "metadata": JSONObject()]
    }
    return ["status": "ok", "found": true, "data": ["text/plain": text], "metadata": JSONObject()]
  }

  func isComplete(_ content: JSONObject) -> JSONObject {
    let code = content["code"] as? String ?? ""
    let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
    // Magics and `name?` are single lines the Session handles before parsing.
    if trimmed.hasPrefix("%") || (trimmed.hasSuffix("?") && !trimmed.contains("\n")) {
      return ["status": "complete"]
    }
    switch Parser.completeness(of: code) {
    case .complete: return ["status": "complete"]
    case .incomplete(let indent): return ["status": "incomplete", "indent": indent]
    case .invalid: return ["status": "invalid"]
    }
  }

  static func clamp(_ position: Int?, count: Int) -> Int { min(max(position ?? count, 0), count) }

  static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  /// Start of the dotted name ending at `cursor` (with a leading `%` for magics when allowed).
  static func wordStart(in code: [Unicode.Scalar], before cursor: Int, allowMagic: Bool) -> Int {
    var start = cursor
    while start > 0, isNameScalar(code[start - 1]) || code[start - 1] == "." { start -= 1 }
    if allowMagic, start > 0, code[start - 1] == "%",
      start == 1 || code[start - 2] == " " || code[start - 2] == "\n"
    {
      start -= 1
    }
    return start
  }

  static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }
}
