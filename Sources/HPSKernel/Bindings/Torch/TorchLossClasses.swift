// torch.nn's loss modules (CrossEntropyLoss, MSELoss, L1Loss, SmoothL1Loss, HuberLoss) and the
// matching torch.nn.functional functions, with torch's keywords and defaults.
import HPSScript

/// A configured loss module: what `loss_fct(input, target)` computes.
struct LossSpec {
  enum Kind {
    case crossEntropy(weight: TensorNode?, ignoreIndex: Int, labelSmoothing: Double)
    case elementwise(TensorLosses.Elementwise)
  }
  let className: String
  let kind: Kind
  let reduction: Reduction

  func apply(_ input: TensorNode, _ target: TensorNode) throws -> TensorNode {
    switch kind {
    case .crossEntropy(let weight, let ignoreIndex, let smoothing):
      return try TensorLosses.crossEntropy(input, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction,
                                           labelSmoothing: smoothing)
    case .elementwise(let e):
      return try TensorLosses.elementwise(e, input, target, reduction: reduction)
    }
  }

  var describe: String {
    var parts: [String] = []
    if case .crossEntropy(let w, _, let s) = kind {
      if let w { parts.append("weight=\(TorchBindings.format(w))") }
      if s != 0 { parts.append("label_smoothing=\(s)") }
    }
    if reduction != .mean { parts.append("reduction='\(reduction.rawValue)'") }
    return "\(className)(" + parts.joined(separator: ", ") + ")"
  }
}

final class LossModuleBox {
  let spec: LossSpec
  init(_ spec: LossSpec) { self.spec = spec }
}

extension TorchBindings {
  /// The keywords every torch loss shares (size_average and reduce are torch's deprecated pair).
  private static let legacyReduction: [Signature.Parameter] = [.init("size_average", default: Value.none), .init("reduce", default: Value.none)]

  private func reduction(_ a: BoundArguments, _ vm: VM) throws -> Reduction {
    if a.names.contains("size_average"), !a["size_average"].isNone || !a["reduce"].isNone {
      throw vm.error("ValueError", "hps's torch does not take the deprecated size_average and reduce arguments; use reduction='mean', 'sum' or 'none'")
    }
    guard let r = a["reduction"].asString else { throw vm.error("TypeError", "reduction must be a str") }
    return try bridged(vm) { try Reduction.parse(r) }
  }

  private func number(_ a: BoundArguments, _ name: String, _ vm: VM) throws -> Double {
    guard let d = a[name].asDouble else { throw vm.error("TypeError", "\(name) must be a number, got \(a[name].typeName)") }
    return d
  }

  /// The spec a loss module's constructor (or the functional form's keywords) describe.
  private func lossSpec(_ className: String, _ a: BoundArguments, _ vm: VM) throws -> LossSpec {
    let reduction = try self.reduction(a, vm)
    switch className {
    case "CrossEntropyLoss":
      var weight: TensorNode?
      if !a["weight"].isNone {
        weight = try tensor(a["weight"], vm, role: "weight")
        guard weight?.shape.count == 1 else { throw vm.error("RuntimeError", "weight tensor should be 1-D, got shape \(TensorNode.describe(weight?.shape ?? []))") }
      }
      guard case .int(let ignore) = a["ignore_index"] else { throw vm.error("TypeError", "ignore_index must be an int") }
      return LossSpec(className: className, kind: .crossEntropy(weight: weight?.converted(integral: false), ignoreIndex: ignore,
                                                                labelSmoothing: try number(a, "label_smoothing", vm)),
                      reduction: reduction)
    case "MSELoss": return LossSpec(className: className, kind: .elementwise(.squared), reduction: reduction)
    case "L1Loss": return LossSpec(className: className, kind: .elementwise(.absolute), reduction: reduction)
    case "BCEWithLogitsLoss":
      for name in ["weight", "pos_weight"] where !a[name].isNone {
        throw vm.error("NotImplementedError", "hps's BCEWithLogitsLoss supports \(name)=None only")
      }
      return LossSpec(className: className, kind: .elementwise(.binaryCrossEntropyWithLogits), reduction: reduction)
    case "SmoothL1Loss":
      let beta = try number(a, "beta", vm)
      guard beta >= 0 else { throw vm.error("RuntimeError", "smooth_l1_loss does not support negative values for beta.") }
      return LossSpec(className: className, kind: .elementwise(.smoothL1(beta: beta)), reduction: reduction)
    default:
      let delta = try number(a, "delta", vm)
      guard delta > 0 else { throw vm.error("RuntimeError", "huber_loss does not support non-positive values for delta.") }
      return LossSpec(className: className, kind: .elementwise(.huber(delta: delta)), reduction: reduction)
    }
  }

  /// Each loss: its class name, functional name, keywords (after input/target for the functional
  /// form) and what it computes.
  private static let lossTable: [(cls: String, function: String, keywords: [Signature.Parameter], doc: String)] = [
    ("CrossEntropyLoss", "cross_entropy",
     [.init("weight", default: Value.none), .init("size_average", default: Value.none), .init("ignore_index", default: .int(-100)),
      .init("reduce", default: Value.none), .init("reduction", default: .str("mean")), .init("label_smoothing", default: .float(0))],
     "Softmax cross-entropy of (N, C) logits against (N,) class ids; weight (C,) rescales classes (the mean then divides by the summed target weights), label_smoothing mixes in ε/C of the uniform distribution, targets equal to ignore_index are skipped."),
    ("MSELoss", "mse_loss", legacyReduction + [.init("reduction", default: .str("mean"))],
     "Mean squared error between input and target (same shape)."),
    ("L1Loss", "l1_loss", legacyReduction + [.init("reduction", default: .str("mean"))],
     "Mean absolute error between input and target (same shape)."),
    ("BCEWithLogitsLoss", "binary_cross_entropy_with_logits",
     [.init("weight", default: Value.none)] + legacyReduction + [.init("reduction", default: .str("mean")), .init("pos_weight", default: Value.none)],
     "Sigmoid + binary cross-entropy of logits against 0/1 (or probability) targets of the same shape, for multi-label models; weight and pos_weight must be None."),
    ("SmoothL1Loss", "smooth_l1_loss", legacyReduction + [.init("reduction", default: .str("mean")), .init("beta", default: .float(1))],
     "0.5·d²/beta where |d| < beta, else |d| − 0.5·beta, for d = input − target."),
    ("HuberLoss", "huber_loss", [.init("reduction", default: .str("mean")), .init("delta", default: .float(1))],
     "0.5·d² where |d| ≤ delta, else delta·(|d| − 0.5·delta), for d = input − target."),
  ]

  func makeLossClasses() -> [NativeClass] {
    TorchBindings.lossTable.map { entry in
      NativeClass(
        name: entry.cls, module: "torch.nn", doc: entry.doc + " Call it as loss_fct(input, target).",
        initializer: NativeFunction("__init__", Signature([.init("self")] + entry.keywords)) { [unowned self] vm, a in
          guard case .instance(let inst) = a[0] else { return .none }
          inst.native = LossModuleBox(try self.lossSpec(entry.cls, a, vm))
          return .none
        },
        methods: [
          NativeFunction("__call__", Signature([.init("self"), .init("input"), .init("target")]), doc: "The loss of input against target (a tensor).") { [unowned self] vm, a in
            let spec = try payload(a[0], LossModuleBox.self, vm, entry.cls).spec
            let input = try self.tensor(a["input"], vm, role: "input"), target = try self.tensor(a["target"], vm, role: "target")
            return self.wrap(try bridged(vm) { try spec.apply(input, target) })
          },
          NativeFunction("forward", Signature([.init("self"), .init("input"), .init("target")]), doc: "Same as calling the module.") { vm, a in
            try vm.callValue(a[0], [a["input"], a["target"]])
          },
          NativeFunction("__repr__", Signature([.init("self")])) { vm, a in .str(try payload(a[0], LossModuleBox.self, vm, entry.cls).spec.describe) },
        ])
    }
  }

  func makeFunctionalLosses() -> [NativeFunction] {
    TorchBindings.lossTable.map { entry in
      NativeFunction(entry.function, Signature([.init("input"), .init("target")] + entry.keywords),
                     doc: entry.doc) { [unowned self] vm, a in
        let spec = try self.lossSpec(entry.cls, a, vm)
        let input = try self.tensor(a["input"], vm, role: "input"), target = try self.tensor(a["target"], vm, role: "target")
        return self.wrap(try bridged(vm) { try spec.apply(input, target) })
      }
    }
  }
}
