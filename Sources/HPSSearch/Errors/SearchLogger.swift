// Where HPSSearch's warnings go. The engine never prints: it hands records to a logger that the
// host (the REPL, a notebook, a test) installs.
import Foundation

/// How serious a log record is.
public enum SearchLogLevel: Int, Sendable, Comparable {
  case debug, info, warning

  public static func < (a: SearchLogLevel, b: SearchLogLevel) -> Bool { a.rawValue < b.rawValue }
}

/// One message from the engine.
public struct SearchLogRecord: Sendable, Equatable {
  public var level: SearchLogLevel
  public var message: String

  public init(level: SearchLogLevel, message: String) {
    self.level = level
    self.message = message
  }
}

/// A pluggable sink for engine messages (Optuna's `optuna.logging` plays this role).
///
/// `SearchLogger.current` is task-local, so a test or a session can capture warnings with
/// `SearchLogger.$current.withValue(logger) { ... }` without touching global state. Objects that
/// outlive a task (a `Study`, its worker threads) capture the logger when they are created.
public struct SearchLogger: Sendable {
  public let handler: @Sendable (SearchLogRecord) -> Void

  public init(handler: @escaping @Sendable (SearchLogRecord) -> Void) {
    self.handler = handler
  }

  public func warning(_ message: String) { handler(SearchLogRecord(level: .warning, message: message)) }
  public func info(_ message: String) { handler(SearchLogRecord(level: .info, message: message)) }
  public func debug(_ message: String) { handler(SearchLogRecord(level: .debug, message: message)) }

  /// Writes warnings to standard error, the default until a host installs its own logger.
  public static let standardError = SearchLogger { record in
    guard record.level >= .warning else { return }
    FileHandle.standardError.write(Data("[W hps.search] \(record.message)\n".utf8))
  }

  /// Drops everything.
  public static let silent = SearchLogger { _ in }

  /// The logger used when none is passed explicitly.
  @TaskLocal public static var current: SearchLogger = .standardError

  /// A logger that keeps every record, for tests and for hosts that display warnings later.
  public static func collecting() -> (logger: SearchLogger, records: Locked<[SearchLogRecord]>) {
    let records = Locked<[SearchLogRecord]>([])
    let logger = SearchLogger { record in records.withLock { $0.append(record) } }
    return (logger, records)
  }
}
