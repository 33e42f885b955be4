// The operator vocabulary shared by the parser, the compiler and error messages.

/// A binary arithmetic or bitwise operator (also the operator of an augmented assignment).
public enum BinaryOperator: String, Sendable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case matrixMultiply = "@"
  case trueDivide = "/"
  case floorDivide = "//"
  case modulo = "%"
  case power = "**"
  case leftShift = "<<"
  case rightShift = ">>"
  case bitOr = "|"
  case bitXor = "^"
  case bitAnd = "&"

  /// The symbol as written, e.g. `"//"`; `"//="` is `symbol + "="`.
  public var symbol: String { rawValue }
}

/// A prefix operator.
public enum UnaryOperator: String, Sendable, CaseIterable {
  case negate = "-"
  case plus = "+"
  case invert = "~"
  case not = "not"
}

/// `and` / `or`, which short-circuit and return an operand rather than a bool.
public enum BooleanOperator: String, Sendable {
  case and
  case or
}

/// One link of a comparison chain such as `a < b <= c`.
public enum ComparisonOperator: String, Sendable, CaseIterable {
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case `is` = "is"
  case isNot = "is not"
  case `in` = "in"
  case notIn = "not in"
}
