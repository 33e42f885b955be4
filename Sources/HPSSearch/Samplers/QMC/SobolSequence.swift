// The Sobol low-discrepancy sequence in up to SobolDirectionNumbers.maxDimension dimensions, in
// Gray-code order (the same points and order as scipy.stats.qmc.Sobol), with optional scrambling:
// a random linear matrix scramble plus a digital shift (LMS + shift, as scipy does), seeded.

public struct SobolSequence: Sendable {
  static let bits = 30
  public let dimension: Int
  /// directions[d][j]: the j-th direction number of dimension d, scaled to `bits` bits.
  private var directions: [[UInt32]]
  private var shift: [UInt32]
  private var state: [UInt32]
  /// Index of the next point.
  public private(set) var index = 0

  /// - Throws: `SamplerArgumentError` when `dimension` is outside 1...maxDimension.
  public init(dimension: Int, scramble: Bool = false, seed: Int? = nil) throws {
    guard dimension >= 1, dimension <= SobolDirectionNumbers.maxDimension else {
      throw SamplerArgumentError("d", dimension, "must be between 1 and \(SobolDirectionNumbers.maxDimension) for Sobol")
    }
    self.dimension = dimension
    let bits = SobolSequence.bits
    var v = [[UInt32]](repeating: [UInt32](repeating: 0, count: bits), count: dimension)
    for j in 0..<bits { v[0][j] = 1 }
    for d in 1..<max(1, dimension) {
      let p = SobolDirectionNumbers.polynomials[d]
      let degree = 31 - p.leadingZeroBitCount  // bit length − 1
      let m = SobolDirectionNumbers.initialNumbers[d]
      for j in 0..<min(degree, bits) { v[d][j] = m[j] }
      if degree < bits {
        for j in degree..<bits {
          var newV = v[d][j - degree]
          var pow2: UInt32 = 1
          for k in 0..<degree {
            pow2 <<= 1
            if (p >> UInt32(degree - 1 - k)) & 1 == 1 { newV ^= pow2 &* v[d][j - k - 1] }
          }
          v[d][j] = newV
        }
      }
    }
    // Scale column j by 2^(bits−1−j).
    for d in 0..<dimension {
      for j in 0..<bits { v[d][j] <<= UInt32(bits - 1 - j) }
    }
    shift = [UInt32](repeating: 0, count: dimension)
    if scramble {
      var rng = SeededRandom(seed: seed)
      for d in 0..<dimension {
        // Lower-triangular random binary matrix with unit diagonal, applied to each direction
        // number's bit vector (most significant bit first), then a random digital shift.
        var ltm = [UInt32](repeating: 0, count: bits)
        for row in 0..<bits {
          var mask: UInt32 = 0
          for col in 0..<row where rng.next() & 1 == 1 { mask |= 1 << UInt32(bits - 1 - col) }
          ltm[row] = mask | (1 << UInt32(bits - 1 - row))
        }
        for j in 0..<bits {
          let old = v[d][j]
          var scrambled: UInt32 = 0
          for row in 0..<bits where (ltm[row] & old).nonzeroBitCount % 2 == 1 {
            scrambled |= 1 << UInt32(bits - 1 - row)
          }
          v[d][j] = scrambled
        }
        shift[d] = UInt32(truncatingIfNeeded: rng.next()) & ((1 << UInt32(bits)) - 1)
      }
    }
    directions = v
    state = shift
  }

  /// The next point in [0, 1)^dimension.
  public mutating func next() -> [Double] {
    let scale = 1.0 / Double(1 << SobolSequence.bits)
    let point = state.map { Double($0) * scale }
    // Gray code: flip by the direction number at the lowest zero bit of the index.
    let c = (~index).trailingZeroBitCount
    if c < SobolSequence.bits {
      for d in 0..<dimension { state[d] ^= directions[d][c] }
    }
    index += 1
    return point
  }

  /// Advances past `count` points.
  public mutating func skip(_ count: Int) { for _ in 0..<max(0, count) { _ = next() } }
}

/// The Halton sequence (radical inverses in the first primes), optionally scrambled by a random
/// permutation of the digits in each base, seeded.
public struct HaltonSequence: Sendable {
  public let dimension: Int
  let bases: [Int]
  let permutations: [[Int]]?
  public private(set) var index = 0

  public init(dimension: Int, scramble: Bool = false, seed: Int? = nil) throws {
    guard dimension >= 1, dimension <= 1000 else {
      throw SamplerArgumentError("d", dimension, "must be between 1 and 1000 for Halton")
    }
    self.dimension = dimension
    var primes: [Int] = []
    var candidate = 2
    while primes.count < dimension {
      if primes.allSatisfy({ candidate % $0 != 0 }) { primes.append(candidate) }
      candidate += 1
    }
    bases = primes
    if scramble {
      var rng = SeededRandom(seed: seed)
      permutations = primes.map { b in
        // Keep 0 fixed so the expansion of 0's trailing digits stays 0.
        var perm = Array(0..<b)
        for i in stride(from: b - 1, through: 2, by: -1) {
          let j = 1 + rng.nextIndex(i)
          perm.swapAt(i, j)
        }
        return perm
      }
    } else {
      permutations = nil
    }
  }

  public mutating func next() -> [Double] {
    let n = index
    index += 1
    return bases.indices.map { d in
      let b = bases[d]
      var f = 1.0, r = 0.0, i = n
      while i > 0 {
        f /= Double(b)
        let digit = i % b
        r += f * Double(permutations?[d][digit] ?? digit)
        i /= b
      }
      return r
    }
  }

  public mutating func skip(_ count: Int) { for _ in 0..<max(0, count) { _ = next() } }
}
