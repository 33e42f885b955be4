// optuna.study.Study: the script face of an engine Study — optimize, ask/tell, enqueue/add
// trials, the best-trial queries, trials and the trials table.
import Foundation
import HPSScript
import HPSSearch

/// Payload of a script Study: the engine study and the script sampler/pruner it was made with.
final class OptunaStudyHandle {
  let study: Study
  let sampler: Value?
  let pruner: Value?
  init(_ study: Study, sampler: Value?, pruner: Value?) {
    self.study = study
    self.sampler = sampler
    self.pruner = pruner
  }
}

enum OptunaStudyAPI: OptunaDeclarations {
  static let className = "Study"
  typealias H = OptunaStudyHandle

  private static func trialList(_ trials: [FrozenTrial]) -> Value { Value(trials.map(OptunaBridge.wrap)) }

  private static func states(_ vm: VM, _ v: Value, _ function: String) throws -> Set<TrialState>? {
    if v.isNone { return nil }
    return Set(try OptunaValues.sequence(vm, v, function, "states").map { try OptunaEnums.trialState($0, function, "states") })
  }

  static let studyClass: NativeClass = {
    let c = className
    let methods: [NativeFunction] = [
      OptunaNative.method(
        c, "optimize",
        [p("func"), p("n_trials", Value.none), p("timeout", Value.none), p("n_jobs", 1), p("catch", Value.tuple(of: [])),
         p("callbacks", Value.none), p("gc_after_trial", false), p("show_progress_bar", false)],
        doc: """
          Optimize the objective `func(trial)` for n_trials trials or timeout seconds (until stopped
          when both are None). An exception in func marks the trial FAIL and is re-raised unless its
          class is in `catch`; optuna.TrialPruned marks it PRUNED. Ctrl-C stops the study and keeps
          the finished trials. callbacks are called as callback(study, frozen_trial) after each trial.
          """
      ) { (vm: VM, h: H, b: BoundArguments) in
        try OptunaOptimize.run(vm, h, b)
        return .none
      },
      OptunaNative.method(
        c, "ask", [p("fixed_distributions", Value.none)],
        doc: "Start a new trial (or the next enqueued one) and return it; finish it with study.tell()."
      ) { (vm: VM, h: H, b: BoundArguments) in
        var fixed: [String: Distribution] = [:]
        if !b["fixed_distributions"].isNone {
          for (k, v) in try OptunaValues.stringKeyed(vm, b["fixed_distributions"], "ask", "fixed_distributions") {
            fixed[k] = try OptunaDistributions.distribution(v, "ask() fixed_distributions['\(k)']")
          }
        }
        return OptunaBridge.wrap(try h.study.ask(fixedDistributions: fixed))
      },
      OptunaNative.method(
        c, "tell", [p("trial"), p("values", Value.none), p("state", Value.none), p("skip_if_finished", false)],
        doc: """
          Finish a trial started with ask(): `trial` is the Trial or its number; values is a number
          (or a sequence for several objectives); state defaults to COMPLETE (FAIL when values are
          missing or NaN). Returns the FrozenTrial.
          """
      ) { (vm: VM, h: H, b: BoundArguments) in
        let number: Int
        if let t = OptunaBridge.trial(from: b["trial"]) {
          number = t.number
        } else if let n = b["trial"].asInt, b["trial"].asBool == nil {
          number = n
        } else {
          throw OptunaErrors.typeError("tell() argument 'trial' must be a Trial or a trial number, not '\(b["trial"].typeName)'")
        }
        var values: [Double]?
        if !b["values"].isNone {
          if let d = b["values"].asDouble {
            values = [d]
          } else {
            values = try OptunaValues.sequence(vm, b["values"], "tell", "values").map { try OptunaValues.double($0, "tell", "values") }
          }
        }
        let state = b["state"].isNone ? nil : try OptunaEnums.trialState(b["state"], "tell", "state")
        return OptunaBridge.wrap(
          try h.study.tell(trialNumber: number, values: values, state: state, skipIfFinished: try vm.isTrue(b["skip_if_finished"])))
      },
      OptunaNative.method(
        c, "enqueue_trial", [p("params"), p("user_attrs", Value.none), p("skip_if_exists", false)],
        doc: "Queue a trial whose parameters in `params` ({name: value}) are fixed; the next ask()/optimize trial takes it."
      ) { (vm: VM, h: H, b: BoundArguments) in
        var params: [String: ParamValue] = [:]
        for (k, v) in try OptunaValues.stringKeyed(vm, b["params"], "enqueue_trial", "params") {
          params[k] = try OptunaValues.param(v, "enqueue_trial() params['\(k)']")
        }
        var attrs: [String: HPSSearch.JSONValue] = [:]
        if !b["user_attrs"].isNone {
          for (k, v) in try OptunaValues.stringKeyed(vm, b["user_attrs"], "enqueue_trial", "user_attrs") {
            attrs[k] = try OptunaValues.json(vm, v, "enqueue_trial() user_attrs")
          }
        }
        try h.study.enqueueTrial(params, userAttrs: attrs, skipIfExists: try vm.isTrue(b["skip_if_exists"]))
        return .none
      },
      OptunaNative.method(c, "add_trial", [p("trial")], doc: "Add a finished trial made with optuna.trial.create_trial().") { (_: VM, h: H, b: BoundArguments) in
        try h.study.addTrial(try OptunaFrozenTrialAPI.frozen(b["trial"], "add_trial", "trial"))
        return .none
      },
      OptunaNative.method(c, "add_trials", [p("trials")], doc: "Add several finished trials.") { (vm: VM, h: H, b: BoundArguments) in
        try h.study.addTrials(try OptunaValues.sequence(vm, b["trials"], "add_trials", "trials").map {
          try OptunaFrozenTrialAPI.frozen($0, "add_trials", "trials")
        })
        return .none
      },
      OptunaNative.method(
        c, "get_trials", [p("deepcopy", true), p("states", Value.none)],
        doc: "The trials (FrozenTrial list) in the given states, e.g. states=(TrialState.COMPLETE,)."
      ) { (vm: VM, h: H, b: BoundArguments) in trialList(try h.study.getTrials(states: try states(vm, b["states"], "get_trials"))) },
      OptunaNative.method(
        c, "trials_dataframe", [p("attrs", Value.none), p("multi_index", false), p("states", Value.none, keywordOnly: true)],
        doc: """
          The trials as a table (one row per trial: number, value(s), datetimes, duration, params_*,
          user_attrs_*, state). hps has no pandas: the result prints as a text table and offers
          columns, to_dict(), to_records(), to_csv() and df[column].
          """
      ) { (vm: VM, h: H, b: BoundArguments) in
        OptunaTrialsTable.value(try h.study.trialsTable(states: try states(vm, b["states"], "trials_dataframe")))
      },
      OptunaNative.method(c, "set_user_attr", [p("key"), p("value")], doc: "Store a JSON-serializable value with the study.") { (vm: VM, h: H, b: BoundArguments) in
        let key = try OptunaValues.string(b["key"], "set_user_attr", "key")
        try h.study.setUserAttr(key, try OptunaValues.json(vm, b["value"], "set_user_attr() value for '\(key)'"))
        return .none
      },
      OptunaNative.method(c, "set_system_attr", [p("key"), p("value")], doc: "Store a system attribute with the study.") { (vm: VM, h: H, b: BoundArguments) in
        let key = try OptunaValues.string(b["key"], "set_system_attr", "key")
        try h.study.setSystemAttr(key, try OptunaValues.json(vm, b["value"], "set_system_attr() value for '\(key)'"))
        return .none
      },
      OptunaNative.method(c, "set_metric_names", [p("metric_names")], doc: "Name the objectives (used as trials_dataframe columns).") { (vm: VM, h: H, b: BoundArguments) in
        try h.study.setMetricNames(try OptunaValues.sequence(vm, b["metric_names"], "set_metric_names", "metric_names").map {
          try OptunaValues.string($0, "set_metric_names", "metric_names")
        })
        return .none
      },
      OptunaNative.method(c, "stop", doc: "End optimize() after the running trial (call it from an objective or a callback).") { (_: VM, h: H, _: BoundArguments) in
        h.study.stop()
        return .none
      },
      OptunaNative.repr(c) { (_: VM, h: H) in "<optuna.study.Study object: study_name='\(h.study.studyName)'>" },
    ]
    let properties: [NativeProperty] = [
      OptunaNative.property(c, "study_name", doc: "The study's name.") { (_: VM, h: H) in .str(h.study.studyName) },
      OptunaNative.property(c, "direction", doc: "The direction of a single-objective study (StudyDirection).") { (_: VM, h: H) in
        guard !h.study.isMultiObjective else {
          throw OptunaErrors.runtimeError("A single direction cannot be retrieved from a multi-objective study. Consider using Study.directions to retrieve a list containing all directions.")
        }
        return OptunaEnums.value(h.study.direction)
      },
      OptunaNative.property(c, "directions", doc: "The directions of all objectives (list of StudyDirection).") { (_: VM, h: H) in
        Value(h.study.directions.map(OptunaEnums.value))
      },
      OptunaNative.property(c, "best_trial", doc: "The best COMPLETE trial (single-objective studies).") { (_: VM, h: H) in
        OptunaBridge.wrap(try h.study.bestTrial())
      },
      OptunaNative.property(c, "best_value", doc: "The best objective value (single-objective studies).") { (_: VM, h: H) in
        .float(try h.study.bestValue())
      },
      OptunaNative.property(c, "best_params", doc: "The parameters of the best trial.") { (vm: VM, h: H) in
        try OptunaValues.params(vm, try h.study.bestParams())
      },
      OptunaNative.property(c, "best_trials", doc: "The Pareto-optimal COMPLETE trials (any number of objectives).") { (_: VM, h: H) in
        trialList(try h.study.bestTrials())
      },
      OptunaNative.property(c, "trials", doc: "All trials, ordered by number (FrozenTrial list).") { (_: VM, h: H) in
        trialList(try h.study.getTrials())
      },
      OptunaNative.property(c, "user_attrs", doc: "Attributes set with set_user_attr().") { (vm: VM, h: H) in
        try OptunaValues.attrs(vm, h.study.userAttrs)
      },
      OptunaNative.property(c, "system_attrs", doc: "System attributes of the study.") { (vm: VM, h: H) in
        try OptunaValues.attrs(vm, h.study.systemAttrs)
      },
      OptunaNative.property(c, "metric_names", doc: "Names set with set_metric_names(), or None.") { (_: VM, h: H) in
        h.study.metricNames.map { Value($0.map { Value.str($0) }) } ?? .none
      },
      OptunaNative.property(c, "sampler", doc: "The study's sampler.") { (_: VM, h: H) in
        h.sampler ?? OptunaSamplers.baseClass.instance(wrapping: Box<any Sampler>(h.study.sampler))
      },
      OptunaNative.property(c, "pruner", doc: "The study's pruner.") { (_: VM, h: H) in
        h.pruner ?? OptunaPruners.baseClass.instance(wrapping: Box<any Pruner>(h.study.pruner))
      },
    ]
    return NativeClass(
      name: c, module: "optuna.study",
      doc: """
        A study: an optimization task, i.e. a set of trials in a storage, with the sampler and
        pruner that drive it. Create one with optuna.create_study() or optuna.load_study().
        """,
      subclassable: false, initializer: OptunaNative.notConstructible(c, use: "optuna.create_study() or optuna.load_study()"),
      methods: methods, properties: properties)
  }()
}
