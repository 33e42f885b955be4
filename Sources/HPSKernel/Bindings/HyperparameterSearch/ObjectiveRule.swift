// The objective of an evaluation: the user's compute_objective, or hps's default rule (chosen by
// stdlib/hpo_defaults.hps's choose_objective and announced once, so a minimize search never
// silently minimises accuracy as Transformers' rule can).
import HPSScript
import HPSSearch
import HPSTraining

final class ObjectiveRule: @unchecked Sendable {
  let bindings: TransformersBindings
  let vm: VM
  let function: Value
  let directions: [StudyDirection]
  let directionNames: [String]
  /// The default rule's choice: nil = not chosen yet; "" = no usable metric.
  private let choice = Guarded<String?>(nil)

  init(bindings: TransformersBindings, vm: VM, function: Value, directions: [StudyDirection], directionNames: [String]) {
    self.bindings = bindings
    self.vm = vm
    self.function = function
    self.directions = directions
    self.directionNames = directionNames
  }

  static func isSpeedMetric(_ k: String) -> Bool { k.hasSuffix("_runtime") || k.hasSuffix("_per_second") }

  func values(_ metrics: Metrics, trialNumber: Int) throws -> [Double] {
    if function.isNone { return [try defaultValue(metrics)] }
    let vm = self.vm, function = self.function, directions = self.directions
    return try bindings.gate.perform {
      let result = try vm.callValue(function, [try Convert.dict(metrics, vm: vm)])
      let values: [Double]
      if let d = result.asDouble, result.asBool == nil {
        values = [d]
      } else if let items = result.asArray {
        values = try items.map { x in
          guard let d = x.asDouble else { throw vm.error("TypeError", "compute_objective returned a sequence containing \(x.typeName); it must hold numbers") }
          return d
        }
      } else {
        throw FatalSearchError(error: vm.error("TypeError", "compute_objective must return a number or a tuple/list of numbers, got \(result.typeName) \(vm.reprOrType(result))"))
      }
      guard values.count == directions.count else {
        throw FatalSearchError(error: vm.error("ValueError", "compute_objective returned \(values.count) value\(values.count == 1 ? "" : "s") but direction has \(directions.count); return one value per direction"))
      }
      return values
    }
  }

  private func defaultValue(_ metrics: Metrics) throws -> Double {
    var name = choice.get()
    let vm = self.vm, bindings = self.bindings, choice = self.choice, directionNames = self.directionNames
    if name == nil {
      name = try bindings.gate.perform { () throws -> String in
        let chooser = try bindings.defaultsMember(vm, "choose_objective")
        let picked = try vm.callValue(chooser, [try Convert.dict(metrics, vm: vm), .str(directionNames[0])])
        let chosen = picked.asArray?.first?.asString ?? ""
        if choice.get() == nil {
          let what = chosen.isEmpty ? "nothing (no eval_loss and no other metric)" : chosen
          vm.writeStdout("hyperparameter_search: no compute_objective given; the objective is \(what), direction=\(directionNames[0]) (see hpo_defaults.choose_objective)\n")
        }
        return chosen
      }
      choice.set(name)
    }
    guard let name, !name.isEmpty else {
      throw vm.error("ValueError", "the evaluation produced no eval_loss and no other metric, so there is no objective; pass compute_objective=")
    }
    if name == "eval_loss" {
      guard let v = metrics["eval_loss"] else { throw vm.error("KeyError", "'eval_loss' is missing from the evaluation metrics") }
      return v
    }
    return metrics.filter { $0.key != "eval_loss" && $0.key != "epoch" && !ObjectiveRule.isSpeedMetric($0.key) }.reduce(0) { $0 + $1.value }
  }
}
