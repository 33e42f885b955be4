// The interpreter runs one script call at a time. When trials train on worker threads
// (n_jobs > 1), each worker makes its own script calls (model_init, hp_space, compute_objective,
// compute_metrics, callbacks, compute_loss) while it holds the interpreter lock, as CPython's
// threads hold the GIL; the interpreter's thread waits for the search and watches for Ctrl-C.
//
// The first design queued every call for the interpreter's thread and put the worker to sleep
// until it was done: 5–7 hand-offs per trial of 45–75 µs each, and each wake-up let the scheduler
// park both workers on one core for a while. With the lock a batch-16 epoch at n_jobs=2 takes
// what it takes at n_jobs=1 (docs/trainer.md, "Parallel trials").
import Foundation
import HPSScript
import HPSSyntax

final class ScriptGate: @unchecked Sendable {
  private let lock = NSRecursiveLock()
  /// The VM of the search `serve` is running, and the thread that called `serve` (the
  /// interpreter's; nil outside a search).
  private var served: (vm: VM, interpreterThread: pthread_t)?
  /// The thread holding `lock` through `perform`, and how many times (changed only under `lock`).
  private var holder: pthread_t?
  private var holds = 0

  /// Native stack kept free below the floor for what a script call runs natively (JSON, repr,
  /// the Swift runtime).
  static let stackReserve: UInt = 1 << 20

  /// Runs the script call `body` holding the interpreter lock. On a search's worker thread it
  /// runs inside the worker's `ScriptCallContext` (the trial it works for), with the VM's
  /// native-stack floor set for the worker's stack.
  func perform<T>(_ body: () throws -> T) throws -> T {
    lock.lock()
    holder = pthread_self()
    holds += 1
    defer {
      holds -= 1
      if holds == 0 { holder = nil }
      lock.unlock()
    }
    guard let (vm, interpreterThread) = served, pthread_equal(interpreterThread, pthread_self()) == 0 else {
      return try body()
    }
    let savedFloor = vm.nativeStackFloor
    vm.nativeStackFloor = NativeStack.lowestAddress().map { $0 + ScriptGate.stackReserve } ?? 0
    defer { vm.nativeStackFloor = savedFloor }
    let leave = ScriptCallContext.current?.enter()
    defer { leave?() }
    return try body()
  }

  /// On the interpreter thread: runs `work` on a worker thread and waits for it, calling `poll`
  /// every 50 ms (to notice Ctrl-C). Script calls the work makes meanwhile go through `perform`.
  ///
  /// Called from inside a script call of another search's worker (a parallel search started by
  /// a callback), the caller holds the lock: it lets go of it while it waits, or the new search's
  /// workers could never make a call. Every call made meanwhile runs to completion, so the VM's
  /// frames are as the caller left them when it takes the lock back.
  func serve(_ vm: VM, while work: @escaping @Sendable () -> Void, poll: () -> Void) {
    lock.lock()
    let outer = served
    let held = holder.map { pthread_equal($0, pthread_self()) != 0 } == true ? holds : 0
    served = (vm, pthread_self())
    holder = nil
    holds = 0
    for _ in 0...held { lock.unlock() }
    let finished = DispatchSemaphore(value: 0)
    let thread = Thread {
      work()
      finished.signal()
    }
    thread.stackSize = 64 << 20
    thread.start()
    while finished.wait(timeout: .now() + .milliseconds(50)) == .timedOut { poll() }
    for _ in 0...held { lock.lock() }
    served = outer
    holder = held > 0 ? pthread_self() : nil
    holds = held
    lock.unlock()
  }
}

/// What a worker thread's script calls run inside: with several trials at once, the state scripts
/// see as global (W&B's `wandb.run`) must be the trial's own while its call runs. `enter` runs,
/// holding the interpreter lock, before each of the thread's calls and returns what undoes it.
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
