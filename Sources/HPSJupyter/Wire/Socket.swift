// A thin owner of one ZeroMQ socket. ZeroMQ sockets are not thread-safe: each is used by one
// thread, except iopub, which `Publisher` guards with a lock.
import CZeroMQ
import Foundation

public struct ZMQError: Error, CustomStringConvertible {
  public let description: String

  init(_ what: String, code: Int32 = zmq_errno()) {
    description = "\(what): \(String(cString: zmq_strerror(code)))"
  }
}

final class ZMQContext {
  let raw: UnsafeMutableRawPointer

  init() throws {
    guard let raw = zmq_ctx_new() else { throw ZMQError("zmq_ctx_new") }
    self.raw = raw
  }

  /// Blocks until every socket is closed; blocked calls in other threads return ETERM.
  func terminate() { zmq_ctx_term(raw) }
}

final class ZMQSocket {
  let raw: UnsafeMutableRawPointer
  let name: String
  private(set) var isClosed = false

  init(_ context: ZMQContext, type: Int32, name: String) throws {
    guard let raw = zmq_socket(context.raw, type) else { throw ZMQError("zmq_socket(\(name))") }
    self.raw = raw
    self.name = name
    // Queued messages get one second to leave when the socket closes at shutdown.
    var linger: Int32 = 1000
    zmq_setsockopt(raw, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
  }

  /// Removes the send queue limit (ZeroMQ's default drops PUB messages beyond 1000 queued ones).
  func unlimitSendQueue() {
    var unlimited: Int32 = 0
    zmq_setsockopt(raw, ZMQ_SNDHWM, &unlimited, MemoryLayout<Int32>.size)
  }

  func bind(_ endpoint: String) throws {
    guard zmq_bind(raw, endpoint) == 0 else { throw ZMQError("cannot bind \(name) socket to \(endpoint)") }
  }

  /// The endpoint actually bound (useful after binding port 0).
  var lastEndpoint: String {
    var buffer = [CChar](repeating: 0, count: 256)
    var size = buffer.count
    zmq_getsockopt(raw, ZMQ_LAST_ENDPOINT, &buffer, &size)
    return String(cString: buffer)
  }

  /// Sends all frames as one multipart message.
  func send(_ frames: [Data]) {
    guard !isClosed else { return }
    for (index, frame) in frames.enumerated() {
      let flags = index == frames.count - 1 ? 0 : ZMQ_SNDMORE
      frame.withUnsafeBytes { bytes in
        while zmq_send(raw, bytes.baseAddress, bytes.count, flags) < 0 && zmq_errno() == EINTR {}
      }
    }
  }

  /// Receives one multipart message without waiting; nil when none is queued (or a signal came).
  func receive() -> [Data]? {
    guard !isClosed else { return nil }
    var frames: [Data] = []
    while true {
      var message = zmq_msg_t()
      zmq_msg_init(&message)
      defer { zmq_msg_close(&message) }
      let flags = frames.isEmpty ? ZMQ_DONTWAIT : 0
      var size = zmq_msg_recv(&message, raw, flags)
      while size < 0 && zmq_errno() == EINTR && !frames.isEmpty { size = zmq_msg_recv(&message, raw, 0) }
      if size < 0 { return frames.isEmpty ? nil : frames }
      frames.append(Data(bytes: zmq_msg_data(&message), count: Int(size)))
      if zmq_msg_more(&message) == 0 { return frames }
    }
  }

  /// Waits up to `milliseconds` for a message; false on timeout, a signal, or a terminated context.
  func waitForInput(milliseconds: Int) -> Bool {
    guard !isClosed else { return false }
    var item = zmq_pollitem_t(socket: raw, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
    let ready = zmq_poll(&item, 1, milliseconds)
    return ready > 0 && item.revents & Int16(ZMQ_POLLIN) != 0
  }

  func close() {
    guard !isClosed else { return }
    isClosed = true
    zmq_close(raw)
  }
}
