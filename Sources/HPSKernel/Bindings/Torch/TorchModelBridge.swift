// Where torch meets the Trainer's model: model.parameters() for optimizers, and model(**inputs)
// inside compute_loss, which answers with the current step's logits (computed natively) as a
// tensor leaf the loss is differentiated against.
import Foundation
import HPSNumerics
import HPSScript
import HPSTraining

/// The step whose compute_loss is running: its model, the inputs handed to the script and the
/// logits the native forward pass produced.
struct LossStep {
  let model: Model
  let features: TensorNode
  let logits: TensorNode
}

final class ModelOutputBox {
  let loss: Value
  let logits: Value
  init(loss: Value, logits: Value) {
    self.loss = loss
    self.logits = logits
  }
  /// The non-None fields in Transformers' order (what to_tuple() and integer indexing see).
  var fields: [(String, Value)] { (loss.isNone ? [] : [("loss", loss)]) + [("logits", logits)] }
}

extension TorchBindings {
  /// The mean loss an engine `Loss` gives (the model's own, or the Trainer's default with label
  /// smoothing) as a tensor node differentiable in the logits.
  static func nativeLoss(_ loss: Loss, logits: TensorNode, labels: TensorNode) throws -> TensorNode {
    guard logits.shape.count == 2 else { throw TensorError.runtime("logits must have shape (N, num_labels)") }
    let (rows, cols) = (logits.shape[0], logits.shape[1])
    let isClasses: Bool = { if case .crossEntropy = loss { return true } else { return false } }()
    if isClasses {
      guard labels.count == rows else { throw TensorError.value("Expected input batch_size (\(rows)) to match target batch_size (\(labels.count)).") }
      if let bad = labels.data.first(where: { Int($0) < 0 || Int($0) >= cols }) { throw TensorError.runtime("Target \(Int(bad)) is out of bounds.") }
    } else if labels.count != rows * cols {
      throw TensorError.runtime("labels have \(labels.count) values but the logits have shape \(TensorNode.describe(logits.shape))")
    }
    let z = logits.data.map { Float($0) }
    let ids = labels.data.map { Int32($0) }, targets = labels.data.map { Float($0) }
    var grad = [Float](repeating: 0, count: rows * cols)
    let denominator = loss.denominator(rows: rows, cols: cols)
    guard rows > 0 else { throw TensorError.runtime("the batch is empty") }
    let sum = z.withUnsafeBufferPointer { pz in
      ids.withUnsafeBufferPointer { pl in
        targets.withUnsafeBufferPointer { pt in
          grad.withUnsafeMutableBufferPointer { pg -> Double in
            guard let logitsPointer = pz.baseAddress else { return .nan }
            return loss.evaluate(logits: logitsPointer, rows: rows, cols: cols, labels: isClasses ? pl.baseAddress : nil,
                                 targets: isClasses ? nil : pt.baseAddress, grad: pg.baseAddress, gradScale: 1 / Float(denominator))
          }
        }
      }
    }
    let name: String = {
      switch loss {
      case .crossEntropy: return "NllLossBackward0"
      case .binaryCrossEntropy: return "BinaryCrossEntropyWithLogitsBackward0"
      case .meanSquaredError: return "MseLossBackward0"
      }
    }()
    let gradient = grad.map { Double($0) }
    return TensorNode(shape: [], data: [sum / Double(denominator)], parents: [logits, labels], operation: name) { g in
      [gradient.map { $0 * g[0] }, nil]
    }
  }

  /// model(**inputs) inside compute_loss: the step's logits (and, given labels, the model's loss).
  func callModel(_ box: ModelBox, _ a: BoundArguments, _ vm: VM) throws -> Value {
    if let unexpected = a.kwargs.first {
      throw vm.error("TypeError", "forward() got an unexpected keyword argument '\(unexpected.0)' (hps models take input_features and labels)")
    }
    guard let step = activeStep else {
      throw vm.error("RuntimeError", "hps models run natively: model(**inputs) works inside a Trainer's compute_loss only (use trainer.predict() for predictions)")
    }
    guard let model = box.model, model === step.model else {
      throw vm.error("RuntimeError", "model(**inputs) inside compute_loss must call the model compute_loss received (self.model)")
    }
    guard let features = NativeClass.payload(a["input_features"], as: TensorBox.self)?.node, features === step.features else {
      throw vm.error("RuntimeError", "model(**inputs) inside compute_loss must be given this step's inputs['input_features']")
    }
    var loss: Value = .none
    if !a["labels"].isNone {
      let labels = try tensor(a["labels"], vm, role: "labels")
      loss = wrap(try bridged(vm) { try TorchBindings.nativeLoss(model.loss, logits: step.logits, labels: labels) })
    }
    return outputClass.instance(wrapping: ModelOutputBox(loss: loss, logits: wrap(step.logits)))
  }

  func makeOutputClass() -> NativeClass {
    func output(_ v: Value, _ vm: VM) throws -> ModelOutputBox { try payload(v, ModelOutputBox.self, vm, "SequenceClassifierOutput") }
    return NativeClass(
      name: "SequenceClassifierOutput", module: "transformers.modeling_outputs",
      doc: "What model(**inputs) returns inside compute_loss: logits (a tensor of shape (N, num_labels)) and, when labels were given, loss. Read as outputs.logits, outputs[\"logits\"], outputs.get(\"logits\") or outputs[0].",
      subclassable: false,
      initializer: NativeFunction("__init__", signature: "(self, *args, **kwargs)") { vm, _, _ in
        throw vm.error("TypeError", "SequenceClassifierOutput objects come from calling the model inside compute_loss")
      },
      methods: [
        NativeFunction("__getitem__", Signature([.init("self"), .init("key")])) { vm, a in
          let o = try output(a[0], vm)
          if case .int(let i) = a["key"] {
            let f = o.fields
            guard i >= -f.count && i < f.count else { throw vm.error("IndexError", "tuple index out of range") }
            return f[(i + f.count) % f.count].1
          }
          guard let key = a["key"].asString, let v = o.fields.first(where: { $0.0 == key }) else {
            throw vm.error("KeyError", vm.reprOrType(a["key"]))
          }
          return v.1
        },
        NativeFunction("get", Signature([.init("self"), .init("key"), .init("default", default: Value.none)]), doc: "A field by name, or default.") { vm, a in
          let o = try output(a[0], vm)
          return o.fields.first { $0.0 == a["key"].asString }?.1 ?? a["default"]
        },
        NativeFunction("keys", Signature([.init("self")]), doc: "The names of the fields that are set.") { vm, a in
          Value(try output(a[0], vm).fields.map { .str($0.0) })
        },
        NativeFunction("to_tuple", Signature([.init("self")]), doc: "The fields that are set, as a tuple.") { vm, a in
          .tuple(try output(a[0], vm).fields.map(\.1))
        },
        NativeFunction("__len__", Signature([.init("self")])) { vm, a in .int(try output(a[0], vm).fields.count) },
        NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
          let o = try output(a[0], vm)
          return .str("SequenceClassifierOutput(" + o.fields.map { "\($0.0)=\(vm.reprOrType($0.1))" }.joined(separator: ", ") + ")")
        },
      ],
      properties: [
        NativeProperty("logits", doc: "The step's logits, shape (N, num_labels).") { vm, i in try output(.instance(i), vm).logits },
        NativeProperty("loss", doc: "The model's own loss for the labels passed (None without labels).") { vm, i in try output(.instance(i), vm).loss },
        NativeProperty("hidden_states", doc: "Always None.") { _, _ in .none },
        NativeProperty("attentions", doc: "Always None.") { _, _ in .none },
      ])
  }

  func makeParameterClass() -> NativeClass {
    func parameter(_ v: Value, _ vm: VM) throws -> ParameterBox { try payload(v, ParameterBox.self, vm, "Parameter") }
    return NativeClass(
      name: "Parameter", module: "torch.nn", doc: "One trainable tensor of a model (an item of model.parameters()).", subclassable: false,
      initializer: NativeFunction("__init__", signature: "(self, *args)") { vm, _, _ in
        throw vm.error("NotImplementedError", "hps models own their parameters; get them from model.parameters()")
      },
      methods: [
        NativeFunction("numel", Signature([.init("self")]), doc: "The number of values.") { vm, a in .int(try parameter(a[0], vm).parameter.value.count) },
        NativeFunction("size", Signature([.init("self")]), doc: "The shape.") { vm, a in
          let p = try parameter(a[0], vm).parameter
          return .tuple(p.value.rows == 1 ? [.int(p.value.cols)] : [.int(p.value.rows), .int(p.value.cols)])
        },
        NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
          let p = try parameter(a[0], vm).parameter
          return .str("Parameter(\(p.name), shape=(\(p.value.rows), \(p.value.cols)))")
        },
      ],
      properties: [
        NativeProperty("requires_grad", doc: "Always True.") { _, _ in .bool(true) },
        NativeProperty("name", doc: "hps: the parameter's name in the checkpoint.") { vm, i in .str(try parameter(.instance(i), vm).parameter.name) },
      ])
  }

  func makeParametersClass() -> NativeClass {
    NativeClass(
      name: "parameters", module: "torch.nn",
      doc: "What model.parameters() returns: pass it to a torch.optim optimizer, or iterate it once the model is built.", subclassable: false,
      initializer: NativeFunction("__init__", signature: "(self)") { vm, _, _ in throw vm.error("TypeError", "use model.parameters()") },
      methods: [
        NativeFunction("__iter__", Signature([.init("self")])) { [unowned self] vm, a in
          let owner = try payload(a[0], ParametersBox.self, vm, "parameters").model
          guard let model = owner.model else {
            throw vm.error("RuntimeError", "the model is not built yet (its input width comes from the data); its parameters can be listed once a Trainer holds it")
          }
          let items = Value(model.parameters.map { self.parameterClass.instance(wrapping: ParameterBox(model: owner, parameter: $0)) })
          return try vm.callValue(self.builtins.iterFunction, [items])
        },
        NativeFunction("__repr__", Signature([.init("self")])) { _, _ in .str("<generator object Module.parameters>") },
      ])
  }

  func parameters(of box: ModelBox) -> Value { parametersClass.instance(wrapping: ParametersBox(box)) }
}
