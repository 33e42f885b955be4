// Expression nodes of the typed AST. The parser builds them; the compiler resolves names and lowers
// them. Every node carries the source range its error messages and tracebacks point at.

/// An expression and the source it came from.
public struct Expr: Sendable {
  public var kind: ExprKind
  public var range: SourceRange

  public init(_ kind: ExprKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// The shapes an expression can take: Python 3's expression grammar restricted to the hps subset.
public indirect enum ExprKind: Sendable {
  /// A bare identifier; the compiler decides whether it is a local, cell, global or builtin.
  case name(String)
  case constant(Constant)
  /// `f"..."`: literal text and `{expr!conv:spec}` replacement fields, in order. Adjacent string
  /// literals that include an f-string are concatenated into one node.
  case formattedString([FStringPart])

  case tuple([Expr])
  case list([Expr])
  case set([Expr])
  /// `{k: v, **other}` in source order.
  case dict([DictItem])
  /// `*x` inside a display, a call's arguments is an `Argument.star` instead, or an assignment
  /// target (`a, *rest = xs`).
  case starred(Expr)

  case unary(UnaryOperator, Expr)
  case binary(BinaryOperator, Expr, Expr)
  /// `a and b and c` is one node with three operands.
  case boolean(BooleanOperator, [Expr])
  /// `a < b <= c` is one node: the first operand, then one (operator, operand) pair per link.
  case compare(Expr, [ComparisonLink])
  /// `body if test else orElse`.
  case conditional(test: Expr, body: Expr, orElse: Expr)
  /// `x := value`.
  case namedExpression(target: String, value: Expr)
  case lambda(Parameters, body: Expr)

  case call(Expr, [Argument])
  case attribute(Expr, name: String)
  /// `value[index]`; a slice index is a `.slice` node, `a[1:2, 3]` a `.tuple` holding one.
  case `subscript`(Expr, index: Expr)
  /// `lower:upper:step` inside brackets; absent parts are nil.
  case slice(lower: Expr?, upper: Expr?, step: Expr?)

  case listComprehension(element: Expr, [Comprehension])
  case setComprehension(element: Expr, [Comprehension])
  case dictComprehension(key: Expr, value: Expr, [Comprehension])
  /// `(x for x in xs)`, also the bare form as a call's only argument.
  case generator(element: Expr, [Comprehension])

  case yield(Expr?)
  case yieldFrom(Expr)
}

/// A literal value.
public enum Constant: Sendable, Equatable {
  case none
  case `true`
  case `false`
  case ellipsis
  /// An integer literal that fits in 64 bits.
  case int(Int)
  /// An integer literal too large for 64 bits, as its decimal digits (no sign, no separators).
  case bigInt(String)
  case float(Double)
  /// An imaginary literal such as `2j`: parsed so the error can name it, not supported at run time.
  case imaginary(Double)
  case string(String)
  case bytes([UInt8])
}

/// One piece of an f-string.
public enum FStringPart: Sendable {
  case literal(String)
  /// `{value!conversion:formatSpec}`. `conversion` is "r", "s" or "a". The spec may itself
  /// contain replacement fields (`{x:{width}}`). `debugText` holds the `x=` prefix of `f"{x=}"`,
  /// which the compiler prints before the value.
  case replacement(
    value: Expr, conversion: Character?, formatSpec: [FStringPart]?, debugText: String?)
}

/// An entry of a dict display.
public enum DictItem: Sendable {
  case pair(key: Expr, value: Expr)
  /// `**mapping`.
  case unpack(Expr)
}

/// One link of a comparison chain.
public struct ComparisonLink: Sendable {
  public var op: ComparisonOperator
  public var right: Expr

  public init(_ op: ComparisonOperator, _ right: Expr) {
    self.op = op
    self.right = right
  }
}

/// An argument in a call.
public struct Argument: Sendable {
  public enum Kind: Sendable {
    case positional(Expr)
    case keyword(String, Expr)
    /// `*iterable`
    case star(Expr)
    /// `**mapping`
    case doubleStar(Expr)
  }

  public var kind: Kind
  public var range: SourceRange

  public init(_ kind: Kind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// One `for target in iterable if cond...` clause of a comprehension.
public struct Comprehension: Sendable {
  public var target: Expr
  public var iterable: Expr
  public var conditions: [Expr]
  public var range: SourceRange

  public init(target: Expr, iterable: Expr, conditions: [Expr], range: SourceRange) {
    self.target = target
    self.iterable = iterable
    self.conditions = conditions
    self.range = range
  }
}

/// A function's or lambda's parameter list, grouped the way Python binds arguments.
public struct Parameters: Sendable {
  /// Before a `/`.
  public var positionalOnly: [Parameter]
  /// Positional-or-keyword parameters.
  public var regular: [Parameter]
  /// `*args`; nil when absent (a bare `*` has no name and no vararg).
  public var varargs: Parameter?
  /// After `*` or `*args`.
  public var keywordOnly: [Parameter]
  /// `**kwargs`.
  public var kwargs: Parameter?

  public init(
    positionalOnly: [Parameter] = [], regular: [Parameter] = [], varargs: Parameter? = nil,
    keywordOnly: [Parameter] = [], kwargs: Parameter? = nil
  ) {
    self.positionalOnly = positionalOnly
    self.regular = regular
    self.varargs = varargs
    self.keywordOnly = keywordOnly
    self.kwargs = kwargs
  }

  public static let empty = Parameters()
}

/// One named parameter with its optional default and annotation (annotations are parsed and kept
/// for help(), never checked).
public struct Parameter: Sendable {
  public var name: String
  public var defaultValue: Expr?
  public var annotation: Expr?
  public var range: SourceRange

  public init(name: String, defaultValue: Expr? = nil, annotation: Expr? = nil, range: SourceRange) {
    self.name = name
    self.defaultValue = defaultValue
    self.annotation = annotation
    self.range = range
  }
}
