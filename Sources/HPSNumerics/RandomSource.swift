// Seeded, splittable random numbers: xoshiro256** seeded through SplitMix64.
//
// Same seed → same stream on every platform and run. `split()` derives an independent child stream
// (for example one for weight initialisation, one for shuffling, one for dropout) so that adding a
// draw in one place does not shift every later random number elsewhere.
public struct RandomSource: RandomNumberGenerator, Sendable {
  // Inlinable draws (below) let weight initialisation loops in other modules inline the generator.
  @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

  public init(seed: UInt64) {
    var sm = seed
    func splitMix(_ x: inout UInt64) -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitMix(&sm); s1 = splitMix(&sm); s2 = splitMix(&sm); s3 = splitMix(&sm)
  }

  public init(seed: Int) { self.init(seed: UInt64(bitPattern: Int64(seed))) }

  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
    s2 ^= t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  }

  /// An independent stream derived from this one (advances this stream by one draw).
  public mutating func split() -> RandomSource { RandomSource(seed: next()) }

  /// Uniform in [0, 1) with 24 random bits (exactly representable as Float).
  @inlinable @inline(__always)
  public mutating func nextFloat() -> Float { Float(next() >> 40) * (1.0 / 16_777_216.0) }

  /// Uniform in [0, 1) with 53 random bits.
  @inline(__always)
  public mutating func nextDouble() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

  @inlinable
  public mutating func uniform(_ low: Float, _ high: Float) -> Float { low + (high - low) * nextFloat() }

  /// Standard normal via Box–Muller (one value per call; simple and deterministic).
  public mutating func normal() -> Double {
    var u1 = nextDouble()
    while u1 <= .leastNormalMagnitude { u1 = nextDouble() }
    let u2 = nextDouble()
    return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
  }

  /// Uniform integer in 0..<bound (unbiased, via the standard library's rejection method).
  public mutating func int(below bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }

  /// A uniformly random permutation of 0..<n (Fisher–Yates).
  public mutating func permutation(_ n: Int) -> [Int] {
    var p = Array(0..<n)
    shuffle(&p)
    return p
  }

  public mutating func shuffle<T>(_ a: inout [T]) {
    if a.count < 2 { return }
    for i in stride(from: a.count - 1, to: 0, by: -1) {
      let j = int(below: i + 1)
      if i != j { a.swapAt(i, j) }
    }
  }
}
