// `wandb.agent(sweep_id, function, count)`: runs the script's function once per sweep run, on the
// interpreter's thread (the engine's controller calls back synchronously). Failures and stops
// follow W&B's python agent: an exception marks the run failed and the agent goes on, unless
// 3 runs failed within its first 60 seconds or every run so far failed and more than 5 did;
// Ctrl-C ends the agent after marking the interrupted run failed.
import Foundation
import HPSScript
import HPSSearch

enum WandbAgent {
  static let flappingMaxFailures = 3
  static let flappingMaxSeconds = 60.0
  static let defaultMaxInitialFailures = 5

  static let function = NativeFunction(
    "agent",
    Signature([.init("sweep_id"), .init("function", default: Value.none), .init("entity", default: Value.none),
               .init("project", default: Value.none), .init("count", default: Value.none),
               .init("storage", default: Value.none, keywordOnly: true), .init("seed", default: Value.none, keywordOnly: true)]),
    doc: "Runs function() for up to count runs of the sweep (until the grid, run_cap or metric.target ends it when count "
      + "is None). Inside, wandb.init() returns the sweep's run. A run whose function raises is failed and the agent goes "
      + "on (W&B's rule: it gives up after 3 failures in its first 60 s, or when more than 5 runs failed and none succeeded); "
      + "a run hyperband stops is stopped; Ctrl-C ends the agent. hps extensions: storage=, seed= (reproducible sampling). "
      + "Returns None."
  ) { vm, a in
    let state = try WandbState.of(vm)
    guard let sweepID = a["sweep_id"].asString else {
      throw vm.error("TypeError", "wandb.agent() sweep_id must be a str, not \(a["sweep_id"].typeName)")
    }
    let function = a["function"]
    if function.isNone { throw state.errors.usage("wandb.agent() needs function=: the local agent calls a function, it does not launch a program") }
    var count: Int?
    if !a["count"].isNone {
      guard let c = a["count"].asInt, c >= 0 else { throw state.errors.usage("wandb.agent() count must be an int >= 0, got \(try vm.repr(a["count"]))") }
      count = c
    }
    var seed: Int?
    if !a["seed"].isNone {
      guard let s = a["seed"].asInt else { throw vm.error("TypeError", "wandb.agent() seed must be an int") }
      seed = s
    }
    if state.agentRun != nil { throw state.errors.usage("wandb.agent() called inside an agent's function") }
    let (storage, _) = try state.storage(a["storage"], sweepID: sweepID)
    let controller: SweepController
    do {
      controller = try SweepController(sweepID: sweepID, storage: storage, seed: seed, logger: .silent)
    } catch let e as SweepConfigError {
      throw state.errors.usage(e.description)
    } catch {
      throw state.errors.usage("sweep '\(sweepID)' not found in \((try? state.storage(.none, sweepID: sweepID).label) ?? "storage"): \(error)")
    }
    let config = controller.config
    if count == nil, config.method != .grid, config.runCap == nil, config.metric?.target == nil {
      throw state.errors.usage("a \(config.method.rawValue) sweep without run_cap or metric.target never ends; give wandb.agent() a count")
    }
    if state.currentRun != nil { try state.currentRun?.finish() }
    let environment = ProcessInfo.processInfo.environment
    let checkFlapping = environment["WANDB_AGENT_DISABLE_FLAPPING"]?.lowercased() != "true"
    let maxInitialFailures = environment["WANDB_AGENT_MAX_INITIAL_FAILURES"].flatMap(Int.init) ?? defaultMaxInitialFailures
    let start = Date()
    var started = 0
    var failures = 0
    while count.map({ started < $0 }) ?? true {
      if vm.interrupt.isSet {
        vm.interrupt.clear()
        state.stdout("wandb: Ctrl + C detected. Stopping sweep.\n")
        break
      }
      guard let engineRun = try controller.startRun() else {
        state.stdout("wandb: Sweep \(sweepID) done: \(controller.stopReason ?? "no more runs")\n")
        break
      }
      started += 1
      let runID = WandbModule.randomRunID()
      try engineRun.trial.setSystemAttr("wandb_run_id", .string(runID))
      state.stdout("wandb: Agent Starting Run: \(runID) with config:\n"
        + engineRun.values.keys.sorted().map { "\t\($0): \(engineRun.values[$0]!.jsonText)\n" }.joined())
      let pending = WandbAgentRun(engine: engineRun, sweepID: sweepID, runID: runID)
      state.agentRun = pending
      var interrupted = false
      defer { state.agentRun = nil }
      let finished = try controller.execute(engineRun) { _ in
        do {
          _ = try vm.callValue(function, [])
        } catch let e as ScriptError where state.errors.isRunStopped(e) {
          // Stopped by hyperband: the engine marks the run stopped from the error it raised.
          try pending.box?.finish()
          if let box = pending.box, let stop = box.stopped { throw stop }
          throw e
        } catch let e as ScriptError {
          interrupted = e.typeName == "KeyboardInterrupt"
          if !interrupted {
            vm.flushStdout()
            vm.writeStderr("wandb: Run \(runID) errored:\n" + vm.renderTraceback(e.exception))
          }
          try? pending.box?.finish(exitCode: 1)
          throw e
        }
        try pending.box?.finish()
        if let stop = pending.box?.stopped { throw stop }  // the script caught RunStopped and returned
      }
      if state.currentRun === pending.box { state.publish(nil) }
      if finished.state == .pruned, let stop = pending.box?.stopped {
        state.stdout("wandb: Run \(runID): \(stop)\n")
      }
      if interrupted {
        state.stdout("wandb: Ctrl + C detected. Stopping sweep.\n")
        break
      }
      guard finished.state == .fail, finished.systemAttrs["fail_reason"] != nil else { continue }
      failures += 1
      if checkFlapping, Date().timeIntervalSince(start) < flappingMaxSeconds, failures >= flappingMaxFailures {
        vm.writeStderr("wandb: ERROR Detected \(flappingMaxFailures) failed runs in the first \(Int(flappingMaxSeconds)) seconds, killing sweep.\n"
          + "wandb: To disable this check set WANDB_AGENT_DISABLE_FLAPPING=true\n")
        break
      }
      if maxInitialFailures < failures, failures >= started {
        vm.writeStderr("wandb: ERROR Detected \(maxInitialFailures) failed runs in a row at start, killing sweep.\n"
          + "wandb: To change this value set WANDB_AGENT_MAX_INITIAL_FAILURES=val\n")
        break
      }
    }
    return .none
  }
}
