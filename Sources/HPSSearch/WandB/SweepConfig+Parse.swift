// Reading a sweep configuration from JSON with W&B's rules: the same keys, defaults and
// distribution inference, every violation collected (not just the first), messages that name
// the parameter and the key. Where W&B is silent or wrong the message says more (docs/wandb.md).
import Foundation

extension SweepConfig {
  static let topLevelKeys: Set<String> = [
    "method", "metric", "parameters", "run_cap", "early_terminate", "program", "command", "name",
    "description", "entity", "project", "controller", "job", "image_uri", "kind", "apiVersion", "metrics", "scheduler",
  ]
  static let namePattern = #"^[A-Za-z_][A-Za-z0-9_.-]*$"#

  /// Parses JSON text (YAML users: convert first; the shapes are the same).
  public static func parse(_ text: String) throws -> SweepConfig {
    try SweepConfig(json: try JSONValue.parse(text))
  }

  /// Validates and fills a configuration.
  /// - Throws: `SweepConfigError` listing every violation.
  public init(json: JSONValue) throws {
    var errors: [String] = []
    var warnings: [String] = []
    guard case .object(let top) = json else {
      throw SweepConfigError(["sweep configuration must be an object, got \(json.jsonText)"])
    }
    for key in top.keys.sorted() where !Self.topLevelKeys.contains(key) {
      errors.append("Additional properties are not allowed ('\(key)' was unexpected)")
    }
    for key in ["metrics", "scheduler"] where top[key] != nil {
      errors.append("'\(key)' needs method: custom and an external engine, which a local sweep cannot run")
    }

    var method = SweepMethod.random
    switch top["method"] {
    case nil: errors.append("'method' is a required property")
    case .string(let m)? where SweepMethod(rawValue: m) != nil: method = SweepMethod(rawValue: m)!
    case .string("custom")?: errors.append("method 'custom' needs an external engine (scheduler.engine); use grid, random or bayes")
    case let other?: errors.append("\(other.jsonText) is not one of ['bayes', 'random', 'grid', 'custom'] (method)")
    }

    var metric: SweepMetric?
    if let m = top["metric"] { metric = Self.parseMetric(m, errors: &errors) }

    var runCap: Int?
    if let r = top["run_cap"] {
      if case .int(let n) = r {
        if n > 0 { runCap = n } else { errors.append("\(n) is less than or equal to the minimum of 0 (run_cap)") }
      } else {
        errors.append("\(r.jsonText) is not of type 'integer' (run_cap)")
      }
    }

    var hyperband: SweepHyperband?
    if let e = top["early_terminate"] { hyperband = Self.parseHyperband(e, errors: &errors) }

    var parameters: [SweepParameter] = []
    switch top["parameters"] {
    case nil: errors.append("Sweep config must contain parameters section")
    case .object(let members)?:
      if members.isEmpty { errors.append("{} should be non-empty (parameters)") }
      Self.parseParameters(members, prefix: [], into: &parameters, errors: &errors, warnings: &warnings)
    case let other?: errors.append("parameters must be an object of parameter specifications, got \(other.jsonText)")
    }

    if method == .bayes, top["metric"] == nil { errors.append("Bayesian search requires \"metric\" section") }
    if hyperband != nil, top["metric"] == nil { errors.append("Hyperband stopping requires \"metric\" section") }
    if method == .bayes, !parameters.isEmpty, !parameters.contains(where: \.isSearchable) {
      errors.append("Need at least one searchable parameter for bayes search.")
    }
    if method == .grid {
      for p in parameters where !p.distribution.isGridable {
        errors.append("Parameter \(p.name) is a disallowed type with grid search. Grid search requires all parameters to be categorical, constant, int_uniform, or q_uniform. Specification of probabilities for categorical parameters is disallowed in grid search (\(p.name) has distribution '\(p.distribution.rawValue)')")
      }
    }
    if let metric, metric.target != nil, method == .grid {
      warnings.append("metric.target ends the sweep early; a grid sweep then skips the rest of its grid")
    }
    guard errors.isEmpty else { throw SweepConfigError(errors) }
    self.init(method: method, metric: metric, parameters: parameters, runCap: runCap,
              earlyTerminate: hyperband, warnings: warnings, source: json)
  }

  static func parseMetric(_ value: JSONValue, errors: inout [String]) -> SweepMetric? {
    guard case .object(let m) = value else {
      errors.append("invalid type for metric: expected dict, got \(value.jsonText)")
      return nil
    }
    for key in m.keys.sorted() where !["name", "goal", "target", "impute", "impute_while_running"].contains(key) {
      errors.append("Additional properties are not allowed ('\(key)' was unexpected) (metric)")
    }
    guard case .string(let name)? = m["name"] else {
      errors.append(m["name"] == nil ? "'name' is a required property (metric)" : "\(m["name"]!.jsonText) is not of type 'string' (metric.name)")
      return nil
    }
    var metric = SweepMetric(name: name)
    if let g = m["goal"] {
      if case .string(let s) = g, let goal = SweepMetric.Goal(rawValue: s) { metric.goal = goal } else {
        errors.append("\(g.jsonText) is not one of ['minimize', 'maximize'] (metric.goal)")
      }
    }
    if let t = m["target"] {
      if let d = t.doubleValue, d.isFinite { metric.target = d } else { errors.append("\(t.jsonText) is not of type 'number' (metric.target)") }
    }
    if let i = m["impute"] {
      if case .string(let s) = i, let imp = SweepMetric.Impute(rawValue: s) { metric.impute = imp } else {
        errors.append("\(i.jsonText) is not one of ['latest', 'best', 'worst'] (metric.impute)")
      }
    }
    if let i = m["impute_while_running"], i != .string("false") {
      errors.append("metric.impute_while_running \(i.jsonText) is not supported locally; running runs enter the model as pending points (only \"false\", W&B's default)")
    }
    return metric
  }

  static func parseHyperband(_ value: JSONValue, errors: inout [String]) -> SweepHyperband? {
    guard case .object(let e) = value else {
      errors.append("early_terminate must be an object, got \(value.jsonText)")
      return nil
    }
    var ok = true
    func fail(_ s: String) { errors.append(s); ok = false }
    switch e["type"] {
    case .string("hyperband")?: break
    case nil: fail("'type' is a required property (early_terminate)")
    case let t?: fail("\(t.jsonText) is not one of ['hyperband'] (early_terminate.type)")
    }
    for key in e.keys.sorted() where !["type", "min_iter", "max_iter", "s", "eta", "strict"].contains(key) {
      fail("Additional properties are not allowed ('\(key)' was unexpected) (early_terminate)")
    }
    var h = SweepHyperband()
    if let v = e["min_iter"] {
      if case .int(let n) = v, n >= 1 { h.minIter = n } else { fail("early_terminate.min_iter must be an integer >= 1, got \(v.jsonText)") }
    }
    if let v = e["max_iter"] {
      if case .int(let n) = v { h.maxIter = n } else { fail("early_terminate.max_iter must be an integer, got \(v.jsonText)") }
    }
    if let v = e["s"] {
      if let d = v.doubleValue, d.isFinite { h.s = d } else { fail("early_terminate.s must be a number, got \(v.jsonText)") }
    }
    if let v = e["eta"] {
      if let d = v.doubleValue, d > 1, d.isFinite { h.eta = d } else { fail("\(v.jsonText) is less than or equal to the minimum of 1 (early_terminate.eta)") }
    }
    if let v = e["strict"] {
      if case .bool(let b) = v { h.strict = b } else { fail("early_terminate.strict must be true or false, got \(v.jsonText)") }
    }
    if e["min_iter"] == nil && (e["max_iter"] == nil || e["s"] == nil) {
      fail("early_terminate needs 'min_iter', or both 'max_iter' and 's'")
    }
    if ok, let bands = try? SweepHyperbandMath.bands(h), bands.isEmpty {
      fail("Bands must be an array of length at least 1. Try increasing s, decreasing eta, or increasing min_iter.")
    }
    return ok ? h : nil
  }

  static func parseParameters(
    _ members: [String: JSONValue], prefix: [String], into out: inout [SweepParameter],
    errors: inout [String], warnings: inout [String]
  ) {
    for key in members.keys.sorted(by: SweepOrder.precedes) {
      let path = prefix + [key]
      let name = path.joined(separator: ".")
      if key.range(of: namePattern, options: .regularExpression) == nil {
        errors.append("'\(key)' does not match '\(namePattern)' (parameter names)")
        continue
      }
      guard case .object(let spec)? = members[key] else {
        errors.append("Parameter \(name): expected an object such as {values: [...]} or {min: 0, max: 1}, got \(members[key]!.jsonText)")
        continue
      }
      if let nested = spec["parameters"] {
        for extra in spec.keys.sorted() where extra != "parameters" {
          errors.append("Parameter \(name): key '\(extra)' is not allowed next to 'parameters' (a nested parameter holds only 'parameters')")
        }
        guard case .object(let children) = nested, !children.isEmpty else {
          errors.append("Parameter \(name): 'parameters' must be a non-empty object")
          continue
        }
        parseParameters(children, prefix: path, into: &out, errors: &errors, warnings: &warnings)
        continue
      }
      if let p = SweepParameterParser.parse(path: path, spec: spec, errors: &errors, warnings: &warnings) {
        out.append(p)
      }
    }
  }
}

/// Python's `sorted()` on str: code-point order (W&B sorts parameter names at each level).
enum SweepOrder {
  static func precedes(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
  }
}
