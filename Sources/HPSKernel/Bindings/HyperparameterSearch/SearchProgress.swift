// The search's progress line: trial i/n, best so far, elapsed, ETA. Redrawn in place on a
// terminal, one plain line per trial otherwise (pipes, notebooks, logs). Runs on the
// interpreter thread.
import Foundation
import HPSScript
import HPSSearch

final class SearchProgress: @unchecked Sendable {
  let vm: VM
  let total: Int?
  let directions: [StudyDirection]
  let enabled: Bool
  let inPlace: Bool
  private var started = Date()
  private var finished = 0
  private var lineOpen = false

  init(vm: VM, total: Int?, directions: [StudyDirection], enabled: Bool) {
    self.vm = vm
    self.total = total
    self.directions = directions
    self.enabled = enabled
    inPlace = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }

  func start(_ date: Date) { started = date }

  static func format(_ seconds: Double) -> String {
    if seconds < 60 { return String(format: "%.1fs", seconds) }
    let s = Int(seconds.rounded())
    return s < 3600 ? String(format: "%dm%02ds", s / 60, s % 60) : String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
  }

  static func number(_ x: Double) -> String {
    let a = abs(x)
    return a != 0 && (a < 1e-3 || a >= 1e5) ? String(format: "%.4e", x) : String(format: "%.6g", x)
  }

  func trialFinished(_ study: Study, _ frozen: FrozenTrial) {
    finished += 1
    guard enabled else { return }
    let elapsed = Date().timeIntervalSince(started)
    var parts = ["trial \(finished)" + (total.map { "/\($0)" } ?? ""), "#\(frozen.number) \("\(frozen.state)".replacingOccurrences(of: "TrialState.", with: ""))"]
    if directions.count == 1, let best = try? study.bestTrial(), let v = best.values?.first {
      parts.append("best \(SearchProgress.number(v)) (trial \(best.number))")
    } else if directions.count > 1 {
      parts.append("pareto front \((try? study.bestTrials().count) ?? 0)")
    }
    parts.append("elapsed \(SearchProgress.format(elapsed))")
    if let total, finished < total {
      parts.append("ETA \(SearchProgress.format(elapsed / Double(finished) * Double(total - finished)))")
    }
    let line = parts.joined(separator: "  ")
    if inPlace {
      vm.writeStdout("\r\u{1B}[K" + line)
      lineOpen = true
    } else {
      vm.writeStdout(line + "\n")
    }
  }

  /// Ends an in-place line before other output.
  func interruptLine() {
    if lineOpen {
      vm.writeStdout("\n")
      lineOpen = false
    }
  }

  func finish() { interruptLine() }
}
