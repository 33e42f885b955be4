// What the `wandb` module remembers per interpreter: the active run, the sweep run an agent is
// handing out, the exception classes, opened storages, and which warnings were already printed.
import Foundation
import HPSScript
import HPSSearch

final class WandbState {
  unowned let vm: VM
  let errors: WandbErrors
  /// The run `wandb.run` shows, or nil.
  var currentRun: WandbRunBox?
  /// Set by `wandb.agent` while its function runs: the next `wandb.init` binds to it.
  var agentRun: WandbAgentRun?
  /// Storages by URL, so one URL means one storage within the process.
  var storages: [String: any Storage] = [:]
  /// Where each sweep created here lives, so `wandb.agent(id)` finds it without a storage argument.
  var sweepStorages: [String: (storage: any Storage, label: String)] = [:]
  var printedWarnings: Set<String> = []
  /// An empty config `wandb.config` shows while no run is active (W&B's pre-init config).
  var detachedConfig: Value = .none

  init(vm: VM) throws {
    self.vm = vm
    errors = try WandbErrors(vm: vm)
  }

  func stdout(_ text: String) { vm.writeStdout(text) }

  /// Prints a warning to stderr the first time it occurs in this interpreter.
  func warnOnce(_ message: String) {
    guard printedWarnings.insert(message).inserted else { return }
    vm.writeStderr("wandb: WARNING \(message)\n")
  }

  // MARK: - Storage

  /// The storage a call means: `storage="sqlite:///file.db"`, else the sweep's own storage when
  /// it was created here, else `<dir>/hps-wandb.db` for `wandb.init(dir=...)` or WANDB_DIR, else
  /// the process-wide in-memory storage of the W&B engine.
  func storage(_ argument: Value, sweepID: String? = nil, dir: String? = nil) throws -> (storage: any Storage, label: String) {
    if case .str(let url) = argument {
      return (try open(url), url)
    }
    guard argument.isNone else {
      throw vm.error("TypeError", "storage must be a str such as 'sqlite:///sweeps.db' or None, not \(argument.typeName)")
    }
    if let sweepID, let known = sweepStorages[sweepID] { return known }
    if let dir = dir ?? ProcessInfo.processInfo.environment["WANDB_DIR"], !dir.isEmpty {
      try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      let path = URL(fileURLWithPath: dir).appendingPathComponent("hps-wandb.db").path
      let url = "sqlite:///" + path
      return (try open(url), path)
    }
    return (WandbSweeps.defaultStorage, "memory (this process; pass storage='sqlite:///file.db' or set WANDB_DIR to keep it)")
  }

  private func open(_ url: String) throws -> any Storage {
    if let s = storages[url] { return s }
    do {
      let s = try openStorage(url: url)
      storages[url] = s
      return s
    } catch {
      throw errors.usage("storage '\(url)': \(error)")
    }
  }

  // MARK: - Module attributes that follow the active run

  func publish(_ run: WandbRunBox?) {
    // Values set on the pre-init config do not leak from one run into the next.
    if run == nil, let fresh = try? WandbConfigClass.make(vm, state: self) { detachedConfig = fresh }
    show(run)
  }

  /// Points wandb.run / config / summary at `run` (the pre-init config when nil), keeping the
  /// pre-init config as it is: several agents switch runs around each script call.
  func show(_ run: WandbRunBox?) {
    currentRun = run
    vm.setModuleAttribute("wandb", "run", run?.value ?? .none)
    vm.setModuleAttribute("wandb", "config", run?.config ?? detachedConfig)
    vm.setModuleAttribute("wandb", "summary", run?.summary ?? .none)
  }

  // MARK: - One state per interpreter

  private static let states = PerInterpreter<WandbState>()

  static func of(_ vm: VM) throws -> WandbState {
    // Made outside the table's lock: creating the exception classes runs script machinery.
    try states.value(for: vm) {
      let s = try WandbState(vm: vm)
      s.detachedConfig = try WandbConfigClass.make(vm, state: s)
      return s
    }
  }
}

/// The sweep run an agent is executing, before and after the script's `wandb.init` binds it.
final class WandbAgentRun {
  let engine: WandbRun
  let sweepID: String
  let runID: String
  var box: WandbRunBox?
  init(engine: WandbRun, sweepID: String, runID: String) {
    self.engine = engine; self.sweepID = sweepID; self.runID = runID
  }
}
