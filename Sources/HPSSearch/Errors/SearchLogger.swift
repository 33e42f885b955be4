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
  /// Records below this level are dropped before they are built, so costly messages (the
  /// "best is trial N" line after each trial) are skipped when nobody listens.
  public let minimumLevel: SearchLogLevel

  public init(minimumLevel: SearchLogLevel = .debug, handler: @escaping @Sendable (SearchLogRecord) -> Void) {
    self.handler = handler
    self.minimumLevel = minimumLevel
  }

  /// Whether records at `level` reach the handler.
  public func isEnabled(_ level: SearchLogLevel) -> Bool { level >= minimumLevel }

  public func warning(_ message: @autoclosure () -> String) { log(.warning, message) }
  public func info(_ message: @autoclosure () -> String) { log(.info, message) }
  public func debug(_ message: @autoclosure () -> String) { log(.debug, message) }

  private func log(_ level: SearchLogLevel, _ message: () -> String) {
    guard isEnabled(level) else { return }
    handler(SearchLogRecord(level: level, message: message()))
  }

  /// Writes warnings to standard error, the default until a host installs its own logger.
  public static let standardError = SearchLogger(minimumLevel: .warning) { record in
    FileHandle.standardError.write(Data("[W hps.search] \(record.message)\n".utf8))
  }

  /// Drops everything.
  public static let silent = SearchLogger(minimumLevel: .warning) { _ in }

  /// The logger used when none is passed explicitly.
  @TaskLocal public static var current: SearchLogger = .standardError

  /// A logger that keeps every record, for tests and for hosts that display warnings later.
  public static func collecting() -> (logger: SearchLogger, records: Locked<[SearchLogRecord]>) {
    let records = Locked<[SearchLogRecord]>([])
    let logger = SearchLogger { record in records.withLock { $0.append(record) } }
    return (logger, records)
  }
}
