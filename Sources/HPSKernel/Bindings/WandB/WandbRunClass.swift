// `wandb.Run`: what wandb.init() returns. run.config, run.summary, run.log(), run.finish(),
// `with wandb.init() as run:`.
import HPSScript
import HPSSearch

enum WandbRunClass {
  static func box(_ v: Value, _ vm: VM) throws -> WandbRunBox {
    guard let b = NativeClass.payload(v, as: WandbRunBox.self) else { throw vm.error("TypeError", "expected a wandb Run, got \(v.typeName)") }
    return b
  }

  static func make(_ box: WandbRunBox, _ vm: VM) throws -> Value {
    let v = try vm.callValue(shared.value, [])
    guard case .instance(let instance) = v else { throw vm.error("RuntimeError", "Run construction failed") }
    instance.native = box
    box.value = v
    return v
  }

  static let logSignature = Signature([.init("self"), .init("data"), .init("step", default: Value.none), .init("commit", default: Value.none)])

  static let shared = NativeClass(
    name: "Run", module: "wandb",
    doc: "A run: made by wandb.init(). run.config holds its hyperparameters, run.log({...}) records metrics, run.summary "
      + "the final values; run.finish() ends it (a `with` block does that too).",
    subclassable: false,
    initializer: NativeFunction("__init__", Signature([.init("self")]), doc: "Runs are made by wandb.init().") { _, _ in .none },
    methods: [
      NativeFunction("log", logSignature, doc: WandbModule.logDoc) { vm, a in
        try box(a["self"], vm).log(a["data"], step: a["step"], commit: a["commit"])
        return .none
      },
      NativeFunction("finish", Signature([.init("self"), .init("exit_code", default: Value.none), .init("quiet", default: Value.none)]),
                     doc: "Ends the run: commits pending log data and stores summary and history.") { vm, a in
        try box(a["self"], vm).finish(exitCode: a["exit_code"].asInt ?? 0)
        return .none
      },
      NativeFunction("__enter__", Signature([.init("self")]), doc: "`with wandb.init() as run:` gives the run.") { _, a in a["self"] },
      NativeFunction("__exit__", Signature([.init("self")], varargs: "exc"),
                     doc: "Finishes the run at the end of a with block (failed when an exception left it; in an agent the agent decides).") { vm, a in
        let failed = a.varargs.first.map { !$0.isNone } ?? false
        let run = try box(a["self"], vm)
        // In an agent the agent itself finishes the run and decides its state from the exception.
        if run.sweepID == nil || !failed { try run.finish(exitCode: failed ? 1 : 0) }
        return .bool(false)
      },
      NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
        let b = try box(a["self"], vm)
        return .str("<Run \(b.project)/\(b.id) (\(b.name))\(b.sweepID.map { " sweep=\($0)" } ?? "")>")
      },
    ],
    properties: [
      NativeProperty("id", doc: "The run id (8 characters).") { vm, i in .str(try box(.instance(i), vm).id) },
      NativeProperty("name", doc: "The run's display name.") { vm, i in .str(try box(.instance(i), vm).name) },
      NativeProperty("project", doc: "The project the run belongs to.") { vm, i in .str(try box(.instance(i), vm).project) },
      NativeProperty("sweep_id", doc: "The sweep's id, or None for a run outside a sweep.") { vm, i in
        try box(.instance(i), vm).sweepID.map { .str($0) } ?? .none
      },
      NativeProperty("config", doc: "The run's Config (hyperparameters).") { vm, i in try box(.instance(i), vm).config },
      NativeProperty("summary", doc: "A dict: each logged key's last value, plus keys you set.") { vm, i in try box(.instance(i), vm).summary },
      NativeProperty("step", doc: "The step the next wandb.log() commits.") { vm, i in .int(try box(.instance(i), vm).step) },
      NativeProperty("history", doc: "hps extension: the committed log rows (dicts with _step).") { vm, i in
        try box(.instance(i), vm).historyValue()
      },
      NativeProperty("dir", doc: "Where the run's data is stored (a storage URL/path or 'memory').") { vm, i in
        .str(try box(.instance(i), vm).storageLabel)
      },
    ])
}
