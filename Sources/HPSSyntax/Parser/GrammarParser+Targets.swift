// What may stand left of `=`, after `for`, after `del`, or before `+=`: checked on the parsed
// expression, with CPython's names for the offending node.

enum TargetContext {
  case assignment
  /// The single target of `x = value` (CPython adds "Maybe you meant '=='").
  case soleAssignment
  case forLoop
  case delete
  case withItem
}

extension GrammarParser {
  func validateTarget(_ target: Expr, context: TargetContext) throws(SyntaxError) {
    switch target.kind {
    case .name, .attribute, .subscript:
      return
    case .tuple(let elements), .list(let elements):
      if context == .delete {
        for element in elements { try validateTarget(element, context: .delete) }
        return
      }
      var starred = 0
      for element in elements {
        if case .starred(let inner) = element.kind {
          starred += 1
          if starred > 1 { throw error(.multipleStarredTargets, target.range) }
          try validateTarget(inner, context: context == .soleAssignment ? .assignment : context)
        } else {
          try validateTarget(element, context: context == .soleAssignment ? .assignment : context)
        }
      }
    case .starred:
      if context == .delete { throw error(.cannotDelete("starred"), target.range) }
      throw error(.starredAssignmentTarget, target.range)
    default:
      let what = describe(target)
      switch context {
      case .delete: throw error(.cannotDelete(what), target.range)
      case .soleAssignment:
        // CPython gives its "Maybe you meant '=='" hint for everything but the three constants.
        switch target.kind {
        case .constant(.none), .constant(.true), .constant(.false), .compare, .boolean, .unary(.not, _),
          .conditional, .lambda, .namedExpression:
          throw error(.cannotAssign(what, maybeEquality: false), target.range)
        default:
          throw error(.cannotAssign(what, maybeEquality: true), target.range)
        }
      default: throw error(.cannotAssign(what, maybeEquality: false), target.range)
      }
    }
  }

  /// Like `validateSingleTarget(_:augmented:)`, but any bad target is plain "invalid syntax" at
  /// `token`.
  func validateSingleTarget(_ target: Expr, augmented: Bool, orFailAt token: Token) throws(SyntaxError) {
    switch target.kind {
    case .name, .attribute, .subscript: return
    default: throw error(.invalidSyntax, token.range)
    }
  }

  /// `x`, `a.b` or `a[i]` for `x += 1` and annotated assignment.
  func validateSingleTarget(_ target: Expr, augmented: Bool) throws(SyntaxError) {
    switch target.kind {
    case .name, .attribute, .subscript: return
    case .tuple, .list:
      if augmented { throw error(.cannotAugmentedAssign(describe(target)), target.range) }
      throw error(.onlySingleTargetAnnotated, target.range)
    default:
      if augmented { throw error(.cannotAugmentedAssign(describe(target)), target.range) }
      throw error(.illegalTargetForAnnotation, target.range)
    }
  }

  /// CPython's name for an expression in error messages ("function call", "literal", …).
  func describe(_ expression: Expr) -> String {
    switch expression.kind {
    case .name: return "name"
    case .attribute: return "attribute"
    case .subscript: return "subscript"
    case .starred: return "starred"
    case .tuple: return "tuple"
    case .list: return "list"
    case .set: return "set"
    case .dict: return "dict literal"
    case .call: return "function call"
    case .constant(.none): return "None"
    case .constant(.true): return "True"
    case .constant(.false): return "False"
    case .constant(.ellipsis): return "ellipsis"
    case .constant: return "literal"
    case .formattedString: return "f-string expression"
    case .compare: return "comparison"
    case .conditional: return "conditional expression"
    case .namedExpression: return "named expression"
    case .lambda: return "lambda"
    case .listComprehension: return "list comprehension"
    case .setComprehension: return "set comprehension"
    case .dictComprehension: return "dict comprehension"
    case .generator: return "generator expression"
    case .yield, .yieldFrom: return "yield expression"
    case .slice: return "slice"
    case .unary, .binary, .boolean: return "expression"
    }
  }
}
