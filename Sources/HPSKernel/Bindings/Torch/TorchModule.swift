// The `torch` package of one interpreter: the deliberate subset a Trainer subclass needs
// (torch.tensor, torch.nn losses, torch.nn.functional, torch.optim, torch.optim.lr_scheduler).
// Anything else is an AttributeError / ImportError that says what hps's torch offers.
import HPSScript
import HPSTraining

final class TorchBindings {
  let builtins: ScriptBuiltins
  private(set) var tensorClass: NativeClass!
  private(set) var lossClasses: [NativeClass] = []
  private(set) var optimizerBaseClass: NativeClass!
  private(set) var optimizerClasses: [NativeClass] = []
  private(set) var schedulerClass: NativeClass!
  private(set) var parameterClass: NativeClass!
  private(set) var parametersClass: NativeClass!
  private(set) var outputClass: NativeClass!
  /// The training or evaluation step whose compute_loss is running (model(**inputs) answers for it).
  var activeStep: LossStep?

  init(builtins: ScriptBuiltins) {
    self.builtins = builtins
    tensorClass = makeTensorClass()
    lossClasses = makeLossClasses()
    optimizerBaseClass = makeOptimizerBaseClass()
    optimizerClasses = makeOptimizerClasses()
    schedulerClass = makeSchedulerClass()
    parameterClass = makeParameterClass()
    parametersClass = makeParametersClass()
    outputClass = makeOutputClass()
  }

  /// What each module offers, for the errors about everything else.
  static let offered: [String: [String]] = [
    "torch": ["tensor", "Tensor", "float32", "float", "int64", "long", "device", "nn", "optim"],
    "torch.nn": ["CrossEntropyLoss", "BCEWithLogitsLoss", "MSELoss", "L1Loss", "SmoothL1Loss", "HuberLoss", "Parameter", "functional"],
    "torch.nn.functional": ["cross_entropy", "binary_cross_entropy_with_logits", "mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss"],
    "torch.optim": ["Optimizer", "SGD", "Adam", "AdamW", "Adagrad", "RMSprop", "lr_scheduler"],
    "torch.optim.lr_scheduler": ["LambdaLR", "LRScheduler"],
  ]

  /// PEP 562's module `__getattr__`: a missing name says what the module has.
  private static func missing(_ module: String) -> NativeFunction {
    NativeFunction("__getattr__", Signature([.init("name")])) { vm, a in
      let name = a["name"].asString ?? "?"
      throw vm.error("AttributeError", "module '\(module)' has no attribute '\(name)' (hps's torch is a small subset for Trainer subclasses: \(module) offers \((offered[module] ?? []).joined(separator: ", ")); see docs/scripting.md)")
    }
  }

  func register(in interpreter: Interpreter) {
    let tensorFunction = NativeFunction(
      "tensor", Signature([.init("data"), .init("dtype", default: Value.none, keywordOnly: true), .init("device", default: Value.none, keywordOnly: true),
                           .init("requires_grad", default: .bool(false), keywordOnly: true)]),
      doc: "A tensor from a number or nested lists of numbers (ints give torch.int64, floats torch.float32); device is ignored, dtype converts. Used for class weights: torch.tensor([1.0, 3.0])."
    ) { [unowned self] vm, a in
      if try self.builtins.truthy(vm, a["requires_grad"]) {
        throw vm.error("NotImplementedError", "hps's tensors get gradients only through the model's logits; requires_grad=True is not supported")
      }
      let (shape, values, integral) = try TorchBindings.build(a["data"], vm)
      var node = TensorNode(shape: shape, data: values, isIntegral: integral)
      if let dtype = a["dtype"].asString { node = node.converted(integral: try bridged(vm) { try TorchDType.isIntegral(dtype) }) }
      return self.wrap(node)
    }
    let device = NativeFunction("device", Signature([.init("type"), .init("index", default: Value.none)]), doc: "hps runs on the CPU: returns 'cpu'.") { vm, a in
      guard a["type"].asString?.hasPrefix("cpu") == true else {
        throw vm.error("RuntimeError", "hps runs on the CPU; torch.device(\(vm.reprOrType(a["type"]))) is not available")
      }
      return .str("cpu")
    }
    interpreter.registerModule(NativeModule("torch", doc: "hps's torch: the subset a Transformers Trainer subclass needs (tensors for compute_loss, torch.nn losses, torch.optim optimizers). See docs/scripting.md.") {
      [unowned self] vm in
      [
        ("tensor", Value(tensorFunction)), ("Tensor", self.tensorClass.value), ("device", Value(device)),
        ("float32", .str(TorchDType.float32)), ("float", .str(TorchDType.float32)), ("int64", .str(TorchDType.int64)), ("long", .str(TorchDType.int64)),
        ("__version__", .str("hps-subset")), ("__getattr__", Value(TorchBindings.missing("torch"))),
        ("nn", try self.builtins.importModule(vm, "torch.nn")), ("optim", try self.builtins.importModule(vm, "torch.optim")),
      ]
    })
    interpreter.registerModule(NativeModule("torch.nn", doc: "Loss modules (CrossEntropyLoss, BCEWithLogitsLoss, MSELoss, L1Loss, SmoothL1Loss, HuberLoss) and functional.") {
      [unowned self] vm in
      self.lossClasses.map { ($0.type.name, $0.value) } + [
        ("Parameter", self.parameterClass.value), ("__getattr__", Value(TorchBindings.missing("torch.nn"))),
        ("functional", try self.builtins.importModule(vm, "torch.nn.functional")),
      ]
    })
    interpreter.registerModule(NativeModule("torch.nn.functional", doc: "cross_entropy, binary_cross_entropy_with_logits, mse_loss, l1_loss, smooth_l1_loss, huber_loss.") { [unowned self] _ in
      self.makeFunctionalLosses().map { ($0.name, Value($0)) } + [("__getattr__", Value(TorchBindings.missing("torch.nn.functional")))]
    })
    interpreter.registerModule(NativeModule("torch.optim", doc: "SGD, Adam, AdamW, Adagrad and RMSprop over model.parameters(), as specifications the Trainer runs natively.") {
      [unowned self] vm in
      [("Optimizer", self.optimizerBaseClass.value)] + self.optimizerClasses.map { ($0.type.name, $0.value) } + [
        ("__getattr__", Value(TorchBindings.missing("torch.optim"))),
        ("lr_scheduler", try self.builtins.importModule(vm, "torch.optim.lr_scheduler")),
      ]
    })
    interpreter.registerModule(NativeModule("torch.optim.lr_scheduler", doc: "LambdaLR, the type Transformers' schedule functions return.") { [unowned self] _ in
      [("LambdaLR", self.schedulerClass.value), ("LRScheduler", self.schedulerClass.value),
       ("__getattr__", Value(TorchBindings.missing("torch.optim.lr_scheduler")))]
    })
  }
}
