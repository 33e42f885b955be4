// `optimize(show_progress_bar=True)`: a one-line text bar on stderr, redrawn after each trial,
// in the shape of Optuna's tqdm bar (best trial and value, percent, bar, count, elapsed time).
// With a timeout and no trial budget the bar measures time, as Optuna's does.
import Foundation

final class ProgressBar: @unchecked Sendable {
  let total: Int?
  let timeout: TimeInterval?
  let start = Date()
  private let done = Locked(0)
  private let write: @Sendable (String) -> Void

  init(nTrials: Int?, timeout: TimeInterval?,
       write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
    total = nTrials
    self.timeout = nTrials == nil ? timeout : nil
    self.write = write
  }

  /// Redraws the bar after a finished trial.
  func update(study: Study) {
    let count = done.withLock { n -> Int in n += 1; return n }
    var prefix = ""
    if !study.isMultiObjective, let best = try? study.bestTrial(), let v = best.value {
      prefix = "Best trial: \(best.number). Best value: \(pythonRepr(v)): "
    }
    write("\r" + prefix + line(count: count, elapsed: Date().timeIntervalSince(start)))
  }

  func finish() { write("\n") }

  /// "40%|████      | 4/10 [00:01]" (no total: "4it [00:01]").
  func line(count: Int, elapsed: TimeInterval) -> String {
    let clock = ProgressBar.clock(elapsed)
    let fraction: Double?
    let counter: String
    if let total, total > 0 {
      fraction = min(1, Double(count) / Double(total))
      counter = "\(count)/\(total) [\(clock)]"
    } else if let timeout, timeout > 0 {
      fraction = min(1, elapsed / timeout)
      counter = "\(clock)/\(ProgressBar.clock(timeout))"
    } else {
      return "\(count)it [\(clock)]"
    }
    let width = 10
    let filled = Int((fraction! * Double(width)).rounded(.down))
    let bar = String(repeating: "█", count: filled) + String(repeating: " ", count: width - filled)
    let percent = String(Int((fraction! * 100).rounded(.down)))
    return String(repeating: " ", count: max(0, 3 - percent.count)) + percent + "%|" + bar + "| " + counter
  }

  static func clock(_ seconds: TimeInterval) -> String {
    let s = Int(seconds.rounded(.down))
    return String(format: "%02d:%02d", s / 60, s % 60)
  }
}
