// Running script trainables on the Tuner's trial threads. The Tuner runs each trial on its own
// thread and lets exactly one run at a time, handing control over inside `tune.report`. A trial
// suspended there still has script frames live, so every trial gets its own
// `ScriptExecutionContext` (slot stack, call depth, handled exceptions): it is swapped into the
// VM while the trial's script code runs and swapped out before the trial blocks. Script code thus
// never runs concurrently and suspended trials never share a stack (docs/ray-module.md).
import Foundation
import HPSScript
import HPSSearch

/// One `Tuner.fit()` of a script: interruption, trial errors, errors of script callbacks that
/// run on the interpreter thread (sample_from, PBT mutation functions, stoppers).
final class RayRun {
  let vm: VM
  var interrupted = false
  var controllerError: Error?
  /// trial_id → the exception object the trainable raised.
  var trialErrors: [String: Value] = [:]
  /// The progress line (nil with RunConfig(verbose=0)); advanced as trials end.
  var progress: ProgressDisplay?
  var metric: String?
  var mode: TuneMode?
  var best: Double?
  var finishedTrials = 0

  /// Notes a result for the progress line's best-so-far.
  func observe(_ metrics: TuneDict) {
    guard let metric, let value = metrics.number(metric), value.isFinite else { return }
    if let b = best, (mode == .max ? value <= b : value >= b) { return }
    best = value
  }

  func trialEnded() {
    finishedTrials += 1
    guard let progress else { return }
    var postfix: [(String, String)] = []
    if let metric, let best { postfix.append(("best \(metric)", TickFormat.value(best))) }
    if !trialErrors.isEmpty { postfix.append(("errors", String(trialErrors.count))) }
    progress.update(finishedTrials, postfix: postfix)
  }

  init(vm: VM) { self.vm = vm }

  /// Keeps the first script error of a callback the engine wraps in its own error, so fit()
  /// raises the user's exception with its traceback.
  static func recordControllerError(_ error: Error, _ vm: VM) {
    guard let run = RayState.of(vm).currentRun, run.controllerError == nil, error is ScriptError else { return }
    run.controllerError = error
  }

  /// The Tuner's stop poll: Ctrl-C that arrived while no script code ran.
  func shouldStop() -> Bool {
    if vm.interrupt.isSet {
      vm.interrupt.clear()
      interrupted = true
    }
    return interrupted
  }
}

/// The running trial's script state, per trial thread.
final class TrialScript {
  static let key = "hps.ray.trial-script"
  let context: ScriptExecutionContext
  let run: RayRun
  /// The engine's stop/restart signal, re-thrown once the script has unwound.
  var signal: Error?

  init(context: ScriptExecutionContext, run: RayRun) {
    self.context = context
    self.run = run
  }

  static var current: TrialScript? { Thread.current.threadDictionary[key] as? TrialScript }
}

/// A trainable error, with the script traceback as its text (Result.error holds the exception).
struct TrialScriptError: Error, CustomStringConvertible {
  let description: String
}

enum ScriptTrainable {
  static func make(_ fn: Value, run: RayRun) -> TuneTrainable {
    let captured = UncheckedSendable((fn, run))
    return { config, reporter in
      let (fn, run) = captured.value
      let vm = run.vm
      let trial = TrialScript(context: ScriptExecutionContext(), run: run)
      Thread.current.threadDictionary[TrialScript.key] = trial
      vm.swapExecutionContext(trial.context)
      defer {
        vm.swapExecutionContext(trial.context)
        Thread.current.threadDictionary[TrialScript.key] = nil
        if trial.signal == nil || (trial.signal as? TuneTrialInterrupted)?.reason != .restart { run.trialEnded() }
      }
      if run.interrupted { throw TrialScriptError(description: "KeyboardInterrupt: the run was interrupted before this trial started") }
      do {
        let result = try vm.callValue(fn, [try RayBridge.toScript(config, vm)])
        switch result {
        case .none: return nil
        case .dict:
          let final = try RayBridge.toTuneDict(result, vm, context: "the trainable's return value")
          run.observe(final)
          return final
        default:
          throw vm.error("TypeError", "a trainable must report with tune.report(...) and return None or a dict of final metrics, not \(result.typeName)")
        }
      } catch {
        if let signal = trial.signal { throw signal }
        guard let e = error as? ScriptError else { throw error }
        run.trialErrors[reporter.trialID] = .instance(e.exception)
        if e.isKeyboardInterrupt {
          run.interrupted = true
          throw TrialScriptError(description: "KeyboardInterrupt: interrupted by the user")
        }
        let text = vm.renderTraceback(e.exception)
        vm.writeStderr("Trial \(reporter.trialID) errored (config \(RayState.of(vm).describe(config.description, vm))):\n\(text)")
        throw TrialScriptError(description: text.trimmingCharacters(in: .whitespacesAndNewlines))
      }
    }
  }

  /// Raised into a trainable the scheduler stopped or PBT restarted; derives from BaseException
  /// so `except Exception:` in user code does not swallow it.
  nonisolated(unsafe) static var stopClass: TypeObject?
  static let stopClassLock = NSLock()

  /// The TrialStopped class (made once, on first use: its base comes from a VM's builtins).
  static func stopType(_ vm: VM) -> TypeObject {
    stopClassLock.lock()
    defer { stopClassLock.unlock() }
    if let c = stopClass { return c }
    let base = vm.error("BaseException", "").exception.cls
    let cls = TypeObject.makeExceptionClass(
      name: "TrialStopped", base: base, module: "ray.tune",
      doc: "Raised inside a trainable when Tune stops or restarts the trial; let it propagate.")
    stopClass = cls
    return cls
  }

  static func stopException(_ message: String, _ vm: VM) -> Error {
    guard let e = try? vm.callValue(.type(stopType(vm)), [.str(message)]) else { return vm.error("RuntimeError", message) }
    return vm.raisingException(e)
  }

  // MARK: - tune.report / tune.get_checkpoint

  static let report = NativeFunction(
    "report", Signature([.init("metrics", default: Value.none), .init("checkpoint", default: Value.none, keywordOnly: true)], kwargs: "kwargs"),
    doc: "Report one iteration's metrics from a trainable: tune.report({'loss': 0.1}), optionally checkpoint=tune.Checkpoint.from_dict(state). Ray 1.x's tune.report(loss=0.1) works too."
  ) { vm, a in
    guard let trial = TrialScript.current, let reporter = TuneReporter.current else {
      throw vm.error("RuntimeError", "tune.report() was called outside a trainable: call it inside the function you pass to tune.Tuner(...), while Tuner.fit() runs it")
    }
    if vm.interrupt.isSet {
      // Ctrl-C: this trial fails as interrupted; the Tuner then stops the others (RayRun.shouldStop).
      vm.interrupt.clear()
      trial.run.interrupted = true
      throw vm.error("KeyboardInterrupt", "")
    }
    var metrics = a["metrics"].isNone ? TuneDict() : try RayBridge.toTuneDict(a["metrics"], vm, context: "tune.report() metrics")
    for (k, v) in a.kwargs { metrics[k] = try RayBridge.toTune(v, vm) }
    var checkpoint: TuneCheckpoint?
    if !a["checkpoint"].isNone {
      guard let data = CheckpointClass.data(a["checkpoint"]) else {
        throw vm.error("TypeError", "tune.report() checkpoint must be a tune.Checkpoint (Checkpoint.from_dict(...)), not \(a["checkpoint"].typeName)")
      }
      checkpoint = TuneCheckpoint(data)
    }
    trial.run.observe(metrics)
    vm.swapExecutionContext(trial.context)
    var thrown: Error?
    do { try reporter.report(metrics, checkpoint: checkpoint) } catch { thrown = error }
    vm.swapExecutionContext(trial.context)
    if let thrown {
      trial.signal = thrown
      throw stopException(String(describing: thrown), vm)
    }
    return .none
  }

  static let getCheckpoint = NativeFunction(
    "get_checkpoint", Signature([Signature.Parameter]()),
    doc: "The checkpoint this trial resumes from (after a PBT exploit: the better trial's), or None on a fresh start."
  ) { vm, _ in
    guard TrialScript.current != nil, let reporter = TuneReporter.current else {
      throw vm.error("RuntimeError", "tune.get_checkpoint() was called outside a trainable run by Tuner.fit()")
    }
    guard let data = reporter.checkpoint?.state as? CheckpointClass.Data else { return .none }
    return try CheckpointClass.make(data, vm)
  }
}

/// `tune.Checkpoint` (also `ray.train.Checkpoint`): in-memory dict checkpoints (from_dict/to_dict)
/// and directory checkpoints (from_directory/to_directory/path).
enum CheckpointClass {
  final class Data {
    let dict: Value?
    let path: String?
    init(dict: Value?, path: String?) {
      self.dict = dict
      self.path = path
    }
  }

  static func data(_ v: Value) -> Data? { NativeClass.payload(v, as: Data.self) }

  static func make(_ data: Data, _ vm: VM) throws -> Value { try SpecClasses.instance(cls, data, vm) }

  /// copy.deepcopy: a checkpoint is a snapshot, and each restore gets its own copy (Ray pickles).
  static func deepCopy(_ v: Value, _ vm: VM) throws -> Value {
    guard let importer = RayState.of(vm).importFunction else { return v }
    let module = try vm.callValue(importer, [.str("copy")])
    guard let f = try vm.attribute(module, "deepcopy") else { return v }
    return try vm.callValue(f, [v])
  }

  static let cls = NativeClass(
    name: "Checkpoint", module: "ray.tune",
    doc: "A trial's saved state. Checkpoint.from_dict({...}) / to_dict() keep it in memory; from_directory(path) refers to files.",
    subclassable: false,
    methods: [
      NativeFunction("to_dict", Signature([.init("self")]), doc: "A deep copy of the dict this checkpoint was made from.") { vm, a in
        guard let d = data(a["self"]) else { throw vm.error("TypeError", "to_dict() needs a Checkpoint") }
        guard let dict = d.dict else { throw vm.error("ValueError", "this Checkpoint refers to the directory \(d.path ?? "?"), not a dict; use to_directory()") }
        return try deepCopy(dict, vm)
      },
      NativeFunction("to_directory", Signature([.init("self"), .init("path", default: Value.none)]),
        doc: "The checkpoint's directory; with path, a copy of it there (dict checkpoints are written as checkpoint.json).") { vm, a in
        guard let d = data(a["self"]) else { throw vm.error("TypeError", "to_directory() needs a Checkpoint") }
        let target = try RayBridge.optionalString(a["path"], vm, "Checkpoint.to_directory", "path")
          ?? NSTemporaryDirectory() + "hps-checkpoint-" + UUID().uuidString.prefix(8)
        let fm = FileManager.default
        do {
          if let source = d.path {
            if source == target { return .str(target) }
            try? fm.removeItem(atPath: target)
            try fm.copyItem(atPath: source, toPath: target)
          } else if let dict = d.dict {
            try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
            let json = try vm.callValue(try vm.attribute(try vm.callValue(RayState.of(vm).importFunction ?? .none, [.str("json")]), "dumps") ?? .none, [dict])
            try (json.asString ?? "{}").write(toFile: target + "/checkpoint.json", atomically: true, encoding: .utf8)
          }
        } catch let e as ScriptError {
          throw e
        } catch {
          throw vm.error("OSError", "Checkpoint.to_directory(\(target)): \(error.localizedDescription)")
        }
        return .str(target)
      },
      NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
        guard let d = data(a["self"]) else { return .str("Checkpoint()") }
        if let p = d.path { return .str("Checkpoint(filesystem=local, path=\(p))") }
        return .str("Checkpoint(dict with \(((try? vm.dictItems(d.dict ?? .none)) ?? []).count) keys)")
      },
    ],
    classMethods: [
      NativeFunction("from_dict", Signature([.init("cls"), .init("data")]), doc: "A checkpoint holding a deep copy of data (a dict).") { vm, a in
        guard case .dict = a["data"] else { throw vm.error("TypeError", "Checkpoint.from_dict() data must be a dict, not \(a["data"].typeName)") }
        return try make(Data(dict: try deepCopy(a["data"], vm), path: nil), vm)
      },
      NativeFunction("from_directory", Signature([.init("cls"), .init("path")]), doc: "A checkpoint referring to the files in directory path.") { vm, a in
        guard let p = a["path"].asString else { throw vm.error("TypeError", "Checkpoint.from_directory() path must be a str, not \(a["path"].typeName)") }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue else {
          throw vm.error("FileNotFoundError", "Checkpoint.from_directory(): no directory at '\(p)'")
        }
        return try make(Data(dict: nil, path: p), vm)
      },
    ],
    properties: [
      NativeProperty("path", doc: "The directory of a directory checkpoint (None for dict checkpoints).") { _, i in
        (i.native as? Data)?.path.map { .str($0) } ?? .none
      }
    ]
  )
}
