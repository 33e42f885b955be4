// One run as the script sees it: config, summary, the history of committed log rows, and where it
// is stored — a sweep run (the agent's engine run, judged by hyperband) or an offline run (a
// trial of the study named after the project).
import Foundation
import HPSScript
import HPSSearch

final class WandbRunBox {
  let id: String
  let name: String
  let project: String
  let sweepID: String?
  let storageLabel: String
  /// The Config instance.
  let config: Value
  /// A dict: last logged value of each key, plus keys the script sets.
  let summary: Value
  /// The Run instance.
  var value: Value = .none
  /// Committed rows, each with `_step`.
  private(set) var history: [[String: HPSSearch.JSONValue]] = []
  private var pending: [String: HPSSearch.JSONValue] = [:]
  private(set) var step = 0
  private(set) var finished = false
  /// Set when hyperband stopped the run; later logs raise again.
  private(set) var stopped: SweepRunStopped?
  let engine: WandbRun?
  let offline: (study: Study, trial: Trial)?
  unowned let state: WandbState

  init(state: WandbState, id: String, name: String, project: String, sweepID: String?, storageLabel: String,
       config: Value, summary: Value, engine: WandbRun?, offline: (study: Study, trial: Trial)?) {
    self.state = state; self.id = id; self.name = name; self.project = project; self.sweepID = sweepID
    self.storageLabel = storageLabel; self.config = config; self.summary = summary; self.engine = engine; self.offline = offline
  }

  var vm: VM { state.vm }

  /// `wandb.log(data, step=None, commit=None)` with W&B's step rules: a step below the current one
  /// is ignored with a warning; a larger step commits what is pending first; with an explicit
  /// step and no commit the row stays open until a later step or finish.
  func log(_ data: Value, step requested: Value, commit: Value) throws {
    guard !finished else { throw state.errors.usage("wandb.log() called on finished run \(id); call wandb.init() first") }
    if let stopped { throw stopError(stopped) }
    guard case .dict = data else { throw vm.error("TypeError", "wandb.log() data must be a dict, not \(data.typeName)") }
    var commitNow: Bool?
    if !commit.isNone {
      guard let flag = commit.asBool ?? commit.asInt.map({ $0 != 0 }) else {
        throw vm.error("TypeError", "wandb.log() commit must be a bool or None, not \(commit.typeName)")
      }
      commitNow = flag
    }
    if !requested.isNone {
      guard let s = requested.asInt else { throw vm.error("TypeError", "wandb.log() step must be an int, not \(requested.typeName)") }
      if s < step {
        state.warnOnce("Tried to log to step \(s) that is less than the current step \(step). Steps must be monotonically increasing, so this data will be ignored.")
        return
      }
      if s > step {
        try flush()
        step = s
      }
    } else if commitNow == nil {
      commitNow = true
    }
    for (k, v) in try vm.dictItems(data) {
      guard let key = k.asString else { throw vm.error("TypeError", "wandb.log() keys must be str, not \(k.typeName)") }
      pending[key] = try WandbValues.json(v, vm: vm)
      _ = try vm.invokeMethod(summary, "__setitem__", [.str(key), v])
    }
    if commitNow == true { try flush() }
  }

  /// Commits the pending row: into the history, and to the engine run, which applies hyperband.
  func flush() throws {
    guard !pending.isEmpty else { return }
    var row = pending
    row["_step"] = .int(step)
    pending = [:]
    history.append(row)
    step += 1
    guard let engine else { return }
    do {
      try engine.log(row.filter { $0.key != "_step" })
    } catch let s as SweepRunStopped {
      stopped = s
      throw stopError(s)
    }
  }

  func stopError(_ s: SweepRunStopped) -> Error {
    state.errors.raise(state.errors.runStopped, "\(s); wandb.agent marks it stopped and starts the next run")
  }

  /// Ends the run: commits what is pending, stores summary and history.
  func finish(exitCode: Int = 0) throws {
    guard !finished else { return }
    if stopped == nil { _ = try? flush() }
    finished = true
    var summaryJSON: [String: HPSSearch.JSONValue] = [:]
    for (k, v) in try vm.dictItems(summary) {
      if let key = k.asString { summaryJSON[key] = try? WandbValues.json(v, vm: vm) }
    }
    if let engine {
      for (k, v) in summaryJSON { engine.summary[k] = v }
    } else if let offline {
      try offline.trial.setUserAttr("config", try WandbValues.json(config, vm: vm))
      try offline.trial.setUserAttr("summary", .object(summaryJSON))
      try offline.trial.setUserAttr("history", .array(history.map { .object($0) }))
      try offline.trial.setSystemAttr("wandb_state", .string(exitCode == 0 ? "finished" : "failed"))
      // A plain run has no objective: stored as the engine stores finished runs without a metric.
      try offline.study.tell(offline.trial, state: .fail)
    }
    if state.currentRun === self { state.publish(nil) }
    value = .none  // the Run instance holds this box; dropping the way back ends the cycle
  }

  /// The history as a list of dicts (`run.history`).
  func historyValue() throws -> Value {
    .list(ListObject(try history.map { try EngineValues.script(.object($0), vm: vm) }))
  }
}
