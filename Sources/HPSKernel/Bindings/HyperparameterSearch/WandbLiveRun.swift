// Adapter to the wandb script module: during a wandb-backend trial the sweep run is the live
// `wandb.run` / `wandb.config` (Transformers' WandbCallback starts it with wandb.init()), so user
// code — model_init, compute_metrics, callbacks — can read the config and call wandb.log.
// With one agent the run is published for the trial's duration. With several, each agent's run
// is shown only around the script calls its thread makes (a ScriptCallContext), so every call
// sees the run of the trial it belongs to.
import HPSScript
import HPSSearch

enum WandbLiveRun {
  /// Publishes `run` as wandb.run (holding the interpreter lock); nil when a run is already live
  /// (hyperparameter_search called inside wandb.agent's function).
  static func start(_ run: WandbRun, sweepID: String, runID: String, vm: VM) throws -> WandbAgentRun? {
    let state = try WandbState.of(vm)
    guard state.agentRun == nil, state.currentRun == nil else { return nil }
    let pending = WandbAgentRun(engine: run, sweepID: sweepID, runID: runID)
    state.agentRun = pending
    _ = try vm.callValue(.object(WandbModule.initFunction), [])
    return pending
  }

  /// For one of several agents (holding the interpreter lock): makes the run's script side as
  /// `start` does, then shows what was live before again, and returns the context that shows
  /// this run around each script call of the agent's thread. nil when a run is already live.
  static func context(_ run: WandbRun, sweepID: String, runID: String, vm: VM) throws -> (WandbAgentRun, ScriptCallContext)? {
    let state = try WandbState.of(vm)
    guard let pending = try start(run, sweepID: sweepID, runID: runID, vm: vm) else { return nil }
    state.agentRun = nil
    state.show(nil)
    let context = ScriptCallContext {
      let saved = (state.agentRun, state.currentRun)
      state.agentRun = pending
      state.show(pending.box?.finished == false ? pending.box : nil)
      return {
        state.agentRun = saved.0
        state.show(saved.1)
      }
    }
    return (pending, context)
  }

  /// Finishes the run's script side (pending wandb.log rows) and clears wandb.run.
  static func finish(_ pending: WandbAgentRun?, vm: VM) {
    guard let pending, let state = try? WandbState.of(vm) else { return }
    try? pending.box?.finish()
    if state.currentRun === pending.box { state.publish(nil) }
    state.agentRun = nil
  }
}
