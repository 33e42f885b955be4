// optuna.trial.Trial: the live trial an objective receives. Every suggest_* call goes to the
// engine's Trial, which samples, validates and stores the value.
import HPSScript
import HPSSearch

/// What the suggest API needs from a trial; the live `HPSSearch.Trial` and the frozen/fixed
/// trials implement it, so `objective(study.best_trial)` re-runs an objective as in Optuna.
protocol OptunaSuggestTarget: AnyObject {
  func suggestFloat(_ name: String, low: Double, high: Double, step: Double?, log: Bool) throws -> Double
  func suggestInt(_ name: String, low: Int, high: Int, step: Int, log: Bool) throws -> Int
  func suggestCategorical(_ name: String, choices: [ParamValue]) throws -> ParamValue
  func warn(_ message: String)
}

extension HPSSearch.Trial: OptunaSuggestTarget {
  func warn(_ message: String) { study.logger.warning(message) }
}

enum OptunaTrialAPI: OptunaDeclarations {
  static let className = "Trial"

  /// The suggest_* methods, shared by Trial, FrozenTrial and FixedTrial.
  static func suggestMethods<T: OptunaSuggestTarget>(_ className: String, _: T.Type) -> [NativeFunction] {
    func deprecated(_ target: T, _ old: String, _ new: String) {
      target.warn("\(old) has been deprecated in v3.0.0. This feature will be removed in v6.0.0. Use \(new) instead.")
    }
    /// suggest_uniform / suggest_loguniform / suggest_discrete_uniform: suggest_float with a warning.
    func deprecatedFloat(_ f: String, replacement: String, log: Bool, step stepKey: String?) -> NativeFunction {
      let doc = "Deprecated since Optuna 3.0: use suggest_float(name, low, high"
        + (log ? ", log=True" : "") + (stepKey.map { ", step=\($0)" } ?? "") + ")."
      return OptunaNative.method(
        className, f, [p("name"), p("low"), p("high")] + (stepKey.map { [p($0)] } ?? []), doc: doc
      ) { (_: VM, t: T, b: BoundArguments) in
        deprecated(t, f, replacement)
        return .float(try t.suggestFloat(
          try OptunaValues.string(b["name"], f, "name"), low: try OptunaValues.double(b["low"], f, "low"),
          high: try OptunaValues.double(b["high"], f, "high"),
          step: try stepKey.map { try OptunaValues.double(b[$0], f, $0) }, log: log))
      }
    }
    return [
      OptunaNative.method(
        className, "suggest_float", [p("name"), p("low"), p("high"), p("step", Value.none, keywordOnly: true), p("log", false, keywordOnly: true)],
        doc: """
          Suggest a value for the floating point parameter `name` in [low, high].

          step: discretize the range to low, low+step, ...; log: sample in the log domain
          (low > 0). step and log cannot be used together.
          """
      ) { (vm: VM, t: T, b: BoundArguments) in
        let f = "suggest_float"
        return .float(try t.suggestFloat(
          try OptunaValues.string(b["name"], f, "name"), low: try OptunaValues.double(b["low"], f, "low"),
          high: try OptunaValues.double(b["high"], f, "high"), step: try OptunaValues.optionalDouble(b["step"], f, "step"),
          log: try vm.isTrue(b["log"])))
      },
      OptunaNative.method(
        className, "suggest_int", [p("name"), p("low"), p("high"), p("step", 1, keywordOnly: true), p("log", false, keywordOnly: true)],
        doc: """
          Suggest a value for the integer parameter `name` in [low, high] (both included).

          step: spacing between values; log: sample in the log domain (low >= 1, step = 1).
          """
      ) { (vm: VM, t: T, b: BoundArguments) in
        let f = "suggest_int"
        return .int(try t.suggestInt(
          try OptunaValues.string(b["name"], f, "name"), low: try OptunaValues.int(b["low"], f, "low"),
          high: try OptunaValues.int(b["high"], f, "high"), step: try OptunaValues.int(b["step"], f, "step"),
          log: try vm.isTrue(b["log"])))
      },
      OptunaNative.method(
        className, "suggest_categorical", [p("name"), p("choices")],
        doc: """
          Suggest a value for the categorical parameter `name` from `choices` (a sequence of None,
          bool, int, float or str). The choices must be the same in every trial of a study.
          """
      ) { (vm: VM, t: T, b: BoundArguments) in
        let f = "suggest_categorical"
        let name = try OptunaValues.string(b["name"], f, "name")
        let choices = try OptunaValues.sequence(vm, b["choices"], f, "choices").map {
          try OptunaValues.param($0, "suggest_categorical() parameter '\(name)'")
        }
        return EngineValues.script(try t.suggestCategorical(name, choices: choices))
      },
      deprecatedFloat("suggest_uniform", replacement: "suggest_float", log: false, step: nil),
      deprecatedFloat("suggest_loguniform", replacement: "suggest_float(..., log=True)", log: true, step: nil),
      deprecatedFloat("suggest_discrete_uniform", replacement: "suggest_float(..., step=...)", log: false, step: "q"),
    ]
  }

  static let trialClass: NativeClass = {
    let c = className
    typealias T = HPSSearch.Trial
    let methods: [NativeFunction] = suggestMethods(c, T.self) + [
      OptunaNative.method(
        c, "report", [p("value"), p("step")],
        doc: """
          Report an intermediate objective value at `step` (an int >= 0), for pruners and plots.
          A step reported twice keeps the first value (with a warning).
          """
      ) { (_: VM, t: T, b: BoundArguments) in
        let value: Double
        if let d = b["value"].asDouble {
          value = d
        } else {
          throw OptunaErrors.typeError("The `value` argument is of type '\(b["value"].typeName)' but supposed to be a float.")
        }
        guard let step = b["step"].asInt else {
          throw OptunaErrors.typeError("The `step` argument is of type '\(b["step"].typeName)' but supposed to be an int.")
        }
        try t.report(value, step: step)
        return .none
      },
      OptunaNative.method(
        c, "should_prune", doc: "Whether the study's pruner says to stop this trial now (then raise optuna.TrialPruned())."
      ) { (_: VM, t: T, _: BoundArguments) in .bool(try t.shouldPrune()) },
      OptunaNative.method(
        c, "set_user_attr", [p("key"), p("value")], doc: "Store a JSON-serializable value with the trial."
      ) { (vm: VM, t: T, b: BoundArguments) in
        let key = try OptunaValues.string(b["key"], "set_user_attr", "key")
        try t.setUserAttr(key, try OptunaValues.json(vm, b["value"], "set_user_attr() value for '\(key)'"))
        return .none
      },
      OptunaNative.method(
        c, "set_system_attr", [p("key"), p("value")], doc: "Deprecated in Optuna: store a system attribute."
      ) { (vm: VM, t: T, b: BoundArguments) in
        let key = try OptunaValues.string(b["key"], "set_system_attr", "key")
        try t.setSystemAttr(key, try OptunaValues.json(vm, b["value"], "set_system_attr() value for '\(key)'"))
        return .none
      },
      OptunaNative.repr(c) { (_: VM, t: T) in "<optuna.trial.Trial number=\(t.number)>" },
    ]
    let properties: [NativeProperty] = [
      OptunaNative.property(c, "number", doc: "The trial's number in its study (0, 1, ...).") { (_: VM, t: T) in .int(t.number) },
      OptunaNative.property(c, "params", doc: "The parameters suggested so far, by name.") { (vm: VM, t: T) in
        try OptunaValues.params(vm, t.params)
      },
      OptunaNative.property(c, "distributions", doc: "The distribution of each suggested parameter.") { (vm: VM, t: T) in
        try OptunaDistributions.dict(vm, t.distributions)
      },
      OptunaNative.property(c, "user_attrs", doc: "Attributes set with set_user_attr().") { (vm: VM, t: T) in
        try OptunaValues.attrs(vm, t.userAttrs)
      },
      OptunaNative.property(c, "system_attrs", doc: "Attributes the samplers and the study set.") { (vm: VM, t: T) in
        try OptunaValues.attrs(vm, t.systemAttrs)
      },
      OptunaNative.property(c, "datetime_start", doc: "When the trial started (local time, as str).") { (_: VM, t: T) in
        OptunaValues.datetime(t.datetimeStart)
      },
      OptunaNative.property(c, "relative_params", doc: "Parameters the sampler proposed jointly for this trial.") { (vm: VM, t: T) in
        try OptunaValues.params(vm, t.relativeParamsProposed)
      },
      OptunaNative.property(c, "study", doc: "The study this trial belongs to.") { (_: VM, t: T) in OptunaBridge.wrap(t.study) },
    ]
    return NativeClass(
      name: c, module: "optuna.trial",
      doc: """
        A trial in progress: the object an objective function receives.

        Suggest hyperparameters with suggest_float / suggest_int / suggest_categorical, report
        intermediate values with report(value, step), and ask should_prune() whether to stop.
        """,
      subclassable: false, initializer: OptunaNative.notConstructible(c, use: "study.ask() or study.optimize(objective)"),
      methods: methods, properties: properties)
  }()
}
