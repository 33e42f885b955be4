// Every kind of token. Operators and keywords use their spelling as raw value, so the lexer can look
// them up and the token dump prints them as written.

public enum TokenKind: String, Sendable, CaseIterable {
  // Structure
  case name = "NAME"
  case number = "NUMBER"
  case string = "STRING"
  case newline = "NEWLINE"
  case indent = "INDENT"
  case dedent = "DEDENT"
  case endOfFile = "ENDMARKER"
  /// Stands where the lexer stopped on an error; the parser reports that error when it gets here.
  case error = "ERRORTOKEN"
  /// `$`, `?` or a backtick: no grammar rule accepts it, so the parser reports "invalid syntax"
  /// there, but lexing goes on (a later tokenizer error still takes precedence, as in CPython).
  case strayCharacter = "STRAY"

  // Brackets and punctuation
  case leftParen = "("
  case rightParen = ")"
  case leftBracket = "["
  case rightBracket = "]"
  case leftBrace = "{"
  case rightBrace = "}"
  case colon = ":"
  case comma = ","
  case semicolon = ";"
  case dot = "."
  case ellipsis = "..."
  case arrow = "->"
  case at = "@"
  case equal = "="
  case colonEqual = ":="
  case exclamation = "!"

  // Arithmetic and bitwise operators
  case plus = "+"
  case minus = "-"
  case star = "*"
  case doubleStar = "**"
  case slash = "/"
  case doubleSlash = "//"
  case percent = "%"
  case pipe = "|"
  case ampersand = "&"
  case caret = "^"
  case tilde = "~"
  case leftShift = "<<"
  case rightShift = ">>"

  // Comparisons
  case equalEqual = "=="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="

  // Augmented assignment
  case plusEqual = "+="
  case minusEqual = "-="
  case starEqual = "*="
  case doubleStarEqual = "**="
  case slashEqual = "/="
  case doubleSlashEqual = "//="
  case percentEqual = "%="
  case atEqual = "@="
  case pipeEqual = "|="
  case ampersandEqual = "&="
  case caretEqual = "^="
  case leftShiftEqual = "<<="
  case rightShiftEqual = ">>="

  // Keywords
  case kwFalse = "False"
  case kwNone = "None"
  case kwTrue = "True"
  case kwAnd = "and"
  case kwAs = "as"
  case kwAssert = "assert"
  case kwAsync = "async"
  case kwAwait = "await"
  case kwBreak = "break"
  case kwClass = "class"
  case kwContinue = "continue"
  case kwDef = "def"
  case kwDel = "del"
  case kwElif = "elif"
  case kwElse = "else"
  case kwExcept = "except"
  case kwFinally = "finally"
  case kwFor = "for"
  case kwFrom = "from"
  case kwGlobal = "global"
  case kwIf = "if"
  case kwImport = "import"
  case kwIn = "in"
  case kwIs = "is"
  case kwLambda = "lambda"
  case kwNonlocal = "nonlocal"
  case kwNot = "not"
  case kwOr = "or"
  case kwPass = "pass"
  case kwRaise = "raise"
  case kwReturn = "return"
  case kwTry = "try"
  case kwWhile = "while"
  case kwWith = "with"
  case kwYield = "yield"

  /// The keyword spelled by `bytes`, if it is one. Looked up by first letter and length, without
  /// building or hashing a string: every identifier of a file passes through here.
  static func keyword(_ bytes: ArraySlice<UInt8>) -> TokenKind? {
    guard bytes.count >= 2, bytes.count <= 8, let first = bytes.first, first < 128 else { return nil }
    for candidate in keywordsByFirstByte[Int(first)] where candidate.spelling.count == bytes.count {
      if candidate.spelling.elementsEqual(bytes) { return candidate.kind }
    }
    return nil
  }

  private static let keywordsByFirstByte: [[(spelling: [UInt8], kind: TokenKind)]] = {
    var table = Array(repeating: [(spelling: [UInt8], kind: TokenKind)](), count: 128)
    for kind in TokenKind.allCases where kind.isKeyword {
      let spelling = Array(kind.rawValue.utf8)
      table[Int(spelling[0])].append((spelling, kind))
    }
    return table
  }()

  public var isKeyword: Bool {
    guard let first = rawValue.unicodeScalars.first else { return false }
    return first.properties.isAlphabetic && self != .name && self != .number && self != .string
      && self != .newline && self != .indent && self != .dedent && self != .endOfFile
      && self != .error && self != .strayCharacter
  }

  /// The binary operator an augmented-assignment token applies.
  var augmentedOperator: BinaryOperator? {
    switch self {
    case .plusEqual: return .add
    case .minusEqual: return .subtract
    case .starEqual: return .multiply
    case .doubleStarEqual: return .power
    case .slashEqual: return .trueDivide
    case .doubleSlashEqual: return .floorDivide
    case .percentEqual: return .modulo
    case .atEqual: return .matrixMultiply
    case .pipeEqual: return .bitOr
    case .ampersandEqual: return .bitAnd
    case .caretEqual: return .bitXor
    case .leftShiftEqual: return .leftShift
    case .rightShiftEqual: return .rightShift
    default: return nil
    }
  }
}
