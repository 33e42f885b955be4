// The shell channel: requests handled one at a time on the interpreter's thread.
import Foundation
import HPSKernel

extension JupyterKernel {
  func shellLoop() {
    while !shutdownRequested.isSet {
      guard shell.waitForInput(milliseconds: 100), let request = receive(from: shell) else { continue }
      handleShell(request)
    }
    shell.close()
    stdin.close()
  }

  func handleShell(_ request: Message) {
    // An interrupt that arrived while idle is stale; it must not break completion or inspection
    // (which evaluate names). execute clears it too.
    interpreter.interrupt.clear()
    switch request.type {
    case "execute_request":
      var abandoned: [Message] = []
      serve(request) { abandoned = execute(request) }
      abort(abandoned)
    case "kernel_info_request":
      serve(request) { reply(to: request, on: shell, type: "kernel_info_reply", content: KernelInfo.content) }
    case "complete_request":
      serve(request) { reply(to: request, on: shell, type: "complete_reply", content: complete(request.content)) }
    case "inspect_request":
      serve(request) { reply(to: request, on: shell, type: "inspect_reply", content: inspect(request.content)) }
    case "is_complete_request":
      serve(request) {
        reply(to: request, on: shell, type: "is_complete_reply", content: isComplete(request.content))
      }
    case "history_request":
      serve(request) { reply(to: request, on: shell, type: "history_reply", content: history(request.content)) }
    case "comm_info_request":
      serve(request) {
        reply(to: request, on: shell, type: "comm_info_reply", content: ["status": "ok", "comms": JSONObject()])
      }
    case "comm_open":
      // No comm targets exist: close the comm at once so the front end does not wait on it.
      serve(request) {
        let id = request.content["comm_id"] as? String ?? ""
        publisher.publish("comm_close", ["comm_id": id, "data": JSONObject()], parent: request.header)
      }
    case "comm_msg", "comm_close":
      serve(request) {}
    case "shutdown_request":
      // Deprecated on shell since protocol 5.4, still accepted.
      serve(request) { shutdown(request, on: shell) }
    default:
      log("ignored unknown shell message type '\(request.type)'")
    }
  }

  func shutdown(_ request: Message, on socket: ZMQSocket) {
    let restart = JSON.bool(request.content["restart"]) ?? false
    reply(to: request, on: socket, type: "shutdown_reply", content: ["status": "ok", "restart": restart])
    requestShutdown()
  }
}
