// The control channel, on its own thread so interrupt and shutdown are answered while a cell runs.
// Its poll timeout doubles as the stream buffer's timer.
import Foundation

extension JupyterKernel {
  /// How often buffered stdout/stderr of a running cell is published.
  static let streamTick = 50

  func controlLoop() {
    let parent = ProcessInfo.processInfo.environment["JPY_PARENT_PID"].flatMap { Int32($0) }
    var ticks = 0
    while !shutdownRequested.isSet {
      if control.waitForInput(milliseconds: JupyterKernel.streamTick), let request = receive(from: control) {
        handleControl(request)
      }
      streams.flush()
      ticks += 1
      if ticks % 20 == 0, let parent, parent > 1, getppid() != parent {
        // The client that started us is gone (jupyter_client sets JPY_PARENT_PID); nobody can
        // shut us down any more, so stop instead of living on as an orphan.
        log("parent process \(parent) exited; shutting down")
        requestShutdown()
      }
    }
    control.close()
    controlFinished.signal()
  }

  func handleControl(_ request: Message) {
    switch request.type {
    case "shutdown_request":
      serve(request) { shutdown(request, on: control) }
    case "interrupt_request":
      serve(request) {
        interpreter.interrupt.set()
        reply(to: request, on: control, type: "interrupt_reply", content: ["status": "ok"])
      }
    case "kernel_info_request":
      serve(request) { reply(to: request, on: control, type: "kernel_info_reply", content: KernelInfo.content) }
    default:
      log("ignored unknown control message type '\(request.type)'")
    }
  }
}
