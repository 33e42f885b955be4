// optuna.trial.FrozenTrial (a trial's record: study.trials, best_trial, callbacks) and
// optuna.trial.create_trial. Its suggest_* methods return the recorded values, so an objective
// can be re-run on the best trial as in Optuna: `objective(study.best_trial)`.
import HPSScript
import HPSSearch

/// Payload of a script FrozenTrial.
final class OptunaFrozenTrial: OptunaSuggestTarget {
  var frozen: FrozenTrial
  init(_ frozen: FrozenTrial) { self.frozen = frozen }

  private func recorded(_ name: String, _ distribution: Distribution) throws -> ParamValue {
    guard let value = frozen.params[name] else {
      throw OptunaErrors.valueError(
        "The value of the parameter '\(name)' is not found. Please set it at the construction of the FrozenTrial object.")
    }
    guard distribution.containsExternal(value) else {
      throw OptunaErrors.valueError(
        "The value \(value) of the parameter '\(name)' is out of the range of the distribution \(distribution).")
    }
    return value
  }

  func suggestFloat(_ name: String, low: Double, high: Double, step: Double?, log: Bool) throws -> Double {
    let d: Distribution
    do { d = try .float(low, high, log: log, step: step, logger: .silent) } catch let p as DistributionProblem {
      throw SearchError.invalidDistribution(function: "suggest_float", parameter: name, problem: p)
    }
    return try recorded(name, d).doubleValue ?? low
  }

  func suggestInt(_ name: String, low: Int, high: Int, step: Int, log: Bool) throws -> Int {
    let d: Distribution
    do { d = try .int(low, high, log: log, step: step, logger: .silent) } catch let p as DistributionProblem {
      throw SearchError.invalidDistribution(function: "suggest_int", parameter: name, problem: p)
    }
    return try recorded(name, d).intValue ?? low
  }

  func suggestCategorical(_ name: String, choices: [ParamValue]) throws -> ParamValue {
    let d: Distribution
    do { d = try .categorical(choices) } catch let p as DistributionProblem {
      throw SearchError.invalidDistribution(function: "suggest_categorical", parameter: name, problem: p)
    }
    return try recorded(name, d)
  }

  func warn(_ message: String) {}
}

enum OptunaFrozenTrialAPI: OptunaDeclarations {
  static let className = "FrozenTrial"

  static func value(_ frozen: FrozenTrial) -> Value { frozenClass.instance(wrapping: OptunaFrozenTrial(frozen)) }

  static func frozen(_ v: Value, _ function: String, _ argument: String) throws -> FrozenTrial {
    if let f = NativeClass.payload(v, as: OptunaFrozenTrial.self) { return f.frozen }
    throw OptunaErrors.typeError("\(function)() argument '\(argument)' must be a FrozenTrial, not '\(v.typeName)'")
  }

  static func repr(_ vm: VM, _ t: FrozenTrial) throws -> String {
    let values = t.values.map { "[" + $0.map(pythonRepr).joined(separator: ", ") + "]" } ?? "None"
    let params = try vm.repr(try OptunaValues.params(vm, t.params))
    let user = try vm.repr(try OptunaValues.attrs(vm, t.userAttrs))
    let intermediate = t.intermediateValues.keys.sorted().map { "\($0): \(pythonRepr(t.intermediateValues[$0] ?? .nan))" }
    return "FrozenTrial(number=\(t.number), state=\(t.state), values=\(values), params=\(params), "
      + "user_attrs=\(user), intermediate_values={\(intermediate.joined(separator: ", "))})"
  }

  static let frozenClass: NativeClass = {
    let c = className
    typealias F = OptunaFrozenTrial
    let methods: [NativeFunction] = OptunaTrialAPI.suggestMethods(c, F.self) + [
      OptunaNative.method(c, "report", [p("value"), p("step")], doc: "Does nothing: a FrozenTrial is already finished.") { (_: VM, _: F, _: BoundArguments) in .none },
      OptunaNative.method(c, "should_prune", doc: "Always False for a FrozenTrial.") { (_: VM, _: F, _: BoundArguments) in .bool(false) },
      OptunaNative.method(c, "set_user_attr", [p("key"), p("value")], doc: "Set a user attribute on this copy of the trial.") { (vm: VM, t: F, b: BoundArguments) in
        let key = try OptunaValues.string(b["key"], "set_user_attr", "key")
        t.frozen.userAttrs[key] = try OptunaValues.json(vm, b["value"], "set_user_attr() value for '\(key)'")
        return .none
      },
      OptunaNative.repr(c) { (vm: VM, t: F) in try repr(vm, t.frozen) },
    ]
    let properties: [NativeProperty] = [
      OptunaNative.property(c, "number", doc: "The trial's number in its study.") { (_: VM, t: F) in .int(t.frozen.number) },
      OptunaNative.property(c, "_trial_id", doc: "The storage-wide trial id.") { (_: VM, t: F) in .int(t.frozen.trialID) },
      OptunaNative.property(c, "state", doc: "A TrialState member.") { (_: VM, t: F) in OptunaEnums.value(t.frozen.state) },
      OptunaNative.property(c, "value", doc: "The objective value (single-objective studies), or None.") { (_: VM, t: F) in
        OptunaValues.optionalFloat(t.frozen.value)
      },
      OptunaNative.property(c, "values", doc: "The objective values as a list, or None.") { (_: VM, t: F) in
        t.frozen.values.map { Value($0.map { Value.float($0) }) } ?? .none
      },
      OptunaNative.property(c, "params", doc: "Parameter values by name.") { (vm: VM, t: F) in try OptunaValues.params(vm, t.frozen.params) },
      OptunaNative.property(c, "distributions", doc: "Parameter distributions by name.") { (vm: VM, t: F) in
        try OptunaDistributions.dict(vm, t.frozen.distributions)
      },
      OptunaNative.property(c, "user_attrs", doc: "User attributes.") { (vm: VM, t: F) in try OptunaValues.attrs(vm, t.frozen.userAttrs) },
      OptunaNative.property(c, "system_attrs", doc: "System attributes.") { (vm: VM, t: F) in try OptunaValues.attrs(vm, t.frozen.systemAttrs) },
      OptunaNative.property(c, "intermediate_values", doc: "Reported intermediate values by step.") { (vm: VM, t: F) in
        let d = t.frozen.intermediateValues
        return try vm.makeDict(items: d.keys.sorted().map { (.int($0), .float(d[$0] ?? .nan)) })
      },
      OptunaNative.property(c, "last_step", doc: "The largest reported step, or None.") { (_: VM, t: F) in t.frozen.lastStep.map { .int($0) } ?? .none },
      OptunaNative.property(c, "datetime_start", doc: "When the trial started (local time, as str).") { (_: VM, t: F) in
        OptunaValues.datetime(t.frozen.datetimeStart)
      },
      OptunaNative.property(c, "datetime_complete", doc: "When the trial finished (local time, as str).") { (_: VM, t: F) in
        OptunaValues.datetime(t.frozen.datetimeComplete)
      },
      OptunaNative.property(c, "duration", doc: "Seconds between start and completion (a float; Optuna gives a timedelta).") { (_: VM, t: F) in
        OptunaValues.optionalFloat(t.frozen.duration)
      },
    ]
    return NativeClass(
      name: c, module: "optuna.trial",
      doc: "The record of a trial: its state, values, parameters, attributes and intermediate values.",
      subclassable: false, initializer: OptunaNative.notConstructible(c, use: "optuna.trial.create_trial(...)"),
      methods: methods, properties: properties)
  }()

  /// `optuna.trial.create_trial(...)`.
  static let createTrial: NativeFunction = {
    return OptunaNative.function(
      "create_trial",
      [p("state", OptunaEnums.value(.complete), keywordOnly: true), p("value", Value.none, keywordOnly: true),
       p("values", Value.none, keywordOnly: true), p("params", Value.none, keywordOnly: true),
       p("distributions", Value.none, keywordOnly: true), p("user_attrs", Value.none, keywordOnly: true),
       p("system_attrs", Value.none, keywordOnly: true), p("intermediate_values", Value.none, keywordOnly: true)],
      doc: "Create a FrozenTrial by hand, e.g. to add a known result with study.add_trial(...)."
    ) { vm, b in
      let f = "create_trial"
      var params: [String: ParamValue] = [:]
      if !b["params"].isNone {
        for (k, v) in try OptunaValues.stringKeyed(vm, b["params"], f, "params") { params[k] = try OptunaValues.param(v, "\(f)() params['\(k)']") }
      }
      var distributions: [String: Distribution] = [:]
      if !b["distributions"].isNone {
        for (k, v) in try OptunaValues.stringKeyed(vm, b["distributions"], f, "distributions") {
          distributions[k] = try OptunaDistributions.distribution(v, "\(f)() distributions['\(k)']")
        }
      }
      var user: [String: HPSSearch.JSONValue] = [:]
      if !b["user_attrs"].isNone {
        for (k, v) in try OptunaValues.stringKeyed(vm, b["user_attrs"], f, "user_attrs") { user[k] = try OptunaValues.json(vm, v, "\(f)() user_attrs") }
      }
      var system: [String: HPSSearch.JSONValue] = [:]
      if !b["system_attrs"].isNone {
        for (k, v) in try OptunaValues.stringKeyed(vm, b["system_attrs"], f, "system_attrs") { system[k] = try OptunaValues.json(vm, v, "\(f)() system_attrs") }
      }
      var intermediate: [Int: Double] = [:]
      if !b["intermediate_values"].isNone {
        for (k, v) in try vm.dictItems(b["intermediate_values"]) {
          intermediate[try OptunaValues.int(k, f, "intermediate_values key")] = try OptunaValues.double(v, f, "intermediate_values")
        }
      }
      let values = b["values"].isNone ? nil : try OptunaValues.sequence(vm, b["values"], f, "values").map { try OptunaValues.double($0, f, "values") }
      let frozen = try FrozenTrial.create(
        state: try OptunaEnums.trialState(b["state"], f, "state"), value: try OptunaValues.optionalDouble(b["value"], f, "value"),
        values: values, params: params, distributions: distributions, userAttrs: user, systemAttrs: system,
        intermediateValues: intermediate)
      return value(frozen)
    }
  }()
}
