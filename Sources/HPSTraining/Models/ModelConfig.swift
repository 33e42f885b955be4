// A model's architecture, stored as `config.json` next to the weights (Transformers' convention).
import Foundation
import HPSNumerics

public struct ModelConfig: Codable, Equatable, Sendable {
  /// "mlp", "logistic_regression" or "linear_regression".
  public var modelType: String
  public var numFeatures: Int
  public var numLabels: Int
  public var hiddenSizes: [Int]
  /// "relu", "gelu", "tanh", "sigmoid", "silu".
  public var hiddenAct: String
  public var hiddenDropoutProb: Double
  public var useLayerNorm: Bool
  public var layerNormEps: Double
  /// "single_label_classification", "multi_label_classification" or "regression".
  public var problemType: String
  public var id2label: [String: String]?

  enum CodingKeys: String, CodingKey {
    case modelType = "model_type", numFeatures = "num_features", numLabels = "num_labels"
    case hiddenSizes = "hidden_sizes", hiddenAct = "hidden_act", hiddenDropoutProb = "hidden_dropout_prob"
    case useLayerNorm = "use_layer_norm", layerNormEps = "layer_norm_eps", problemType = "problem_type"
    case id2label
  }

  public init(
    modelType: String = "mlp", numFeatures: Int, numLabels: Int, hiddenSizes: [Int] = [],
    hiddenAct: String = "relu", hiddenDropoutProb: Double = 0, useLayerNorm: Bool = false,
    layerNormEps: Double = 1e-5, problemType: String = "single_label_classification",
    id2label: [String: String]? = nil
  ) {
    self.modelType = modelType
    self.numFeatures = numFeatures
    self.numLabels = numLabels
    self.hiddenSizes = hiddenSizes
    self.hiddenAct = hiddenAct
    self.hiddenDropoutProb = hiddenDropoutProb
    self.useLayerNorm = useLayerNorm
    self.layerNormEps = layerNormEps
    self.problemType = problemType
    self.id2label = id2label
  }

  public static func mlp(features: Int, labels: Int, hidden: [Int], activation: String = "relu",
                         dropout: Double = 0, layerNorm: Bool = false) -> ModelConfig {
    ModelConfig(modelType: "mlp", numFeatures: features, numLabels: labels, hiddenSizes: hidden,
                hiddenAct: activation, hiddenDropoutProb: dropout, useLayerNorm: layerNorm)
  }

  public static func logisticRegression(features: Int, labels: Int) -> ModelConfig {
    ModelConfig(modelType: "logistic_regression", numFeatures: features, numLabels: labels)
  }

  public static func linearRegression(features: Int, outputs: Int = 1) -> ModelConfig {
    ModelConfig(modelType: "linear_regression", numFeatures: features, numLabels: outputs, problemType: "regression")
  }

  public var isClassification: Bool { problemType != "regression" }

  /// Checks every field, naming the offending one.
  public func validate() throws {
    func fail(_ field: String, _ why: String) -> ModelError { .invalidConfig(field: field, message: why) }
    guard ["mlp", "logistic_regression", "linear_regression"].contains(modelType) else {
      throw fail("model_type", "must be 'mlp', 'logistic_regression' or 'linear_regression', got '\(modelType)'")
    }
    guard numFeatures >= 1 else { throw fail("num_features", "must be >= 1, got \(numFeatures)") }
    guard numLabels >= 1 else { throw fail("num_labels", "must be >= 1, got \(numLabels)") }
    if let bad = hiddenSizes.first(where: { $0 < 1 }) { throw fail("hidden_sizes", "sizes must be >= 1, got \(bad)") }
    guard Activation(rawValue: hiddenAct) != nil, hiddenAct != "identity" else {
      throw fail("hidden_act", "must be one of relu, gelu, tanh, sigmoid, silu; got '\(hiddenAct)'")
    }
    guard hiddenDropoutProb >= 0 && hiddenDropoutProb < 1 else {
      throw fail("hidden_dropout_prob", "must be in [0, 1), got \(hiddenDropoutProb)")
    }
    guard ["single_label_classification", "multi_label_classification", "regression"].contains(problemType) else {
      throw fail("problem_type", "must be 'single_label_classification', 'multi_label_classification' or 'regression', got '\(problemType)'")
    }
    if problemType == "single_label_classification" && numLabels < 2 {
      throw fail("num_labels", "single-label classification needs num_labels >= 2, got \(numLabels)")
    }
  }

  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try encoder.encode(self)
  }
}

public enum ModelError: Error, Equatable, CustomStringConvertible {
  case invalidConfig(field: String, message: String)
  case inputShape(expected: Int, got: Int)

  public var description: String {
    switch self {
    case .invalidConfig(let field, let message): return "invalid model config: \(field) \(message)"
    case .inputShape(let expected, let got): return "model expects \(expected) input features, got \(got)"
    }
  }
}
