// A feed-forward model (MLP, logistic or linear regression) built from a `ModelConfig`.
import HPSNumerics

public final class Model {
  public let config: ModelConfig
  public let layers: [Layer]
  public let loss: Loss
  /// All trainable parameters in a fixed order (the optimizer's state follows it).
  public let parameters: [Parameter]

  /// Builds the model with weights drawn from `seed` (same seed → same weights); without one, from
  /// `TrainingSeed.current` (set by the Trainer around model_init), else 42.
  public init(config: ModelConfig, seed: UInt64? = nil, labelSmoothing: Float = 0) throws {
    try config.validate()
    self.config = config
    var rng = RandomSource(seed: seed ?? TrainingSeed.current ?? 42)
    var initRNG = rng.split()
    let hidden = config.modelType == "mlp" ? config.hiddenSizes : []
    let act = Activation(rawValue: config.hiddenAct) ?? .relu
    var built: [Layer] = []
    var width = config.numFeatures
    for h in hidden {
      let index = built.count
      if config.useLayerNorm {
        built.append(Linear(width, h, name: "layers.\(index)", rng: &initRNG))
        built.append(LayerNorm(h, epsilon: Float(config.layerNormEps), name: "layers.\(index + 1)"))
        built.append(ActivationLayer(act, size: h))
      } else {
        // Activation fused into the Linear: one pass over the GEMM output.
        built.append(Linear(width, h, activation: act, name: "layers.\(index)", rng: &initRNG))
      }
      if config.hiddenDropoutProb > 0 {
        built.append(Dropout(Float(config.hiddenDropoutProb), size: h, rng: rng.split()))
      }
      width = h
    }
    built.append(Linear(width, config.numLabels, name: "layers.\(built.count)", rng: &initRNG))
    layers = built
    parameters = built.flatMap { $0.parameters }
    switch config.problemType {
    case "regression": loss = .meanSquaredError
    case "multi_label_classification": loss = .binaryCrossEntropy
    default: loss = .crossEntropy(labelSmoothing: labelSmoothing)
    }
  }

  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

  /// Reseeds every dropout stream (the trainer does this from `args.seed` at the start of training).
  public func reseedDropout(_ seed: UInt64) {
    var rng = RandomSource(seed: seed)
    for case let d as Dropout in layers { d.rng = rng.split() }
  }

  /// Runs the layers; the result is `output`.
  public func forward(_ x: Matrix, training: Bool) {
    var input = x
    for layer in layers {
      layer.forward(input, training: training)
      input = layer.output
    }
  }

  public var output: Matrix { layers[layers.count - 1].output }

  /// Backpropagates ∂loss/∂output through every layer, given the batch `x` that went forward.
  public func backward(_ x: Matrix, outputGradient: Matrix, accumulate: Bool) {
    var dy = outputGradient
    for i in stride(from: layers.count - 1, through: 0, by: -1) {
      let input = i == 0 ? x : layers[i - 1].output
      layers[i].backward(input, dy, needInputGradient: i > 0, accumulate: accumulate)
      if i > 0 { dy = layers[i].inputGradient }
    }
  }

  /// Parameters by name (checkpoint order).
  public var namedParameters: [(String, Parameter)] { parameters.map { ($0.name, $0) } }
}
