// input() in a notebook: an input_request on the stdin channel, answered by the front end's
// input_reply. The request is routed with the execute request's identities: jupyter_client gives
// a client's shell and stdin sockets the same identity.
import Foundation

extension JupyterKernel {
  /// The line the user typed, or nil (EOFError in the script) when the front end cannot take
  /// input, the cell is interrupted, or the kernel is shutting down.
  func requestInput(prompt: String, password: Bool = false) -> String? {
    guard let request = currentExecute else { return nil }
    guard JSON.bool(request.content["allow_stdin"]) ?? false else {
      streams.write("stderr", "input(): this front end does not accept input (allow_stdin is false)\n")
      return nil
    }
    streams.flush()
    while stdin.receive() != nil {}  // an answer to an earlier, abandoned request
    stdin.send(
      wire.encode(
        type: "input_request", content: ["prompt": prompt, "password": password], parent: request.header,
        identities: request.identities))
    while !interpreter.interrupt.isSet && !shutdownRequested.isSet {
      guard stdin.waitForInput(milliseconds: 100), let reply = receive(from: stdin) else { continue }
      if reply.type == "input_reply" { return reply.content["value"] as? String ?? "" }
      log("ignored '\(reply.type)' on stdin while waiting for input_reply")
    }
    return nil
  }
}
