// Jupyter sessions refuse a signature they have already accepted, so a captured message cannot be
// sent again (jupyter_client's digest history does the same). Shared by the shell, control and
// stdin threads.
import Foundation

final class ReplayGuard {
  /// Signatures remembered; when full, the older half is forgotten.
  static let capacity = 1 << 16

  private let lock = NSLock()
  private var current: Set<Data> = []
  private var previous: Set<Data> = []

  /// True the first time a signature is seen, false for a replay.
  func admit(_ signature: Data) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if current.contains(signature) || previous.contains(signature) { return false }
    if current.count >= ReplayGuard.capacity / 2 {
      previous = current
      current.removeAll(keepingCapacity: true)
    }
    current.insert(signature)
    return true
  }
}
