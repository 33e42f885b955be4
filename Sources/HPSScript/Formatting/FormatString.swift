// Parsing of str.format / format_map templates: literal text and replacement fields
// `{field_name!conversion:format_spec}`, following CPython's MarkupIterator and field-name
// iterator (Objects/stringlib/unicode_format.h), including auto/manual numbering and messages.
// Rendering needs the interpreter's values, so it stays with the interpreter: it resolves each
// field's argument and accessors, applies the conversion, renders the nested spec pieces to a
// string, and calls the type's __format__ (PythonFormat for int/float/str).

/// One piece of a parsed format string.
public enum FormatStringPiece: Equatable {
  /// Text copied as is (`{{` and `}}` already reduced to one brace).
  case literal(String)
  case field(FormatStringField)
}

/// A replacement field `{argument.accessor[index]!conversion:spec}`.
public struct FormatStringField: Equatable {
  /// Which argument the field names.
  public enum Argument: Equatable {
    /// `{}` (numbered automatically) or `{0}`.
    case positional(Int)
    /// `{name}`.
    case keyword(String)
  }

  /// `.name` or `[...]` after the argument, applied left to right.
  public enum Accessor: Equatable {
    /// `.name`: getattr.
    case attribute(String)
    /// `[3]`: getitem with an int (the text was all digits).
    case index(Int)
    /// `[key]`: getitem with the str key.
    case key(String)
  }

  /// The conversion applied before formatting.
  public enum Conversion: Equatable {
    case str, repr, ascii
  }

  public var argument: Argument
  public var accessors: [Accessor]
  public var conversion: Conversion?
  /// The format spec, itself made of literal text and nested fields (`{:{width}}`); render it
  /// to a string before calling `__format__`.
  public var spec: [FormatStringPiece]
}

/// `str.format` template parsing.
public enum FormatString {
  /// Parses a template. Throws `FormattingError` with CPython's ValueError messages.
  public static func parse(_ template: String) throws -> [FormatStringPiece] {
    var numbering = Numbering()
    return try parse(Array(template.unicodeScalars)[...], depth: 2, numbering: &numbering)
  }

  /// CPython's auto-numbering state, shared by the fields of nested specs.
  struct Numbering {
    enum State { case initial, automatic, manual }
    var state = State.initial
    var next = 0
  }

  static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  static func parse(
    _ s: ArraySlice<Unicode.Scalar>, depth: Int, numbering: inout Numbering
  ) throws -> [FormatStringPiece] {
    if depth <= 0 { throw FormattingError.value("Max string recursion exceeded") }
    var pieces: [FormatStringPiece] = []
    var i = s.startIndex
    var literal = String.UnicodeScalarView()
    while i < s.endIndex {
      // Literal text up to the next brace (CPython's MarkupIterator_next).
      let c = s[i]
      i += 1
      if c != "{" && c != "}" {
        literal.append(c)
        continue
      }
      let atEnd = i >= s.endIndex
      if c == "}" && (atEnd || s[i] != "}") {
        throw FormattingError.value("Single '}' encountered in format string")
      }
      if atEnd && c == "{" {
        throw FormattingError.value("Single '{' encountered in format string")
      }
      if s[i] == c {
        literal.append(c)  // "{{" or "}}"
        i += 1
        continue
      }
      if !literal.isEmpty {
        pieces.append(.literal(String(literal)))
        literal = String.UnicodeScalarView()
      }
      pieces.append(.field(try parseField(s, &i, depth: depth, numbering: &numbering)))
    }
    if !literal.isEmpty { pieces.append(.literal(String(literal))) }
    return pieces
  }

  /// CPython's `parse_field`: reads `field_name [! conversion] [: spec] }` starting just after
  /// the opening brace and leaves `i` after the closing one.
  static func parseField(
    _ s: ArraySlice<Unicode.Scalar>, _ i: inout Int, depth: Int, numbering: inout Numbering
  ) throws -> FormatStringField {
    let nameStart = i
    var c: Unicode.Scalar = "\u{0}"
    scan: while i < s.endIndex {
      c = s[i]
      i += 1
      switch c {
      case "{":
        throw FormattingError.value("unexpected '{' in field name")
      case "[":
        while i < s.endIndex && s[i] != "]" { i += 1 }
      case "}", ":", "!":
        break scan
      default:
        break
      }
    }
    let nameEnd = i - 1
    guard c == "!" || c == ":" || c == "}" else {
      throw FormattingError.value("expected '}' before end of string")
    }
    let (argument, accessors) = try parseFieldName(s[nameStart..<nameEnd], numbering: &numbering)
    var field = FormatStringField(argument: argument, accessors: accessors, conversion: nil, spec: [])
    if c == "}" { return field }
    if c == "!" {
      guard i < s.endIndex else {
        throw FormattingError.value("end of string while looking for conversion specifier")
      }
      let code = s[i]
      i += 1
      if i < s.endIndex {
        let next = s[i]
        i += 1
        if next == "}" {
          field.conversion = try conversion(code)
          return field
        }
        if next != ":" { throw FormattingError.value("expected ':' after conversion specifier") }
      }
      if i >= s.endIndex { throw FormattingError.value("unmatched '{' in format spec") }
      field.conversion = try conversion(code)
    }
    // The spec runs to the brace that balances the field's opening one.
    let specStart = i
    var nesting = 1
    var expands = false
    while i < s.endIndex {
      let d = s[i]
      i += 1
      if d == "{" {
        expands = true
        nesting += 1
      } else if d == "}" {
        nesting -= 1
        if nesting == 0 {
          let spec = s[specStart..<(i - 1)]
          if expands {
            // Only a spec with braces is expanded (and counts toward the recursion limit).
            field.spec = try parse(spec, depth: depth - 1, numbering: &numbering)
          } else if !spec.isEmpty {
            field.spec = [.literal(text(spec))]
          }
          return field
        }
      }
    }
    throw FormattingError.value("unmatched '{' in format spec")
  }

  /// CPython's `do_conversion` check: r, s or a.
  static func conversion(_ code: Unicode.Scalar) throws -> FormatStringField.Conversion {
    switch code {
    case "r": return .repr
    case "s": return .str
    case "a": return .ascii
    default:
      let value = code.value
      let shown = value > 32 && value < 127 ? String(Character(code)) : "\\x" + String(value, radix: 16)
      throw FormattingError.value("Unknown conversion specifier \(shown)")
    }
  }

  /// CPython's `field_name_split` plus its FieldNameIterator.
  static func parseFieldName(
    _ s: ArraySlice<Unicode.Scalar>, numbering: inout Numbering
  ) throws -> (FormatStringField.Argument, [FormatStringField.Accessor]) {
    var i = s.startIndex
    while i < s.endIndex && s[i] != "." && s[i] != "[" { i += 1 }
    let first = s[s.startIndex..<i]
    let firstIndex = try integer(first)
    let isEmpty = first.isEmpty
    let argument: FormatStringField.Argument
    if isEmpty || firstIndex != nil {
      if numbering.state == .initial { numbering.state = isEmpty ? .automatic : .manual }
      if numbering.state == .manual && isEmpty {
        throw FormattingError.value("cannot switch from manual field specification to automatic field numbering")
      }
      if numbering.state == .automatic && !isEmpty {
        throw FormattingError.value("cannot switch from automatic field numbering to manual field specification")
      }
      if isEmpty {
        argument = .positional(numbering.next)
        numbering.next += 1
      } else {
        argument = .positional(firstIndex ?? 0)
      }
    } else {
      argument = .keyword(text(first))
    }
    var accessors: [FormatStringField.Accessor] = []
    while i < s.endIndex {
      let c = s[i]
      i += 1
      let nameStart = i
      var name: ArraySlice<Unicode.Scalar>
      if c == "." {
        while i < s.endIndex && s[i] != "." && s[i] != "[" { i += 1 }
        name = s[nameStart..<i]
        if name.isEmpty { throw FormattingError.value("Empty attribute in format string") }
        accessors.append(.attribute(text(name)))
      } else if c == "[" {
        while i < s.endIndex && s[i] != "]" { i += 1 }
        guard i < s.endIndex else { throw FormattingError.value("Missing ']' in format field") }
        name = s[nameStart..<i]
        i += 1
        if name.isEmpty { throw FormattingError.value("Empty attribute in format string") }
        if let index = try integer(name) {
          accessors.append(.index(index))
        } else {
          accessors.append(.key(text(name)))
        }
      } else {
        throw FormattingError.value("Only '.' or '[' may follow ']' in format field specifier")
      }
    }
    return (argument, accessors)
  }

  /// CPython's `get_integer`: all decimal digits -> the number; anything else -> nil.
  static func integer(_ s: ArraySlice<Unicode.Scalar>) throws -> Int? {
    if s.isEmpty { return nil }
    var value = 0
    for c in s {
      guard c.properties.numericType == .decimal, let digit = c.properties.numericValue else { return nil }
      let (times, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times.addingReportingOverflow(Int(digit))
      if o1 || o2 { throw FormattingError.value("Too many decimal digits in format string") }
      value = sum
    }
    return value
  }
}
