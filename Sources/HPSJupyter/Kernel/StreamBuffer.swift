// stdout/stderr of the running cell, batched into iopub `stream` messages. Text is published when
// the buffer grows large, when the control thread's timer ticks (so a long cell's prints appear
// while it runs), and before anything else the cell publishes, so the order front ends see is the
// order the cell wrote in.
import Foundation

final class StreamBuffer {
  /// Bytes buffered before a write publishes at once.
  static let flushSize = 64 * 1024

  private let publisher: Publisher
  private let lock = NSLock()
  private var pending: [(name: String, text: String)] = []
  private var size = 0
  private var parent: JSONObject?

  init(publisher: Publisher) { self.publisher = publisher }

  /// Starts attributing output to a new request (after publishing what the previous one left).
  func begin(parent: JSONObject) {
    lock.lock()
    defer { lock.unlock() }
    publishPending()
    self.parent = parent
  }

  func write(_ name: String, _ text: String) {
    guard !text.isEmpty else { return }
    lock.lock()
    defer { lock.unlock() }
    if let last = pending.last, last.name == name {
      pending[pending.count - 1].text += text
    } else {
      pending.append((name, text))
    }
    size += text.utf8.count
    if size >= StreamBuffer.flushSize { publishPending() }
  }

  func flush() {
    lock.lock()
    defer { lock.unlock() }
    publishPending()
  }

  /// Holds the lock while publishing, so a flush racing the cell's own next message cannot
  /// overtake it.
  private func publishPending() {
    for chunk in pending {
      publisher.publish("stream", ["name": chunk.name, "text": chunk.text], parent: parent)
    }
    pending.removeAll()
    size = 0
  }
}
