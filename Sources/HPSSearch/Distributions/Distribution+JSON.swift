// Optuna's `distribution_to_json` / `json_to_distribution` format, so stored studies read the same
// way: {"name": "FloatDistribution", "attributes": {"low": 0.0, "high": 1.0, "log": false, "step": null}}.
import Foundation

extension Distribution {
  /// The JSON object Optuna writes for this distribution.
  public var json: JSONValue {
    switch self {
    case .float(let d):
      return .object([
        "name": .string("FloatDistribution"),
        "attributes": .object([
          "low": .double(d.low), "high": .double(d.high), "log": .bool(d.log),
          "step": d.step.map { .double($0) } ?? .null,
        ]),
      ])
    case .int(let d):
      return .object([
        "name": .string("IntDistribution"),
        "attributes": .object([
          "low": .int(d.low), "high": .int(d.high), "log": .bool(d.log), "step": .int(d.step),
        ]),
      ])
    case .categorical(let d):
      return .object([
        "name": .string("CategoricalDistribution"),
        "attributes": .object(["choices": .array(d.choices.map(\.json))]),
      ])
    }
  }

  public var jsonText: String { json.jsonText }

  /// Reads Optuna's JSON, including the pre-3.0 names (UniformDistribution,
  /// LogUniformDistribution, DiscreteUniformDistribution, IntUniformDistribution,
  /// IntLogUniformDistribution) that old databases contain.
  /// - Throws: `SearchError.invalidJSON` for unknown names or missing attributes.
  public init(json: JSONValue) throws {
    guard let name = json["name"]?.stringValue, let attrs = json["attributes"] else {
      throw SearchError.invalidJSON(message: "a distribution needs 'name' and 'attributes': \(json)")
    }
    func number(_ key: String) throws -> Double {
      guard let v = attrs[key]?.doubleValue else {
        throw SearchError.invalidJSON(message: "\(name) needs a numeric '\(key)'")
      }
      return v
    }
    func integer(_ key: String) throws -> Int {
      guard let v = attrs[key]?.intValue else {
        throw SearchError.invalidJSON(message: "\(name) needs an integer '\(key)'")
      }
      return v
    }
    let silent = SearchLogger.silent
    do {
      switch name {
      case "FloatDistribution":
        let step = attrs["step"].flatMap { $0 == .null ? nil : $0.doubleValue }
        self = .float(
          try FloatDistribution(
            low: try number("low"), high: try number("high"), log: attrs["log"]?.boolValue ?? false,
            step: step, logger: silent))
      case "UniformDistribution":
        self = .float(try FloatDistribution(low: try number("low"), high: try number("high"), logger: silent))
      case "LogUniformDistribution":
        self = .float(
          try FloatDistribution(low: try number("low"), high: try number("high"), log: true, logger: silent))
      case "DiscreteUniformDistribution":
        self = .float(
          try FloatDistribution(
            low: try number("low"), high: try number("high"), step: try number("q"), logger: silent))
      case "IntDistribution", "IntUniformDistribution", "IntLogUniformDistribution":
        self = .int(
          try IntDistribution(
            low: try integer("low"), high: try integer("high"),
            log: attrs["log"]?.boolValue ?? (name == "IntLogUniformDistribution"),
            step: attrs["step"]?.intValue ?? 1, logger: silent))
      case "CategoricalDistribution":
        guard case .array(let items)? = attrs["choices"] else {
          throw SearchError.invalidJSON(message: "CategoricalDistribution needs a 'choices' array")
        }
        let choices = try items.map { item -> ParamValue in
          guard let v = ParamValue(json: item) else {
            throw SearchError.invalidJSON(message: "a categorical choice must be a scalar, got \(item)")
          }
          return v
        }
        self = .categorical(try CategoricalDistribution(choices: choices))
      default:
        throw SearchError.invalidJSON(message: "unknown distribution '\(name)'")
      }
    } catch let problem as DistributionProblem {
      throw SearchError.invalidJSON(message: "\(name): \(problem)")
    }
  }

  /// Parses the text form written by `jsonText`.
  public init(jsonText: String) throws {
    try self.init(json: try JSONValue.parse(jsonText))
  }
}
