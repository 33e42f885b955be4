// Opening a storage from Optuna's URL spelling.
import Foundation

/// Opens a storage from Optuna's URL spelling: nil → in memory; `sqlite:///relative.db`,
/// `sqlite:////absolute.db` → SQLite.
/// - Throws: `SearchError.invalidStorageURL` for unsupported schemes (redis, postgresql...).
public func openStorage(url: String?, heartbeatInterval: TimeInterval? = nil, gracePeriod: TimeInterval? = nil) throws -> any Storage {
  guard let url else { return InMemoryStorage() }
  let path = try SQLiteStorage.path(fromURL: url)
  return try SQLiteStorage(path: path, heartbeatInterval: heartbeatInterval, gracePeriod: gracePeriod)
}
