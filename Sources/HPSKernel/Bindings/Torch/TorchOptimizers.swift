// torch.optim's SGD, Adam, AdamW, Adagrad and RMSprop for scripts. They are specifications: the
// Trainer turns one into the engine's optimizer (HPSTraining/Optim) for the model whose
// parameters it was given, with torch's keywords, defaults and argument checks.
import Foundation
import HPSScript
import HPSTraining

/// What `model.parameters()` returns: the parameters of one model, built or not yet built.
final class ParametersBox {
  let model: ModelBox
  init(_ model: ModelBox) { self.model = model }
}

/// One parameter (an item of `list(model.parameters())`).
final class ParameterBox {
  let model: ModelBox
  let parameter: Parameter
  init(model: ModelBox, parameter: Parameter) {
    self.model = model
    self.parameter = parameter
  }
}

final class OptimizerSpec {
  enum Kind {
    case sgd(momentum: Double, dampening: Double, weightDecay: Double, nesterov: Bool)
    case adam(beta1: Double, beta2: Double, epsilon: Double, weightDecay: Double, decoupled: Bool)
    case adagrad(epsilon: Double, weightDecay: Double)
    case rmsprop(alpha: Double, epsilon: Double, weightDecay: Double)
    /// The optimizer TrainingArguments describe (Trainer.create_optimizer's default).
    case arguments(optim: String)
  }
  let className: String
  let kind: Kind
  let learningRate: Double
  /// The model whose parameters the optimizer updates (nil: the trainer's model).
  let model: ModelBox?
  /// The engine optimizer made for a model, kept so a model= Trainer's later train() calls
  /// continue with its state as torch's optimizer object would.
  private var built: (model: Model, optimizer: Optimizer)?

  init(className: String, kind: Kind, learningRate: Double, model: ModelBox?) {
    self.className = className
    self.kind = kind
    self.learningRate = learningRate
    self.model = model
  }

  /// The engine optimizer for `engine`'s model.
  func engineOptimizer(for engine: Trainer) throws -> Optimizer {
    guard let target = engine.model else { throw TrainerError.runtime("the trainer has no model") }
    if let model, model.model !== target {
      throw TrainerError.value("\(className) was given the parameters of another model than the one this trainer trains; build it from self.model.parameters() inside create_optimizer_and_scheduler")
    }
    if let built, built.model === target { return built.optimizer }
    let optimizer: Optimizer
    switch kind {
    case .arguments: optimizer = try engine.createOptimizer()
    case .sgd(let momentum, let dampening, let wd, let nesterov):
      optimizer = DecayingEveryParameter(SGD(learningRate: learningRate, momentum: momentum, dampening: dampening, weightDecay: wd,
                                             nesterov: nesterov), weightDecay: wd, decoupled: false)
    case .adam(let b1, let b2, let eps, let wd, let decoupled):
      optimizer = DecayingEveryParameter(AdamW(learningRate: learningRate, beta1: b1, beta2: b2, epsilon: eps, weightDecay: wd,
                                               decoupled: decoupled), weightDecay: wd, decoupled: decoupled)
    case .adagrad(let eps, let wd):
      optimizer = DecayingEveryParameter(Adagrad(learningRate: learningRate, epsilon: eps, weightDecay: wd), weightDecay: wd, decoupled: false)
    case .rmsprop(let alpha, let eps, let wd):
      optimizer = DecayingEveryParameter(RMSprop(learningRate: learningRate, alpha: alpha, epsilon: eps, weightDecay: wd),
                                         weightDecay: wd, decoupled: false)
    }
    optimizer.learningRate = learningRate
    built = (target, optimizer)
    return optimizer
  }

  /// torch's param_groups[0]: the hyperparameters.
  var hyperparameters: [(String, Value)] {
    var out: [(String, Value)] = [("lr", .float(learningRate))]
    switch kind {
    case .sgd(let m, let d, let wd, let n):
      out += [("momentum", .float(m)), ("dampening", .float(d)), ("weight_decay", .float(wd)), ("nesterov", .bool(n))]
    case .adam(let b1, let b2, let eps, let wd, _):
      out += [("betas", .tuple([.float(b1), .float(b2)])), ("eps", .float(eps)), ("weight_decay", .float(wd))]
    case .adagrad(let eps, let wd): out += [("eps", .float(eps)), ("weight_decay", .float(wd))]
    case .rmsprop(let a, let eps, let wd): out += [("alpha", .float(a)), ("eps", .float(eps)), ("weight_decay", .float(wd))]
    case .arguments(let optim): out += [("optim", .str(optim))]
    }
    return out
  }
}

/// torch applies weight_decay to every parameter it is given; the engine's optimizers follow
/// Transformers and skip biases and LayerNorm weights. This adds the missing decay for those
/// (decoupled: p ← p·(1 − lr·wd) before the update; L2: g ← g + wd·p), so the update is torch's.
final class DecayingEveryParameter: Optimizer {
  let inner: Optimizer
  let weightDecay: Double
  let decoupled: Bool

  init(_ inner: Optimizer, weightDecay: Double, decoupled: Bool) {
    self.inner = inner
    self.weightDecay = weightDecay
    self.decoupled = decoupled
  }

  var learningRate: Double {
    get { inner.learningRate }
    set { inner.learningRate = newValue }
  }

  func step(_ parameters: [Parameter]) {
    if weightDecay != 0 {
      let wd = Float(weightDecay), factor = Float(1 - inner.learningRate * weightDecay)
      for p in parameters where !p.decays {
        for i in 0..<p.value.count {
          if decoupled { p.value.storage[i] *= factor } else { p.grad.storage[i] += wd * p.value.storage[i] }
        }
      }
    }
    inner.step(parameters)
  }

  func exportState() -> OptimizerState { inner.exportState() }
  func importState(_ state: OptimizerState) { inner.importState(state) }
}

extension TorchBindings {
  /// The model behind `params`: model.parameters(), or a list of all of one model's parameters.
  private func parametersOwner(_ params: Value, _ vm: VM, _ cls: String) throws -> ModelBox {
    if let p = NativeClass.payload(params, as: ParametersBox.self) { return p.model }
    if NativeClass.payload(params, as: ModelBox.self) != nil {
      throw vm.error("TypeError", "\(cls)() takes model.parameters(), not the model itself")
    }
    let items = try builtins.items(vm, params)
    guard !items.isEmpty else { throw vm.error("ValueError", "optimizer got an empty parameter list") }
    if items.contains(where: { if case .dict = $0 { return true } else { return false } }) {
      throw vm.error("NotImplementedError", "hps's torch.optim takes model.parameters(); parameter groups (a list of dicts) are not supported")
    }
    let boxes = try items.map { v -> ParameterBox in
      guard let b = NativeClass.payload(v, as: ParameterBox.self) else {
        throw vm.error("TypeError", "optimizer can only optimize Tensors, but one of the params is \(v.typeName) (pass model.parameters())")
      }
      return b
    }
    let owner = boxes[0].model
    let all = owner.model?.parameters ?? []
    guard boxes.allSatisfy({ $0.model === owner }), boxes.count == all.count,
      zip(boxes, all).allSatisfy({ $0.parameter === $1 })
    else {
      throw vm.error("NotImplementedError", "hps's optimizers update all of one model's parameters; pass model.parameters() (freezing or selecting parameters is not supported)")
    }
    return owner
  }

  /// A number keyword; out of range it is torch's ValueError, "<what>: <value as written>".
  private static func checked(_ a: BoundArguments, _ name: String, _ vm: VM, message: String, valid: (Double) -> Bool) throws -> Double {
    guard let d = a[name].asDouble else { throw vm.error("TypeError", "\(name) must be a number, got \(a[name].typeName)") }
    guard valid(d) else { throw vm.error("ValueError", "\(message): \(vm.reprOrType(a[name]))") }
    return d
  }

  private static func flag(_ a: BoundArguments, _ name: String, _ vm: VM, cls: String, unsupportedWhen bad: Bool = true) throws {
    guard a.names.contains(name) else { return }
    let v = a[name]
    if v.isNone { return }
    if v.asBool == bad { throw vm.error("NotImplementedError", "hps's \(cls) does not support \(name)=\(bad ? "True" : "False")") }
  }

  private static func number(_ a: BoundArguments, _ name: String, _ vm: VM, cls: String, mustBe expected: Double) throws {
    guard let d = a[name].asDouble else { throw vm.error("TypeError", "\(name) must be a number") }
    if d != expected { throw vm.error("NotImplementedError", "hps's \(cls) does not support \(name)=\(d) (only \(expected))") }
  }

  /// One optimizer class: its torch keywords (after params, lr) and how they become a spec.
  private func optimizerClass(_ name: String, lr: Double, keywords: [Signature.Parameter], keywordOnly: [String], doc: String,
                              kind: @escaping (BoundArguments, VM) throws -> OptimizerSpec.Kind) -> NativeClass {
    let signature = Signature([.init("self"), .init("params"), .init("lr", default: .float(lr))] + keywords
                                + keywordOnly.map { .init($0, default: ["maximize", "differentiable", "capturable"].contains($0) ? .bool(false) : Value.none, keywordOnly: true) })
    return NativeClass(
      name: name, module: "torch.optim", doc: doc, base: optimizerBaseClass,
      initializer: NativeFunction("__init__", signature) { [unowned self] vm, a in
        guard case .instance(let inst) = a[0] else { return .none }
        let owner = try self.parametersOwner(a["params"], vm, name)
        let lr = try Self.checked(a, "lr", vm, message: "Invalid learning rate", valid: { $0 >= 0 })
        try Self.flag(a, "maximize", vm, cls: name)
        try Self.flag(a, "differentiable", vm, cls: name)
        inst.native = OptimizerSpec(className: name, kind: try kind(a, vm), learningRate: lr, model: owner)
        return .none
      })
  }

  func makeOptimizerClasses() -> [NativeClass] {
    let common = ["foreach", "maximize", "differentiable"]
    func eps(_ a: BoundArguments, _ vm: VM) throws -> Double {
      try Self.checked(a, "eps", vm, message: "Invalid epsilon value", valid: { $0 >= 0 })
    }
    func decay(_ a: BoundArguments, _ vm: VM) throws -> Double {
      try Self.checked(a, "weight_decay", vm, message: "Invalid weight_decay value", valid: { $0 >= 0 })
    }
    func betas(_ a: BoundArguments, _ vm: VM) throws -> (Double, Double) {
      guard let pair = a["betas"].asArray, pair.count == 2, let b1 = pair[0].asDouble, let b2 = pair[1].asDouble else {
        throw vm.error("TypeError", "betas must be a pair of numbers, got \(vm.reprOrType(a["betas"]))")
      }
      guard (0..<1).contains(b1) else { throw vm.error("ValueError", "Invalid beta parameter at index 0: \(b1)") }
      guard (0..<1).contains(b2) else { throw vm.error("ValueError", "Invalid beta parameter at index 1: \(b2)") }
      return (b1, b2)
    }
    func adam(_ name: String, decoupled: Bool, defaultDecay: Double) -> NativeClass {
      optimizerClass(
        name, lr: 1e-3,
        keywords: [.init("betas", default: .tuple([.float(0.9), .float(0.999)])), .init("eps", default: .float(1e-8)),
                   .init("weight_decay", default: .float(defaultDecay)), .init("amsgrad", default: .bool(false))],
        keywordOnly: common + ["capturable", "fused"],
        doc: decoupled
          ? "AdamW(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01): Adam with decoupled weight decay (p ← p·(1 − lr·wd)), on every parameter as in torch."
          : "Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0): weight_decay is an L2 term added to the gradient, as in torch."
      ) { a, vm in
        try Self.flag(a, "amsgrad", vm, cls: name)
        let (b1, b2) = try betas(a, vm)
        return .adam(beta1: b1, beta2: b2, epsilon: try eps(a, vm), weightDecay: try decay(a, vm), decoupled: decoupled)
      }
    }
    let sgd = optimizerClass(
      "SGD", lr: 1e-3,
      keywords: [.init("momentum", default: .int(0)), .init("dampening", default: .int(0)), .init("weight_decay", default: .int(0)),
                 .init("nesterov", default: .bool(false))],
      keywordOnly: common + ["fused"],
      doc: "SGD(params, lr=0.001, momentum=0, dampening=0, weight_decay=0, nesterov=False): stochastic gradient descent with torch's momentum rule."
    ) { [unowned self] a, vm in
      let momentum = try Self.checked(a, "momentum", vm, message: "Invalid momentum value", valid: { $0 >= 0 })
      guard let dampening = a["dampening"].asDouble else { throw vm.error("TypeError", "dampening must be a number") }
      let nesterov = try self.builtins.truthy(vm, a["nesterov"])
      if nesterov && (momentum <= 0 || dampening != 0) { throw vm.error("ValueError", "Nesterov momentum requires a momentum and zero dampening") }
      return .sgd(momentum: momentum, dampening: dampening, weightDecay: try decay(a, vm), nesterov: nesterov)
    }
    let adagrad = optimizerClass(
      "Adagrad", lr: 1e-2,
      keywords: [.init("lr_decay", default: .int(0)), .init("weight_decay", default: .int(0)),
                 .init("initial_accumulator_value", default: .int(0)), .init("eps", default: .float(1e-10))],
      keywordOnly: common + ["fused"],
      doc: "Adagrad(params, lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10); hps supports lr_decay=0 and initial_accumulator_value=0 only."
    ) { a, vm in
      try Self.number(a, "lr_decay", vm, cls: "Adagrad", mustBe: 0)
      try Self.number(a, "initial_accumulator_value", vm, cls: "Adagrad", mustBe: 0)
      return .adagrad(epsilon: try eps(a, vm), weightDecay: try decay(a, vm))
    }
    let rmsprop = optimizerClass(
      "RMSprop", lr: 1e-2,
      keywords: [.init("alpha", default: .float(0.99)), .init("eps", default: .float(1e-8)), .init("weight_decay", default: .int(0)),
                 .init("momentum", default: .int(0)), .init("centered", default: .bool(false))],
      keywordOnly: common + ["capturable"],
      doc: "RMSprop(params, lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0, momentum=0, centered=False); hps supports momentum=0 and centered=False only."
    ) { a, vm in
      let alpha = try Self.checked(a, "alpha", vm, message: "Invalid alpha value", valid: { $0 >= 0 })
      try Self.number(a, "momentum", vm, cls: "RMSprop", mustBe: 0)
      try Self.flag(a, "centered", vm, cls: "RMSprop")
      return .rmsprop(alpha: alpha, epsilon: try eps(a, vm), weightDecay: try decay(a, vm))
    }
    return [sgd, adam("Adam", decoupled: false, defaultDecay: 0), adam("AdamW", decoupled: true, defaultDecay: 0.01), adagrad, rmsprop]
  }

  func makeOptimizerBaseClass() -> NativeClass {
    NativeClass(
      name: "Optimizer", module: "torch.optim",
      doc: "Base class of hps's torch optimizers (SGD, Adam, AdamW, Adagrad, RMSprop). An optimizer here is a specification the Trainer turns into its native optimizer for the model it trains.",
      initializer: NativeFunction("__init__", signature: "(self, *args, **kwargs)") { vm, _, _ in
        throw vm.error("NotImplementedError", "hps's torch.optim has SGD, Adam, AdamW, Adagrad and RMSprop; custom Optimizer subclasses are not supported")
      },
      methods: [
        NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
          let spec = try payload(a[0], OptimizerSpec.self, vm, "Optimizer")
          let items = spec.hyperparameters.map { "    \($0.0): \(vm.reprOrType($0.1))" }
          return .str("\(spec.className) (\nParameter Group 0\n" + items.joined(separator: "\n") + "\n)")
        },
        NativeFunction("zero_grad", Signature([.init("self"), .init("set_to_none", default: .bool(true))]),
                       doc: "No effect: the Trainer clears gradients itself.") { _, _ in .none },
        NativeFunction("step", Signature([.init("self"), .init("closure", default: Value.none)]), doc: "Not available: the Trainer steps the optimizer.") { vm, _ in
          throw vm.error("NotImplementedError", "hps's Trainer steps the optimizer itself; optimizer.step() cannot be called from a script")
        },
      ],
      properties: [
        NativeProperty("param_groups", doc: "One group: a dict of the hyperparameters (lr, betas, eps, weight_decay, ...).") { vm, i in
          let spec = try payload(.instance(i), OptimizerSpec.self, vm, "Optimizer")
          return Value([try vm.makeDict(spec.hyperparameters + [("params", .str("model.parameters()"))])])
        },
        NativeProperty("defaults", doc: "The hyperparameters as a dict.") { vm, i in
          try vm.makeDict(try payload(.instance(i), OptimizerSpec.self, vm, "Optimizer").hyperparameters)
        },
      ])
  }

  /// Transformers' default create_optimizer: the optimizer TrainingArguments(optim=...) describes.
  func argumentsOptimizer(_ args: TrainingArguments) -> Value {
    let name = args.optim.hasPrefix("adamw") ? "AdamW" : args.optim == "adam" ? "Adam" : args.optim == "sgd" ? "SGD"
      : args.optim == "rmsprop" ? "RMSprop" : args.optim == "adagrad" ? "Adagrad" : args.optim
    let spec = OptimizerSpec(className: name, kind: .arguments(optim: args.optim), learningRate: args.learningRate, model: nil)
    let cls: NativeClass = optimizerClasses.first { $0.type.name == name } ?? optimizerBaseClass
    return cls.instance(wrapping: spec)
  }
}
