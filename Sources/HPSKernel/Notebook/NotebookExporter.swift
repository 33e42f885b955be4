// `hps notebook export`: a notebook as a plain .hps script. Code cells are copied; markdown and raw
// cells become comments; magic and shell lines, which only a Session understands, are commented
// out with a note so `hps run` never trips over them.

public enum NotebookExporter {
  public static func script(_ document: NotebookDocument) -> String {
    var parts: [String] = []
    for cell in document.cells {
      let source = NotebookDocument.source(cell)
      guard !source.allSatisfy(\.isWhitespace) else { continue }
      switch NotebookDocument.cellType(cell) {
      case "code":
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
          let trimmed = line.drop { $0 == " " || $0 == "\t" }
          if trimmed.hasPrefix("%") || trimmed.hasPrefix("!") { return "# (notebook magic, not run in scripts) " + line }
          return String(line)
        }
        parts.append(trimTrailingNewlines(lines.joined(separator: "\n")))
      default:
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "#" : "# " + $0 }
        parts.append(trimTrailingNewlines(lines.joined(separator: "\n")))
      }
    }
    return parts.joined(separator: "\n\n") + (parts.isEmpty ? "" : "\n")
  }

  private static func trimTrailingNewlines(_ s: String) -> String {
    var s = s
    while s.last == "\n" || s.last == "#" && s.hasSuffix("\n#") { s.removeLast() }
    return s
  }
}
