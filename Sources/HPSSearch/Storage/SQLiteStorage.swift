// Studies in an SQLite file that several processes share (Optuna's RDBStorage on SQLite, with
// its known pain points fixed): every write is one `BEGIN IMMEDIATE` transaction committed
// before the call returns, WAL journaling, a busy timeout instead of "database is locked"
// errors, trial numbers allocated inside the write lock, heartbeats for crashed workers, and a
// schema check before anything is written so a foreign file is never touched.
import CSQLite
import Foundation

/// A file-backed, multi-process storage.
///
/// Layout: `hps_meta` (schema name and version), `studies`, and `trials` whose params,
/// attributes and intermediate values are JSON columns (one row write per transition).
public final class SQLiteStorage: Storage, @unchecked Sendable {
  /// The schema this code writes; a file with a newer version is refused.
  public static let schemaVersion = 1
  static let schemaName = "hps-search"
  /// How long a writer waits for another process's transaction before failing.
  public static let defaultBusyTimeoutMilliseconds: Int32 = 60_000

  public let path: String
  public let heartbeatInterval: TimeInterval?
  public let gracePeriod: TimeInterval?
  /// Whether every commit is fsynced (survives power loss), at several ms per write.
  public let synchronousFull: Bool
  private let connection: SQLiteConnection
  private let lock = NSLock()

  /// Opens (or creates) the study database at `path`.
  /// - Throws: `SearchError.notAStudyDatabase` for a non-SQLite file, a corrupt file, or an
  ///   SQLite database that is not an hps study database; the file is left untouched.
  public init(
    path: String, heartbeatInterval: TimeInterval? = nil, gracePeriod: TimeInterval? = nil,
    busyTimeoutMilliseconds: Int32 = SQLiteStorage.defaultBusyTimeoutMilliseconds, synchronousFull: Bool = false
  ) throws {
    if let h = heartbeatInterval, !(h > 0) {
      throw SearchError.invalidArgument(function: "SQLiteStorage", argument: "heartbeat_interval", message: "must be > 0 (got \(h))")
    }
    if let g = gracePeriod, !(g > 0) {
      throw SearchError.invalidArgument(function: "SQLiteStorage", argument: "grace_period", message: "must be > 0 (got \(g))")
    }
    self.path = path
    self.heartbeatInterval = heartbeatInterval
    self.gracePeriod = gracePeriod
    self.synchronousFull = synchronousFull
    let isMemory = path == ":memory:"
    let existing = !isMemory && FileManager.default.fileExists(atPath: path)
    if existing { try SQLiteStorage.checkHeader(path: path) }
    connection = try SQLiteConnection(path: path, create: !existing)
    sqlite3_busy_timeout(connection.handle, busyTimeoutMilliseconds)
    try prepareSchema()
  }

  /// Refuses a file that is not SQLite at all before SQLite opens it.
  static func checkHeader(path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw SearchError.storage(message: "cannot read '\(path)'")
    }
    defer { try? handle.close() }
    let header = handle.readData(ofLength: 16)
    if header.isEmpty { return }  // an empty file: SQLite treats it as a new database
    guard header == Data("SQLite format 3\u{0}".utf8) else {
      throw SearchError.notAStudyDatabase(path: path, reason: "the file is not an SQLite database")
    }
  }

  /// Checks the schema; creates it only in a database that has no tables at all.
  private func prepareSchema() throws {
    try withLock {
      let tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.text(0) }
      if tables.contains("hps_meta") {
        try checkMeta()
      } else if !tables.isEmpty {
        throw SearchError.notAStudyDatabase(
          path: path, reason: "an SQLite database with other tables (\(tables.sorted().prefix(5).joined(separator: ", ")))")
      } else {
        try transaction {
          // Re-check inside the write lock: another process may have created the schema.
          let again = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.text(0) }
          if again.contains("hps_meta") { return }
          guard again.isEmpty else {
            throw SearchError.notAStudyDatabase(path: path, reason: "an SQLite database with other tables")
          }
          try connection.execute(
            """
            CREATE TABLE hps_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE studies (
              study_id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,
              directions TEXT NOT NULL, user_attrs TEXT NOT NULL DEFAULT '{}',
              system_attrs TEXT NOT NULL DEFAULT '{}');
            CREATE TABLE trials (
              trial_id INTEGER PRIMARY KEY AUTOINCREMENT,
              study_id INTEGER NOT NULL REFERENCES studies(study_id) ON DELETE CASCADE,
              number INTEGER NOT NULL, state INTEGER NOT NULL, trial_values TEXT,
              params TEXT NOT NULL DEFAULT '{}', user_attrs TEXT NOT NULL DEFAULT '{}',
              system_attrs TEXT NOT NULL DEFAULT '{}', intermediate_values TEXT NOT NULL DEFAULT '{}',
              datetime_start REAL, datetime_complete REAL, heartbeat REAL,
              revision INTEGER NOT NULL DEFAULT 0,
              UNIQUE (study_id, number));
            CREATE INDEX trials_by_state ON trials (study_id, state);
            """)
          try connection.run("INSERT INTO hps_meta VALUES ('schema', ?), ('version', ?)", [
            .text(SQLiteStorage.schemaName), .text(String(SQLiteStorage.schemaVersion)),
          ])
        }
      }
      if path != ":memory:" {
        // Only now, with the file known to be ours, may we change its journal mode.
        _ = try connection.query("PRAGMA journal_mode = WAL") { $0.text(0) }
        // In WAL mode, NORMAL makes each commit durable against a crash or SIGKILL of any
        // process (the WAL is in the OS page cache); only an OS crash or power cut can lose the
        // last commits, without corrupting the file. FULL adds an fsync per commit.
        try connection.execute(synchronousFull ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
      }
      try connection.execute("PRAGMA foreign_keys = ON")
    }
  }

  private func checkMeta() throws {
    let rows = try connection.query("SELECT key, value FROM hps_meta") { ($0.text(0), $0.text(1)) }
    let meta = Dictionary(rows, uniquingKeysWith: { a, _ in a })
    guard meta["schema"] == SQLiteStorage.schemaName else {
      throw SearchError.notAStudyDatabase(path: path, reason: "unknown schema '\(meta["schema"] ?? "none")'")
    }
    guard let version = meta["version"].flatMap(Int.init), version <= SQLiteStorage.schemaVersion else {
      throw SearchError.notAStudyDatabase(
        path: path, reason: "schema version \(meta["version"] ?? "?") is newer than this hps (\(SQLiteStorage.schemaVersion))")
    }
  }

  // MARK: - Locking and transactions

  private func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// Runs `body` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so two
  /// processes never both read "next number = n" and the commit happens before we return.
  private func transaction<T>(_ body: () throws -> T) throws -> T {
    try connection.execute("BEGIN IMMEDIATE")
    do {
      let result = try body()
      try connection.execute("COMMIT")
      return result
    } catch {
      try? connection.execute("ROLLBACK")
      throw error
    }
  }

  private func write<T>(_ body: () throws -> T) throws -> T {
    try withLock { try transaction(body) }
  }

  // MARK: - URL

  /// The file path of an Optuna-style SQLite URL: `sqlite:///relative.db`,
  /// `sqlite:////absolute/path.db`, `sqlite:///:memory:`.
  public static func path(fromURL url: String) throws -> String {
    let lower = url.lowercased()
    if lower.hasPrefix("redis") {
      throw SearchError.invalidStorageURL(url: url, reason: "Redis storage was removed; use a sqlite:/// URL")
    }
    guard lower.hasPrefix("sqlite://") else {
      let scheme = url.split(separator: ":").first.map(String.init) ?? url
      throw SearchError.invalidStorageURL(url: url, reason: "unsupported scheme '\(scheme)'; only sqlite:///path.db is supported")
    }
    let rest = String(url.dropFirst("sqlite://".count))
    guard rest.hasPrefix("/") else {
      throw SearchError.invalidStorageURL(url: url, reason: "expected three slashes: sqlite:///path.db")
    }
    let path = String(rest.dropFirst())
    guard !path.isEmpty else { throw SearchError.invalidStorageURL(url: url, reason: "the path is empty") }
    return path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
  }

  // MARK: - Studies

  public func createStudy(name: String, directions: [StudyDirection]) throws -> Int {
    try write {
      let exists = try connection.query("SELECT 1 FROM studies WHERE name = ?", [.text(name)]) { _ in true }
      if !exists.isEmpty { throw SearchError.duplicatedStudy(name: name) }
      let dirs = JSONValue.array(directions.map { .string($0.name) }).jsonText
      try connection.run("INSERT INTO studies (name, directions) VALUES (?, ?)", [.text(name), .text(dirs)])
      return connection.lastInsertRowID
    }
  }

  public func studyID(named name: String) throws -> Int {
    try withLock {
      guard let id = try connection.query("SELECT study_id FROM studies WHERE name = ?", [.text(name)], row: { $0.int(0) }).first
      else { throw SearchError.studyNotFound(name: name) }
      return id
    }
  }

  private func studyColumn(_ id: Int, _ column: String) throws -> String {
    guard let v = try connection.query("SELECT \(column) FROM studies WHERE study_id = ?", [.int(id)], row: { $0.text(0) }).first
    else { throw SearchError.studyNotFound(name: "#\(id)") }
    return v
  }

  public func studyName(id: Int) throws -> String { try withLock { try studyColumn(id, "name") } }

  public func allStudyNames() throws -> [String] {
    try withLock { try connection.query("SELECT name FROM studies ORDER BY study_id") { $0.text(0) } }
  }

  public func directions(studyID: Int) throws -> [StudyDirection] {
    let text = try withLock { try studyColumn(studyID, "directions") }
    guard case .array(let items) = try JSONValue.parse(text) else { throw SearchError.invalidJSON(message: "directions") }
    return items.compactMap { $0.stringValue.flatMap(StudyDirection.init(name:)) }
  }

  public func deleteStudy(id: Int) throws {
    try write {
      _ = try studyColumn(id, "name")
      try connection.run("DELETE FROM trials WHERE study_id = ?", [.int(id)])
      try connection.run("DELETE FROM studies WHERE study_id = ?", [.int(id)])
    }
  }

  private func attrs(_ text: String) throws -> [String: JSONValue] {
    guard case .object(let members) = try JSONValue.parse(text) else { return [:] }
    return members
  }

  public func studyUserAttrs(studyID: Int) throws -> [String: JSONValue] {
    try attrs(try withLock { try studyColumn(studyID, "user_attrs") })
  }
  public func studySystemAttrs(studyID: Int) throws -> [String: JSONValue] {
    try attrs(try withLock { try studyColumn(studyID, "system_attrs") })
  }

  private func setStudyAttr(_ studyID: Int, _ column: String, _ key: String, _ value: JSONValue) throws {
    try write {
      var members = try attrs(try studyColumn(studyID, column))
      members[key] = value
      try connection.run("UPDATE studies SET \(column) = ? WHERE study_id = ?", [.text(JSONValue.object(members).jsonText), .int(studyID)])
    }
  }

  public func setStudyUserAttr(studyID: Int, key: String, value: JSONValue) throws {
    try setStudyAttr(studyID, "user_attrs", key, value)
  }
  public func setStudySystemAttr(studyID: Int, key: String, value: JSONValue) throws {
    try setStudyAttr(studyID, "system_attrs", key, value)
  }

  // MARK: - Trials: encoding

  private static let columns =
    "trial_id, number, state, trial_values, params, user_attrs, system_attrs, intermediate_values, datetime_start, datetime_complete, revision"

  /// Decoded trials by id with the `revision` they were read at. Every write to a trial row
  /// bumps its revision (in any process), so a cached entry is reused only while unchanged and
  /// a full read of a long study decodes only the trials that moved. Guarded by `lock`.
  private var decoded: [Int: (revision: Int, trial: FrozenTrial)] = [:]

  /// Decodes a row of `columns`, reusing the cached trial when its revision is unchanged.
  private func cachedTrial(_ s: SQLiteStatement) throws -> FrozenTrial {
    let id = s.int(0)
    let revision = s.int(10)
    if let hit = decoded[id], hit.revision == revision { return hit.trial }
    let trial = try decodeTrial(s)
    decoded[id] = (revision, trial)
    return trial
  }

  private func decodeTrial(_ s: SQLiteStatement) throws -> FrozenTrial {
    var trial = FrozenTrial(number: s.int(1), trialID: s.int(0), state: TrialState(rawValue: s.int(2)) ?? .fail)
    if !s.isNull(3), case .array(let items) = try JSONValue.parse(s.text(3)) {
      trial.values = items.map { $0.doubleValue ?? .nan }
    }
    for (name, entry) in try attrs(s.text(4)) {
      guard let distJSON = entry["distribution"], let internalValue = entry["value"]?.doubleValue else { continue }
      let dist = try Distribution(json: distJSON)
      trial.distributions[name] = dist
      trial.params[name] = dist.toExternal(internalValue)
    }
    trial.userAttrs = try attrs(s.text(5))
    trial.systemAttrs = try attrs(s.text(6))
    for (step, value) in try attrs(s.text(7)) {
      if let k = Int(step) { trial.intermediateValues[k] = value.doubleValue ?? .nan }
    }
    trial.datetimeStart = s.optionalDouble(8).map { Date(timeIntervalSince1970: $0) }
    trial.datetimeComplete = s.optionalDouble(9).map { Date(timeIntervalSince1970: $0) }
    return trial
  }

  private static func encodeParams(_ trial: FrozenTrial) -> String {
    var members: [String: JSONValue] = [:]
    for (name, dist) in trial.distributions {
      guard let value = trial.params[name], let x = try? dist.toInternal(value, parameter: name) else { continue }
      members[name] = .object(["distribution": dist.json, "value": .double(x)])
    }
    return JSONValue.object(members).jsonText
  }

  private static func encodeIntermediate(_ values: [Int: Double]) -> String {
    JSONValue.object(Dictionary(uniqueKeysWithValues: values.map { (String($0.key), JSONValue.double($0.value)) })).jsonText
  }

  private static func encodeValues(_ values: [Double]?) -> SQLiteValue {
    values.map { .text(JSONValue.array($0.map { .double($0) }).jsonText) } ?? .null
  }

  private func loadTrial(_ id: Int) throws -> FrozenTrial {
    guard let trial = try connection.query("SELECT \(Self.columns) FROM trials WHERE trial_id = ?", [.int(id)], row: cachedTrial).first
    else { throw SearchError.trialNotFound(id: id) }
    return trial
  }

  // MARK: - Trials

  public func createTrial(studyID: Int, template: FrozenTrial?) throws -> FrozenTrial {
    try write {
      _ = try studyColumn(studyID, "name")
      let number = try connection.query(
        "SELECT COALESCE(MAX(number) + 1, 0) FROM trials WHERE study_id = ?", [.int(studyID)], row: { $0.int(0) }
      ).first ?? 0
      let now = Date().timeIntervalSince1970
      let t = template ?? FrozenTrial(number: number, trialID: 0, state: .running)
      let start: Double? = t.datetimeStart?.timeIntervalSince1970 ?? (t.state == .waiting ? nil : now)
      try connection.run(
        """
        INSERT INTO trials (study_id, number, state, trial_values, params, user_attrs, system_attrs,
          intermediate_values, datetime_start, datetime_complete, heartbeat)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
        """,
        [
          .int(studyID), .int(number), .int(t.state.rawValue), Self.encodeValues(t.values), .text(Self.encodeParams(t)),
          .text(JSONValue.object(t.userAttrs).jsonText), .text(JSONValue.object(t.systemAttrs).jsonText),
          .text(Self.encodeIntermediate(t.intermediateValues)), start.map { .double($0) } ?? .null,
          t.datetimeComplete.map { .double($0.timeIntervalSince1970) } ?? .null,
        ])
      return try loadTrial(connection.lastInsertRowID)
    }
  }

  public func popWaitingTrial(studyID: Int) throws -> FrozenTrial? {
    try write {
      guard
        let id = try connection.query(
          "SELECT trial_id FROM trials WHERE study_id = ? AND state = ? ORDER BY number LIMIT 1",
          [.int(studyID), .int(TrialState.waiting.rawValue)], row: { $0.int(0) }
        ).first
      else { return nil }
      try connection.run(
        "UPDATE trials SET state = ?, datetime_start = ?, revision = revision + 1 WHERE trial_id = ?",
        [.int(TrialState.running.rawValue), .double(Date().timeIntervalSince1970), .int(id)])
      return try loadTrial(id)
    }
  }

  /// Read-modify-write of an unfinished trial inside one transaction.
  private func updateUnfinished(_ trialID: Int, _ change: (inout FrozenTrial) throws -> Void, columns: (FrozenTrial) -> [(String, SQLiteValue)]) throws {
    try write {
      var trial = try loadTrial(trialID)
      guard !trial.state.isFinished else { throw SearchError.trialAlreadyFinished(number: trial.number, state: trial.state) }
      try change(&trial)
      let sets = columns(trial)
      try connection.run(
        "UPDATE trials SET \(sets.map { "\($0.0) = ?" }.joined(separator: ", ")), revision = revision + 1 WHERE trial_id = ?",
        sets.map(\.1) + [.int(trialID)])
    }
  }

  public func setTrialParam(trialID: Int, name: String, distribution: Distribution, internalValue: Double) throws {
    try updateUnfinished(trialID, { t in
      t.distributions[name] = distribution
      t.params[name] = distribution.toExternal(internalValue)
    }, columns: { [("params", .text(Self.encodeParams($0)))] })
  }

  public func setTrialState(trialID: Int, state: TrialState, values: [Double]?) throws -> Bool {
    try write {
      let trial = try loadTrial(trialID)
      if trial.state.isFinished { return false }
      if state == .running, trial.state != .waiting { return false }
      let now = Date().timeIntervalSince1970
      try connection.run(
        "UPDATE trials SET state = ?, trial_values = ?, datetime_start = COALESCE(?, datetime_start), datetime_complete = ?, revision = revision + 1 WHERE trial_id = ?",
        [
          .int(state.rawValue), Self.encodeValues(values), state == .running ? .double(now) : .null,
          state.isFinished ? .double(now) : .null, .int(trialID),
        ])
      return true
    }
  }

  public func setTrialIntermediateValue(trialID: Int, step: Int, value: Double) throws {
    try updateUnfinished(trialID, { $0.intermediateValues[step] = value },
      columns: { [("intermediate_values", .text(Self.encodeIntermediate($0.intermediateValues)))] })
  }

  public func setTrialUserAttr(trialID: Int, key: String, value: JSONValue) throws {
    try updateUnfinished(trialID, { $0.userAttrs[key] = value },
      columns: { [("user_attrs", .text(JSONValue.object($0.userAttrs).jsonText))] })
  }

  public func setTrialSystemAttr(trialID: Int, key: String, value: JSONValue) throws {
    try write {
      var trial = try loadTrial(trialID)
      trial.systemAttrs[key] = value
      try connection.run(
        "UPDATE trials SET system_attrs = ?, revision = revision + 1 WHERE trial_id = ?", [.text(JSONValue.object(trial.systemAttrs).jsonText), .int(trialID)])
    }
  }

  public func trial(id: Int) throws -> FrozenTrial {
    try withLock { try loadTrial(id) }
  }

  public func trialID(studyID: Int, number: Int) throws -> Int {
    try withLock {
      guard
        let id = try connection.query(
          "SELECT trial_id FROM trials WHERE study_id = ? AND number = ?", [.int(studyID), .int(number)], row: { $0.int(0) }
        ).first
      else { throw SearchError.invalidArgument(function: "tell", argument: "trial", message: "no trial with number \(number)") }
      return id
    }
  }

  public func trials(studyID: Int, states: Set<TrialState>?) throws -> [FrozenTrial] {
    try withLock {
      _ = try studyColumn(studyID, "name")
      var sql = "SELECT \(Self.columns) FROM trials WHERE study_id = ?"
      if let states {
        sql += " AND state IN (\(states.map { String($0.rawValue) }.sorted().joined(separator: ", ")))"
      }
      return try connection.query(sql + " ORDER BY number", [.int(studyID)], row: cachedTrial)
    }
  }

  // MARK: - Heartbeats

  public func recordHeartbeat(trialID: Int) throws {
    try write {
      try connection.run(
        "UPDATE trials SET heartbeat = ? WHERE trial_id = ? AND state = ?",
        [.double(Date().timeIntervalSince1970), .int(trialID), .int(TrialState.running.rawValue)])
    }
  }

  public func failStaleTrials(studyID: Int, gracePeriod: TimeInterval) throws -> [FrozenTrial] {
    try write {
      let cutoff = Date().timeIntervalSince1970 - gracePeriod
      let ids = try connection.query(
        "SELECT trial_id FROM trials WHERE study_id = ? AND state = ? AND heartbeat IS NOT NULL AND heartbeat < ?",
        [.int(studyID), .int(TrialState.running.rawValue), .double(cutoff)], row: { $0.int(0) })
      let now = Date().timeIntervalSince1970
      var failed: [FrozenTrial] = []
      for id in ids {
        try connection.run(
          "UPDATE trials SET state = ?, datetime_complete = ?, revision = revision + 1 WHERE trial_id = ?",
          [.int(TrialState.fail.rawValue), .double(now), .int(id)])
        failed.append(try loadTrial(id))
      }
      return failed
    }
  }
}
