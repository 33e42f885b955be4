// `transformers.TrainingArguments`: every engine field as a keyword and an attribute, with
// Transformers' "unexpected keyword argument" TypeError plus a did-you-mean suggestion.
import HPSScript
import HPSTraining

final class ArgumentsBox {
  var args: TrainingArguments
  /// Fields Transformers has that mean nothing on this CPU engine, kept so scripts written for
  /// Transformers run unchanged (see docs/scripting.md).
  var ignored: [String: Value] = [:]
  init(_ args: TrainingArguments) { self.args = args }
}

enum ArgumentsBinding {
  /// Accepted for compatibility and ignored: they select devices, workers or Hub uploads.
  static let ignoredFields = [
    "use_cpu", "dataloader_num_workers", "dataloader_pin_memory", "dataloader_persistent_workers",
    "dataloader_prefetch_factor", "push_to_hub", "hub_model_id", "hub_token", "logging_dir", "remove_unused_columns",
    "fp16", "bf16", "tf32", "gradient_checkpointing", "torch_compile", "save_safetensors", "overwrite_output_dir",
    "label_names", "include_inputs_for_metrics", "ddp_find_unused_parameters", "auto_find_batch_size",
    "skip_memory_metrics", "full_determinism", "prediction_loss_only", "log_level", "save_only_model",
  ]

  static func set(_ box: ArgumentsBox, _ name: String, _ value: Value, vm: VM) throws {
    if ignoredFields.contains(name) {
      box.ignored[name] = value
      return
    }
    var v = value
    if name == "report_to", let list = value.asArray {
      let names = list.compactMap(\.asString)
      v = .str(names.isEmpty || names.contains("none") ? "none" : names.joined(separator: ","))
    }
    if name == "report_to", v.isNone { v = .str("none") }
    let arg = try Convert.argument(v, vm: vm, field: name)
    try bridged(vm) { try box.args.set(name, arg) }
  }

  static func get(_ box: ArgumentsBox, _ name: String, vm: VM) throws -> Value {
    if ignoredFields.contains(name) { return box.ignored[name] ?? .none }
    return Convert.value(try bridged(vm) { try box.args.get(name) })
  }

  static func makeClass() -> NativeClass {
    let fields = TrainingArguments.fieldNames + ignoredFields
    let properties = fields.map { name in
      NativeProperty(
        name, doc: ignoredFields.contains(name) ? "Accepted for Transformers compatibility; no effect in hps." : "",
        get: { vm, i in try get(try payload(.instance(i), ArgumentsBox.self, vm, "TrainingArguments"), name, vm: vm) },
        set: { vm, i, v in try set(try payload(.instance(i), ArgumentsBox.self, vm, "TrainingArguments"), name, v, vm: vm) })
    }
    let defaults = TrainingArguments()
    return NativeClass(
      name: "TrainingArguments", module: "transformers",
      doc: """
        The settings of a training run, with Transformers' names and defaults: output_dir, eval_strategy,
        learning_rate, per_device_train_batch_size, num_train_epochs, weight_decay, warmup_ratio, seed, optim,
        lr_scheduler_type, load_best_model_at_end, metric_for_best_model, ... (\(TrainingArguments.fieldNames.count) fields;
        see to_dict()). hps adds num_threads (BLAS threads; 0 picks automatically).
        """,
      initializer: NativeFunction("__init__", signature: "(self, output_dir=None, **kwargs)") { vm, args, kw in
        guard case .instance(let inst)? = args.first else { throw vm.error("TypeError", "TrainingArguments.__init__ needs self") }
        let box = ArgumentsBox(TrainingArguments())
        var pairs = kw
        if args.count > 2 { throw vm.error("TypeError", "TrainingArguments() takes at most 1 positional argument (output_dir); pass the rest as keywords") }
        if args.count == 2 { pairs.insert(("output_dir", args[1]), at: 0) }
        for (k, v) in pairs.sorted(by: { $0.0 < $1.0 }) {
          if k == "output_dir" && v.isNone { continue }
          try set(box, k, v, vm: vm)
        }
        try bridged(vm) { try box.args.validate() }
        inst.native = box
        return .none
      },
      methods: [
        NativeFunction("to_dict", Signature([.init("self")]), doc: "Every field and its value.") { vm, a in
          let box = try payload(a[0], ArgumentsBox.self, vm, "TrainingArguments")
          return try vm.makeDict(box.args.asDictionary.map { ($0.0, Convert.value($0.1)) })
        },
        NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
          let box = try payload(a[0], ArgumentsBox.self, vm, "TrainingArguments")
          let changed = box.args.asDictionary.filter { (k, v) in k == "output_dir" || (try? defaults.get(k)) != v }
          let text = changed.map { "\($0.0)=\(vm.reprOrType(Convert.value($0.1)))" }.joined(separator: ", ")
          return .str("TrainingArguments(\(text))")
        },
      ],
      properties: properties)
  }
}
