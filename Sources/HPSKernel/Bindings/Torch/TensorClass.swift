// `torch.Tensor` for scripts: a handle on a TensorNode with the few methods a compute_loss
// override uses (view/reshape, shape/size, mean/sum/item, arithmetic with numbers and tensors).
import Foundation
import HPSScript

final class TensorBox {
  let node: TensorNode
  init(_ node: TensorNode) { self.node = node }
}

enum TorchDType {
  static let float32 = "torch.float32"
  static let int64 = "torch.int64"
  /// The dtype names scripts may pass (torch.float, torch.long, ... are these strings in hps).
  static func isIntegral(_ name: String) throws -> Bool {
    switch name {
    case float32, "torch.float", "torch.float64", "torch.double", "float", "float32": return false
    case int64, "torch.long", "torch.int", "torch.int32", "int", "long", "int64": return true
    default: throw TensorError.type("hps's torch has dtypes torch.float32 and torch.int64 only, got \(name)")
    }
  }
}

extension TorchBindings {
  func wrap(_ node: TensorNode) -> Value { tensorClass.instance(wrapping: TensorBox(node)) }

  /// The tensor behind a value: a Tensor, or a number as a 0-d tensor (for `loss * 0.5`).
  func tensorOrNumber(_ v: Value) -> TensorNode? {
    if let box = NativeClass.payload(v, as: TensorBox.self) { return box.node }
    switch v {
    case .int(let i): return TensorNode(shape: [], data: [Double(i)], isIntegral: true)
    case .float(let d): return .scalar(d)
    case .bool(let b): return TensorNode(shape: [], data: [b ? 1 : 0], isIntegral: true)
    default: return nil
    }
  }

  func tensor(_ v: Value, _ vm: VM, role: String) throws -> TensorNode {
    guard let box = NativeClass.payload(v, as: TensorBox.self) else {
      throw vm.error("TypeError", "\(role) must be a torch.Tensor, got \(v.typeName)")
    }
    return box.node
  }

  /// A tensor from nested lists of numbers (torch.tensor's data argument).
  static func build(_ data: Value, _ vm: VM) throws -> (shape: [Int], values: [Double], integral: Bool) {
    if let box = NativeClass.payload(data, as: TensorBox.self) { return (box.node.shape, box.node.data, box.node.isIntegral) }
    switch data {
    case .int(let i): return ([], [Double(i)], true)
    case .bool(let b): return ([], [b ? 1 : 0], true)
    case .float(let d): return ([], [d], false)
    default: break
    }
    guard let items = data.asArray else {
      throw vm.error("TypeError", "Could not infer dtype of \(data.typeName) (torch.tensor takes numbers or nested lists of numbers)")
    }
    var shape: [Int]? = nil
    var values: [Double] = []
    var integral = true
    for item in items {
      let (s, v, i) = try build(item, vm)
      if let shape, shape != s {
        throw vm.error("ValueError", "expected sequence of length \(shape.first ?? 0) at dim 1 (got \(s.first ?? 0))")
      }
      shape = s
      values += v
      integral = integral && i
    }
    return ([items.count] + (shape ?? []), values, integral)
  }

  static func format(_ node: TensorNode) -> String {
    let allWhole = node.data.allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 }
    func element(_ x: Double) -> String {
      if node.isIntegral { return String(Int(x)) }
      if x.isNaN { return "nan" }
      if x.isInfinite { return x > 0 ? "inf" : "-inf" }
      return allWhole ? "\(Int(x))." : String(format: "%.4f", x)
    }
    func nested(_ offset: Int, _ dims: ArraySlice<Int>) -> String {
      guard let first = dims.first else { return element(node.data[offset]) }
      let stride = dims.dropFirst().reduce(1, *)
      return "[" + (0..<first).map { nested(offset + $0 * stride, dims.dropFirst()) }.joined(separator: ", ") + "]"
    }
    var parts = [nested(0, node.shape[...])]
    if node.isGradientLeaf { parts.append("requires_grad=True") } else if let op = node.operation, node.requiresGradient {
      parts.append("grad_fn=<\(op)>")
    }
    return "tensor(" + parts.joined(separator: ", ") + ")"
  }

  /// The shape arguments of view/reshape: `view(-1, 3)`, `view((-1, 3))` or `view([-1, 3])`.
  static func shapeArguments(_ args: [Value], _ vm: VM, _ name: String) throws -> [Int] {
    let items = args.count == 1 && args[0].asArray != nil ? args[0].asArray ?? [] : args
    return try items.map { v in
      guard case .int(let i) = v else { throw vm.error("TypeError", "\(name)(): argument 'size' must be a tuple of ints, but found element of type \(v.typeName)") }
      return i
    }
  }

  func makeTensorClass() -> NativeClass {
    func node(_ v: Value, _ vm: VM) throws -> TensorNode { try payload(v, TensorBox.self, vm, "Tensor").node }
    func method(_ name: String, _ params: [Signature.Parameter] = [], varargs: String? = nil, kwargs: String? = nil, doc: String,
                _ body: @escaping (VM, TensorNode, BoundArguments) throws -> Value) -> NativeFunction {
      NativeFunction(name, Signature([.init("self")] + params, varargs: varargs, kwargs: kwargs), doc: doc) { vm, a in
        try bridged(vm) { try body(vm, try node(a[0], vm), a) }
      }
    }
    func arithmetic(_ name: String, _ op: TensorNode.Arithmetic, reflected: Bool) -> NativeFunction {
      method(name, [.init("other")], doc: "Element-wise \(op.rawValue.lowercased()) with a number or a tensor of the same shape.") { [unowned self] vm, t, a in
        guard let other = self.tensorOrNumber(a["other"]) else {
          throw vm.error("TypeError", "unsupported operand type(s) for \(op.symbol): 'Tensor' and '\(a["other"].typeName)'")
        }
        return self.wrap(try reflected ? TensorNode.combine(other, op, t) : TensorNode.combine(t, op, other))
      }
    }
    func reduction(_ name: String, doc: String, _ body: @escaping (TensorNode) throws -> TensorNode) -> NativeFunction {
      method(name, [.init("dim", default: Value.none), .init("keepdim", default: .bool(false))], kwargs: "kwargs", doc: doc) { [unowned self] vm, t, a in
        guard a["dim"].isNone else { throw vm.error("NotImplementedError", "hps's torch reduces over all elements only: \(name)() without dim") }
        return self.wrap(try body(t))
      }
    }
    let shapeDoc = "A view with another shape (one dimension may be -1); the number of elements must not change."
    return NativeClass(
      name: "Tensor", module: "torch",
      doc: "hps's torch.Tensor: a small dense tensor (a step's logits and labels, class weights, losses) that remembers how it was computed, so compute_loss's loss can be back-propagated to the logits.",
      subclassable: false,
      initializer: NativeFunction("__init__", signature: "(self, *args)") { vm, _, _ in
        throw vm.error("TypeError", "create tensors with torch.tensor(data)")
      },
      methods: [
        method("__repr__", doc: "tensor(...) as torch prints it.") { _, t, _ in .str(TorchBindings.format(t)) },
        method("__len__", doc: "The size of the first dimension.") { vm, t, _ in
          guard let first = t.shape.first else { throw vm.error("TypeError", "len() of a 0-d tensor") }
          return .int(first)
        },
        method("__float__", doc: "The value of a one-element tensor as a float.") { vm, t, _ in
          guard t.count == 1 else { throw vm.error("ValueError", "only one element tensors can be converted to Python scalars") }
          return .float(t.data[0])
        },
        method("__format__", [.init("spec")], doc: "Formats a one-element tensor like its value (f\"{loss:.4f}\").") { [unowned self] vm, t, a in
          guard t.count == 1 else { return .str(TorchBindings.format(t)) }
          return try vm.callValue(try self.builtins.attribute(vm, .float(t.data[0]), "__format__"), [a["spec"]])
        },
        method("view", varargs: "shape", doc: shapeDoc) { [unowned self] vm, t, a in
          self.wrap(try t.reshaped(try TorchBindings.shapeArguments(a.varargs, vm, "view")))
        },
        method("reshape", varargs: "shape", doc: shapeDoc) { [unowned self] vm, t, a in
          self.wrap(try t.reshaped(try TorchBindings.shapeArguments(a.varargs, vm, "reshape")))
        },
        method("squeeze", [.init("dim", default: Value.none)], doc: "Drops dimensions of size 1 (all of them, or `dim` when it has size 1).") { [unowned self] vm, t, a in
          if a["dim"].isNone { return self.wrap(t.squeezed()) }
          guard case .int(var d) = a["dim"] else { throw vm.error("TypeError", "squeeze(): dim must be an int") }
          if d < 0 { d += t.shape.count }
          guard t.shape.indices.contains(d) else { throw vm.error("IndexError", "Dimension out of range (got \(a["dim"].asInt ?? 0) for a \(t.shape.count)-d tensor)") }
          guard t.shape[d] == 1 else { return a[0] }
          var dims = t.shape
          dims.remove(at: d)
          return self.wrap(try t.reshaped(dims))
        },
        method("size", [.init("dim", default: Value.none)], doc: "The shape as a tuple, or the size of dimension `dim`.") { vm, t, a in
          if a["dim"].isNone { return .tuple(t.shape.map { .int($0) }) }
          guard case .int(var d) = a["dim"] else { throw vm.error("TypeError", "size(): dim must be an int") }
          if d < 0 { d += t.shape.count }
          guard t.shape.indices.contains(d) else {
            throw vm.error("IndexError", "Dimension out of range (expected to be in range of [\(-t.shape.count), \(t.shape.count - 1)], but got \(a["dim"].asInt ?? 0))")
          }
          return .int(t.shape[d])
        },
        method("dim", doc: "The number of dimensions.") { _, t, _ in .int(t.shape.count) },
        method("numel", doc: "The number of elements.") { _, t, _ in .int(t.count) },
        method("item", doc: "The value of a one-element tensor as a Python number.") { vm, t, _ in
          guard t.count == 1 else { throw vm.error("RuntimeError", "a Tensor with \(t.count) elements cannot be converted to Scalar") }
          return t.isIntegral ? .int(Int(t.data[0])) : .float(t.data[0])
        },
        method("tolist", doc: "The values as (nested) Python lists.") { _, t, _ in
          func nested(_ offset: Int, _ dims: ArraySlice<Int>) -> Value {
            guard let first = dims.first else { return t.isIntegral ? .int(Int(t.data[offset])) : .float(t.data[offset]) }
            let stride = dims.dropFirst().reduce(1, *)
            return Value((0..<first).map { nested(offset + $0 * stride, dims.dropFirst()) })
          }
          return nested(0, t.shape[...])
        },
        reduction("mean", doc: "The mean of all elements (a 0-d tensor).") { try $0.mean() },
        reduction("sum", doc: "The sum of all elements (a 0-d tensor).") { $0.sum() },
        method("float", doc: "As torch.float32.") { [unowned self] _, t, _ in self.wrap(t.converted(integral: false)) },
        method("long", doc: "As torch.int64 (truncating).") { [unowned self] _, t, _ in self.wrap(t.converted(integral: true)) },
        method("to", varargs: "args", kwargs: "kwargs", doc: "Devices are ignored (hps runs on the CPU); a dtype converts.") { [unowned self] vm, t, a in
          var result = t
          for v in a.varargs + a.kwargs.filter({ $0.0 == "dtype" }).map(\.1) {
            if let s = v.asString, s.hasPrefix("torch.") { result = result.converted(integral: try TorchDType.isIntegral(s)) }
          }
          return self.wrap(result)
        },
        method("detach", doc: "The same values, cut from the graph (no gradient flows through).") { [unowned self] _, t, _ in self.wrap(t.detached()) },
        method("cpu", doc: "Returns self (hps runs on the CPU).") { _, _, a in a[0] },
        method("clone", doc: "The same tensor (hps tensors are immutable).") { _, _, a in a[0] },
        arithmetic("__add__", .add, reflected: false), arithmetic("__radd__", .add, reflected: true),
        arithmetic("__sub__", .sub, reflected: false), arithmetic("__rsub__", .sub, reflected: true),
        arithmetic("__mul__", .mul, reflected: false), arithmetic("__rmul__", .mul, reflected: true),
        arithmetic("__truediv__", .div, reflected: false), arithmetic("__rtruediv__", .div, reflected: true),
        method("__neg__", doc: "-tensor.") { [unowned self] _, t, _ in self.wrap(t.negated()) },
        method("__pos__", doc: "+tensor.") { _, _, a in a[0] },
      ],
      properties: [
        NativeProperty("shape", doc: "The shape as a tuple (torch.Size).") { vm, i in .tuple(try node(.instance(i), vm).shape.map { .int($0) }) },
        NativeProperty("ndim", doc: "The number of dimensions.") { vm, i in .int(try node(.instance(i), vm).shape.count) },
        NativeProperty("dtype", doc: "torch.float32 or torch.int64 (as strings in hps).") { vm, i in
          .str(try node(.instance(i), vm).isIntegral ? TorchDType.int64 : TorchDType.float32)
        },
        NativeProperty("device", doc: "Always 'cpu'.") { _, _ in .str("cpu") },
        NativeProperty("requires_grad", doc: "Whether a gradient flows from this tensor to the step's logits.") { vm, i in
          .bool(try node(.instance(i), vm).requiresGradient)
        },
        NativeProperty("grad_fn", doc: "The name of the operation that made this tensor (None for leaves).") { vm, i in
          let t = try node(.instance(i), vm)
          return t.requiresGradient ? t.operation.map { .str($0) } ?? .none : .none
        },
      ])
  }
}
