// interrupt_mode "signal": jupyter_client sends SIGINT to the kernel's process group. The handler
// only stores into an atomic flag (async-signal-safe); the interpreter polls it and raises
// KeyboardInterrupt in the running cell. SIGINT is unblocked only on the interpreter's thread, so
// the signal never lands on a socket thread.
import Foundation
import HPSScript

/// Written once before the handler is installed, read by the handler.
private var interruptTarget: InterruptFlag?

enum InterruptSignal {
  static func install(target: InterruptFlag) {
    interruptTarget = target
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interruptTarget?.set() }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }

  static func blockOnCurrentThread() { setMask(SIG_BLOCK) }
  static func unblockOnCurrentThread() { setMask(SIG_UNBLOCK) }

  private static func setMask(_ how: Int32) {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(how, &set, nil)
  }
}
