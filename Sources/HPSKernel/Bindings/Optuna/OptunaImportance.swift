// optuna.importance: get_param_importances with the fANOVA, mean-decrease-impurity and
// PED-ANOVA evaluators.
import HPSScript
import HPSSearch

enum OptunaImportance: OptunaDeclarations {
  static let module = "optuna.importance"
  typealias E = Box<ImportanceEvaluator>

  private static func evaluator(_ name: String, _ parameters: [Signature.Parameter], doc: String, _ make: @escaping (VM, BoundArguments) throws -> ImportanceEvaluator) -> NativeClass {
    NativeClass(
      name: name, module: module, doc: doc, subclassable: false,
      initializer: OptunaNative.initializer(name, parameters) { vm, b in E(try make(vm, b)) },
      methods: [OptunaNative.repr(name) { (_: VM, _: E) in "\(name)()" }])
  }

  static let fanovaClass = evaluator(
    "FanovaImportanceEvaluator", [p("n_trees", 64, keywordOnly: true), p("max_depth", 64, keywordOnly: true), p("seed", Value.none, keywordOnly: true)],
    doc: "fANOVA: the share of a random forest's prediction variance explained by each parameter alone."
  ) { _, b in
    let f = "FanovaImportanceEvaluator"
    return .fanova(
      nTrees: try OptunaValues.int(b["n_trees"], f, "n_trees"), maxDepth: try OptunaValues.int(b["max_depth"], f, "max_depth"),
      seed: try OptunaValues.optionalInt(b["seed"], f, "seed"))
  }

  static let mdiClass = evaluator(
    "MeanDecreaseImpurityImportanceEvaluator",
    [p("n_trees", 64, keywordOnly: true), p("max_depth", 64, keywordOnly: true), p("seed", Value.none, keywordOnly: true)],
    doc: "Mean decrease in impurity of a random forest fitted to the trials."
  ) { _, b in
    let f = "MeanDecreaseImpurityImportanceEvaluator"
    return .meanDecreaseImpurity(
      nTrees: try OptunaValues.int(b["n_trees"], f, "n_trees"), maxDepth: try OptunaValues.int(b["max_depth"], f, "max_depth"),
      seed: try OptunaValues.optionalInt(b["seed"], f, "seed"))
  }

  static let pedAnovaClass = evaluator(
    "PedAnovaImportanceEvaluator",
    [p("target_quantile", 0.1, keywordOnly: true), p("region_quantile", 1.0, keywordOnly: true), p("evaluate_on_local", true, keywordOnly: true)],
    doc: "PED-ANOVA: how differently each parameter is distributed among the top trials than among all."
  ) { vm, b in
    let f = "PedAnovaImportanceEvaluator"
    return .pedAnova(
      targetQuantile: try OptunaValues.double(b["target_quantile"], f, "target_quantile"),
      regionQuantile: try OptunaValues.double(b["region_quantile"], f, "region_quantile"),
      evaluateOnLocal: try vm.isTrue(b["evaluate_on_local"]))
  }

  static let getParamImportances = OptunaNative.function(
    "get_param_importances",
    [p("study"), p("evaluator", Value.none, keywordOnly: true), p("params", Value.none, keywordOnly: true),
     p("target", Value.none, keywordOnly: true), p("normalize", true, keywordOnly: true)],
    doc: """
      Importance of each parameter for the study's objective, as a dict sorted from most to least
      important (summing to 1 when normalize=True). evaluator defaults to fANOVA; target(trial)
      picks the value to explain (required for multi-objective studies).
      """
  ) { vm, b in
    let f = "get_param_importances"
    guard let study = OptunaBridge.study(from: b["study"]) else {
      throw OptunaErrors.typeError("\(f)() argument 'study' must be a Study, not '\(b["study"].typeName)'")
    }
    var evaluator = ImportanceEvaluator.default
    if !b["evaluator"].isNone {
      guard let e = NativeClass.payload(b["evaluator"], as: E.self) else {
        throw OptunaErrors.typeError("\(f)() argument 'evaluator' must be an optuna.importance evaluator, not '\(b["evaluator"].typeName)'")
      }
      evaluator = e.value
    }
    let params = b["params"].isNone ? nil : try OptunaValues.sequence(vm, b["params"], f, "params").map { try OptunaValues.string($0, f, "params") }
    var target: ((FrozenTrial) -> Double)?
    var targetError: Error?
    if !b["target"].isNone {
      let callable = b["target"]
      target = { trial in
        do {
          let v = try vm.callValue(callable, [OptunaBridge.wrap(trial)])
          guard let d = v.asDouble else { throw OptunaErrors.typeError("target() must return a number, not '\(v.typeName)'") }
          return d
        } catch {
          if targetError == nil { targetError = error }
          return .nan
        }
      }
    }
    let result = try Importance.evaluate(
      study: study, evaluator: evaluator, params: params, target: target, normalize: try vm.isTrue(b["normalize"]))
    if let targetError { throw targetError }
    return try vm.makeDict(result.map { ($0.name, .float($0.importance)) })
  }

  static func members() -> [(String, Value)] {
    [("get_param_importances", .object(getParamImportances)), ("FanovaImportanceEvaluator", fanovaClass.value),
     ("MeanDecreaseImpurityImportanceEvaluator", mdiClass.value), ("PedAnovaImportanceEvaluator", pedAnovaClass.value)]
  }
}
