// Lets engine work run on several threads while every script call happens on the interpreter's
// thread: the interpreter thread starts the work on a background thread and then serves the
// script calls the workers submit, one at a time, until the work is done.
import Foundation

final class ScriptThreadDispatcher: @unchecked Sendable {
  private let owner: pthread_t
  private let condition = NSCondition()
  private var jobs: [() -> Void] = []
  private var workDone = false

  /// Create it on the interpreter's thread.
  init() { owner = pthread_self() }

  var isOnInterpreterThread: Bool { pthread_equal(pthread_self(), owner) != 0 }

  /// Runs `work` on a background thread (large stack) and serves submitted jobs on this thread
  /// until it returns; rethrows its error.
  func run<T>(_ work: @escaping () throws -> T) throws -> T {
    precondition(isOnInterpreterThread, "ScriptThreadDispatcher.run must be called on the interpreter's thread")
    let outcome = Outcome<T>()
    let thread = Thread { [self] in
      let result = Result { try work() }
      condition.lock()
      outcome.result = result
      workDone = true
      condition.broadcast()
      condition.unlock()
    }
    thread.stackSize = 16 << 20
    thread.start()
    while true {
      condition.lock()
      while jobs.isEmpty && !workDone { condition.wait() }
      if jobs.isEmpty {
        condition.unlock()
        break
      }
      let job = jobs.removeFirst()
      condition.unlock()
      job()
    }
    condition.lock()
    defer { condition.unlock() }
    guard let result = outcome.result else { throw CancellationError() }
    return try result.get()
  }

  /// Runs `body` on the interpreter's thread and waits for its result (directly when already
  /// there).
  func perform<T>(_ body: @escaping () throws -> T) throws -> T {
    if isOnInterpreterThread { return try body() }
    let done = DispatchSemaphore(value: 0)
    let outcome = Outcome<T>()
    enqueue {
      outcome.result = Result { try body() }
      done.signal()
    }
    done.wait()
    guard let result = outcome.result else { throw CancellationError() }
    return try result.get()
  }

  /// Runs `body` on the interpreter's thread without waiting (log lines).
  func post(_ body: @escaping () -> Void) {
    if isOnInterpreterThread { return body() }
    enqueue(body)
  }

  private func enqueue(_ job: @escaping () -> Void) {
    condition.lock()
    jobs.append(job)
    condition.broadcast()
    condition.unlock()
  }
}

/// A result handed between threads; the condition or semaphore around it orders the accesses.
private final class Outcome<T>: @unchecked Sendable {
  var result: Result<T, Error>?
}
