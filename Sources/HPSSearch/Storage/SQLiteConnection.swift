// A thin, throwing wrapper over the SQLite C API (CSQLite): open, execute, prepared statements.
// SQLite error codes become `SearchError`s; nothing here traps.
import CSQLite
import Foundation

/// One SQLite connection. Not thread-safe by itself: `SQLiteStorage` serializes access.
final class SQLiteConnection {
  private(set) var handle: OpaquePointer?
  let path: String

  /// Opens `path`; `create` allows creating a missing file.
  init(path: String, create: Bool) throws {
    self.path = path
    var db: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
    let rc = sqlite3_open_v2(path, &db, flags, nil)
    handle = db
    guard rc == SQLITE_OK else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
      sqlite3_close(db)
      handle = nil
      throw SearchError.storage(message: "cannot open '\(path)': \(message) (SQLite code \(rc))")
    }
  }

  deinit { sqlite3_close(handle) }

  /// The error for a failed call, classifying "not a database" and corruption.
  func error(_ rc: Int32, _ context: String) -> SearchError {
    let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "unknown error"
    let primary = rc & 0xFF
    if primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT {
      return .notAStudyDatabase(path: path, reason: "SQLite reports: \(message)")
    }
    return .storage(message: "\(context): \(message) (SQLite code \(rc))")
  }

  /// Runs one or more statements without results.
  func execute(_ sql: String) throws {
    let rc = sqlite3_exec(handle, sql, nil, nil, nil)
    guard rc == SQLITE_OK else { throw error(rc, "executing \(sql.prefix(60))") }
  }

  func prepare(_ sql: String) throws -> SQLiteStatement {
    var stmt: OpaquePointer?
    let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
    guard rc == SQLITE_OK, let stmt else { throw error(rc, "preparing \(sql.prefix(60))") }
    return SQLiteStatement(connection: self, stmt: stmt, sql: sql)
  }

  /// Runs a query and collects its rows with `row`.
  func query<T>(_ sql: String, _ bindings: [SQLiteValue] = [], row: (SQLiteStatement) throws -> T) throws -> [T] {
    let stmt = try prepare(sql)
    try stmt.bind(bindings)
    var out: [T] = []
    while try stmt.step() { out.append(try row(stmt)) }
    return out
  }

  /// Runs a statement that returns no rows.
  func run(_ sql: String, _ bindings: [SQLiteValue] = []) throws {
    let stmt = try prepare(sql)
    try stmt.bind(bindings)
    while try stmt.step() {}
  }

  var lastInsertRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }
  var changes: Int { Int(sqlite3_changes(handle)) }
}

/// A value bound to a statement parameter.
enum SQLiteValue {
  case null
  case int(Int)
  case double(Double)
  case text(String)
}

/// A prepared statement; finalized when released.
final class SQLiteStatement {
  private let connection: SQLiteConnection
  private let stmt: OpaquePointer
  private let sql: String

  init(connection: SQLiteConnection, stmt: OpaquePointer, sql: String) {
    self.connection = connection
    self.stmt = stmt
    self.sql = sql
  }

  deinit { sqlite3_finalize(stmt) }

  func bind(_ values: [SQLiteValue]) throws {
    // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    for (i, value) in values.enumerated() {
      let index = Int32(i + 1)
      let rc: Int32
      switch value {
      case .null: rc = sqlite3_bind_null(stmt, index)
      case .int(let v): rc = sqlite3_bind_int64(stmt, index, sqlite3_int64(v))
      case .double(let v): rc = sqlite3_bind_double(stmt, index, v)
      case .text(let v): rc = sqlite3_bind_text(stmt, index, v, -1, transient)
      }
      guard rc == SQLITE_OK else { throw connection.error(rc, "binding parameter \(index) of \(sql.prefix(60))") }
    }
  }

  /// Advances; true when a row is available.
  func step() throws -> Bool {
    let rc = sqlite3_step(stmt)
    if rc == SQLITE_ROW { return true }
    if rc == SQLITE_DONE { return false }
    throw connection.error(rc, "running \(sql.prefix(60))")
  }

  func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(stmt, column)) }
  func double(_ column: Int32) -> Double { sqlite3_column_double(stmt, column) }
  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(stmt, column) == SQLITE_NULL }
  func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }
  func text(_ column: Int32) -> String {
    guard let c = sqlite3_column_text(stmt, column) else { return "" }
    return String(cString: c)
  }
}
