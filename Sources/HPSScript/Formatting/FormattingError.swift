// The error type of the formatting helpers: a Python exception class name plus CPython's message,
// so the interpreter can raise exactly what CPython raises without this code knowing its types.

/// A formatting failure, to be raised as the Python exception `pythonClassName(message)`.
public struct FormattingError: Error, Equatable, CustomStringConvertible, Sendable {
  /// Which Python exception CPython raises here.
  public enum Kind: String, Sendable {
    case valueError = "ValueError"
    case typeError = "TypeError"
    case overflowError = "OverflowError"
    case keyError = "KeyError"
    /// A width or precision too large to materialize (CPython fails its allocation).
    case memoryError = "MemoryError"
  }

  /// Widths and precisions above this many characters raise MemoryError instead of trying to
  /// allocate the padding (CPython attempts the allocation and fails the same way).
  public static let maximumLength = 100_000_000

  static func checkLength(_ length: Int?) throws {
    if let length, length > maximumLength { throw FormattingError(.memoryError, "") }
  }

  public let kind: Kind
  /// CPython's exception message, verbatim.
  public let message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// The Python exception class name, e.g. "ValueError".
  public var pythonClassName: String { kind.rawValue }

  public var description: String { "\(pythonClassName): \(message)" }

  static func value(_ message: String) -> FormattingError { FormattingError(.valueError, message) }
}
