// A value guarded by a lock: the one primitive HPSSearch uses to make samplers, pruners and
// storages safe to share between the worker threads of `Study.optimize(nJobs:)`.
import Foundation

/// A mutable value that can be read and written from several threads.
///
/// Every access goes through `withLock`, so the value is never seen half-updated. The class is
/// `@unchecked Sendable` because `NSLock` provides the exclusion the compiler cannot see.
public final class Locked<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()

  public init(_ value: Value) { self.value = value }

  /// Runs `body` with exclusive access to the value and returns its result.
  @discardableResult
  public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }

  /// A copy of the current value.
  public var current: Value { withLock { $0 } }
}
