// Statement nodes of the typed AST and the `Module` that holds a parsed file or cell.

/// A parsed unit of source: a file, a REPL cell, a `-c` string.
public struct Module: Sendable {
  public var body: [Stmt]
  public var source: SourceFile

  public init(body: [Stmt], source: SourceFile) {
    self.body = body
    self.source = source
  }
}

/// A statement and the source it came from. The range of a compound statement covers its header
/// line only (`if x:`), which is what tracebacks show.
public struct Stmt: Sendable {
  public var kind: StmtKind
  public var range: SourceRange

  public init(_ kind: StmtKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// The shapes a statement can take.
public indirect enum StmtKind: Sendable {
  case expression(Expr)
  /// `a = b = value`: every target in order, left to right.
  case assign(targets: [Expr], value: Expr)
  /// `target op= value`.
  case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
  /// `target: annotation = value` (the value is optional; the annotation is never evaluated).
  case annotatedAssign(target: Expr, annotation: Expr, value: Expr?)
  case delete([Expr])
  case pass
  case `break`
  case `continue`
  case `return`(Expr?)
  /// `raise`, `raise exc`, `raise exc from cause`.
  case raise(exception: Expr?, cause: Expr?)
  case global([String])
  case nonlocal([String])
  case assert(test: Expr, message: Expr?)

  /// `elif` chains are nested: the `orElse` of an `if` holds a single `.if` statement.
  case `if`(test: Expr, body: [Stmt], orElse: [Stmt])
  case `while`(test: Expr, body: [Stmt], orElse: [Stmt])
  case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
  case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
  case with(items: [WithItem], body: [Stmt])

  case functionDef(FunctionDef)
  case classDef(ClassDef)

  /// `import a.b as c, d`.
  case `import`([ImportName])
  /// `from .mod import a as b, c` (`level` counts the leading dots; names is empty for `*`).
  case importFrom(module: String?, names: [ImportName], level: Int, star: Bool)
}

/// `def name(parameters) -> returns: body`, with its decorators outermost first.
public struct FunctionDef: Sendable {
  public var name: String
  public var parameters: Parameters
  public var body: [Stmt]
  public var decorators: [Expr]
  public var returns: Expr?
  /// The docstring, when the body opens with a string literal.
  public var docstring: String?

  public init(
    name: String, parameters: Parameters, body: [Stmt], decorators: [Expr] = [],
    returns: Expr? = nil, docstring: String? = nil
  ) {
    self.name = name
    self.parameters = parameters
    self.body = body
    self.decorators = decorators
    self.returns = returns
    self.docstring = docstring
  }
}

/// `class Name(bases, keyword=...): body`.
public struct ClassDef: Sendable {
  public var name: String
  public var bases: [Expr]
  public var keywords: [Argument]
  public var body: [Stmt]
  public var decorators: [Expr]
  public var docstring: String?

  public init(
    name: String, bases: [Expr], keywords: [Argument] = [], body: [Stmt], decorators: [Expr] = [],
    docstring: String? = nil
  ) {
    self.name = name
    self.bases = bases
    self.keywords = keywords
    self.body = body
    self.decorators = decorators
    self.docstring = docstring
  }
}

/// `except Type as name: body` (`type` is nil for a bare `except:`).
public struct ExceptHandler: Sendable {
  public var type: Expr?
  public var name: String?
  public var body: [Stmt]
  public var range: SourceRange

  public init(type: Expr?, name: String?, body: [Stmt], range: SourceRange) {
    self.type = type
    self.name = name
    self.body = body
    self.range = range
  }
}

/// `context as target` in a `with` statement.
public struct WithItem: Sendable {
  public var context: Expr
  public var target: Expr?

  public init(context: Expr, target: Expr?) {
    self.context = context
    self.target = target
  }
}

/// A dotted module path or an imported name, and its `as` alias.
public struct ImportName: Sendable {
  /// `a.b.c` for `import a.b.c`; a single name in `from m import name`.
  public var name: String
  public var alias: String?
  public var range: SourceRange

  public init(name: String, alias: String?, range: SourceRange) {
    self.name = name
    self.alias = alias
    self.range = range
  }
}
