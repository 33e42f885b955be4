// The search's progress line: trial i/n, best so far, elapsed, ETA. One display updated in place
// in notebooks and Jupyter (update_display_data), redrawn in place on a terminal, one plain line
// per trial otherwise (pipes, logs). Runs holding the interpreter lock (through the gate).
import Foundation
import HPSScript
import HPSSearch

final class SearchProgress: @unchecked Sendable {
  let vm: VM
  /// Trials the search will run (a backend keyword such as count= or num_samples= may change it).
  var total: Int?
  let directions: [StudyDirection]
  let enabled: Bool
  let inPlace: Bool
  private var started = Date()
  private var finished = 0
  private var lineOpen = false
  /// Set when the front end can update an output in place (a notebook or Jupyter).
  private let router: DisplayRouter?
  private var displayID: String?

  init(vm: VM, total: Int?, directions: [StudyDirection], enabled: Bool) {
    self.vm = vm
    self.total = total
    self.directions = directions
    self.enabled = enabled
    inPlace = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    router = DisplayRouter.router(for: vm).flatMap { $0.supportsUpdates ? $0 : nil }
  }

  private func show(_ line: String) {
    if let router {
      router.show(MimeBundle(text: line), inPlaceOf: &displayID)
    } else if inPlace {
      vm.writeStdout("\r\u{1B}[K" + line)
      lineOpen = true
    } else {
      vm.writeStdout(line + "\n")
    }
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
    show(parts.joined(separator: "  "))
  }

  /// Backends without an Optuna study (ray, wandb): the trial's objective values, best tracked here.
  private var bestSoFar: (number: Int, value: Double)?
  func trialDone(number: Int, values: [Double]) {
    finished += 1
    if directions.count == 1, let v = values.first, v.isFinite,
       bestSoFar.map({ directions[0] == .maximize ? v > $0.value : v < $0.value }) ?? true {
      bestSoFar = (number, v)
    }
    guard enabled else { return }
    let elapsed = Date().timeIntervalSince(started)
    var parts = ["trial \(finished)" + (total.map { "/\($0)" } ?? ""), "#\(number) " + values.map(SearchProgress.number).joined(separator: ", ")]
    if let b = bestSoFar { parts.append("best \(SearchProgress.number(b.value)) (trial \(b.number))") }
    parts.append("elapsed \(SearchProgress.format(elapsed))")
    if let total, finished < total {
      parts.append("ETA \(SearchProgress.format(elapsed / Double(finished) * Double(total - finished)))")
    }
    show(parts.joined(separator: "  "))
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
