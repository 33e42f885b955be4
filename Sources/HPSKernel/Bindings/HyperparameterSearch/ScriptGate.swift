// The interpreter is single-threaded: script code (model_init, hp_space, compute_objective,
// compute_metrics, callbacks) runs only on the thread that owns it. When trials train on worker
// threads (n_jobs > 1), their script calls are queued here and run by the interpreter thread,
// which serves the queue while it waits for the search to finish.
import Foundation

final class ScriptGate: @unchecked Sendable {
  private let condition = NSCondition()
  private var pending: [() -> Void] = []
  /// The interpreter thread while it serves the queue; nil when script calls run inline.
  private var server: pthread_t?

  /// Runs `body` on the interpreter thread: inline when called from it (or when nothing is being
  /// served), otherwise queued and waited for.
  /// A queued call runs inside the calling thread's `ScriptCallContext` (the trial it works for).
  func perform<T>(_ body: @escaping () throws -> T) throws -> T {
    condition.lock()
    guard let server, pthread_equal(server, pthread_self()) == 0 else {
      condition.unlock()
      return try body()
    }
    let result = Guarded<Result<T, Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    let context = ScriptCallContext.current
    pending.append {
      let leave = context?.enter()
      result.set(Result { try body() })
      leave?()
      done.signal()
    }
    condition.broadcast()
    condition.unlock()
    done.wait()
    guard let outcome = result.get() else { throw CancellationError() }
    return try outcome.get()
  }

  /// On the interpreter thread: starts `work` on a worker thread and runs queued script calls
  /// until it returns. `poll` runs between batches (to notice Ctrl-C).
  func serve(while work: @escaping @Sendable () -> Void, poll: () -> Void) {
    let finished = Guarded(false)
    condition.lock()
    server = pthread_self()
    condition.unlock()
    let thread = Thread { [self] in
      work()
      finished.set(true)
      condition.lock()
      condition.broadcast()
      condition.unlock()
    }
    thread.stackSize = 64 << 20
    thread.start()
    condition.lock()
    while true {
      if pending.isEmpty {
        if finished.get() { break }
        _ = condition.wait(until: Date().addingTimeInterval(0.05))
      }
      let jobs = pending
      pending.removeAll()
      condition.unlock()
      for job in jobs { job() }
      poll()
      condition.lock()
    }
    server = nil
    condition.unlock()
  }
}

/// What the script calls a worker thread queues run inside: with several trials at once, the
/// state scripts see as global (W&B's `wandb.run`) must be the trial's own while its call runs.
/// `enter` runs on the interpreter thread before each queued call and returns what undoes it.
final class ScriptCallContext: @unchecked Sendable {
  let enter: () -> (() -> Void)
  init(enter: @escaping () -> (() -> Void)) { self.enter = enter }

  private static let key = "hps.gate.call-context"

  /// The context of the calling thread (nil outside `bind`).
  static var current: ScriptCallContext? { Thread.current.threadDictionary[key] as? ScriptCallContext }

  /// Runs `body` with `context` as this thread's context.
  static func bind<T>(_ context: ScriptCallContext?, _ body: () throws -> T) rethrows -> T {
    let previous = current
    Thread.current.threadDictionary[key] = context
    defer { Thread.current.threadDictionary[key] = previous }
    return try body()
  }
}

/// A value shared between threads behind a lock.
final class Guarded<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: T
  init(_ value: T) { self.value = value }
  func get() -> T { lock.lock(); defer { lock.unlock() }; return value }
  func set(_ v: T) { lock.lock(); value = v; lock.unlock() }
  func update<R>(_ body: (inout T) -> R) -> R { lock.lock(); defer { lock.unlock() }; return body(&value) }
}
