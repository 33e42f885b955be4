// The control channel, on its own thread so interrupt and shutdown are answered while a cell runs.
// Its poll timeout doubles as the stream buffer's timer.
import Foundation

extension JupyterKernel {
  /// How often buffered stdout/stderr of a running cell is published.
  static let streamTick = 50

  func controlLoop() {
    while !shutdownRequested.isSet {
      if control.waitForInput(milliseconds: JupyterKernel.streamTick), let request = receive(from: control) {
        handleControl(request)
      }
      streams.flush()
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
