// The iopub socket. The shell thread publishes outputs, the control thread publishes status and
// flushes streams, so every send goes through one lock.
import CZeroMQ
import Foundation

final class Publisher {
  private let socket: ZMQSocket
  private let wire: Wire
  private let lock = NSLock()

  init(socket: ZMQSocket, wire: Wire) {
    self.socket = socket
    self.wire = wire
  }

  /// Publishes with the message type as the topic frame, the convention clients subscribe to.
  func publish(_ type: String, _ content: JSONObject, parent: JSONObject?, metadata: JSONObject = [:]) {
    let frames = wire.encode(
      type: type, content: content, parent: parent, identities: [Data(type.utf8)], metadata: metadata)
    lock.lock()
    defer { lock.unlock() }
    socket.send(frames)
  }

  func status(_ state: String, parent: JSONObject?) {
    publish("status", ["execution_state": state], parent: parent)
  }

  func close() {
    lock.lock()
    defer { lock.unlock() }
    socket.close()
  }
}
