// The interpreter runs one piece of script at a time. When trials run on worker threads
// (`hyperparameter_search(n_jobs > 1)`, Ray's `max_concurrent_trials`, several W&B agents,
// `optuna.optimize(n_jobs > 1)`), each worker makes its own script calls (model_init, hp_space,
// objectives, compute_objective, compute_metrics, callbacks, compute_loss) while it holds the
// interpreter lock, as CPython's threads hold the GIL; the interpreter's thread waits for the
// search and watches for Ctrl-C.
//
// Each worker runs its script on its own frame stack (a `ScriptExecutionContext`, swapped into the
// VM while it holds the lock), so a worker can let go of the lock in the middle of its script —
// an objective calling `trainer.train()` does, for the native training loop (`releasing`) — and
// another worker's script can run meanwhile without touching its frames.
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
  /// The VM of the search `serve` is running, and the thread whose frames are the VM's own (the
  /// interpreter's; nil outside a search).
  private var served: (vm: VM, baseThread: pthread_t)?
  /// The thread holding `lock` through `perform`, and how many times (changed only under `lock`).
  private var holder: pthread_t?
  private var holds = 0

  /// Native stack kept free below the floor for what a script call runs natively (JSON, repr,
  /// the Swift runtime).
  static let stackReserve: UInt = 1 << 20

  // MARK: One gate per interpreter

  private static let gates = PerInterpreter<ScriptGate>()

  /// The gate of `vm`'s interpreter (every module's script calls from other threads go through it).
  static func of(_ vm: VM) -> ScriptGate { gates.value(for: vm) { ScriptGate() } }

  // MARK: Script calls

  /// Runs the script call `body` holding the interpreter lock. On a worker thread of a served
  /// search it runs on the worker's own frame stack, inside the worker's `ScriptCallContext`
  /// (the trial it works for), with the VM's native-stack floor set for the worker's stack.
  func perform<T>(_ body: () throws -> T) throws -> T {
    acquire()
    defer { release() }
    guard let (vm, baseThread) = served, pthread_equal(baseThread, pthread_self()) == 0 else {
      return try body()
    }
    let savedFloor = vm.nativeStackFloor
    vm.nativeStackFloor = NativeStack.lowestAddress().map { $0 + ScriptGate.stackReserve } ?? 0
    defer { vm.nativeStackFloor = savedFloor }
    let leave = ScriptCallContext.current?.enter()
    defer { leave?() }
    return try body()
  }

  /// Runs native work that makes no script calls of its own except through `perform` (a
  /// Trainer's training loop) without the lock, when the calling worker holds it, so other
  /// workers' script runs meanwhile. Elsewhere it just runs `body`. A worker inside a
  /// `ScriptCallContext` (W&B agents) keeps the lock: its context is global script state.
  func releasing<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    guard let (vm, baseThread) = served, pthread_equal(baseThread, pthread_self()) == 0,
          let holder, pthread_equal(holder, pthread_self()) != 0, ScriptCallContext.current == nil else {
      lock.unlock()
      return try body()
    }
    lock.unlock()
    let floor = vm.nativeStackFloor
    let held = releaseAll()
    defer {
      reacquire(held)
      vm.nativeStackFloor = floor
    }
    return try body()
  }

  /// On the interpreter thread: runs `work` on a worker thread and waits for it, calling `poll`
  /// every 50 ms (to notice Ctrl-C). Script calls the work makes meanwhile go through `perform`.
  ///
  /// Called from inside a script call of another search's worker (a parallel search started by
  /// a callback), the caller holds the lock: it lets go of it while it waits, or the new search's
  /// workers could never make a call.
  func serve(_ vm: VM, while work: @escaping @Sendable () -> Void, poll: () -> Void) {
    lock.lock()
    let outer = served
    if outer == nil { served = (vm, pthread_self()) }
    lock.unlock()
    let held = releaseAll()
    let finished = DispatchSemaphore(value: 0)
    let thread = Thread {
      work()
      finished.signal()
    }
    thread.stackSize = 64 << 20
    thread.start()
    while finished.wait(timeout: .now() + .milliseconds(50)) == .timedOut { poll() }
    reacquire(held)
    lock.lock()
    served = outer
    lock.unlock()
  }

  /// Whether the calling thread is a worker of a served search (not the interpreter's thread).
  var isWorkerThread: Bool {
    lock.lock()
    defer { lock.unlock() }
    return isWorker()
  }

  // MARK: The lock

  /// The calling thread's frame stack while it runs script off the base thread.
  private static let contextKey = "hps.gate.execution-context"

  private func isWorker() -> Bool {
    guard let (_, baseThread) = served else { return false }
    return pthread_equal(baseThread, pthread_self()) == 0
  }

  private func acquire() {
    lock.lock()
    if holds == 0 {
      holder = pthread_self()
      if isWorker(), let vm = served?.vm { vm.swapExecutionContext(ScriptGate.ownContext()) }
    }
    holds += 1
  }

  private func release() {
    holds -= 1
    if holds == 0 {
      if isWorker(), let vm = served?.vm { vm.swapExecutionContext(ScriptGate.ownContext()) }
      holder = nil
    }
    lock.unlock()
  }

  /// Lets go of every hold the calling thread has (none when it has none); returns how many.
  private func releaseAll() -> Int {
    lock.lock()
    guard let holder, pthread_equal(holder, pthread_self()) != 0 else {
      lock.unlock()
      return 0
    }
    let held = holds
    holds = 1
    release()  // the hold just taken: swaps this thread's frames out and unlocks once
    for _ in 0..<held { lock.unlock() }
    return held
  }

  /// Takes back the holds `releaseAll` returned.
  private func reacquire(_ held: Int) {
    guard held > 0 else { return }
    acquire()
    for _ in 1..<held { lock.lock() }
    holds = held
  }

  private static func ownContext() -> ScriptExecutionContext {
    let dictionary = Thread.current.threadDictionary
    if let context = dictionary[contextKey] as? ScriptExecutionContext { return context }
    let context = ScriptExecutionContext()
    dictionary[contextKey] = context
    return context
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
