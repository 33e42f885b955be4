// A row-major Float32 matrix whose storage can be larger than rows × cols.
//
// Training reuses the same buffers step after step; the last batch of an epoch is usually smaller,
// so `reshape` only grows the backing array and never shrinks it. That keeps the training loop free
// of allocations once the first full batch has run.
public struct Matrix: Sendable {
  public private(set) var rows: Int
  public private(set) var cols: Int
  /// Backing store; only the first `rows * cols` elements are meaningful.
  public var storage: [Float]

  public init(rows: Int, cols: Int, repeating value: Float = 0) {
    precondition(rows >= 0 && cols >= 0, "matrix dimensions must be non-negative")
    self.rows = rows
    self.cols = cols
    self.storage = [Float](repeating: value, count: rows * cols)
  }

  /// A matrix over `values` (row-major); `values.count` must equal rows × cols.
  public init(rows: Int, cols: Int, values: [Float]) {
    precondition(values.count == rows * cols, "matrix needs \(rows * cols) values, got \(values.count)")
    self.rows = rows
    self.cols = cols
    self.storage = values
  }

  public var count: Int { rows * cols }
  public var shape: (rows: Int, cols: Int) { (rows, cols) }

  /// The meaningful elements, row-major.
  public var values: [Float] { Array(storage[0..<count]) }

  public subscript(row: Int, col: Int) -> Float {
    get { storage[row * cols + col] }
    set { storage[row * cols + col] = newValue }
  }

  /// Changes the logical shape, growing the backing store when needed. Contents are unspecified
  /// afterwards unless the element count did not change.
  public mutating func reshape(rows: Int, cols: Int) {
    self.rows = rows
    self.cols = cols
    if storage.count < rows * cols {
      storage.append(contentsOf: repeatElement(0, count: rows * cols - storage.count))
    }
  }

  public mutating func fill(_ value: Float) {
    let n = count
    storage.withUnsafeMutableBufferPointer { p in
      for i in 0..<n { p[i] = value }
    }
  }

  public func row(_ r: Int) -> [Float] { Array(storage[(r * cols)..<((r + 1) * cols)]) }

  @inlinable
  public func withUnsafePointer<R>(_ body: (UnsafePointer<Float>) throws -> R) rethrows -> R {
    try storage.withUnsafeBufferPointer { p in
      // Empty arrays can hand out a nil base address; a dangling pointer is never dereferenced
      // because every kernel loops over `count` elements.
      guard let base = p.baseAddress else {
        return try [Float](repeating: 0, count: 1).withUnsafeBufferPointer { try body($0.baseAddress.unsafelyUnwrapped) }
      }
      return try body(base)
    }
  }

  @inlinable
  public mutating func withUnsafeMutablePointer<R>(_ body: (UnsafeMutablePointer<Float>) throws -> R) rethrows -> R {
    if storage.isEmpty { storage = [0] }
    return try storage.withUnsafeMutableBufferPointer { p in try body(p.baseAddress.unsafelyUnwrapped) }
  }
}

extension Matrix: Equatable {
  public static func == (a: Matrix, b: Matrix) -> Bool {
    a.rows == b.rows && a.cols == b.cols && a.storage[0..<a.count] == b.storage[0..<b.count]
  }
}

extension Matrix: CustomStringConvertible {
  public var description: String {
    let shown = (0..<min(rows, 6)).map { r in row(r).prefix(8).map { "\($0)" }.joined(separator: ", ") }
    return "Matrix(\(rows)x\(cols))[\(shown.joined(separator: "; "))\(rows > 6 ? "; ..." : "")]"
  }
}
