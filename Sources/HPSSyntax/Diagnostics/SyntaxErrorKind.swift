// Every syntax error the front end can report, and the one place that words them. The wording
// follows CPython 3.11 (the test oracle) so that a message pasted into a search engine finds help.

enum SyntaxErrorKind: Equatable {
  // Lexical
  case invalidCharacter(Unicode.Scalar)
  case nullByte
  case nonUTF8(UInt8, file: String, line: Int)
  case unexpectedCharacterAfterContinuation
  case unexpectedEOF
  case unterminatedString(detectedAtLine: Int)
  case unterminatedTripleQuotedString(detectedAtLine: Int)
  case invalidNumber(String)  // "decimal", "hexadecimal", "octal", "binary"
  case invalidDigit(Character, base: String)
  case leadingZeros
  case unicodeError(String)
  case bytesNonASCII
  case mixedBytes
  case neverClosed(Character)
  case unmatched(Character)
  case mismatchedBracket(closing: Character, opening: Character, openingLine: Int?)
  case tooManyNestedParentheses
  case tooManyIndentationLevels
  case inconsistentTabs
  case unindentMismatch

  // Grammar
  case invalidSyntax
  case expected(String)
  case expectedIndentedBlock(after: String, line: Int)
  case unexpectedIndent
  case forgotComma
  case missingPrintParentheses(String)
  case cannotAssign(String, maybeEquality: Bool)
  case cannotDelete(String)
  case cannotAugmentedAssign(String)
  case onlySingleTargetAnnotated
  case illegalTargetForAnnotation
  case multipleStarredTargets
  case starredAssignmentTarget
  case cannotUseStarredHere
  case expectedElseAfterIf
  case maybeEqualityInsteadOfAssign
  case keywordCannotContainAssignment
  case positionalFollowsKeyword
  case positionalFollowsKeywordUnpacking
  case unpackingFollowsKeywordUnpacking
  case generatorMustBeParenthesized
  case keywordRepeated(String)
  case nonDefaultFollowsDefault
  case duplicateArgument(String)
  case namedArgumentsMustFollowBareStar
  case expectedExceptOrFinally
  case defaultExceptMustBeLast
  case lambdaAnnotation
  case tooDeeplyNested
  case trailingCommaNotAllowedWithoutParentheses
  case exceptMultipleTypesNeedParentheses
  case awaitNotSupported
  case asyncNotSupported
  case matchNotSupported

  case cannotUseAssignmentExpression(String)
  case unpackingInComprehension
  case colonExpectedAfterDictKey
  case argumentsFollowVarKeyword
  case assignmentToYield
  case dictValueExpected
  case defaultValueExpected
  case parametersParenthesized
  case starOnlyOnce
  case slashOnlyOnce
  case argumentMustPrecedeSlash
  case valueError(String)

  // f-strings
  case fstring(String)
  case fstringBackslash
  case fstringHash

  // Checked after parsing (CPython's compiler reports these)
  case returnOutsideFunction
  case yieldOutsideFunction
  case breakOutsideLoop
  case continueOutsideLoop
  case nonlocalAtModuleLevel
  case nonlocalWithoutBinding(String)
  case nameAssignedBeforeGlobal(String, isGlobal: Bool)
  case nameUsedBeforeGlobal(String, isGlobal: Bool)
  case nameIsParameterAndGlobal(String, isGlobal: Bool)
  case nameIsNonlocalAndGlobal(String)

  /// Errors whose message already names f-strings.
  var isFStringSpecific: Bool {
    switch self {
    case .fstring, .fstringBackslash, .fstringHash: return true
    default: return false
    }
  }

  var className: String {
    switch self {
    case .unexpectedIndent, .expectedIndentedBlock, .unindentMismatch, .tooManyIndentationLevels:
      return "IndentationError"
    case .inconsistentTabs: return "TabError"
    default: return "SyntaxError"
    }
  }

  var message: String {
    switch self {
    case .invalidCharacter(let scalar):
      let code = "U+" + hex(scalar.value)
      if isPrintable(scalar) { return "invalid character '\(Character(scalar))' (\(code))" }
      return "invalid non-printable character \(code)"
    case .nonUTF8(let byte, let file, let line):
      return "Non-UTF-8 code starting with '\\x\(String(byte, radix: 16))' in file \(file) on line \(line), "
        + "but no encoding declared; see https://peps.python.org/pep-0263/ for details"
    case .nullByte: return "source code string cannot contain null bytes"
    case .unexpectedCharacterAfterContinuation: return "unexpected character after line continuation character"
    case .unexpectedEOF: return "unexpected EOF while parsing"
    case .unterminatedString(let line): return "unterminated string literal (detected at line \(line))"
    case .unterminatedTripleQuotedString(let line):
      return "unterminated triple-quoted string literal (detected at line \(line))"
    case .invalidNumber(let base): return "invalid \(base) literal"
    case .invalidDigit(let digit, let base): return "invalid digit '\(digit)' in \(base) literal"
    case .leadingZeros:
      return "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
    case .unicodeError(let detail): return "(unicode error) \(detail)"
    case .bytesNonASCII: return "bytes can only contain ASCII literal characters"
    case .mixedBytes: return "cannot mix bytes and nonbytes literals"
    case .neverClosed(let bracket): return "'\(bracket)' was never closed"
    case .unmatched(let bracket): return "unmatched '\(bracket)'"
    case .mismatchedBracket(let closing, let opening, let line):
      if let line { return "closing parenthesis '\(closing)' does not match opening parenthesis '\(opening)' on line \(line)" }
      return "closing parenthesis '\(closing)' does not match opening parenthesis '\(opening)'"
    case .tooManyNestedParentheses: return "too many nested parentheses"
    case .tooManyIndentationLevels: return "too many levels of indentation"
    case .inconsistentTabs: return "inconsistent use of tabs and spaces in indentation"
    case .unindentMismatch: return "unindent does not match any outer indentation level"

    case .invalidSyntax: return "invalid syntax"
    case .expected(let what): return "expected \(what)"
    case .expectedIndentedBlock(let after, let line):
      return "expected an indented block after \(after) on line \(line)"
    case .unexpectedIndent: return "unexpected indent"
    case .forgotComma: return "invalid syntax. Perhaps you forgot a comma?"
    case .missingPrintParentheses(let name):
      return "Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?"
    case .cannotAssign(let what, let maybeEquality):
      return maybeEquality
        ? "cannot assign to \(what) here. Maybe you meant '==' instead of '='?"
        : "cannot assign to \(what)"
    case .cannotDelete(let what): return "cannot delete \(what)"
    case .cannotAugmentedAssign(let what): return "'\(what)' is an illegal expression for augmented assignment"
    case .onlySingleTargetAnnotated: return "only single target (not tuple) can be annotated"
    case .illegalTargetForAnnotation: return "illegal target for annotation"
    case .multipleStarredTargets: return "multiple starred expressions in assignment"
    case .starredAssignmentTarget: return "starred assignment target must be in a list or tuple"
    case .cannotUseStarredHere: return "can't use starred expression here"
    case .expectedElseAfterIf: return "expected 'else' after 'if' expression"
    case .maybeEqualityInsteadOfAssign: return "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
    case .keywordCannotContainAssignment: return "expression cannot contain assignment, perhaps you meant \"==\"?"
    case .positionalFollowsKeyword: return "positional argument follows keyword argument"
    case .positionalFollowsKeywordUnpacking: return "positional argument follows keyword argument unpacking"
    case .unpackingFollowsKeywordUnpacking: return "iterable argument unpacking follows keyword argument unpacking"
    case .generatorMustBeParenthesized: return "Generator expression must be parenthesized"
    case .keywordRepeated(let name): return "keyword argument repeated: \(name)"
    case .nonDefaultFollowsDefault: return "non-default argument follows default argument"
    case .duplicateArgument(let name): return "duplicate argument '\(name)' in function definition"
    case .namedArgumentsMustFollowBareStar: return "named arguments must follow bare *"
    case .expectedExceptOrFinally: return "expected 'except' or 'finally' block"
    case .defaultExceptMustBeLast: return "default 'except:' must be last"
    case .lambdaAnnotation: return "invalid syntax"
    case .tooDeeplyNested: return "too many nested expressions: the parser's nesting limit was reached"
    case .trailingCommaNotAllowedWithoutParentheses:
      return "trailing comma not allowed without surrounding parentheses"
    case .exceptMultipleTypesNeedParentheses: return "multiple exception types must be parenthesized"
    case .awaitNotSupported: return "'await' is not supported in hps scripts"
    case .asyncNotSupported: return "'async' is not supported in hps scripts"
    case .matchNotSupported: return "the 'match' statement is not supported in hps scripts; use if/elif"

    case .cannotUseAssignmentExpression(let what): return "cannot use assignment expressions with \(what)"
    case .unpackingInComprehension: return "iterable unpacking cannot be used in comprehension"
    case .colonExpectedAfterDictKey: return "':' expected after dictionary key"
    case .argumentsFollowVarKeyword: return "arguments cannot follow var-keyword argument"
    case .assignmentToYield: return "assignment to yield expression not possible"
    case .dictValueExpected: return "expression expected after dictionary key and ':'"
    case .defaultValueExpected: return "expected default value expression"
    case .parametersParenthesized: return "Function parameters cannot be parenthesized"
    case .starOnlyOnce: return "* argument may appear only once"
    case .slashOnlyOnce: return "/ may appear only once"
    case .argumentMustPrecedeSlash: return "at least one argument must precede /"
    case .valueError(let detail): return "(value error) \(detail)"

    case .fstring(let detail): return "f-string: \(detail)"
    case .fstringBackslash: return "f-string expression part cannot include a backslash"
    case .fstringHash: return "f-string expression part cannot include '#'"

    case .returnOutsideFunction: return "'return' outside function"
    case .yieldOutsideFunction: return "'yield' outside function"
    case .breakOutsideLoop: return "'break' outside loop"
    case .continueOutsideLoop: return "'continue' not properly in loop"
    case .nonlocalAtModuleLevel: return "nonlocal declaration not allowed at module level"
    case .nonlocalWithoutBinding(let name): return "no binding for nonlocal '\(name)' found"
    case .nameAssignedBeforeGlobal(let name, let isGlobal):
      return "name '\(name)' is assigned to before \(isGlobal ? "global" : "nonlocal") declaration"
    case .nameUsedBeforeGlobal(let name, let isGlobal):
      return "name '\(name)' is used prior to \(isGlobal ? "global" : "nonlocal") declaration"
    case .nameIsParameterAndGlobal(let name, let isGlobal):
      return "name '\(name)' is parameter and \(isGlobal ? "global" : "nonlocal")"
    case .nameIsNonlocalAndGlobal(let name): return "name '\(name)' is nonlocal and global"
    }
  }

  private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator, .spaceSeparator:
      return false
    default: return true
    }
  }
}

extension SyntaxError {
  init(_ kind: SyntaxErrorKind, _ range: SourceRange, _ source: SourceFile) {
    self.init(className: kind.className, message: kind.message, range: range, source: source)
  }
}
