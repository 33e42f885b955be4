// `plot_*` script functions with Optuna's signatures, over StudyPlots. The study objects scripts
// hold belong to the `optuna` module, so that module installs a `StudyPlotBinding` saying how to
// find the HPSSearch study inside one (and how to show a trial to a `target` callable); then
// these functions serve as `optuna.visualization.plot_*` and as `hps.plot.plot_*`.
import Foundation
import HPSScript
import HPSSearch

/// How script values map to the engine for plotting.
public struct StudyPlotBinding {
  /// The study a script value wraps (an optuna.Study), or nil.
  public var study: (Value) -> (any StudyView)?
  /// A trial as scripts see it (optuna.trial.FrozenTrial), for `target=lambda t: ...`.
  public var trial: (FrozenTrial, VM) throws -> Value
  /// An importance evaluator object (optuna.importance.*Evaluator), or nil when not one.
  public var evaluator: (Value) -> ImportanceEvaluator?

  public init(
    study: @escaping (Value) -> (any StudyView)?, trial: @escaping (FrozenTrial, VM) throws -> Value,
    evaluator: @escaping (Value) -> ImportanceEvaluator? = { _ in nil }
  ) {
    self.study = study
    self.trial = trial
    self.evaluator = evaluator
  }
}

public enum StudyPlotFunctions {
  /// Set once by the module that owns script studies (the optuna binding).
  nonisolated(unsafe) public static var binding: StudyPlotBinding?

  /// `plot_optimization_history`, `plot_param_importances`, `plot_slice`, `plot_contour`,
  /// `plot_parallel_coordinate`, `plot_pareto_front`, `plot_intermediate_values`.
  public static func members() -> [(String, Value)] {
    let all: [NativeFunction] = [history, importances, slice, contour, parallel, pareto, intermediate]
    return all.map { ($0.name, .object($0)) }
  }

  static func study(_ v: Value, _ vm: VM, _ function: String) throws -> any StudyView {
    guard let binding else {
      throw vm.error("RuntimeError", "\(function)() needs the optuna module's studies, which are not available in this build")
    }
    if let study = binding.study(v) { return study }
    if v.asArray != nil { throw vm.error("TypeError", "\(function)() takes one study, not a list") }
    throw vm.error("TypeError", "\(function)() study must be an optuna Study, not \(v.typeName)")
  }

  /// A script `target` as the Swift closure StudyPlots takes; the first failure is kept and rethrown.
  final class TargetCall {
    var failure: Error?
  }

  static func target(_ v: Value, _ vm: VM, _ call: TargetCall, _ function: String) throws -> ((FrozenTrial) -> Double)? {
    if v.isNone { return nil }
    guard let binding else { return nil }
    return { trial in
      guard call.failure == nil else { return .nan }
      do {
        let result = try vm.callValue(v, [try binding.trial(trial, vm)])
        guard let d = result.asDouble else {
          throw vm.error("TypeError", "\(function)() target must return a number, not \(result.typeName)")
        }
        return d
      } catch {
        call.failure = error
        return .nan
      }
    }
  }

  static func names(_ v: Value, _ vm: VM, _ function: String, _ argument: String) throws -> [String]? {
    if v.isNone { return nil }
    if let s = v.asString { return [s] }
    guard let list = v.asArray else { throw vm.error("TypeError", "\(function)() \(argument) must be a list of str, not \(v.typeName)") }
    return try list.map {
      guard let s = $0.asString else { throw vm.error("TypeError", "\(function)() \(argument) must contain str, not \($0.typeName)") }
      return s
    }
  }

  static func text(_ v: Value, _ vm: VM, _ function: String, _ argument: String) throws -> String {
    guard let s = v.asString else { throw vm.error("TypeError", "\(function)() \(argument) must be a str, not \(v.typeName)") }
    return s
  }

  /// Runs a builder with a script target, surfacing the target's own exception first.
  static func build(_ vm: VM, _ call: TargetCall, _ body: () throws -> Plot) throws -> Value {
    let value = try PlotValue.make(vm: vm) {
      let plot = try body()
      if let failure = call.failure { throw failure }
      return plot
    }
    return value
  }

  static let targetParameters: [Signature.Parameter] = [
    .init("target", default: Value.none, keywordOnly: true), .init("target_name", default: .str("Objective Value"), keywordOnly: true),
  ]

  static let history = NativeFunction(
    "plot_optimization_history",
    Signature([.init("study")] + targetParameters + [.init("error_bar", default: .bool(false), keywordOnly: true), .init("log_scale", default: .bool(false), keywordOnly: true)]),
    doc: "Each completed trial's objective value and the best value so far (hps adds log_scale=)."
  ) { vm, a in
    let f = "plot_optimization_history"
    // Optuna takes one study or a list of them (to compare samplers).
    let studies = try (a["study"].asArray ?? [a["study"]]).map { try study($0, vm, f) }
    if a["error_bar"].asBool == true { throw vm.error("ValueError", "\(f)() error_bar=True is not supported by hps; omit it to draw each study") }
    let call = TargetCall()
    let t = try target(a["target"], vm, call, f)
    let name = try text(a["target_name"], vm, f, "target_name")
    return try build(vm, call) { try StudyPlots.optimizationHistory(studies: studies, target: t, targetName: name, logScale: a["log_scale"].asBool ?? false) }
  }

  static let importances = NativeFunction(
    "plot_param_importances",
    Signature([.init("study"), .init("evaluator", default: Value.none), .init("params", default: Value.none)] + targetParameters),
    doc: "Hyperparameter importances as horizontal bars (fANOVA unless an evaluator is given)."
  ) { vm, a in
    let f = "plot_param_importances"
    let s = try study(a["study"], vm, f)
    var evaluator = ImportanceEvaluator.default
    if !a["evaluator"].isNone {
      guard let e = binding?.evaluator(a["evaluator"]) else { throw vm.error("TypeError", "\(f)() evaluator must be an optuna importance evaluator, not \(a["evaluator"].typeName)") }
      evaluator = e
    }
    let params = try names(a["params"], vm, f, "params")
    let call = TargetCall()
    let t = try target(a["target"], vm, call, f)
    let name = try text(a["target_name"], vm, f, "target_name")
    return try build(vm, call) { try StudyPlots.parameterImportances(s, evaluator: evaluator, params: params, target: t, targetName: name) }
  }

  static func paramsPlot(_ name: String, doc: String, _ body: @escaping (any StudyView, [String]?, ((FrozenTrial) -> Double)?, String) throws -> Plot) -> NativeFunction {
    NativeFunction(name, Signature([.init("study"), .init("params", default: Value.none)] + targetParameters), doc: doc) { vm, a in
      let s = try study(a["study"], vm, name)
      let params = try names(a["params"], vm, name, "params")
      let call = TargetCall()
      let t = try target(a["target"], vm, call, name)
      let targetName = try text(a["target_name"], vm, name, "target_name")
      return try build(vm, call) { try body(s, params, t, targetName) }
    }
  }

  static let slice = paramsPlot("plot_slice", doc: "Objective against each parameter, colored by trial number.") {
    try StudyPlots.slice($0, params: $1, target: $2, targetName: $3)
  }
  static let contour = paramsPlot("plot_contour", doc: "Interpolated objective over pairs of parameters, with the trials.") {
    try StudyPlots.contour($0, params: $1, target: $2, targetName: $3)
  }
  static let parallel = paramsPlot("plot_parallel_coordinate", doc: "One axis per parameter plus the objective; one line per trial.") {
    try StudyPlots.parallelCoordinate($0, params: $1, target: $2, targetName: $3)
  }

  static let pareto = NativeFunction(
    "plot_pareto_front",
    Signature([
      .init("study"), .init("target_names", default: Value.none, keywordOnly: true),
      .init("include_dominated_trials", default: .bool(true), keywordOnly: true),
    ]),
    doc: "Objective values of a multi-objective study; the Pareto-optimal trials highlighted."
  ) { vm, a in
    let f = "plot_pareto_front"
    let s = try study(a["study"], vm, f)
    let targetNames = try names(a["target_names"], vm, f, "target_names")
    return try PlotValue.make(vm: vm) {
      try StudyPlots.paretoFront(s, targetNames: targetNames, includeDominatedTrials: a["include_dominated_trials"].asBool ?? true)
    }
  }

  static let intermediate = NativeFunction(
    "plot_intermediate_values",
    Signature([.init("study"), .init("log_scale", default: .bool(false), keywordOnly: true)]),
    doc: "Every trial's reported learning curve; pruned trials dashed and marked."
  ) { vm, a in
    let s = try study(a["study"], vm, "plot_intermediate_values")
    return try PlotValue.make(vm: vm) { try StudyPlots.intermediateValues(s, logScale: a["log_scale"].asBool ?? false) }
  }
}
