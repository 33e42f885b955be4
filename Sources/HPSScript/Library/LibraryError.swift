// The error type of the library helpers (random, json): which Python exception to raise, and
// CPython's message for it.

/// A library failure, to be raised as the Python exception `pythonClassName(message)`.
public struct LibraryError: Error, Equatable, CustomStringConvertible, Sendable {
  /// "ValueError", "TypeError", "IndexError", "OverflowError", "ZeroDivisionError", ...
  public let pythonClassName: String
  /// CPython's exception message, verbatim.
  public let message: String

  public init(_ pythonClassName: String, _ message: String) {
    self.pythonClassName = pythonClassName
    self.message = message
  }

  public var description: String { "\(pythonClassName): \(message)" }

  static func value(_ message: String) -> LibraryError { LibraryError("ValueError", message) }
  static func type(_ message: String) -> LibraryError { LibraryError("TypeError", message) }
}
