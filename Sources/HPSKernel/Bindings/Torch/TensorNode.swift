// The tensors of hps's `torch` subset: dense Double arrays with a shape and a tiny reverse-mode
// graph, enough for a compute_loss override to build a loss over one step's logits and for the
// Trainer to get ∂loss/∂logits back. Each operation defines its local derivative beside its
// forward value (micrograd's layout, at tensor granularity).
import Foundation

/// Errors of tensor operations, with the Python exception type a script sees.
struct TensorError: Error {
  let type: String
  let message: String
  static func runtime(_ m: String) -> TensorError { TensorError(type: "RuntimeError", message: m) }
  static func value(_ m: String) -> TensorError { TensorError(type: "ValueError", message: m) }
  static func type(_ m: String) -> TensorError { TensorError(type: "TypeError", message: m) }
}

final class TensorNode {
  let shape: [Int]
  let data: [Double]
  /// torch.int64 (class ids) rather than torch.float32.
  let isIntegral: Bool
  /// The inputs this value was computed from, and how an upstream gradient flows back to each
  /// (nil: that input gets none).
  let parents: [TensorNode]
  let pullback: ((_ upstream: [Double]) -> [[Double]?])?
  /// Set on graph leaves the Trainer wants a gradient for (a step's logits).
  let isGradientLeaf: Bool
  /// torch's grad_fn name, for repr.
  let operation: String?

  init(shape: [Int], data: [Double], isIntegral: Bool = false, parents: [TensorNode] = [], operation: String? = nil,
       isGradientLeaf: Bool = false, pullback: ((_ upstream: [Double]) -> [[Double]?])? = nil) {
    self.shape = shape
    self.data = data
    self.isIntegral = isIntegral
    self.parents = parents
    self.pullback = pullback
    self.isGradientLeaf = isGradientLeaf
    self.operation = operation
  }

  var count: Int { data.count }
  /// Whether a gradient can flow from this value to a leaf (torch's requires_grad).
  lazy var requiresGradient: Bool = isGradientLeaf || parents.contains { $0.requiresGradient }

  static func scalar(_ v: Double) -> TensorNode { TensorNode(shape: [], data: [v]) }

  static func describe(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

  // MARK: Shape

  /// `view`/`reshape`: the same values under another shape; one dimension may be -1.
  func reshaped(_ requested: [Int]) throws -> TensorNode {
    var dims = requested
    let unknown = dims.indices.filter { dims[$0] == -1 }
    guard unknown.count <= 1 else { throw TensorError.runtime("only one dimension can be inferred") }
    if let bad = dims.first(where: { $0 < -1 }) { throw TensorError.runtime("invalid shape dimension \(bad)") }
    let known = dims.filter { $0 != -1 }.reduce(1, *)
    if let u = unknown.first {
      guard known > 0, count % known == 0 else {
        throw TensorError.runtime("shape '\(TensorNode.describe(requested))' is invalid for input of size \(count)")
      }
      dims[u] = count / known
    }
    guard dims.reduce(1, *) == count else {
      throw TensorError.runtime("shape '\(TensorNode.describe(requested))' is invalid for input of size \(count)")
    }
    if dims == shape { return self }
    return TensorNode(shape: dims, data: data, isIntegral: isIntegral, parents: [self], operation: "ViewBackward0") { [$0] }
  }

  /// `squeeze()`: drops every dimension of size 1.
  func squeezed() -> TensorNode {
    let dims = shape.filter { $0 != 1 }
    if dims == shape { return self }
    return TensorNode(shape: dims, data: data, isIntegral: isIntegral, parents: [self], operation: "SqueezeBackward0") { [$0] }
  }

  func detached() -> TensorNode { TensorNode(shape: shape, data: data, isIntegral: isIntegral) }

  func converted(integral: Bool) -> TensorNode {
    if integral == isIntegral { return self }
    let values = integral ? data.map { $0.rounded(.towardZero) } : data
    return TensorNode(shape: shape, data: values, isIntegral: integral, parents: integral ? [] : [self],
                      operation: integral ? nil : "ToCopyBackward0", pullback: integral ? nil : { [$0] })
  }

  // MARK: Reductions

  func sum() -> TensorNode {
    let n = count
    return TensorNode(shape: [], data: [data.reduce(0, +)], parents: [self], operation: "SumBackward0") { g in
      [[Double](repeating: g[0], count: n)]
    }
  }

  func mean() throws -> TensorNode {
    guard !isIntegral else {
      throw TensorError.runtime("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long")
    }
    let n = count
    return TensorNode(shape: [], data: [data.reduce(0, +) / Double(max(n, 1))], parents: [self], operation: "MeanBackward0") { g in
      [[Double](repeating: g[0] / Double(max(n, 1)), count: n)]
    }
  }

  // MARK: Arithmetic

  enum Arithmetic: String {
    case add = "Add", sub = "Sub", mul = "Mul", div = "Div"
    var symbol: String { ["Add": "+", "Sub": "-", "Mul": "*", "Div": "/"][rawValue] ?? rawValue }
  }

  /// `a op b` for tensors of one shape, or when either side has a single element (hps's torch
  /// broadcasts scalars only; anything else is an error rather than a silent outer product).
  static func combine(_ a: TensorNode, _ op: Arithmetic, _ b: TensorNode) throws -> TensorNode {
    let aScalar = a.count == 1 && a.shape.count <= b.shape.count, bScalar = b.count == 1 && b.shape.count <= a.shape.count
    guard a.shape == b.shape || aScalar || bScalar else {
      throw TensorError.runtime("The size of tensor a (\(describe(a.shape))) must match the size of tensor b (\(describe(b.shape))); hps's torch broadcasts only single-element tensors")
    }
    let shape = a.shape == b.shape ? a.shape : (aScalar ? b.shape : a.shape)
    let n = shape.reduce(1, *)
    let x = { (i: Int) in a.count == 1 ? a.data[0] : a.data[i] }
    let y = { (i: Int) in b.count == 1 ? b.data[0] : b.data[i] }
    var out = [Double](repeating: 0, count: n)
    for i in 0..<n {
      switch op {
      case .add: out[i] = x(i) + y(i)
      case .sub: out[i] = x(i) - y(i)
      case .mul: out[i] = x(i) * y(i)
      case .div: out[i] = x(i) / y(i)
      }
    }
    let integral = a.isIntegral && b.isIntegral && op != .div
    // Gradients of a broadcast single element are summed over the positions it was used at.
    func fold(_ g: [Double], into node: TensorNode) -> [Double] {
      node.count == 1 && n != 1 ? [g.reduce(0, +)] : g
    }
    return TensorNode(shape: shape, data: out, isIntegral: integral, parents: [a, b], operation: "\(op.rawValue)Backward0") { g in
      var ga = [Double](repeating: 0, count: n), gb = [Double](repeating: 0, count: n)
      for i in 0..<n {
        switch op {
        case .add: ga[i] = g[i]; gb[i] = g[i]
        case .sub: ga[i] = g[i]; gb[i] = -g[i]
        case .mul: ga[i] = g[i] * y(i); gb[i] = g[i] * x(i)
        case .div: ga[i] = g[i] / y(i); gb[i] = -g[i] * x(i) / (y(i) * y(i))
        }
      }
      return [fold(ga, into: a), fold(gb, into: b)]
    }
  }

  func negated() -> TensorNode {
    TensorNode(shape: shape, data: data.map { -$0 }, isIntegral: isIntegral, parents: [self], operation: "NegBackward0") { g in
      [g.map { -$0 }]
    }
  }

  // MARK: Backward

  /// ∂self/∂leaf for every gradient leaf reachable from this single-element value (torch's
  /// `loss.backward()`: a reverse sweep over a topological order).
  func gradients() throws -> [ObjectIdentifier: (TensorNode, [Double])] {
    guard count == 1 else { throw TensorError.runtime("grad can be implicitly created only for scalar outputs") }
    guard requiresGradient else {
      throw TensorError.runtime("element 0 of tensors does not require grad and does not have a grad_fn (the loss must be computed from the model's logits)")
    }
    var order: [TensorNode] = []
    var seen = Set<ObjectIdentifier>()
    func visit(_ node: TensorNode) {
      guard node.requiresGradient, seen.insert(ObjectIdentifier(node)).inserted else { return }
      for p in node.parents { visit(p) }
      order.append(node)
    }
    visit(self)
    var grads: [ObjectIdentifier: [Double]] = [ObjectIdentifier(self): [1]]
    var leaves: [ObjectIdentifier: (TensorNode, [Double])] = [:]
    for node in order.reversed() {
      guard let g = grads[ObjectIdentifier(node)] else { continue }
      if node.isGradientLeaf { leaves[ObjectIdentifier(node)] = (node, g) }
      guard let pullback = node.pullback else { continue }
      for (parent, pg) in zip(node.parents, pullback(g)) where parent.requiresGradient {
        guard let pg else { continue }
        let key = ObjectIdentifier(parent)
        if var acc = grads[key] {
          for i in acc.indices { acc[i] += pg[i] }
          grads[key] = acc
        } else {
          grads[key] = pg
        }
      }
    }
    return leaves
  }
}
