// How wide a chart shown in a terminal should be: the terminal's width when stdout is one (capped,
// since very wide charts are hard to read), else COLUMNS, else 72 columns.
import Foundation

enum TerminalWidth {
  static let fallback = 72
  static let range = 40...120

  static var current: Int {
    var size = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return clamp(Int(size.ws_col) - 1)
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) { return clamp(columns - 1) }
    return fallback
  }

  private static func clamp(_ n: Int) -> Int { min(max(n, range.lowerBound), range.upperBound) }
}
