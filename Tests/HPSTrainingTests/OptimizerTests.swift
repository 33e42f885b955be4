import Foundation
import Testing
@testable import HPSNumerics
@testable import HPSTraining

func parameter(_ values: [Float], grad: [Float], decays: Bool = true) -> Parameter {
  let p = Parameter(name: "p", value: Matrix(rows: 1, cols: values.count, values: values), decays: decays)
  p.grad = Matrix(rows: 1, cols: grad.count, values: grad)
  return p
}

@Suite struct OptimizerTests {
  /// PyTorch's AdamW written out in Double for one scalar.
  func referenceAdamW(w0: Double, grads: [Double], lr: Double, wd: Double, b1: Double = 0.9, b2: Double = 0.999, eps: Double = 1e-8) -> Double {
    var w = w0, m = 0.0, v = 0.0
    for (i, g) in grads.enumerated() {
      let t = Double(i + 1)
      w *= 1 - lr * wd
      m = b1 * m + (1 - b1) * g
      v = b2 * v + (1 - b2) * g * g
      let stepSize = lr / (1 - pow(b1, t))
      let denom = v.squareRoot() / (1 - pow(b2, t)).squareRoot() + eps
      w -= stepSize * m / denom
    }
    return w
  }

  @Test func adamWMatchesPyTorchFormula() {
    let p = parameter([1.0, -2.0], grad: [0.5, 0.1])
    let bias = parameter([0.3], grad: [0.2], decays: false)
    let opt = AdamW(learningRate: 0.1, weightDecay: 0.01)
    opt.step([p, bias])
    // First step by hand: w·(1 − lr·wd) − lr·sign(g) (m̂/√v̂ = g/|g| on step 1).
    #expect(abs(Double(p.value.storage[0]) - (0.999 - 0.1)) < 1e-6)
    #expect(abs(Double(bias.value.storage[0]) - (0.3 - 0.1)) < 1e-6)  // no decay on biases
    p.grad = Matrix(rows: 1, cols: 2, values: [-0.25, 0.3])
    opt.step([p, bias])
    #expect(abs(Double(p.value.storage[0]) - referenceAdamW(w0: 1, grads: [0.5, -0.25], lr: 0.1, wd: 0.01)) < 1e-6)
    #expect(abs(Double(p.value.storage[1]) - referenceAdamW(w0: -2, grads: [0.1, 0.3], lr: 0.1, wd: 0.01)) < 3e-6)
  }

  @Test func adamWDefaultsAreTransformers() {
    let args = TrainingArguments()
    #expect(args.learningRate == 5e-5 && args.adamBeta1 == 0.9 && args.adamBeta2 == 0.999 && args.adamEpsilon == 1e-8)
    #expect(args.weightDecay == 0 && args.maxGradNorm == 1 && args.optim == "adamw_torch")
    let opt = AdamW()
    #expect(opt.learningRate == 5e-5 && opt.beta1 == 0.9 && opt.beta2 == 0.999 && opt.epsilon == 1e-8 && opt.weightDecay == 0)
  }

  @Test func adamWithL2AddsDecayToTheGradient() {
    let p = parameter([2.0], grad: [0.0])
    AdamW(learningRate: 0.1, weightDecay: 0.5, decoupled: false).step([p])
    // g = 0 + 0.5·2 = 1 → first Adam step moves by lr.
    #expect(abs(p.value.storage[0] - 1.9) < 1e-6)
  }

  @Test func sgdMomentumAndNesterov() {
    let p = parameter([1.0], grad: [0.5])
    let sgd = SGD(learningRate: 0.1, momentum: 0.9)
    sgd.step([p])  // buf = 0.5, w = 1 − 0.05
    p.grad = Matrix(rows: 1, cols: 1, values: [0.5])
    sgd.step([p])  // buf = 0.9·0.5 + 0.5 = 0.95, w = 0.95 − 0.095
    #expect(abs(p.value.storage[0] - 0.855) < 1e-6)
    let q = parameter([1.0], grad: [0.5])
    let nesterov = SGD(learningRate: 0.1, momentum: 0.9, nesterov: true)
    nesterov.step([q])  // buf = 0.5, g = 0.5 + 0.45 = 0.95
    #expect(abs(q.value.storage[0] - 0.905) < 1e-6)
  }

  @Test func rmspropAndAdagrad() {
    let p = parameter([1.0], grad: [0.5])
    RMSprop(learningRate: 0.01).step([p])
    // v = 0.01·0.25 = 0.0025 → step = 0.01·0.5/(0.05 + 1e-8)
    #expect(abs(Double(p.value.storage[0]) - (1 - 0.01 * 0.5 / (0.05 + 1e-8))) < 1e-6)
    let q = parameter([1.0], grad: [0.5])
    let ada = Adagrad(learningRate: 0.1)
    ada.step([q]); ada.step([q])  // s = 0.25 then 0.5
    #expect(abs(Double(q.value.storage[0]) - (1 - 0.1 - 0.1 * 0.5 / 0.5.squareRoot())) < 1e-6)
  }

  @Test func gradientClippingByGlobalNorm() {
    let a = parameter([0, 0], grad: [3, 0]), b = parameter([0], grad: [4])
    let norm = clipGradientNorm([a, b], maxNorm: 1)
    #expect(abs(norm - 5) < 1e-9)
    #expect(abs(a.grad.storage[0] - 0.6) < 1e-5 && abs(b.grad.storage[0] - 0.8) < 1e-5)
    let c = parameter([0], grad: [0.5])
    clipGradientNorm([c], maxNorm: 1)
    #expect(c.grad.storage[0] == 0.5)
  }

  /// The trainer hands clipping's factor to the optimizer instead of scaling the gradients first;
  /// AdamW applies it inside its update loop. The weights must come out bit for bit as if the
  /// gradients had been clipped in place (both Adam variants, several steps, a vector tail).
  @Test(arguments: [true, false])
  func adamWithAClippingFactorEqualsClippingFirst(decoupled: Bool) {
    var rng = RandomSource(seed: 11)
    let n = 37
    let w0 = (0..<n).map { _ in rng.uniform(-1, 1) }
    let fused = parameter(w0, grad: w0), separate = parameter(w0, grad: w0)
    let optFused = AdamW(learningRate: 0.01, weightDecay: 0.1, decoupled: decoupled)
    let optSeparate = AdamW(learningRate: 0.01, weightDecay: 0.1, decoupled: decoupled)
    var clippedSteps = 0
    for step in 0..<4 {
      let g = (0..<n).map { _ in rng.uniform(-3, 3) * Float(step % 2 == 0 ? 1 : 0.01) }
      fused.grad = Matrix(rows: 1, cols: n, values: g)
      separate.grad = Matrix(rows: 1, cols: n, values: g)
      let clip = gradientClipping([fused], maxNorm: 1)
      if clip.scale != 1 { clippedSteps += 1 }
      optFused.step([fused], gradientScale: clip.scale)
      #expect(clipGradientNorm([separate], maxNorm: 1) == clip.norm)
      optSeparate.step([separate])
    }
    #expect(clippedSteps == 2)  // large gradients are clipped, small ones pass unchanged
    #expect(fused.value.storage.map(\.bitPattern) == separate.value.storage.map(\.bitPattern))
  }

  /// Optimizers without a fused update scale the gradients first (the protocol's default).
  @Test func sgdWithAClippingFactorScalesTheGradients() {
    let p = parameter([1.0], grad: [0.5])
    SGD(learningRate: 0.1).step([p], gradientScale: 0.5)
    #expect(abs(p.value.storage[0] - 0.975) < 1e-7)
    #expect(p.grad.storage[0] == 0.25)
  }

  @Test func clippingFactorIsOneWithinTheNormOrWithoutALimit() {
    let a = parameter([0], grad: [0.5])
    #expect(gradientClipping([a], maxNorm: 1).scale == 1)
    let b = parameter([0], grad: [50])
    #expect(gradientClipping([b], maxNorm: 0) == (norm: 50, scale: 1))
    #expect(abs(Double(gradientClipping([b], maxNorm: 1).scale) - 1 / (50 + 1e-6)) < 1e-9)
  }
}

@Suite struct ScheduleTests {
  func m(_ type: SchedulerType, _ step: Int, warmup: Int = 10, total: Int = 110) -> Double {
    LearningRateSchedule(type: type, initialLR: 1e-3, warmupSteps: warmup, totalSteps: total).multiplier(at: step)
  }

  @Test func warmupIsLinear() {
    for t in SchedulerType.allCases where t != .constant && t != .reduceLROnPlateau {
      #expect(abs(m(t, 5) - 0.5) < 1e-12, "\(t)")
    }
  }

  @Test func decayShapes() {
    #expect(abs(m(.linear, 60) - 0.5) < 1e-12 && m(.linear, 110) == 0)
    #expect(abs(m(.cosine, 60) - 0.5) < 1e-12 && abs(m(.cosine, 10) - 1) < 1e-12)
    #expect(abs(m(.cosineWithRestarts, 60) - 0.5) < 1e-12)
    #expect(abs(m(.polynomial, 60) - (0.5 * (1e-3 - 1e-7) + 1e-7) / 1e-3) < 1e-12)
    #expect(m(.constant, 0) == 1 && m(.constantWithWarmup, 50) == 1)
    #expect(abs(m(.inverseSqrt, 40) - 1 / 4.0.squareRoot()) < 1e-12)
  }

  @Test func plateauReducesAfterPatience() {
    var p = PlateauTracker()
    p.patience = 2
    p.record(1.0)
    for _ in 0..<3 { p.record(1.0) }
    #expect(abs(p.multiplier - 0.1) < 1e-12)
  }
}
