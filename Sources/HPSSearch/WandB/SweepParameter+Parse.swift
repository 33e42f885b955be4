// One parameter specification: W&B's distribution inference when `distribution` is omitted, its
// allowed and required keys, its bound and probability rules, and the exponent-trap warning.
import Foundation

enum SweepParameterParser {
  static func parse(
    path: [String], spec: [String: JSONValue], errors: inout [String], warnings: inout [String]
  ) -> SweepParameter? {
    let name = path.joined(separator: ".")
    var problems: [String] = []
    func fail(_ message: String) { problems.append("Parameter \(name): \(message)") }

    guard let distribution = infer(spec, name: name, errors: &problems) else {
      errors += problems
      return nil
    }
    for key in spec.keys.sorted() where key != "distribution" && !distribution.allowedKeys.contains(key) {
      let allowed = (["distribution"] + distribution.allowedKeys.sorted()).joined(separator: ", ")
      var hint = ""
      if distribution == .categorical && key == "probabilities" { hint = "; with probabilities use distribution 'categorical_w_probabilities' or omit 'distribution'" }
      if distribution == .uniform && key == "q" { hint = "; a quantized uniform is 'q_uniform'" }
      fail("key '\(key)' is not allowed with distribution '\(distribution.rawValue)' (allowed: \(allowed))\(hint)")
    }
    for key in distribution.requiredKeys where spec[key] == nil {
      fail("distribution '\(distribution.rawValue)' requires '\(key)'")
    }

    var p = SweepParameter(path: path, distribution: distribution)
    func number(_ key: String) -> Double? {
      guard let v = spec[key] else { return nil }
      guard let d = v.doubleValue, d.isFinite else {
        fail("'\(key)' must be a finite number, got \(v.jsonText)")
        return nil
      }
      return d
    }
    switch distribution {
    case .constant:
      p.value = spec["value"]
    case .categorical, .categoricalWithProbabilities:
      if let v = spec["values"] {
        if case .array(let items) = v {
          if items.isEmpty { fail("'values' is empty; give at least one value ([] is too short)") }
          p.values = items
        } else {
          fail("'values' must be a list, got \(v.jsonText)")
        }
      }
      if distribution == .categoricalWithProbabilities, let pr = spec["probabilities"] {
        guard case .array(let items) = pr, !items.isEmpty else {
          fail("'probabilities' must be a non-empty list of numbers, got \(pr.jsonText)")
          break
        }
        let probs = items.compactMap(\.doubleValue)
        if probs.count != items.count || probs.contains(where: { !($0 >= 0) || !$0.isFinite }) {
          fail("'probabilities' must be numbers >= 0, got \(pr.jsonText)")
        } else if probs.count != p.values.count {
          problems.append("Parameter \(name): values \(JSONValue.array(p.values).jsonText) and probabilities \(pr.jsonText) are not the same length")
        } else if abs(probs.reduce(0, +) - 1) > 1e-8 + 1e-5 {
          // numpy.isclose(sum, 1.0): |sum − 1| ≤ atol 1e-8 + rtol 1e-5 · 1.
          problems.append("Parameter \(name): Probabilities \(pr.jsonText) do not sum to 1 (they sum to \(probs.reduce(0, +)))")
        }
        p.probabilities = probs
      }
    case .intUniform:
      for key in ["min", "max"] {
        guard let v = spec[key] else { continue }
        guard case .int(let n) = v else {
          fail("int_uniform needs integer '\(key)', got \(v.jsonText) (use distribution 'uniform' for real bounds)")
          continue
        }
        if key == "min" { p.intMin = n } else { p.intMax = n }
      }
      p.min = Double(p.intMin); p.max = Double(p.intMax)
    case .uniform, .qUniform, .logUniform, .logUniformValues, .qLogUniform, .qLogUniformValues, .invLogUniform, .invLogUniformValues:
      if let lo = number("min") { p.min = lo }
      if let hi = number("max") { p.max = hi }
    case .normal, .qNormal, .logNormal, .qLogNormal:
      if let m = number("mu") { p.mu = m }
      if let s = number("sigma") {
        if s < 0 { fail("'sigma' must be >= 0, got \(s)") }
        p.sigma = s
      }
    case .beta, .qBeta:
      for key in ["a", "b"] {
        guard let v = number(key) else { continue }
        // W&B's schema allows 0, but scipy's beta is undefined there (NaN samples).
        if !(v > 0) { fail("'\(key)' must be > 0 (W&B's schema allows 0, where the beta distribution is undefined), got \(v)") }
        if key == "a" { p.a = v } else { p.b = v }
      }
    }
    if distribution.isQuantized, let qv = spec["q"] {
      if let q = number("q") {
        if !(q > 0) { fail("'q' must be > 0, got \(q)") }
        p.q = q
        if case .int = qv { p.qIsInteger = true } else { p.qIsInteger = false }
      }
    }

    let hasBounds = spec["min"] != nil && spec["max"] != nil
    if hasBounds && problems.isEmpty && !(p.min < p.max) {
      // W&B's validate_min_max rejects min == max too.
      problems.append("\(name): min \(spec["min"]!.jsonText) is not less than max \(spec["max"]!.jsonText)")
    }
    if distribution.takesPositiveValueBounds, spec["min"] != nil, !(p.min > 0) {
      fail("'min' must be > 0 for \(distribution.rawValue) (it is a value, not an exponent), got \(spec["min"]!.jsonText)")
    }
    if let replacement = distribution.exponentReplacement, problems.isEmpty {
      var message = "\(name) uses \(distribution.rawValue), where min/max specify base-e exponents. Use \(replacement.rawValue) to specify limit values."
      let range = SweepSampling.range(of: p)
      message += " Values will lie in [\(fmt(range.lowerBound)), \(fmt(range.upperBound))]"
      if p.min >= 0 && p.max <= 1 && p.min < 0.01 {
        message += " — min \(p.min) / max \(p.max) look like values, not exponents: this is almost surely a mistake"
      }
      if p.max > 709 || p.min < -745 { message += " — e^\(p.max > 709 ? p.max : p.min) is outside the Double range" }
      warnings.append(message + ".")
    }
    errors += problems
    return problems.isEmpty ? p : nil
  }

  static func fmt(_ x: Double) -> String { String(format: "%.6g", x) }

  /// W&B's schema alternatives in its order: an explicit `distribution` wins; otherwise
  /// value → constant, values (+ probabilities) → categorical, int min/max → int_uniform,
  /// min/max with a float → uniform.
  static func infer(_ spec: [String: JSONValue], name: String, errors: inout [String]) -> SweepDistribution? {
    if let d = spec["distribution"] {
      guard case .string(let s) = d, let dist = SweepDistribution(rawValue: s) else {
        let known = SweepDistribution.allCases.map(\.rawValue).joined(separator: ", ")
        errors.append("Parameter \(name): unknown distribution \(d.jsonText); known: \(known)")
        return nil
      }
      return dist
    }
    if spec["value"] != nil { return .constant }
    if spec["values"] != nil { return spec["probabilities"] != nil ? .categoricalWithProbabilities : .categorical }
    if let lo = spec["min"], let hi = spec["max"] {
      if case .int = lo, case .int = hi { return .intUniform }
      return .uniform
    }
    if spec["min"] != nil || spec["max"] != nil {
      errors.append("Parameter \(name): missing '\(spec["min"] == nil ? "min" : "max")' (a range needs both min and max)")
      return nil
    }
    let keys = spec.keys.sorted().joined(separator: ", ")
    errors.append("Parameter \(name): cannot infer a distribution from keys [\(keys)]; give 'value', 'values', 'min' and 'max', or 'distribution'")
    return nil
  }
}
