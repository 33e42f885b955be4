// The torch subset's autograd: every loss's gradient against central finite differences (in
// Double, so 1e-6 is a fair tolerance), and torch's weight decay on parameters the engine skips.
import Foundation
import HPSNumerics
import HPSTraining
import Testing
@testable import HPSKernel

@Suite("TorchTensor")
struct TorchTensorTests {
  static let logits: [Double] = [1.0, 2.0, 0.5, -0.3, 0.1, 0.2, 3.0, 0.7, -1.0, 0.0, 0.4, 1.5]  // 4 × 3

  /// Checks ∂f/∂logits from the graph against finite differences.
  static func check(_ name: String, _ f: (TensorNode) throws -> TensorNode) throws {
    let leaf = TensorNode(shape: [4, 3], data: logits, isGradientLeaf: true)
    let out = try f(leaf)
    let grads = try out.gradients()
    let g = try #require(grads[ObjectIdentifier(leaf)]?.1, "\(name): no gradient")
    let h = 1e-6
    for i in logits.indices {
      var up = logits, down = logits
      up[i] += h
      down[i] -= h
      let fu = try f(TensorNode(shape: [4, 3], data: up)).data[0], fd = try f(TensorNode(shape: [4, 3], data: down)).data[0]
      let numeric = (fu - fd) / (2 * h)
      #expect(abs(numeric - g[i]) < 1e-6, "\(name) ∂/∂z[\(i)]: graph \(g[i]) vs numeric \(numeric)")
    }
  }

  @Test func testLossGradients_matchFiniteDifferences() throws {
    let labels = TensorNode(shape: [4], data: [1, 2, -100, 0], isIntegral: true)
    let weight = TensorNode(shape: [3], data: [1, 2, 3])
    let targets = TensorNode(shape: [4, 3], data: (0..<12).map { Double($0 % 5) * 0.4 - 0.5 })
    try Self.check("cross_entropy") { try TensorLosses.crossEntropy($0, labels, weight: nil, ignoreIndex: -100, reduction: .mean, labelSmoothing: 0) }
    try Self.check("weighted smoothed cross_entropy") {
      try TensorLosses.crossEntropy($0, labels, weight: weight, ignoreIndex: -100, reduction: .mean, labelSmoothing: 0.15)
    }
    try Self.check("cross_entropy sum") {
      try TensorLosses.crossEntropy($0, labels, weight: weight, ignoreIndex: -100, reduction: .sum, labelSmoothing: 0.3)
    }
    try Self.check("cross_entropy none, then weighted sum") {
      let perRow = try TensorLosses.crossEntropy($0, labels, weight: nil, ignoreIndex: -100, reduction: .none, labelSmoothing: 0.1)
      return try TensorNode.combine(perRow, .mul, TensorNode(shape: [4], data: [0.5, 2, 1, -1])).sum()
    }
    try Self.check("mse") { try TensorLosses.elementwise(.squared, $0, targets, reduction: .mean) }
    try Self.check("l1") { try TensorLosses.elementwise(.absolute, $0, targets, reduction: .sum) }
    try Self.check("smooth l1") { try TensorLosses.elementwise(.smoothL1(beta: 0.8), $0, targets, reduction: .mean) }
    let probabilities = TensorNode(shape: [4, 3], data: (0..<12).map { Double($0 % 3) / 2 })
    try Self.check("bce with logits") { try TensorLosses.elementwise(.binaryCrossEntropyWithLogits, $0, probabilities, reduction: .mean) }
    try Self.check("huber") { try TensorLosses.elementwise(.huber(delta: 0.6), $0, targets, reduction: .mean) }
    try Self.check("arithmetic and views") { z in
      let a = try TensorLosses.crossEntropy(try z.reshaped([-1, 3]), labels, weight: nil, ignoreIndex: -100, reduction: .mean, labelSmoothing: 0)
      let b = try TensorLosses.elementwise(.squared, try z.reshaped([-1]), try targets.reshaped([12]), reduction: .mean)
      let mixed = try TensorNode.combine(try TensorNode.combine(a, .mul, .scalar(0.7)), .add, try TensorNode.combine(b, .div, .scalar(4)))
      return try TensorNode.combine(TensorNode.scalar(1), .sub, try TensorNode.combine(mixed, .mul, try z.mean())).negated()
    }
  }

  @Test func testGradients_needAScalarThatDependsOnTheLogits() {
    let leaf = TensorNode(shape: [2], data: [1, 2], isGradientLeaf: true)
    #expect(throws: TensorError.self) { _ = try leaf.gradients() }
    #expect(throws: TensorError.self) { _ = try TensorNode.scalar(3).gradients() }
    #expect(throws: TensorError.self) { _ = try TensorNode.combine(leaf, .add, TensorNode(shape: [3], data: [1, 2, 3])) }
    #expect(throws: TensorError.self) { _ = try leaf.reshaped([3, -1]) }
  }

  /// torch decays every parameter it is given; the engine skips biases, so the wrapper adds it.
  @Test func testTorchWeightDecay_appliesToBiasesToo() {
    let bias = Parameter(name: "bias", value: Matrix(rows: 1, cols: 2, values: [1, -2]), decays: false)
    let sgd = DecayingEveryParameter(SGD(learningRate: 0.1, weightDecay: 0.5), weightDecay: 0.5, decoupled: false)
    sgd.step([bias])
    #expect(bias.value.values == [0.95, -1.9])
    let bias2 = Parameter(name: "bias", value: Matrix(rows: 1, cols: 2, values: [1, -2]), decays: false)
    let adamw = DecayingEveryParameter(AdamW(learningRate: 0.1, weightDecay: 0.5), weightDecay: 0.5, decoupled: true)
    adamw.step([bias2])  // zero gradient: only the decoupled decay moves it
    #expect(abs(bias2.value.values[0] - 0.95) < 1e-6 && abs(bias2.value.values[1] + 1.9) < 1e-6, "\(bias2.value.values)")
  }
}
