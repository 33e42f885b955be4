// Adapter to the wandb script module: during a wandb-backend trial the sweep run is the live
// `wandb.run` / `wandb.config` (Transformers' WandbCallback starts it with wandb.init()), so user
// code — model_init, compute_metrics, callbacks — can read the config and call wandb.log.
// Only with one agent: the module has one current run.
import HPSScript
import HPSSearch

enum WandbLiveRun {
  /// Publishes `run` as wandb.run (on the interpreter thread); nil when a run is already live
  /// (hyperparameter_search called inside wandb.agent's function).
  static func start(_ run: WandbRun, sweepID: String, runID: String, vm: VM) throws -> WandbAgentRun? {
    let state = try WandbState.of(vm)
    guard state.agentRun == nil, state.currentRun == nil else { return nil }
    let pending = WandbAgentRun(engine: run, sweepID: sweepID, runID: runID)
    state.agentRun = pending
    _ = try vm.callValue(.object(WandbModule.initFunction), [])
    return pending
  }

  /// Finishes the run's script side (pending wandb.log rows) and clears wandb.run.
  static func finish(_ pending: WandbAgentRun?, vm: VM) {
    guard let pending, let state = try? WandbState.of(vm) else { return }
    try? pending.box?.finish()
    if state.currentRun === pending.box { state.publish(nil) }
    state.agentRun = nil
  }
}
