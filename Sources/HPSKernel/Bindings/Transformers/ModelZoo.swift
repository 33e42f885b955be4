// The built-in model zoo (what from_pretrained finds without a folder) and the config keywords
// from_pretrained accepts. Input width and label count may stay open until the model sees data.
import Foundation
import HPSScript
import HPSTraining

/// A model configuration whose input width and label count may still be unknown.
struct PendingConfig {
  var config: ModelConfig
  var featuresKnown: Bool
  var labelsKnown: Bool
  var problemTypeExplicit: Bool
  var nameOrPath: String

  /// The complete config for data with `data`'s shape (Transformers' rule: num_labels=1 means regression).
  func resolved(for data: Dataset?) throws -> ModelConfig {
    var c = config
    if !featuresKnown {
      guard let data else {
        throw ModelError.invalidConfig(field: "num_features", message: "is not known yet: the model takes its input width from the data at the first batch; give the Trainer a train_dataset or pass num_features=...")
      }
      c.numFeatures = data.numFeatures
    }
    if !labelsKnown, let data { c.numLabels = data.numLabels }
    if !problemTypeExplicit {
      if let data, !data.isClassification { c.problemType = "regression" } else if c.numLabels == 1 { c.problemType = "regression" }
    }
    if c.problemType == "regression" && c.modelType == "logistic_regression" { c.modelType = "linear_regression" }
    if c.problemType != "regression" && c.modelType == "linear_regression" { c.modelType = "logistic_regression" }
    return c
  }
}

enum ModelZoo {
  struct Entry {
    let name: String
    let summary: String
    let config: ModelConfig
  }

  static let entries: [Entry] = [
    Entry(name: "mlp-tiny", summary: "MLP, one hidden layer of 32 (ReLU)", config: .mlp(features: 1, labels: 2, hidden: [32])),
    Entry(name: "mlp-small", summary: "MLP, hidden layers 64-64 (ReLU)", config: .mlp(features: 1, labels: 2, hidden: [64, 64])),
    Entry(name: "mlp-base", summary: "MLP, hidden layers 128-128 (ReLU)", config: .mlp(features: 1, labels: 2, hidden: [128, 128])),
    Entry(name: "logreg", summary: "logistic regression (linear regression with num_labels=1)",
          config: .logisticRegression(features: 1, labels: 2)),
    Entry(name: "linreg", summary: "linear regression", config: .linearRegression(features: 1)),
  ]

  static var listing: String {
    entries.map { "\($0.name) (\($0.summary))" }.joined(separator: ", ")
  }

  static let configKeywords = [
    "num_labels", "num_features", "hidden_sizes", "hidden_act", "hidden_dropout_prob", "dropout", "activation",
    "use_layer_norm", "layer_norm_eps", "problem_type", "id2label", "label2id",
  ]

  /// from_pretrained's loading options (Hub revisions, caches, devices, dtypes): accepted so code
  /// written for Transformers runs, and ignored — hps loads local folders and its zoo only.
  static let loadingKeywords = [
    "from_tf", "from_flax", "cache_dir", "revision", "token", "use_auth_token", "trust_remote_code",
    "local_files_only", "force_download", "resume_download", "proxies", "torch_dtype", "dtype", "device_map",
    "low_cpu_mem_usage", "ignore_mismatched_sizes", "attn_implementation", "subfolder", "use_safetensors",
  ]

  /// The config `nameOrPath` names: a zoo entry or a folder with config.json.
  static func pending(_ nameOrPath: String, vm: VM) throws -> (PendingConfig, directory: String?) {
    if let e = entries.first(where: { $0.name == nameOrPath }) {
      let regression = e.config.problemType == "regression"
      return (PendingConfig(config: e.config, featuresKnown: false, labelsKnown: regression, problemTypeExplicit: regression,
                            nameOrPath: nameOrPath), nil)
    }
    var isDirectory: ObjCBool = false
    let expanded = (nameOrPath as NSString).expandingTildeInPath
    if FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory), isDirectory.boolValue {
      let configPath = (expanded as NSString).appendingPathComponent(Model.configFileName)
      guard let data = FileManager.default.contents(atPath: configPath) else {
        throw vm.error("OSError", "\(nameOrPath) does not appear to have a file named config.json; a model folder is written by save_pretrained() or Trainer.save_model()")
      }
      let config: ModelConfig
      do { config = try JSONDecoder().decode(ModelConfig.self, from: data) } catch {
        throw vm.error("OSError", "\(configPath) does not describe an hps model: \(error)")
      }
      return (PendingConfig(config: config, featuresKnown: true, labelsKnown: true, problemTypeExplicit: true,
                            nameOrPath: nameOrPath), expanded)
    }
    throw vm.error(
      "OSError",
      "'\(nameOrPath)' is not a local folder and not a built-in model, and hps has no network access to download it from the Hugging Face Hub. Available models: \(listing); or a folder written by save_pretrained().")
  }

  /// Applies from_pretrained's config keywords (num_labels=10, hidden_sizes=[64], dropout=0.1, ...).
  static func apply(_ overrides: Kwargs, to p: inout PendingConfig, vm: VM, function: String) throws {
    for (key, v) in overrides {
      func int() throws -> Int {
        guard case .int(let i) = v else { throw vm.error("TypeError", "\(function): \(key) must be an int, got \(v.typeName)") }
        return i
      }
      func double() throws -> Double {
        guard let d = v.asDouble, v.asBool == nil else { throw vm.error("TypeError", "\(function): \(key) must be a number, got \(v.typeName)") }
        return d
      }
      func string() throws -> String {
        guard let s = v.asString else { throw vm.error("TypeError", "\(function): \(key) must be a str, got \(v.typeName)") }
        return s
      }
      switch key {
      case "num_labels":
        p.config.numLabels = try int()
        p.labelsKnown = true
        if !p.problemTypeExplicit { p.config.problemType = p.config.numLabels == 1 ? "regression" : "single_label_classification" }
      case "num_features":
        p.config.numFeatures = try int()
        p.featuresKnown = true
      case "hidden_sizes":
        if case .int(let one) = v { p.config.hiddenSizes = [one] } else { p.config.hiddenSizes = try Convert.ints(v, vm: vm, what: "hidden_sizes") }
        if p.config.modelType != "mlp" && !p.config.hiddenSizes.isEmpty { p.config.modelType = "mlp" }
      case "hidden_act", "activation": p.config.hiddenAct = try string()
      case "hidden_dropout_prob", "dropout": p.config.hiddenDropoutProb = try double()
      case "use_layer_norm":
        guard let b = v.asBool else { throw vm.error("TypeError", "\(function): use_layer_norm must be a bool") }
        p.config.useLayerNorm = b
      case "layer_norm_eps": p.config.layerNormEps = try double()
      case "problem_type":
        p.config.problemType = try string()
        p.problemTypeExplicit = true
        if p.config.problemType == "regression" && !p.labelsKnown { p.config.numLabels = 1 }
      case "id2label":
        var map: [String: String] = [:]
        for (k, name) in try vm.dictItems(v) { map[vm.reprOrType(k).trimmingCharacters(in: CharacterSet(charactersIn: "'"))] = name.asString ?? vm.reprOrType(name) }
        p.config.id2label = map
        if !p.labelsKnown {
          p.config.numLabels = map.count
          p.labelsKnown = true
        }
      case "label2id": break
      case _ where loadingKeywords.contains(key): break
      default:
        let hint = closestMatch(key, in: configKeywords).map { " Did you mean '\($0)'?" } ?? ""
        throw vm.error("TypeError", "\(function) got an unexpected config keyword '\(key)'.\(hint) Config keywords: \(configKeywords.joined(separator: ", "))")
      }
    }
    var check = p.config
    if !p.featuresKnown { check.numFeatures = 1 }
    if !p.labelsKnown { check.numLabels = max(2, check.numLabels) }
    try bridged(vm) { try check.validate() }
  }
}
