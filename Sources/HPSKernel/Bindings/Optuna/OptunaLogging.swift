// optuna.logging: Optuna's verbosity levels, per interpreter. Engine messages go to the interpreter's stderr as
// `[I 2026-12-07 03:42:51,123] Trial 0 finished ...`, filtered by the level set here.
import Foundation
import HPSScript
import HPSSearch

enum OptunaLogging: OptunaDeclarations {
  /// Python logging's numeric levels, as optuna.logging exports them.
  static let levels: [(String, Int)] = [("CRITICAL", 50), ("FATAL", 50), ("ERROR", 40), ("WARNING", 30), ("WARN", 30), ("INFO", 20), ("DEBUG", 10)]

  /// One interpreter's settings. Python's logging is process-wide; here each interpreter (each
  /// session) has its own, so two sessions or parallel tests never silence each other.
  final class Settings: @unchecked Sendable {
    let state = Locked<(level: Int, enabled: Bool)>((20, true))  // INFO is Optuna's default
    /// Set while optimize(n_jobs > 1) runs: log lines from worker threads are written holding
    /// the interpreter lock, between script calls.
    let gate = Locked<ScriptGate?>(nil)
  }

  private static let table = PerInterpreter<Settings>()

  static func settings(for vm: VM) -> Settings { table.value(for: vm) { Settings() } }

  /// Carries the interpreter's stderr writer into the engine's Sendable logger. Messages arrive
  /// on the thread that runs the study, which for script studies is the interpreter's thread.
  private struct Sink: @unchecked Sendable {
    let write: (String) -> Void
  }

  /// A logger that writes Optuna-style records to `vm`'s stderr.
  static func logger(for vm: VM) -> SearchLogger {
    let sink = Sink(write: { [weak vm] text in vm?.writeStderr(text) })
    let settings = settings(for: vm)
    let state = settings.state
    return SearchLogger(minimumLevel: .info) { record in
      let (threshold, enabled) = state.withLock { ($0.level, $0.enabled) }
      let level: Int
      let letter: String
      switch record.level {
      case .debug: (level, letter) = (10, "D")
      case .info: (level, letter) = (20, "I")
      case .warning: (level, letter) = (30, "W")
      }
      guard enabled, level >= threshold else { return }
      let line = "[\(letter) \(timestamp())] \(record.message)\n"
      if let gate = settings.gate.current {
        try? gate.perform { sink.write(line) }
      } else {
        sink.write(line)
      }
    }
  }

  private static func timestamp() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss,SSS"
    return formatter.string(from: Date())
  }

  static func members() -> [(String, Value)] {
    var out: [(String, Value)] = levels.map { ($0.0, .int($0.1)) }
    out += [
      ("set_verbosity", .object(OptunaNative.function(
        "set_verbosity", [p("verbosity")],
        doc: "Set the level of Optuna's messages: optuna.logging.WARNING hides the per-trial INFO lines."
      ) { vm, b in
        let level = try OptunaValues.int(b["verbosity"], "set_verbosity", "verbosity")
        settings(for: vm).state.withLock { $0.level = level }
        return .none
      })),
      ("get_verbosity", .object(OptunaNative.function("get_verbosity", [], doc: "The current level (INFO=20 by default).") { vm, _ in
        .int(settings(for: vm).state.withLock { $0.level })
      })),
      ("disable_default_handler", .object(OptunaNative.function("disable_default_handler", [], doc: "Stop writing Optuna's messages to stderr.") { vm, _ in
        settings(for: vm).state.withLock { $0.enabled = false }
        return .none
      })),
      ("enable_default_handler", .object(OptunaNative.function("enable_default_handler", [], doc: "Write Optuna's messages to stderr again.") { vm, _ in
        settings(for: vm).state.withLock { $0.enabled = true }
        return .none
      })),
      ("enable_propagation", .object(OptunaNative.function("enable_propagation", [], doc: "Accepted for compatibility; hps has no logger hierarchy.") { _, _ in .none })),
      ("disable_propagation", .object(OptunaNative.function("disable_propagation", [], doc: "Accepted for compatibility; hps has no logger hierarchy.") { _, _ in .none })),
    ]
    return out
  }
}
