// An updating progress line for searches and training: in notebooks one display updated in place
// (update_display_data), on a terminal one line rewritten with `\r`, and otherwise (logs, pipes)
// plain lines at a steady pace. The text follows tqdm's layout, which people read at a glance.
import Foundation

public final class ProgressDisplay {
  public enum Mode: Equatable {
    /// A display updated in place through the Session's front end.
    case notebook
    /// One line rewritten with carriage returns.
    case terminal
    /// A new line at most every `lineInterval` seconds, plus the final one.
    case lines
  }

  public let mode: Mode
  public let total: Int?
  public var description: String
  public private(set) var completed = 0
  /// `key=value` pairs shown after the rate (tqdm's postfix), e.g. best=0.123.
  public private(set) var postfix: [(String, String)] = []
  private let router: DisplayRouter?
  private let write: (String) -> Void
  private let flush: () -> Void
  private let clock: () -> Date
  private let started: Date
  private var lastShown: Date?
  private var displayID: String?
  private var lastLineWidth = 0
  private var closed = false
  /// Seconds between redraws on a terminal or in a notebook (redraws cost a message each).
  public var minInterval: TimeInterval = 0.1
  /// Seconds between plain lines.
  public var lineInterval: TimeInterval = 5

  /// - Parameters:
  ///   - router: the interpreter's display router (`DisplayRouter.router(for: vm)` or `session.display`).
  ///   - mode: nil picks notebook when a front end can update outputs, terminal when stdout is a tty,
  ///     lines otherwise.
  ///   - write/flush: where terminal and line output goes (default: the interpreter's stdout).
  public init(
    router: DisplayRouter?, total: Int?, description: String = "", mode: Mode? = nil,
    write: ((String) -> Void)? = nil, flush: (() -> Void)? = nil, clock: @escaping () -> Date = Date.init
  ) {
    self.router = router
    self.total = total.map { max($0, 0) }
    self.description = description
    let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
    self.mode = mode ?? (router?.supportsUpdates == true ? .notebook : stdoutIsTerminal ? .terminal : .lines)
    self.write = write ?? { [weak router] text in router?.interpreter.writeStdout(text) }
    self.flush = flush ?? { [weak router] in router?.interpreter.vm.flushStdout() }
    self.clock = clock
    started = clock()
  }

  /// Sets the number of finished steps (trials, batches).
  public func update(_ completed: Int, postfix: [(String, String)]? = nil) {
    self.completed = max(0, completed)
    if let postfix { self.postfix = postfix }
    redraw(force: false)
  }

  public func advance(by n: Int = 1, postfix: [(String, String)]? = nil) { update(completed + n, postfix: postfix) }

  public func setPostfix(_ postfix: [(String, String)]) {
    self.postfix = postfix
    redraw(force: false)
  }

  /// Draws the final state and ends the line. Later updates are ignored.
  public func close() {
    guard !closed else { return }
    // A plain-lines log already ends with this state when the last update was drawn.
    if !(mode == .lines && drawnState == state) { redraw(force: true) }
    closed = true
    if mode == .terminal {
      write("\n")
      flush()
    }
  }

  private func redraw(force: Bool) {
    guard !closed else { return }
    let now = clock()
    let finished = total.map { completed >= $0 } ?? false
    let interval = mode == .lines ? lineInterval : minInterval
    if !force && !finished, let last = lastShown, now.timeIntervalSince(last) < interval { return }
    lastShown = now
    let text = line(now: now)
    switch mode {
    case .notebook:
      guard let router else { return }
      router.show(bundle(text: text), inPlaceOf: &displayID)
    case .terminal:
      // Pad with spaces so a shorter line fully covers the previous one.
      let padding = String(repeating: " ", count: max(0, lastLineWidth - text.count))
      write("\r" + text + padding)
      lastLineWidth = text.count
      flush()
    case .lines:
      write(text + "\n")
      flush()
    }
    drawnState = state
  }

  /// What a line shows besides timing, to tell whether the last line is still current.
  private var state: String { "\(completed)|" + postfix.map { "\($0.0)=\($0.1)" }.joined(separator: ",") }
  private var drawnState: String?

  /// tqdm's line: `desc:  45%|████▌     | 9/20 [00:03<00:04,  2.90it/s, best=0.1]`.
  public func line(now: Date? = nil) -> String {
    let elapsed = max((now ?? clock()).timeIntervalSince(started), 0)
    let rate = elapsed > 0 ? Double(completed) / elapsed : 0
    var text = description.isEmpty ? "" : description + ": "
    if let total, total > 0 {
      let fraction = min(Double(completed) / Double(total), 1)
      text += String(format: "%3d%%", Int(fraction * 100)) + "|" + ProgressDisplay.bar(fraction, width: 20) + "| \(completed)/\(total)"
      let remaining = rate > 0 ? Double(total - min(completed, total)) / rate : nil
      text += " [" + ProgressDisplay.clockText(elapsed) + "<" + (remaining.map(ProgressDisplay.clockText) ?? "?") + ", "
    } else {
      text += "\(completed) [" + ProgressDisplay.clockText(elapsed) + ", "
    }
    text += rate > 0 ? String(format: "%.2fit/s", rate) : "?it/s"
    if !postfix.isEmpty { text += ", " + postfix.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") }
    return text + "]"
  }

  static func bar(_ fraction: Double, width: Int) -> String {
    let eighths = Int((fraction * Double(width * 8)).rounded(.down))
    var out = String(repeating: "█", count: eighths / 8)
    let partial = eighths % 8
    if partial > 0 { out.append(TextRenderer.eighths[partial - 1]) }
    return out + String(repeating: " ", count: max(0, width - out.count))
  }

  static func clockText(_ seconds: Double) -> String {
    let s = Int(seconds.rounded(.down))
    return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%02d:%02d", s / 60, s % 60)
  }

  /// text/plain for consoles, text/html with a native progress bar for notebooks.
  func bundle(text: String) -> MimeBundle {
    var bundle = MimeBundle(text: text)
    let label = SVGWriter.escape(text)
    if let total, total > 0 {
      bundle[MimeType.html] = "<div class=\"hps-progress\"><progress value=\"\(completed)\" max=\"\(total)\" style=\"width:20em\"></progress> <code>\(label)</code></div>"
    } else {
      bundle[MimeType.html] = "<div class=\"hps-progress\"><code>\(label)</code></div>"
    }
    return bundle
  }
}
