import Foundation
import Testing
@testable import HPSSearch

/// Parses a configuration written as JSON text.
func sweepConfig(_ text: String) throws -> SweepConfig { try SweepConfig.parse(text) }

/// The violations a configuration produces (empty when it is valid).
func violations(_ text: String) -> [String] {
  do { _ = try SweepConfig.parse(text); return [] } catch let e as SweepConfigError { return e.violations } catch { return ["\(error)"] }
}

func expectViolation(_ text: String, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
  let v = violations(text)
  #expect(!v.isEmpty, "expected a violation for \(text)", sourceLocation: sourceLocation)
  let joined = v.joined(separator: "\n")
  for f in fragments {
    #expect(joined.contains(f), "'\(f)' not in: \(joined)", sourceLocation: sourceLocation)
  }
}

@Suite struct WandBConfigTests {
  @Test func inferenceFollowsWandBSchemaOrder() throws {
    let c = try sweepConfig("""
      {"method": "random", "parameters": {
        "c": {"value": 3}, "cat": {"values": [1, "a"]}, "p": {"values": [1, 2], "probabilities": [0.3, 0.7]},
        "i": {"min": 1, "max": 4}, "f": {"min": 1, "max": 4.0}, "g": {"min": 0.5, "max": 4},
        "u": {"distribution": "uniform", "min": 1, "max": 4}}}
      """)
    let kinds = Dictionary(uniqueKeysWithValues: c.parameters.map { ($0.name, $0.distribution) })
    #expect(kinds == ["c": .constant, "cat": .categorical, "p": .categoricalWithProbabilities, "i": .intUniform,
                      "f": .uniform, "g": .uniform, "u": .uniform])
    // Names sorted at each level, as W&B's HyperParameterSet does.
    #expect(c.parameters.map(\.name) == ["c", "cat", "f", "g", "i", "p", "u"])
  }

  @Test func defaultsAreFilled() throws {
    let c = try sweepConfig("""
      {"method": "bayes", "metric": {"name": "loss"}, "parameters": {
        "n": {"distribution": "normal"}, "qn": {"distribution": "q_normal"}, "b": {"distribution": "beta"},
        "q": {"distribution": "q_uniform", "min": 0, "max": 10}},
       "early_terminate": {"type": "hyperband", "min_iter": 2}}
      """)
    #expect(c.metric == SweepMetric(name: "loss", goal: .minimize, target: nil, impute: .worst))
    let byName = Dictionary(uniqueKeysWithValues: c.parameters.map { ($0.name, $0) })
    #expect(byName["n"]!.mu == 0 && byName["n"]!.sigma == 1)
    #expect(byName["qn"]!.q == 1 && byName["b"]!.a == 1 && byName["b"]!.b == 1)
    #expect(byName["q"]!.q == 1 && byName["q"]!.qIsInteger)
    #expect(c.earlyTerminate == SweepHyperband(minIter: 2, eta: 3, strict: true))
  }

  @Test func nestedParametersFlattenInSortedOrder() throws {
    let c = try sweepConfig("""
      {"method": "grid", "parameters": {"z": {"value": 1},
        "model": {"parameters": {"width": {"values": [8, 16]}, "depth": {"parameters": {"n": {"values": [1]}}}}},
        "a": {"values": [true]}}}
      """)
    #expect(c.parameters.map(\.name) == ["a", "model.depth.n", "model.width", "z"])
    #expect(c.parameters[1].path == ["model", "depth", "n"])
  }

  @Test func everyDocumentedDistributionParses() throws {
    let specs = [
      #"{"distribution": "constant", "value": 1}"#, #"{"distribution": "categorical", "values": [1]}"#,
      #"{"distribution": "categorical_w_probabilities", "values": [1, 2], "probabilities": [0.5, 0.5]}"#,
      #"{"distribution": "int_uniform", "min": 0, "max": 3}"#, #"{"distribution": "uniform", "min": 0, "max": 3}"#,
      #"{"distribution": "q_uniform", "min": 0, "max": 3, "q": 0.5}"#,
      #"{"distribution": "log_uniform_values", "min": 0.001, "max": 1}"#,
      #"{"distribution": "q_log_uniform_values", "min": 1, "max": 100, "q": 2}"#,
      #"{"distribution": "inv_log_uniform_values", "min": 0.01, "max": 1}"#,
      #"{"distribution": "log_uniform", "min": -5, "max": 0}"#, #"{"distribution": "q_log_uniform", "min": 0, "max": 5}"#,
      #"{"distribution": "inv_log_uniform", "min": 0, "max": 5}"#,
      #"{"distribution": "normal", "mu": 1, "sigma": 2}"#, #"{"distribution": "q_normal", "q": 0.5}"#,
      #"{"distribution": "log_normal", "mu": 0, "sigma": 1}"#, #"{"distribution": "q_log_normal", "q": 1}"#,
      #"{"distribution": "beta", "a": 2, "b": 3}"#, #"{"distribution": "q_beta", "a": 2, "b": 3, "q": 0.1}"#,
    ]
    for spec in specs {
      let c = try sweepConfig(#"{"method": "random", "parameters": {"x": "# + spec + "}}")
      #expect(c.parameters.count == 1, "\(spec)")
    }
    #expect(Set(specs.map { s in SweepDistribution.allCases.first { s.contains("\"\($0.rawValue)\"") }! }).count == SweepDistribution.allCases.count)
  }

  @Test func unknownDistributionNamesParameterAndKey() {
    expectViolation(#"{"method": "random", "parameters": {"lr": {"distribution": "loguniform", "min": 0.1, "max": 1}}}"#,
                    ["Parameter lr", "unknown distribution \"loguniform\"", "log_uniform_values"])
  }

  @Test func missingMinOrMax() {
    expectViolation(#"{"method": "random", "parameters": {"lr": {"distribution": "uniform", "min": 0.1}}}"#,
                    ["Parameter lr", "requires 'max'"])
    expectViolation(#"{"method": "random", "parameters": {"lr": {"max": 0.1}}}"#, ["Parameter lr", "missing 'min'"])
    expectViolation(#"{"method": "random", "parameters": {"lr": {"distribution": "log_uniform_values", "max": 1}}}"#,
                    ["Parameter lr", "requires 'min'"])
  }

  @Test func minNotLessThanMax() {
    expectViolation(#"{"method": "random", "parameters": {"lr": {"min": 2.0, "max": 1.0}}}"#, ["lr: min 2.0 is not less than max 1.0"])
    // W&B rejects equal bounds as well.
    expectViolation(#"{"method": "random", "parameters": {"n": {"min": 3, "max": 3}}}"#, ["n: min 3 is not less than max 3"])
  }

  @Test func emptyValues() {
    expectViolation(#"{"method": "random", "parameters": {"opt": {"values": []}}}"#, ["Parameter opt", "'values' is empty"])
  }

  @Test func probabilityRules() {
    expectViolation(#"{"method": "random", "parameters": {"o": {"values": [1, 2], "probabilities": [1.0]}}}"#,
                    ["Parameter o: values [1, 2] and probabilities [1.0] are not the same length"])
    expectViolation(#"{"method": "random", "parameters": {"o": {"values": [1, 2], "probabilities": [0.5, 0.6]}}}"#,
                    ["Parameter o: Probabilities [0.5, 0.6] do not sum to 1"])
    expectViolation(#"{"method": "random", "parameters": {"o": {"values": [1, 2], "probabilities": [-0.5, 1.5]}}}"#,
                    ["Parameter o", ">= 0"])
    #expect(violations(#"{"method": "random", "parameters": {"o": {"values": [1, 2], "probabilities": [0.3333333, 0.6666667]}}}"#).isEmpty)
  }

  @Test func gridOverContinuousDistribution() {
    expectViolation(#"{"method": "grid", "parameters": {"lr": {"min": 0.1, "max": 1.0}}}"#,
                    ["Parameter lr is a disallowed type with grid search", "'uniform'"])
    expectViolation(#"{"method": "grid", "parameters": {"o": {"values": [1, 2], "probabilities": [0.5, 0.5]}}}"#,
                    ["Parameter o is a disallowed type with grid search"])
    #expect(violations(#"{"method": "grid", "parameters": {"a": {"min": 1, "max": 3}, "b": {"distribution": "q_uniform", "min": 0, "max": 1, "q": 0.25}}}"#).isEmpty)
  }

  @Test func topLevelRules() {
    expectViolation(#"{"parameters": {"a": {"value": 1}}}"#, ["'method' is a required property"])
    expectViolation(#"{"method": "hill", "parameters": {"a": {"value": 1}}}"#, ["\"hill\" is not one of ['bayes', 'random', 'grid', 'custom']"])
    expectViolation(#"{"method": "random", "run_cap": 0, "parameters": {"a": {"value": 1}}}"#, ["0 is less than or equal to the minimum of 0"])
    expectViolation(#"{"method": "random", "parameters": {}}"#, ["should be non-empty"])
    expectViolation(#"{"method": "random", "parameters": {"1a": {"value": 1}}}"#, ["'1a' does not match"])
    expectViolation(#"{"method": "random", "budget": 3, "parameters": {"a": {"value": 1}}}"#, ["('budget' was unexpected)"])
    expectViolation(#"{"method": "bayes", "parameters": {"a": {"min": 0.0, "max": 1.0}}}"#, ["Bayesian search requires \"metric\" section"])
    expectViolation(#"{"method": "bayes", "metric": {"name": "l"}, "parameters": {"a": {"value": 1}}}"#, ["Need at least one searchable parameter"])
    expectViolation(#"{"method": "random", "metric": {"name": "l", "goal": "up"}, "parameters": {"a": {"value": 1}}}"#,
                    ["\"up\" is not one of ['minimize', 'maximize']"])
    expectViolation(#"{"method": "random", "metric": {"goal": "minimize"}, "parameters": {"a": {"value": 1}}}"#, ["'name' is a required property (metric)"])
  }

  @Test func malformedParameters() {
    expectViolation(#"{"method": "random", "parameters": {"a": {"value": 1, "values": [1]}}}"#,
                    ["Parameter a: key 'values' is not allowed with distribution 'constant'"])
    expectViolation(#"{"method": "random", "parameters": {"a": {"distribution": "uniform", "min": 0, "max": 1, "q": 0.1}}}"#,
                    ["key 'q' is not allowed", "q_uniform"])
    expectViolation(#"{"method": "random", "parameters": {"a": {"distribution": "int_uniform", "min": 0.5, "max": 3}}}"#,
                    ["Parameter a: int_uniform needs integer 'min'"])
    expectViolation(#"{"method": "random", "parameters": {"a": {"distribution": "log_uniform_values", "min": 0, "max": 3}}}"#,
                    ["Parameter a", "'min' must be > 0"])
    expectViolation(#"{"method": "random", "parameters": {"a": {"distribution": "q_uniform", "min": 0, "max": 3, "q": 0}}}"#, ["'q' must be > 0"])
    expectViolation(#"{"method": "random", "parameters": {"a": {"distribution": "normal", "sigma": -1}}}"#, ["'sigma' must be >= 0"])
    expectViolation(#"{"method": "random", "parameters": {"a": {"distribution": "beta", "a": 0}}}"#, ["'a' must be > 0"])
    expectViolation(#"{"method": "random", "parameters": {"a": {"mu": 1}}}"#, ["Parameter a: cannot infer a distribution from keys [mu]"])
    expectViolation(#"{"method": "random", "parameters": {"a": 3}}"#, ["Parameter a: expected an object"])
    expectViolation(#"{"method": "random", "parameters": {"m": {"parameters": {"w": {"values": []}}}}}"#, ["Parameter m.w: 'values' is empty"])
    expectViolation(#"{"method": "random", "parameters": {"m": {"parameters": {"w": {"value": 1}}, "value": 2}}}"#, ["Parameter m: key 'value' is not allowed next to 'parameters'"])
  }

  @Test func earlyTerminateRules() {
    let base = #"{"method": "random", "metric": {"name": "l"}, "parameters": {"a": {"value": 1}}, "early_terminate": "#
    expectViolation(base + #"{"type": "hyperband"}}"#, ["needs 'min_iter', or both 'max_iter' and 's'"])
    expectViolation(base + #"{"type": "hyperband", "min_iter": 1, "eta": 1}}"#, ["minimum of 1 (early_terminate.eta)"])
    expectViolation(base + #"{"type": "median", "min_iter": 1}}"#, ["\"median\" is not one of ['hyperband']"])
    expectViolation(base + #"{"type": "hyperband", "max_iter": 2, "s": 1, "eta": 3}}"#, ["Bands must be an array of length at least 1"])
    expectViolation(#"{"method": "random", "parameters": {"a": {"value": 1}}, "early_terminate": {"type": "hyperband", "min_iter": 1}}"#,
                    ["Hyperband stopping requires \"metric\" section"])
  }

  @Test func everyViolationIsReportedAtOnce() {
    let v = violations(#"{"method": "grid", "run_cap": -1, "parameters": {"a": {"values": []}, "b": {"min": 2, "max": 1}}}"#)
    #expect(v.count == 3, "\(v)")
  }

  @Test func exponentTrapWarns() throws {
    let c = try sweepConfig(#"{"method": "random", "parameters": {"lr": {"distribution": "log_uniform", "min": 1e-6, "max": 0.1}}}"#)
    #expect(c.warnings.count == 1)
    let w = c.warnings[0]
    #expect(w.contains("lr uses log_uniform, where min/max specify base-e exponents. Use log_uniform_values to specify limit values."))
    #expect(w.contains("almost surely a mistake"))
    #expect(w.contains("[1, 1.10517]"))
    let plain = try sweepConfig(#"{"method": "random", "parameters": {"lr": {"distribution": "log_uniform", "min": -9.2, "max": -2.3}}}"#)
    #expect(plain.warnings.count == 1 && !plain.warnings[0].contains("mistake"))
    let values = try sweepConfig(#"{"method": "random", "parameters": {"lr": {"distribution": "log_uniform_values", "min": 1e-6, "max": 0.1}}}"#)
    #expect(values.warnings.isEmpty)
  }

  @Test func sweepLogsWarningsAndStoresConfig() throws {
    let (logger, records) = SearchLogger.collecting()
    let storage = InMemoryStorage()
    let id = try WandbSweeps.sweep(json: #"{"method": "random", "parameters": {"lr": {"distribution": "q_log_uniform", "min": 0, "max": 3}}}"#,
                                   storage: storage, logger: logger)
    #expect(id.count == 8)
    #expect(records.withLock { $0.contains { $0.level == .warning && $0.message.contains("q_log_uniform") } })
    #expect(try WandbSweeps.config(sweepID: id, storage: storage).parameters[0].distribution == .qLogUniform)
    #expect(throws: SweepConfigError.self) { try WandbSweeps.sweep(json: #"{"method": "random"}"#, storage: storage, logger: logger) }
  }
}

@Suite struct WandBConfigMoreTests {
  @Test func remainingKeyRules() {
    let p = #""parameters": {"a": {"value": 1}}"#
    expectViolation(#"{"method": "random", "metric": {"name": "l", "target": "high"}, "# + p + "}", ["\"high\" is not of type 'number' (metric.target)"])
    expectViolation(#"{"method": "random", "metric": {"name": "l", "impute": "mean"}, "# + p + "}", ["\"mean\" is not one of ['latest', 'best', 'worst']"])
    expectViolation(#"{"method": "random", "metric": {"name": "l", "impute_while_running": "best"}, "# + p + "}", ["impute_while_running"])
    expectViolation(#"{"method": "random", "metric": {"name": "l", "extra": 1}, "# + p + "}", ["('extra' was unexpected) (metric)"])
    expectViolation(#"{"method": "random", "run_cap": 2.5, "# + p + "}", ["2.5 is not of type 'integer' (run_cap)"])
    expectViolation(#"{"method": "custom", "# + p + "}", ["method 'custom' needs an external engine"])
    expectViolation(#"{"method": "random", "scheduler": {"engine": "optuna"}, "# + p + "}", ["'scheduler' needs method: custom"])
    let et = #"{"method": "random", "metric": {"name": "l"}, "# + p + #", "early_terminate": "#
    expectViolation(et + #"{"type": "hyperband", "min_iter": 1, "strict": "yes"}}"#, ["early_terminate.strict must be true or false"])
    expectViolation(et + #"{"type": "hyperband", "max_iter": 9.5, "s": 2}}"#, ["early_terminate.max_iter must be an integer"])
    expectViolation(et + #"{"type": "hyperband", "min_iter": 0}}"#, ["early_terminate.min_iter must be an integer >= 1"])
    expectViolation(et + #"{"type": "hyperband", "min_iter": 1, "bands": [1]}}"#, ["('bands' was unexpected) (early_terminate)"])
    // Metadata keys W&B accepts are ignored, not errors.
    #expect(violations(#"{"method": "random", "program": "train.py", "name": "s", "project": "p", "# + p + "}").isEmpty)
    #expect(violations("[1, 2]") == ["sweep configuration must be an object, got [1, 2]"])
  }

  @Test func agentWithoutAnEndNeedsACount() throws {
    let storage = InMemoryStorage()
    let id = try WandbSweeps.sweep(json: #"{"method": "random", "parameters": {"x": {"min": 0.0, "max": 1.0}}}"#, storage: storage, logger: .silent)
    #expect(throws: SearchError.self) { try WandbSweeps.agent(sweepID: id, storage: storage, logger: .silent) { _ in } }
    // A grid ends by itself.
    let grid = try WandbSweeps.sweep(json: #"{"method": "grid", "parameters": {"x": {"values": [1, 2]}}}"#, storage: storage, logger: .silent)
    #expect(try WandbSweeps.agent(sweepID: grid, storage: storage, logger: .silent) { _ in }.count == 2)
  }

  @Test func twoAgentsOnThreadsShareOneSweep() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wandb-mt-\(UUID().uuidString).db").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let storage = try SQLiteStorage(path: path)
    let id = try WandbSweeps.sweep(json: #"{"method": "bayes", "metric": {"name": "l"}, "parameters": {"x": {"min": -1.0, "max": 1.0}}}"#, storage: storage, logger: .silent)
    let counts = Locked([Int]())
    DispatchQueue.concurrentPerform(iterations: 2) { k in
      let n = (try? WandbSweeps.agent(sweepID: id, storage: storage, count: 8, seed: k, logger: .silent) { run in
        try run.log(["l": pow(run["x"]!.doubleValue!, 2)])
      }.count) ?? -1
      counts.withLock { $0.append(n) }
    }
    #expect(counts.current.sorted() == [8, 8])
    #expect(try Study.load(studyName: id, storage: storage, logger: .silent).trials(states: [.complete]).count == 16)
  }
}
