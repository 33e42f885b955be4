// The distributions a W&B sweep parameter can name (wandb/sweeps' schema.json), with the keys each
// one accepts. `log_uniform`, `q_log_uniform` and `inv_log_uniform` take natural-log EXPONENTS as
// min/max; their `_values` twins take the values themselves.

/// A W&B sweep distribution, spelled as in the sweep configuration.
public enum SweepDistribution: String, Sendable, CaseIterable, Equatable {
  case constant
  case categorical
  case categoricalWithProbabilities = "categorical_w_probabilities"
  case intUniform = "int_uniform"
  case uniform
  case qUniform = "q_uniform"
  case logUniform = "log_uniform"
  case logUniformValues = "log_uniform_values"
  case qLogUniform = "q_log_uniform"
  case qLogUniformValues = "q_log_uniform_values"
  case invLogUniform = "inv_log_uniform"
  case invLogUniformValues = "inv_log_uniform_values"
  case normal
  case qNormal = "q_normal"
  case logNormal = "log_normal"
  case qLogNormal = "q_log_normal"
  case beta
  case qBeta = "q_beta"

  /// Keys allowed next to `distribution` (W&B's schemas set additionalProperties: false).
  var allowedKeys: Set<String> {
    switch self {
    case .constant: return ["value"]
    case .categorical: return ["values"]
    case .categoricalWithProbabilities: return ["values", "probabilities"]
    case .intUniform, .uniform, .logUniform, .logUniformValues, .invLogUniform, .invLogUniformValues:
      return ["min", "max"]
    case .qUniform, .qLogUniform, .qLogUniformValues: return ["min", "max", "q"]
    case .normal, .logNormal: return ["mu", "sigma"]
    case .qNormal, .qLogNormal: return ["mu", "sigma", "q"]
    case .beta: return ["a", "b"]
    case .qBeta: return ["a", "b", "q"]
    }
  }

  var requiredKeys: [String] {
    switch self {
    case .constant: return ["value"]
    case .categorical: return ["values"]
    case .categoricalWithProbabilities: return ["values", "probabilities"]
    case .intUniform, .uniform, .qUniform, .logUniform, .logUniformValues, .qLogUniform, .qLogUniformValues,
         .invLogUniform, .invLogUniformValues:
      return ["min", "max"]
    default: return []
    }
  }

  var isQuantized: Bool {
    switch self {
    case .qUniform, .qLogUniform, .qLogUniformValues, .qNormal, .qLogNormal, .qBeta: return true
    default: return false
    }
  }

  /// Bounds must be positive real values (W&B: exclusiveMinimum 0 on min).
  var takesPositiveValueBounds: Bool {
    self == .logUniformValues || self == .qLogUniformValues || self == .invLogUniformValues
  }

  /// The exponent-based originals and the `_values` distribution to use instead.
  var exponentReplacement: SweepDistribution? {
    switch self {
    case .logUniform: return .logUniformValues
    case .qLogUniform: return .qLogUniformValues
    case .invLogUniform: return .invLogUniformValues
    default: return nil
    }
  }

  /// Grid search enumerates only these (W&B's grid_search.py).
  var isGridable: Bool { self == .constant || self == .categorical || self == .intUniform || self == .qUniform }
}
