// The Trainer's overridable training hooks for scripts: compute_loss (a torch loss over the
// step's logits, back-propagated natively) and create_optimizer_and_scheduler / create_optimizer /
// create_scheduler (torch.optim specifications the engine runs). The engine sees two closures
// (Trainer.lossHook, Trainer.optimizerHook); script calls go through the gate (the interpreter
// lock).
import Foundation
import HPSNumerics
import HPSScript
import HPSTraining

extension TransformersBindings {
  private func hookMethod(_ name: String, _ params: [Signature.Parameter], doc: String,
                          _ body: @escaping (VM, TrainerBox, BoundArguments) throws -> Value) -> NativeFunction {
    NativeFunction(name, Signature([.init("self")] + params), doc: doc) { [unowned self] vm, a in
      try body(vm, try self.trainerBox(a[0], vm), a)
    }
  }

  /// Transformers' defaults, which a subclass may override or call through super().
  func hookMethods() -> [NativeFunction] {
    [
      hookMethod("create_optimizer", [],
                 doc: "Sets self.optimizer, unless already set, to the optimizer TrainingArguments describe (optim, learning_rate, weight_decay, adam_*); returns it. Override it (or create_optimizer_and_scheduler) to use a torch.optim optimizer.") {
        [unowned self] vm, box, _ in
        guard box.optimizerValue.isNone else { return box.optimizerValue }
        if let pair = box.optimizerClsAndKwargs.asArray, pair.count == 2 {
          let kwargs: Kwargs = try vm.dictItems(pair[1]).map { (try self.keyword($0.0, vm), $0.1) }
          let model = try ModelBindings.unwrap(try self.modelValue(box, vm), vm, role: "self.model")
          box.optimizerValue = try vm.callValue(pair[0], [self.torch.parameters(of: model)], kwargs)
          _ = try self.torch.optimizerSpec(box.optimizerValue, vm)
        } else {
          box.optimizerValue = self.torch.argumentsOptimizer(try self.liveArguments(box, vm))
        }
        return box.optimizerValue
      },
      hookMethod("create_scheduler", [.init("num_training_steps"), .init("optimizer", default: Value.none)],
                 doc: "Sets self.lr_scheduler, unless already set, to the schedule of args.lr_scheduler_type (with args' warmup) over `optimizer` (default self.optimizer); returns it.") {
        [unowned self] vm, box, a in
        guard case .int = a["num_training_steps"] else { throw vm.error("TypeError", "num_training_steps must be an int") }
        if box.schedulerValue.isNone {
          let optimizer = a["optimizer"].isNone ? box.optimizerValue : a["optimizer"]
          if optimizer.isNone { throw vm.error("RuntimeError", "create_scheduler needs an optimizer: set self.optimizer (or call self.create_optimizer()) first") }
          box.schedulerValue = try self.torch.scheduler(optimizer, .arguments, vm)
        }
        return box.schedulerValue
      },
      hookMethod("create_optimizer_and_scheduler", [.init("num_training_steps")],
                 doc: "Called by train() (and in every search trial) before the first step: self.create_optimizer(), then self.create_scheduler(num_training_steps, optimizer=self.optimizer). Override it to set self.optimizer (torch.optim.SGD/Adam/AdamW/Adagrad/RMSprop over self.model.parameters()) and self.lr_scheduler (transformers.get_scheduler(...) and friends).") {
        vm, box, a in
        guard let inst = box.instance else { return .none }
        _ = try vm.invokeMethod(.instance(inst), "create_optimizer", [])
        _ = try vm.invokeMethod(.instance(inst), "create_scheduler", [a["num_training_steps"]], [("optimizer", box.optimizerValue)])
        return .none
      },
      hookMethod("compute_loss", [.init("model"), .init("inputs"), .init("return_outputs", default: .bool(false)),
                                  .init("num_items_in_batch", default: Value.none)],
                 doc: "The loss of one batch: outputs = model(**inputs) and the Trainer's loss over outputs.logits and inputs['labels'] (with args.label_smoothing_factor); returns loss, or (loss, outputs) with return_outputs. Override it to return a torch loss (torch.nn.CrossEntropyLoss(weight=...), ...) of the logits; train() back-propagates it.") {
        [unowned self] vm, box, a in
        let inputs = try vm.dictItems(a["inputs"])
        var kwargs: Kwargs = []
        var labels: Value = .none
        for (k, v) in inputs {
          guard let key = k.asString else { throw vm.error("TypeError", "inputs keys must be str") }
          if key == "labels" { labels = v }
          kwargs.append((key, v))
        }
        if !box.computeLossFunc.isNone {
          // Transformers pops the labels before the forward pass when compute_loss_func is set.
          let outputs = try vm.callValue(a["model"], [], kwargs.filter { $0.0 != "labels" })
          let loss = try vm.callValue(box.computeLossFunc, [outputs, labels], [("num_items_in_batch", a["num_items_in_batch"])])
          return try self.builtins.truthy(vm, a["return_outputs"]) ? .tuple([loss, outputs]) : loss
        }
        let outputs = try vm.callValue(a["model"], [], kwargs)
        guard let out = NativeClass.payload(outputs, as: ModelOutputBox.self), let logits = NativeClass.payload(out.logits, as: TensorBox.self) else {
          throw vm.error("TypeError", "compute_loss: the model returned \(outputs.typeName), not model outputs")
        }
        if labels.isNone { throw vm.error("ValueError", "The model did not return a loss from the inputs, only the following keys: logits. For reference, the inputs it received are \(inputs.compactMap { $0.0.asString }.joined(separator: ",")).") }
        let lossFunction = box.current.lossFunction
        let labelNode = try self.torch.tensor(labels, vm, role: "inputs['labels']")
        let loss = self.torch.wrap(try bridged(vm) { try TorchBindings.nativeLoss(lossFunction, logits: logits.node, labels: labelNode) })
        return try self.builtins.truthy(vm, a["return_outputs"]) ? .tuple([loss, outputs]) : loss
      },
    ]
  }

  func hookProperties() -> [NativeProperty] {
    func settable(_ name: String, doc: String, get: @escaping (TrainerBox) -> Value, set: @escaping (TrainerBox, Value) -> Void,
                  check: @escaping (Value, VM) throws -> Void) -> NativeProperty {
      NativeProperty(
        name, doc: doc,
        get: { [unowned self] vm, i in get(try self.trainerBox(.instance(i), vm)) },
        set: { [unowned self] vm, i, v in
          if !v.isNone { try check(v, vm) }
          set(try self.trainerBox(.instance(i), vm), v)
        })
    }
    return [
      settable("optimizer", doc: "The torch.optim optimizer of the next run (None: built from args by create_optimizer).",
               get: { $0.optimizerValue }, set: { $0.optimizerValue = $1 }) { [unowned self] v, vm in _ = try self.torch.optimizerSpec(v, vm) },
      settable("lr_scheduler", doc: "The schedule of the next run (None: built from args by create_scheduler).",
               get: { $0.schedulerValue }, set: { $0.schedulerValue = $1 }) { v, vm in
        guard NativeClass.payload(v, as: SchedulerSpec.self) != nil else {
          throw vm.error("TypeError", "lr_scheduler must come from transformers.get_scheduler(...) or a get_*_schedule function, got \(v.typeName)")
        }
      },
    ]
  }

  /// The arguments of the run being prepared (a trial's copy inside a search).
  private func liveArguments(_ box: TrainerBox, _ vm: VM) throws -> TrainingArguments {
    if let engine = box.activeEngine { return engine.args }
    return try arguments(box.argsValue, vm).args
  }

  /// Trainer(optimizers=(optimizer, scheduler)): a torch.optim optimizer (or None) and a schedule (or None).
  func checkGivenOptimizers(_ pair: [Value], _ vm: VM) throws {
    guard pair.count == 2 else { throw vm.error("ValueError", "optimizers must be a tuple (optimizer, lr_scheduler)") }
    if !pair[0].isNone { _ = try torch.optimizerSpec(pair[0], vm) }
    if !pair[1].isNone, NativeClass.payload(pair[1], as: SchedulerSpec.self) == nil {
      throw vm.error("TypeError", "optimizers[1] must be a schedule from transformers.get_scheduler(...) (or None), got \(pair[1].typeName)")
    }
  }

  private func keyword(_ key: Value, _ vm: VM) throws -> String {
    guard let s = key.asString else { throw vm.error("TypeError", "optimizer_cls_and_kwargs: keyword names must be str, got \(key.typeName)") }
    return s
  }

  /// Trainer(compute_loss_func=..., optimizer_cls_and_kwargs=...) with Transformers' checks.
  func setLossAndOptimizerArguments(_ box: TrainerBox, lossFunc: Value, optimizerClsAndKwargs: Value, optimizersGiven: Bool, _ vm: VM) throws {
    if !lossFunc.isNone {
      guard vm.isCallableValue(lossFunc) else { throw vm.error("TypeError", "compute_loss_func must be callable, got \(lossFunc.typeName)") }
      box.computeLossFunc = lossFunc
    }
    guard !optimizerClsAndKwargs.isNone else { return }
    if optimizersGiven {
      throw vm.error("RuntimeError", "Passing both `optimizers` and `optimizer_cls_and_kwargs` arguments is incompatible.")
    }
    guard let pair = optimizerClsAndKwargs.asArray, pair.count == 2, vm.isCallableValue(pair[0]) else {
      throw vm.error("TypeError", "optimizer_cls_and_kwargs must be (optimizer_class, kwargs), e.g. (torch.optim.SGD, {\"lr\": 0.1}), got \(vm.reprOrType(optimizerClsAndKwargs))")
    }
    _ = try vm.dictItems(pair[1])
    box.optimizerClsAndKwargs = optimizerClsAndKwargs
  }

  // MARK: Engine hooks

  /// With create_optimizer_and_scheduler (or create_optimizer / create_scheduler) overridden, or
  /// optimizers= given, each run's optimizer and schedule come from the script's self.optimizer
  /// and self.lr_scheduler. As in Transformers, a model_init Trainer starts every run with both None.
  func installOptimizerOverride(_ box: TrainerBox, engine: Trainer, _ vm: VM) {
    guard let inst = box.instance else { return }
    let overridden = ["create_optimizer_and_scheduler", "create_optimizer", "create_scheduler"].contains { inst.cls.overrides($0) }
    guard overridden || box.hasGivenOptimizers || !box.optimizerClsAndKwargs.isNone else { return }
    let gate = self.gate, torch = self.torch
    engine.optimizerHook = { [weak engine, weak box, weak inst] steps, argumentsSchedule in
      guard let engine, let box, let inst else { throw TrainerError.runtime("the trainer is no longer alive") }
      return try gate.perform {
        let previous = box.activeEngine
        box.activeEngine = engine
        defer { box.activeEngine = previous }
        if !box.modelInit.isNone { (box.optimizerValue, box.schedulerValue) = (.none, .none) }
        _ = try vm.invokeMethod(.instance(inst), "create_optimizer_and_scheduler", [.int(steps)])
        let owner = "\(inst.cls.name).create_optimizer_and_scheduler"
        guard !box.optimizerValue.isNone else {
          throw vm.error("RuntimeError", "\(owner) left self.optimizer None; set it (self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=...)) or call super().create_optimizer_and_scheduler(num_training_steps)")
        }
        guard let schedule = NativeClass.payload(box.schedulerValue, as: SchedulerSpec.self) else {
          throw vm.error("RuntimeError", "\(owner) left self.lr_scheduler None; set it (self.lr_scheduler = get_scheduler(\"linear\", self.optimizer, 0, num_training_steps)) or call self.create_scheduler(num_training_steps, self.optimizer)")
        }
        let spec = try torch.optimizerSpec(box.optimizerValue, vm)
        guard schedule.optimizer === spec else {
          throw vm.error("ValueError", "self.lr_scheduler was made for a different optimizer than self.optimizer")
        }
        let optimizer = try bridged(vm) { try spec.engineOptimizer(for: engine) }
        return (optimizer, schedule.schedule(fromArguments: argumentsSchedule))
      }
    }
  }

  /// A compute_loss override runs for every training batch and every evaluation batch (as
  /// Transformers' prediction_step calls it with return_outputs=True); its loss's gradient in the
  /// logits goes back into the native model.
  func installLossOverride(_ box: TrainerBox, engine: Trainer, _ vm: VM) {
    guard let inst = box.instance, inst.cls.overrides("compute_loss") || !box.computeLossFunc.isNone else { return }
    let gate = self.gate, torch = self.torch
    // Overrides written for Transformers before 4.46 have no num_items_in_batch parameter.
    let signature = (try? builtins.attribute(vm, .instance(inst), "compute_loss")).map { vm.describeCallable($0).signature } ?? ""
    let passesItemCount = signature.contains("num_items_in_batch") || signature.contains("**")
    let owner = "\(inst.cls.name).compute_loss"
    engine.lossHook = { [weak engine, weak box, weak inst, unowned self] batch in
      guard let engine, let box, let inst, let model = engine.model else { throw TrainerError.runtime("the trainer is no longer alive") }
      return try gate.perform {
        let previous = box.activeEngine, previousStep = torch.activeStep
        box.activeEngine = engine
        defer {
          box.activeEngine = previous
          torch.activeStep = previousStep
        }
        let (rows, cols) = (batch.logits.rows, batch.logits.cols)
        let features = TensorNode(shape: [rows, batch.features.cols], data: batch.features.values.map(Double.init))
        let logits = TensorNode(shape: [rows, cols], data: batch.logits.values.map(Double.init), isGradientLeaf: true)
        let labels: TensorNode
        if let ids = batch.classIDs {
          labels = TensorNode(shape: [rows], data: ids.map(Double.init), isIntegral: true)
        } else if let t = batch.targets {
          labels = TensorNode(shape: t.cols == 1 ? [rows] : [rows, t.cols], data: t.values.map(Double.init))
        } else {
          throw TrainerError.runtime("the batch has no labels")
        }
        torch.activeStep = LossStep(model: model, features: features, logits: logits)
        let inputs = try vm.makeDict([("input_features", torch.wrap(features)), ("labels", torch.wrap(labels))])
        var kwargs: Kwargs = batch.training ? [] : [("return_outputs", .bool(true))]
        if batch.training && passesItemCount { kwargs.append(("num_items_in_batch", .int(rows))) }
        let result = try vm.invokeMethod(.instance(inst), "compute_loss", [try self.modelValue(box, vm), inputs], kwargs)
        let loss = try self.returnedLoss(result, returnOutputs: !batch.training, owner: owner, vm)
        guard batch.training else { return LossResult(loss: loss.data[0], logitsGradient: nil) }
        let gradients = try bridged(vm) { try loss.gradients() }
        var g = Matrix(rows: rows, cols: cols)
        if let (_, d) = gradients[ObjectIdentifier(logits)] {
          for i in 0..<(rows * cols) { g.storage[i] = Float(d[i]) }
        } else {
          throw vm.error("RuntimeError", "\(owner) returned a loss that does not depend on this step's logits (compute it from model(**inputs).logits)")
        }
        return LossResult(loss: loss.data[0], logitsGradient: g)
      }
    }
  }

  /// The loss tensor compute_loss returned: a one-element tensor, or (loss, outputs) when
  /// return_outputs was requested.
  private func returnedLoss(_ result: Value, returnOutputs: Bool, owner: String, _ vm: VM) throws -> TensorNode {
    var value = result
    if case .tuple(let items) = result {
      guard returnOutputs else {
        throw vm.error("TypeError", "\(owner) returned a tuple but was called with return_outputs=False; return the loss tensor (`return (loss, outputs) if return_outputs else loss`)")
      }
      guard let first = items.first else { throw vm.error("TypeError", "\(owner) returned an empty tuple; expected (loss, outputs)") }
      value = first
    }
    guard let box = NativeClass.payload(value, as: TensorBox.self) else {
      throw vm.error("TypeError", "\(owner) must return a loss tensor (torch.Tensor)\(returnOutputs ? " or (loss, outputs)" : ""), got \(value.typeName)\(value.asDouble != nil ? " (a Python number carries no gradient; build the loss from the logits with torch.nn losses)" : "")")
    }
    guard box.node.count == 1 else {
      throw vm.error("RuntimeError", "\(owner) returned a tensor of shape \(TensorNode.describe(box.node.shape)); the loss must be a single value (use reduction='mean' or .mean())")
    }
    return box.node
  }
}
