// Finite-difference checks of every layer's and loss's backward pass. The objective is
// L = Σ r ⊙ layer(x) with a fixed random r, accumulated in Float64; central differences with a
// step of 1e-3 on Float32 parameters leave errors around 1e-4, so tolerances are per layer.
import Testing
@testable import HPSNumerics
@testable import HPSTraining

func randomMatrix(_ rows: Int, _ cols: Int, _ rng: inout RandomSource, scale: Float = 1) -> Matrix {
  Matrix(rows: rows, cols: cols, values: (0..<(rows * cols)).map { _ in rng.uniform(-scale, scale) })
}

func objective(_ layer: Layer, _ x: Matrix, _ r: Matrix, prepare: () -> Void) -> Double {
  prepare()
  layer.forward(x, training: true)
  var s = 0.0
  for i in 0..<r.count { s += Double(layer.output.storage[i]) * Double(r.storage[i]) }
  return s
}

/// Compares analytic gradients of the parameters and the input against central differences.
func checkGradients(_ layer: Layer, x: Matrix, tolerance: Double, prepare: () -> Void = {}) -> [String] {
  var rng = RandomSource(seed: 99)
  prepare()
  layer.forward(x, training: true)
  let r = randomMatrix(layer.output.rows, layer.output.cols, &rng)
  layer.backward(x, r, needInputGradient: true, accumulate: false)
  var failures: [String] = []
  let h: Float = 1e-3
  func compare(_ what: String, analytic: Float, plus: Double, minus: Double) {
    let numeric = (plus - minus) / Double(2 * h)
    if abs(numeric - Double(analytic)) > tolerance * max(1, abs(numeric)) {
      failures.append("\(what): analytic \(analytic) numeric \(numeric)")
    }
  }
  for p in layer.parameters {
    let analytic = p.grad
    for i in 0..<p.value.count {
      let old = p.value.storage[i]
      p.value.storage[i] = old + h
      let plus = objective(layer, x, r, prepare: prepare)
      p.value.storage[i] = old - h
      let minus = objective(layer, x, r, prepare: prepare)
      p.value.storage[i] = old
      compare("\(p.name)[\(i)]", analytic: analytic.storage[i], plus: plus, minus: minus)
    }
  }
  let dx = layer.inputGradient
  var xv = x
  for i in 0..<x.count {
    let old = xv.storage[i]
    xv.storage[i] = old + h
    let plus = objective(layer, xv, r, prepare: prepare)
    xv.storage[i] = old - h
    let minus = objective(layer, xv, r, prepare: prepare)
    xv.storage[i] = old
    compare("input[\(i)]", analytic: dx.storage[i], plus: plus, minus: minus)
  }
  return failures
}

@Suite struct GradientCheckTests {
  @Test(arguments: Activation.allCases)
  func linearWithFusedActivation(_ act: Activation) {
    var rng = RandomSource(seed: 5)
    let layer = Linear(4, 3, activation: act, name: "l", rng: &rng)
    let x = randomMatrix(5, 4, &rng)
    let failures = checkGradients(layer, x: x, tolerance: 5e-3)
    #expect(failures.isEmpty, "\(failures)")
  }

  @Test(arguments: [Activation.relu, .gelu, .tanh, .sigmoid, .silu])
  func standaloneActivation(_ act: Activation) {
    var rng = RandomSource(seed: 6)
    // Inputs kept away from ReLU's kink at 0 so central differences are meaningful.
    var x = randomMatrix(3, 4, &rng)
    for i in 0..<x.count where abs(x.storage[i]) < 0.05 { x.storage[i] = 0.3 }
    let failures = checkGradients(ActivationLayer(act, size: 4), x: x, tolerance: 5e-3)
    #expect(failures.isEmpty, "\(failures)")
  }

  @Test func layerNorm() {
    var rng = RandomSource(seed: 8)
    let layer = LayerNorm(6, name: "ln")
    for i in 0..<6 { layer.gamma.value.storage[i] = rng.uniform(0.5, 1.5); layer.beta.value.storage[i] = rng.uniform(-1, 1) }
    let x = randomMatrix(4, 6, &rng, scale: 2)
    let failures = checkGradients(layer, x: x, tolerance: 1e-2)
    #expect(failures.isEmpty, "\(failures)")
  }

  @Test func dropoutWithFixedMask() {
    var rng = RandomSource(seed: 10)
    let layer = Dropout(0.4, size: 5, rng: RandomSource(seed: 1))
    let x = randomMatrix(4, 5, &rng)
    let failures = checkGradients(layer, x: x, tolerance: 5e-3) { layer.rng = RandomSource(seed: 77) }
    #expect(failures.isEmpty, "\(failures)")
    // Some elements are dropped and the rest scaled by 1/(1-p).
    layer.forward(x, training: true)
    let out = layer.output.values
    #expect(out.contains(0))
    #expect(out.enumerated().allSatisfy { i, v in v == 0 || abs(v - x.storage[i] / 0.6) < 1e-5 })
  }

  @Test func dropoutIsIdentityInEvaluation() {
    var rng = RandomSource(seed: 10)
    let layer = Dropout(0.5, size: 5, rng: RandomSource(seed: 1))
    let x = randomMatrix(4, 5, &rng)
    layer.forward(x, training: false)
    #expect(layer.output == x)
  }

  func lossGradientFailures(_ loss: Loss, logits: Matrix, labels: [Int32]?, targets: Matrix?) -> [String] {
    let (n, c) = (logits.rows, logits.cols)
    func value(_ z: Matrix) -> Double {
      z.withUnsafePointer { pz in
        (labels ?? [0]).withUnsafeBufferPointer { pl in
          (targets ?? Matrix(rows: 1, cols: 1)).withUnsafePointer { pt in
            loss.evaluate(logits: pz, rows: n, cols: c, labels: labels == nil ? nil : pl.baseAddress,
                          targets: targets == nil ? nil : pt, grad: nil, gradScale: 1)
          }
        }
      }
    }
    var grad = Matrix(rows: n, cols: c)
    _ = logits.withUnsafePointer { pz in
      (labels ?? [0]).withUnsafeBufferPointer { pl in
        (targets ?? Matrix(rows: 1, cols: 1)).withUnsafePointer { pt in
          grad.withUnsafeMutablePointer { pg in
            loss.evaluate(logits: pz, rows: n, cols: c, labels: labels == nil ? nil : pl.baseAddress,
                          targets: targets == nil ? nil : pt, grad: pg, gradScale: 1)
          }
        }
      }
    }
    var failures: [String] = []
    var z = logits
    let h: Float = 1e-3
    for i in 0..<z.count {
      let old = z.storage[i]
      z.storage[i] = old + h; let plus = value(z)
      z.storage[i] = old - h; let minus = value(z)
      z.storage[i] = old
      let numeric = (plus - minus) / Double(2 * h)
      if abs(numeric - Double(grad.storage[i])) > 3e-3 * max(1, abs(numeric)) {
        failures.append("[\(i)] analytic \(grad.storage[i]) numeric \(numeric)")
      }
    }
    return failures
  }

  @Test(arguments: [Float(0), 0.1])
  func crossEntropy(smoothing: Float) {
    var rng = RandomSource(seed: 11)
    let z = randomMatrix(4, 5, &rng, scale: 3)
    #expect(lossGradientFailures(.crossEntropy(labelSmoothing: smoothing), logits: z, labels: [0, 3, 4, 1], targets: nil).isEmpty)
  }

  @Test func crossEntropyValueMatchesDefinition() {
    let z = Matrix(rows: 1, cols: 3, values: [1, 2, 3])
    let labels: [Int32] = [2]
    let v = z.withUnsafePointer { pz in labels.withUnsafeBufferPointer { pl in
      Loss.crossEntropy(labelSmoothing: 0).evaluate(logits: pz, rows: 1, cols: 3, labels: pl.baseAddress, targets: nil, grad: nil, gradScale: 1)
    } }
    let expected = -(3 - log(exp(1.0) + exp(2.0) + exp(3.0)))
    #expect(abs(v - expected) < 1e-6)
  }

  @Test func binaryCrossEntropyAndMSE() {
    var rng = RandomSource(seed: 12)
    let z = randomMatrix(3, 2, &rng, scale: 3)
    let t01 = Matrix(rows: 3, cols: 2, values: [0, 1, 1, 0, 1, 1])
    #expect(lossGradientFailures(.binaryCrossEntropy, logits: z, labels: nil, targets: t01).isEmpty)
    let t = randomMatrix(3, 2, &rng)
    #expect(lossGradientFailures(.meanSquaredError, logits: z, labels: nil, targets: t).isEmpty)
  }
}

import Foundation

@Suite struct ModelGradientTests {
  /// The whole chain (Linear → LayerNorm → GELU → Dropout → Linear → cross-entropy), checked on
  /// every parameter against central differences of the mean loss.
  @Test func mlpWithLayerNormAndDropout() throws {
    var cfg = ModelConfig.mlp(features: 3, labels: 3, hidden: [5, 4], activation: "gelu", dropout: 0.2, layerNorm: true)
    cfg.layerNormEps = 1e-5
    let model = try Model(config: cfg, seed: 4)
    var rng = RandomSource(seed: 21)
    let x = randomMatrix(6, 3, &rng)
    let labels: [Int32] = [0, 1, 2, 2, 1, 0]
    func loss(withGradient: Bool) -> Double {
      model.reseedDropout(5)  // same dropout masks on every evaluation
      model.forward(x, training: true)
      var grad = Matrix(rows: 6, cols: 3)
      let out = model.output
      let sum = out.withUnsafePointer { pz in labels.withUnsafeBufferPointer { pl in grad.withUnsafeMutablePointer { pg in
        model.loss.evaluate(logits: pz, rows: 6, cols: 3, labels: pl.baseAddress, targets: nil, grad: withGradient ? pg : nil, gradScale: 1.0 / 6)
      } } }
      if withGradient { model.backward(x, outputGradient: grad, accumulate: false) }
      return sum / 6
    }
    _ = loss(withGradient: true)
    let analytic = model.parameters.map(\.grad)
    var failures: [String] = []
    let h: Float = 1e-3
    for (k, p) in model.parameters.enumerated() {
      for i in 0..<p.value.count {
        let old = p.value.storage[i]
        p.value.storage[i] = old + h; let plus = loss(withGradient: false)
        p.value.storage[i] = old - h; let minus = loss(withGradient: false)
        p.value.storage[i] = old
        let numeric = (plus - minus) / Double(2 * h)
        if abs(numeric - Double(analytic[k].storage[i])) > 5e-3 * max(1, abs(numeric)) {
          failures.append("\(p.name)[\(i)]: \(analytic[k].storage[i]) vs \(numeric)")
        }
      }
    }
    #expect(failures.isEmpty, "\(failures)")
    #expect(model.layers.count == 9)  // 2 × (Linear, LayerNorm, GELU, Dropout) + output Linear
  }
}
