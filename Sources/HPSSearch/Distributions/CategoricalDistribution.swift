// A finite list of choices (Optuna's CategoricalDistribution). Internally a choice is its index.

/// One of `choices`; the internal representation is the index as a Double.
public struct CategoricalDistribution: Sendable, Hashable {
  public let choices: [ParamValue]

  /// - Throws: `DistributionProblem.emptyChoices` for an empty list.
  public init(choices: [ParamValue]) throws {
    guard !choices.isEmpty else { throw DistributionProblem.emptyChoices }
    self.choices = choices
  }

  public var isSingle: Bool { choices.count == 1 }

  /// The index of `value` among the choices (NaN matches NaN), or nil.
  public func index(of value: ParamValue) -> Int? {
    choices.firstIndex { $0.matches(value) }
  }

  public func contains(_ x: Double) -> Bool {
    x.isFinite && x.rounded() == x && x >= 0 && Int(x) < choices.count
  }

  /// Choices compare with NaN equal to NaN, so a NaN choice does not break equality.
  public static func == (a: CategoricalDistribution, b: CategoricalDistribution) -> Bool {
    a.choices.count == b.choices.count && zip(a.choices, b.choices).allSatisfy { $0.matches($1) }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(choices.count)
    for choice in choices {
      if case .float(let d) = choice, d.isNaN { hasher.combine("nan") } else { hasher.combine(choice) }
    }
  }
}
