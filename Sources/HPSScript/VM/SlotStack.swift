// Storage for the local variables of running calls: a bump allocator over large chunks, so a call
// costs no malloc. Closures capture cells (heap objects), never slots, so slots die with the call.

/// The local variable slots of one call.
typealias Frame = UnsafeMutablePointer<Value>

final class SlotStack {
  private struct Chunk {
    let base: UnsafeMutablePointer<Value>
    let capacity: Int
    var used: Int
  }
  private var chunks: [Chunk] = []
  private var current = 0
  private static let chunkSize = 1 << 16

  init() {
    chunks.append(SlotStack.makeChunk(SlotStack.chunkSize))
  }

  deinit {
    for c in chunks { c.base.deallocate() }
  }

  private static func makeChunk(_ capacity: Int) -> Chunk {
    Chunk(base: .allocate(capacity: capacity), capacity: capacity, used: 0)
  }

  /// Slots for a call, initialized to unbound.
  @inline(__always) func push(_ n: Int) -> Frame {
    var c = chunks[current]
    if c.used + n > c.capacity { return pushSlow(n) }
    let p = c.base + c.used
    c.used += n
    chunks[current] = c
    p.initialize(repeating: .unbound, count: n)
    return p
  }

  private func pushSlow(_ n: Int) -> Frame {
    current += 1
    if current == chunks.count || chunks[current].capacity < n {
      if current < chunks.count { chunks[current].base.deallocate(); chunks.remove(at: current) }
      chunks.insert(SlotStack.makeChunk(max(n, SlotStack.chunkSize)), at: current)
    }
    let p = chunks[current].base
    chunks[current].used = n
    p.initialize(repeating: .unbound, count: n)
    return p
  }

  /// Releases the most recent `push`.
  @inline(__always) func pop(_ p: Frame, _ n: Int) {
    p.deinitialize(count: n)
    chunks[current].used -= n
    if chunks[current].used == 0 && current > 0 { current -= 1 }
  }
}
