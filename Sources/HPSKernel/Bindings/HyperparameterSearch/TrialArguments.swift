// Applying a trial's hyperparameters to a copy of TrainingArguments. Values are cast by the
// field's declared type (not, as Transformers does, by the runtime type of the current value, which
// truncates a fractional warmup_steps draw and turns the string "False" into True).
import HPSScript
import HPSTraining

enum TrialArguments {
  enum Kind { case int, float, bool, string }

  /// Declared types of the fields whose default is None.
  static let optionalKinds: [String: Kind] = [
    "save_total_limit": .int, "data_seed": .int, "eval_steps": .int,
    "metric_for_best_model": .string, "optim_args": .string, "run_name": .string, "greater_is_better": .bool,
  ]

  static func kind(of field: String, in args: TrainingArguments) -> Kind? {
    switch try? args.get(field) {
    case .int?: return .int
    case .double?: return .float
    case .bool?: return .bool
    case .string?: return .string
    case .none?: return optionalKinds[field]
    case nil: return nil
    }
  }

  static func unknownFieldWarning(_ key: String) -> String {
    "Trying to set \(key) in the hyperparameter search but there is no corresponding field in `TrainingArguments`."
  }

  /// Sets `key` on `args`; returns a warning for keys that are not fields (they stay visible to
  /// model_init through the trial) and for lossy casts. Throws for values that cannot be cast.
  static func apply(_ key: String, _ value: Value, to args: inout TrainingArguments, vm: VM) throws -> String? {
    if ArgumentsBinding.ignoredFields.contains(key) { return nil }
    guard let kind = kind(of: key, in: args) else { return unknownFieldWarning(key) }
    var warning: String?
    let converted: ArgumentValue
    func fail() -> ScriptError {
      vm.error("TypeError", "hyperparameter '\(key)' = \(vm.reprOrType(value)) cannot be used for TrainingArguments.\(key), which is a \(kind)")
    }
    if value.isNone {
      converted = .none
    } else {
      switch kind {
      case .int:
        switch value {
        case .int(let i): converted = .int(i)
        case .float(let d) where d.isFinite:
          let t = Int(d.rounded(.towardZero))
          if Double(t) != d { warning = "hyperparameter '\(key)' = \(d) truncated to \(t): TrainingArguments.\(key) is an int" }
          converted = .int(t)
        case .str(let s): guard let i = Int(s) else { throw fail() }; converted = .int(i)
        default: throw fail()
        }
      case .float:
        switch value {
        case .int(let i): converted = .double(Double(i))
        case .float(let d): converted = .double(d)
        case .str(let s): guard let d = Double(s) else { throw fail() }; converted = .double(d)
        default: throw fail()
        }
      case .bool:
        switch value {
        case .bool(let b): converted = .bool(b)
        case .int(let i) where i == 0 || i == 1: converted = .bool(i == 1)
        case .str(let s) where ["true", "false"].contains(s.lowercased()): converted = .bool(s.lowercased() == "true")
        default: throw fail()
        }
      case .string:
        switch value {
        case .str(let s): converted = .string(s)
        case .int, .float: converted = .string(vm.reprOrType(value))
        default: throw fail()
        }
      }
    }
    try bridged(vm) { try args.set(key, converted) }
    return warning
  }
}
