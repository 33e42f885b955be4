// Storage for the local variables of running calls: a bump allocator over large chunks, so a call
// costs no malloc. Closures capture cells (heap objects), never slots, so slots die with the call.

/// The local variable slots of one call.
typealias Frame = UnsafeMutablePointer<Value>

final class SlotStack {
  private struct Chunk {
    let base: UnsafeMutablePointer<Value>
    let end: UnsafeMutablePointer<Value>
    /// Where `top` was in this chunk when the next chunk was entered.
    var savedTop: UnsafeMutablePointer<Value>
  }
  private var chunks: [Chunk] = []
  private var current = 0
  private var top: UnsafeMutablePointer<Value>
  private var end: UnsafeMutablePointer<Value>
  private var base: UnsafeMutablePointer<Value>
  private static let chunkSize = 1 << 16

  init() {
    let c = SlotStack.makeChunk(SlotStack.chunkSize)
    chunks.append(c)
    top = c.base
    end = c.end
    base = c.base
  }

  deinit {
    for c in chunks { c.base.deallocate() }
  }

  /// Exchanges everything this stack holds with `other` (an execution-context switch). The VM's
  /// stack object itself never changes, so its hot paths can treat it as a constant.
  func swapContents(with other: SlotStack) {
    swap(&chunks, &other.chunks)
    swap(&current, &other.current)
    swap(&top, &other.top)
    swap(&end, &other.end)
    swap(&base, &other.base)
  }

  private static func makeChunk(_ capacity: Int) -> Chunk {
    let p = UnsafeMutablePointer<Value>.allocate(capacity: capacity)
    return Chunk(base: p, end: p + capacity, savedTop: p)
  }

  /// Slots for a call, initialized to unbound.
  @inline(__always) func push(_ n: Int) -> Frame {
    if end - top < n { return pushSlow(n) }
    let p = top
    top = p + n
    p.initialize(repeating: .unbound, count: n)
    return p
  }

  private func pushSlow(_ n: Int) -> Frame {
    chunks[current].savedTop = top
    current += 1
    if current < chunks.count && chunks[current].end - chunks[current].base < n {
      chunks[current].base.deallocate()
      chunks.remove(at: current)
    }
    if current == chunks.count { chunks.append(SlotStack.makeChunk(max(n, SlotStack.chunkSize))) }
    let c = chunks[current]
    base = c.base
    end = c.end
    top = c.base + n
    c.base.initialize(repeating: .unbound, count: n)
    return c.base
  }

  /// Releases the most recent `push`.
  @inline(__always) func pop(_ p: Frame, _ n: Int) {
    // Element by element: the specialized destroy is cheaper than the runtime's generic one.
    var k = 0
    while k < n {
      (p + k).deinitialize(count: 1)
      k += 1
    }
    top = p
    if p == base && current > 0 { popChunk() }
  }

  private func popChunk() {
    current -= 1
    let c = chunks[current]
    base = c.base
    end = c.end
    top = c.savedTop
  }
}
