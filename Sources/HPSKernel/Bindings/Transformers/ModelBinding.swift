// Models for scripts: AutoConfig, AutoModelForSequenceClassification.from_pretrained over the
// built-in zoo and save_pretrained() folders, and the model object the Trainer trains.
import Foundation
import HPSScript
import HPSTraining

final class ConfigBox {
  var pending: PendingConfig
  init(_ p: PendingConfig) { pending = p }
}

final class ModelBox {
  var pending: PendingConfig
  /// A save_pretrained() folder whose weights the model loads when it is built.
  let weightsDirectory: String?
  private(set) var model: Model?

  init(_ p: PendingConfig, weightsDirectory: String?) {
    pending = p
    self.weightsDirectory = weightsDirectory
  }

  init(model: Model, name: String) {
    pending = PendingConfig(config: model.config, featuresKnown: true, labelsKnown: true, problemTypeExplicit: true, nameOrPath: name)
    weightsDirectory = nil
    self.model = model
  }

  /// The engine model, built on first use with the input width (and, unless given, the label count)
  /// of `data`; weights are drawn from `seed` or loaded from the checkpoint folder.
  func materialize(for data: Dataset?, seed: UInt64?) throws -> Model {
    if let model { return model }
    let config = try pending.resolved(for: data)
    let built = try Model(config: config, seed: seed)
    if let dir = weightsDirectory {
      let path = (dir as NSString).appendingPathComponent(Model.weightsFileName)
      let (tensors, _) = try Safetensors.read(path)
      try built.loadStateDict(tensors, file: path)
    }
    pending.config = config
    pending.featuresKnown = true
    pending.labelsKnown = true
    model = built
    return built
  }
}

final class ModelBindings {
  /// torch's side of the model: parameters() for optimizers, model(**inputs) in compute_loss.
  let torch: TorchBindings
  private(set) var configClass: NativeClass!
  private(set) var modelClass: NativeClass!
  private(set) var autoConfigClass: NativeClass!
  private(set) var autoModelClass: NativeClass!

  init(torch: TorchBindings) {
    self.torch = torch
    configClass = makeConfigClass()
    modelClass = makeModelClass()
    autoConfigClass = makeAutoConfig()
    autoModelClass = makeAutoModel()
  }

  func wrap(_ vm: VM, _ box: ModelBox) throws -> Value { try modelClass.instance(vm, box) }

  static func unwrap(_ v: Value, _ vm: VM, role: String) throws -> ModelBox {
    guard let box = NativeClass.payload(v, as: ModelBox.self) else {
      throw vm.error("TypeError", "\(role) must be a model from AutoModelForSequenceClassification.from_pretrained(...), got \(v.typeName)")
    }
    return box
  }

  // MARK: PretrainedConfig

  private func configProperty(_ name: String, doc: String, get: @escaping (PendingConfig) -> Value,
                              set: ((inout PendingConfig, Value, VM) throws -> Void)? = nil) -> NativeProperty {
    NativeProperty(
      name, doc: doc,
      get: { vm, i in get(try payload(.instance(i), ConfigBox.self, vm, "PretrainedConfig").pending) },
      set: set.map { s in { vm, i, v in
        let box = try payload(.instance(i), ConfigBox.self, vm, "PretrainedConfig")
        try s(&box.pending, v, vm)
      } })
  }

  private func makeConfigClass() -> NativeClass {
    func settable(_ key: String) -> (inout PendingConfig, Value, VM) throws -> Void {
      { p, v, vm in try ModelZoo.apply([(key, v)], to: &p, vm: vm, function: "PretrainedConfig") }
    }
    let props: [NativeProperty] = [
      configProperty("model_type", doc: "mlp, logistic_regression or linear_regression.", get: { .str($0.config.modelType) }),
      configProperty("num_labels", doc: "Classes (or regression outputs); None until the data is seen when not given.",
                     get: { $0.labelsKnown ? .int($0.config.numLabels) : .none }, set: settable("num_labels")),
      configProperty("num_features", doc: "Input width; None until the model sees data (at the first batch).",
                     get: { $0.featuresKnown ? .int($0.config.numFeatures) : .none }, set: settable("num_features")),
      configProperty("hidden_sizes", doc: "Widths of the hidden layers.", get: { Value($0.config.hiddenSizes.map { Value.int($0) }) },
                     set: settable("hidden_sizes")),
      configProperty("hidden_act", doc: "relu, gelu, tanh, sigmoid or silu.", get: { .str($0.config.hiddenAct) }, set: settable("hidden_act")),
      configProperty("hidden_dropout_prob", doc: "Dropout after each hidden layer.", get: { .float($0.config.hiddenDropoutProb) },
                     set: settable("hidden_dropout_prob")),
      configProperty("use_layer_norm", doc: "LayerNorm after each hidden Linear.", get: { .bool($0.config.useLayerNorm) }, set: settable("use_layer_norm")),
      configProperty("problem_type", doc: "single_label_classification, multi_label_classification or regression.",
                     get: { .str($0.config.problemType) }, set: settable("problem_type")),
      configProperty("name_or_path", doc: "Where the config came from.", get: { .str($0.nameOrPath) }),
    ]
    return NativeClass(
      name: "PretrainedConfig", module: "transformers", doc: "A model's architecture (config.json).",
      initializer: NativeFunction("__init__", signature: "(self)") { _, _, _ in .none },
      methods: [
        NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
          let p = try payload(a[0], ConfigBox.self, vm, "PretrainedConfig").pending
          return .str(ModelBindings.describe(p, className: "PretrainedConfig"))
        },
        NativeFunction("to_dict", Signature([.init("self")]), doc: "The config as a dict.") { vm, a in
          let p = try payload(a[0], ConfigBox.self, vm, "PretrainedConfig").pending
          return try vm.makeDict([
            ("model_type", .str(p.config.modelType)), ("num_features", p.featuresKnown ? .int(p.config.numFeatures) : .none),
            ("num_labels", p.labelsKnown ? .int(p.config.numLabels) : .none),
            ("hidden_sizes", Value(p.config.hiddenSizes.map { Value.int($0) })), ("hidden_act", .str(p.config.hiddenAct)),
            ("hidden_dropout_prob", .float(p.config.hiddenDropoutProb)), ("use_layer_norm", .bool(p.config.useLayerNorm)),
            ("problem_type", .str(p.config.problemType)),
          ])
        },
      ],
      properties: props)
  }

  static func describe(_ p: PendingConfig, className: String) -> String {
    let features = p.featuresKnown ? "\(p.config.numFeatures)" : "from data"
    let labels = p.labelsKnown ? "\(p.config.numLabels)" : "from data"
    var parts = ["'\(p.nameOrPath)'", "model_type='\(p.config.modelType)'", "num_features=\(features)"]
    if p.config.modelType == "mlp" { parts.append("hidden_sizes=\(p.config.hiddenSizes)") }
    if p.config.hiddenDropoutProb > 0 { parts.append("dropout=\(p.config.hiddenDropoutProb)") }
    parts += ["num_labels=\(labels)", "problem_type='\(p.config.problemType)'"]
    return "\(className)(" + parts.joined(separator: ", ") + ")"
  }

  // MARK: Model

  private func makeModelClass() -> NativeClass {
    func model(_ v: Value, _ vm: VM) throws -> ModelBox { try payload(v, ModelBox.self, vm, "PreTrainedModel") }
    return NativeClass(
      name: "PreTrainedModel", module: "transformers",
      doc: "A feed-forward classifier or regressor; its input width is taken from the data at the first batch.",
      initializer: NativeFunction("__init__", signature: "(self)") { _, _, _ in .none },
      methods: [
        NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
          let p = try model(a[0], vm).pending
          let cls = p.config.modelType == "mlp" ? "MLPForSequenceClassification"
            : p.config.modelType == "linear_regression" ? "LinearRegression" : "LogisticRegression"
          return .str(ModelBindings.describe(p, className: cls))
        },
        NativeFunction("num_parameters", Signature([.init("self")]), doc: "Number of trainable parameters (the model must know its input width).") { vm, a in
          let box = try model(a[0], vm)
          return .int(try bridged(vm) { try box.materialize(for: nil, seed: TrainingSeed.current) }.parameterCount)
        },
        NativeFunction("save_pretrained", Signature([.init("self"), .init("save_directory")]),
                       doc: "Writes config.json and model.safetensors to save_directory.") { vm, a in
          let box = try model(a[0], vm)
          guard let dir = a["save_directory"].asString else { throw vm.error("TypeError", "save_directory must be a str") }
          try bridged(vm) { try box.materialize(for: nil, seed: TrainingSeed.current).savePretrained(dir) }
          return .none
        },
        NativeFunction("parameters", Signature([.init("self"), .init("recurse", default: .bool(true))]),
                       doc: "The model's trainable tensors, for torch.optim optimizers (SGD(model.parameters(), lr=0.1)).") { [unowned self] vm, a in
          self.torch.parameters(of: try model(a[0], vm))
        },
        NativeFunction("__call__", Signature([.init("self"), .init("input_features", default: Value.none), .init("labels", default: Value.none)], kwargs: "kwargs"),
                       doc: "Inside a Trainer's compute_loss: model(**inputs) returns the step's outputs (logits, and loss when labels are given).") {
          [unowned self] vm, a in
          try self.torch.callModel(try model(a[0], vm), a, vm)
        },
        NativeFunction("train", Signature([.init("self"), .init("mode", default: .bool(true))]), doc: "Kept for compatibility; returns self.") { _, a in a[0] },
        NativeFunction("eval", Signature([.init("self")]), doc: "Kept for compatibility; returns self.") { _, a in a[0] },
      ],
      properties: [
        NativeProperty("config", doc: "The model's PretrainedConfig (a copy).") { [unowned self] vm, i in
          try self.configClass.instance(vm, ConfigBox(try model(.instance(i), vm).pending))
        },
        NativeProperty("name_or_path", doc: "The zoo name or folder it came from.") { vm, i in .str(try model(.instance(i), vm).pending.nameOrPath) },
        NativeProperty("device", doc: "Always 'cpu' (hps trains on the CPU).") { _, _ in .str("cpu") },
      ])
  }

  // MARK: Auto classes

  private func makeAutoConfig() -> NativeClass {
    NativeClass(
      name: "AutoConfig", module: "transformers", doc: "Loads model configs by zoo name or folder.",
      initializer: NativeFunction("__init__", signature: "(self)") { vm, _, _ in
        throw vm.error("EnvironmentError", "AutoConfig is designed to be instantiated using the `AutoConfig.from_pretrained(pretrained_model_name_or_path)` method.")
      },
      classMethods: [
        NativeFunction(
          "from_pretrained", Signature([.init("cls"), .init("pretrained_model_name_or_path")], kwargs: "kwargs"),
          doc: "The config of a zoo model (\(ModelZoo.listing)) or of a save_pretrained() folder, with keyword overrides (num_labels=..., hidden_sizes=[...], dropout=...)."
        ) { [unowned self] vm, a in
          guard let name = a["pretrained_model_name_or_path"].asString else { throw vm.error("TypeError", "pretrained_model_name_or_path must be a str") }
          var (p, _) = try ModelZoo.pending(name, vm: vm)
          try ModelZoo.apply(a.kwargs, to: &p, vm: vm, function: "AutoConfig.from_pretrained()")
          return try self.configClass.instance(vm, ConfigBox(p))
        },
      ])
  }

  private func makeAutoModel() -> NativeClass {
    NativeClass(
      name: "AutoModelForSequenceClassification", module: "transformers",
      doc: "Builds classifiers (and, with num_labels=1 or problem_type='regression', regressors) from the zoo or a folder.",
      initializer: NativeFunction("__init__", signature: "(self)") { vm, _, _ in
        throw vm.error("EnvironmentError", "AutoModelForSequenceClassification is designed to be instantiated using the `AutoModelForSequenceClassification.from_pretrained(pretrained_model_name_or_path)` or `AutoModelForSequenceClassification.from_config(config)` methods.")
      },
      classMethods: [
        NativeFunction(
          "from_pretrained",
          Signature([.init("cls"), .init("pretrained_model_name_or_path"), .init("config", default: Value.none, keywordOnly: true)], varargs: "model_args", kwargs: "kwargs"),
          doc: """
            A model from the built-in zoo — \(ModelZoo.listing) — or from a folder written by save_pretrained().
            Config keywords override the architecture: num_labels, hidden_sizes, hidden_act, dropout
            (hidden_dropout_prob), use_layer_norm, problem_type, num_features. The input width (and the label
            count, unless given) comes from the data at the first batch. There is no network access: Hub ids fail
            with a list of what is available.
            """
        ) { [unowned self] vm, a in
          guard let name = a["pretrained_model_name_or_path"].asString else { throw vm.error("TypeError", "pretrained_model_name_or_path must be a str") }
          var (p, dir) = try ModelZoo.pending(name, vm: vm)
          if let c = NativeClass.payload(a["config"], as: ConfigBox.self) { p.config = c.pending.config; p.featuresKnown = c.pending.featuresKnown; p.labelsKnown = c.pending.labelsKnown; p.problemTypeExplicit = c.pending.problemTypeExplicit }
          try ModelZoo.apply(a.kwargs, to: &p, vm: vm, function: "from_pretrained()")
          let box = ModelBox(p, weightsDirectory: dir)
          if dir != nil { _ = try bridged(vm) { try box.materialize(for: nil, seed: nil) } }
          return try self.wrap(vm, box)
        },
        NativeFunction("from_config", Signature([.init("cls"), .init("config")], kwargs: "kwargs"),
                       doc: "A freshly initialised model with the architecture of `config`.") { [unowned self] vm, a in
          guard let c = NativeClass.payload(a["config"], as: ConfigBox.self) else { throw vm.error("TypeError", "from_config needs a PretrainedConfig (AutoConfig.from_pretrained(...))") }
          var p = c.pending
          try ModelZoo.apply(a.kwargs, to: &p, vm: vm, function: "from_config()")
          return try self.wrap(vm, ModelBox(p, weightsDirectory: nil))
        },
      ])
  }
}
