// The IPython "line magics" hps understands. Parsing lives here; the Session runs them.

/// One `%name arguments` line, or `name?` / `?name` help requests.
enum MagicCommand: Equatable {
  /// `%time STATEMENT`: run once, report CPU and wall time.
  case time(String)
  /// `%timeit [-n N] [-r R] STATEMENT`: IPython's repeated timing.
  case timeit(code: String, loops: Int?, repeats: Int)
  /// `%run FILE [args]`: run a script in the session namespace.
  case run(path: String, arguments: [String])
  /// `%load FILE`: show a file's code as the next cell and run it.
  case load(path: String)
  /// `%who`: the names the user defined.
  case who
  /// `%reset [-f]`: forget every user name (asks first unless -f or non-interactive).
  case reset(force: Bool)
  /// `%history [-n] [-l N] [N | N-M]`: the cells typed so far (all, the last N, or a range).
  case history(numbered: Bool, last: Int?, range: ClosedRange<Int>?)
  /// `obj?` or `?obj`: signature and docstring.
  case help(expression: String)
  /// `%magic`/`%lsmagic`: the list of magics.
  case list

  /// The names the REPL completes after `%`.
  static let names = ["time", "timeit", "run", "load", "who", "reset", "history", "lsmagic"]
}

/// Why a magic line could not be understood.
struct MagicError: Error, Equatable, CustomStringConvertible {
  var description: String
}

enum MagicParser {
  /// Parses a cell that is a single magic or help request; returns nil for ordinary code.
  static func parse(_ cell: String) throws(MagicError) -> MagicCommand? {
    let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasPrefix("%") {
      return try parseMagic(String(text.dropFirst()))
    }
    if !text.contains("\n"), text.count > 1 {
      if text.hasSuffix("?") && !text.hasPrefix("#") {
        let target = String(text.dropLast(text.hasSuffix("??") ? 2 : 1)).trimmingCharacters(in: .whitespaces)
        if isHelpTarget(target) { return .help(expression: target) }
      }
      if text.hasPrefix("?") {
        let target = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
        if isHelpTarget(target) { return .help(expression: target) }
      }
    }
    return nil
  }

  /// A dotted name such as `trainer.hyperparameter_search`.
  private static func isHelpTarget(_ text: String) -> Bool {
    !text.isEmpty && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
      guard let first = part.first, first == "_" || first.isLetter else { return false }
      return part.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
  }

  private static func parseMagic(_ line: String) throws(MagicError) -> MagicCommand {
    let name = String(line.prefix { !$0.isWhitespace })
    let rest = String(line.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
    let words = rest.split(separator: " ").map(String.init)
    switch name {
    case "time":
      guard !rest.isEmpty else { throw MagicError(description: "%time needs a statement to time, e.g. %time sum(range(10**6))") }
      return .time(rest)
    case "timeit":
      return try parseTimeit(rest)
    case "run":
      guard let path = words.first else { throw MagicError(description: "%run needs a file name, e.g. %run search.hps") }
      return .run(path: path, arguments: Array(words.dropFirst()))
    case "load":
      guard let path = words.first else { throw MagicError(description: "%load needs a file name, e.g. %load search.hps") }
      return .load(path: path)
    case "who":
      return .who
    case "reset":
      if let bad = words.first(where: { $0 != "-f" }) {
        throw MagicError(description: "%reset: unknown option '\(bad)' (only -f is supported)")
      }
      return .reset(force: words.contains("-f"))
    case "history", "hist":
      var numbered = false
      var last: Int?
      var range: ClosedRange<Int>?
      var remaining = words[...]
      while let word = remaining.popFirst() {
        if word == "-n" {
          numbered = true
        } else if word == "-l" {
          guard let count = remaining.popFirst().flatMap({ Int($0) }), count > 0 else {
            throw MagicError(description: "%history -l needs a positive count, e.g. %history -l 5")
          }
          last = count
        } else if let bounds = historyRange(word) {
          range = bounds
        } else {
          throw MagicError(description: "%history: unknown argument '\(word)' (use -n, -l N, N or N-M)")
        }
      }
      return .history(numbered: numbered, last: last, range: range)
    case "lsmagic", "magic":
      return .list
    default:
      throw MagicError(description: "UsageError: Line magic function `%\(name)` not found. Available: " + names.map { "%" + $0 }.joined(separator: " "))
    }
  }

  /// `4` or `2-5` (inclusive, as IPython's ranges).
  private static func historyRange(_ word: String) -> ClosedRange<Int>? {
    let parts = word.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count <= 2, let low = Int(parts[0]), low >= 1 else { return nil }
    guard parts.count == 2 else { return low...low }
    guard let high = Int(parts[1]), high >= low else { return nil }
    return low...high
  }

  private static func parseTimeit(_ rest: String) throws(MagicError) -> MagicCommand {
    var loops: Int?
    var repeats = 7
    var remaining = Substring(rest)
    // Options come first; the statement after them is kept verbatim (spacing inside strings matters).
    while remaining.hasPrefix("-n ") || remaining.hasPrefix("-r ") {
      let flag = String(remaining.prefix(2))
      remaining = remaining.dropFirst(3).drop { $0 == " " }
      let count = remaining.prefix { !$0.isWhitespace }
      guard let n = Int(count), n > 0 else {
        throw MagicError(description: "%timeit \(flag) needs a positive count, e.g. %timeit \(flag) 10 f()")
      }
      if flag == "-n" { loops = n } else { repeats = n }
      remaining = remaining.dropFirst(count.count).drop { $0 == " " }
    }
    let code = String(remaining)
    guard !code.isEmpty else { throw MagicError(description: "%timeit needs a statement to time, e.g. %timeit sum(range(1000))") }
    return .timeit(code: code, loops: loops, repeats: repeats)
  }

  private static var names: [String] { MagicCommand.names }
}

import Foundation
