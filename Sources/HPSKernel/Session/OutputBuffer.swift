// Buffered standard output for script runs: one write(2) per 64 KiB instead of one per print().
// Interactive front ends write through at once instead, so prompts and output interleave.
import Foundation

public final class OutputBuffer: @unchecked Sendable {
  private var buffer: [UInt8] = []
  private let descriptor: Int32
  /// Flushes once this many bytes are waiting.
  public static let capacity = 1 << 16

  public init(descriptor: Int32 = STDOUT_FILENO) {
    self.descriptor = descriptor
    buffer.reserveCapacity(OutputBuffer.capacity)
  }

  public func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= OutputBuffer.capacity { flush() }
  }

  public func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        let n = Foundation.write(descriptor, base + offset, bytes.count - offset)
        if n <= 0 { break }
        offset += n
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
