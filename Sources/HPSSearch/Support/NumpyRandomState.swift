// numpy's legacy `RandomState` generator: the Mersenne Twister MT19937 seeded and read the way
// numpy seeds and reads it, so a sampler given the same seed as its Optuna counterpart draws the
// very same numbers (Optuna's samplers draw from `np.random.RandomState(seed)`).
import Foundation

/// Something that yields doubles uniform in [0, 1): the one primitive the samplers' draws are
/// built from, so the same drawing code runs on numpy's stream and on `SeededRandom`.
public protocol UniformRandomSource {
  /// A double uniform in [0, 1) (numpy's `random_sample()`).
  mutating func randomSample() -> Double
}

extension SeededRandom: UniformRandomSource {
  public mutating func randomSample() -> Double { nextUniform() }
}

extension UniformRandomSource {
  /// numpy's `uniform(low, high)`: `low + (high - low)·u`. One draw is taken even when
  /// `low == high`, as numpy does.
  public mutating func uniform(low: Double, high: Double) -> Double {
    low + (high - low) * randomSample()
  }

  /// numpy's `uniform(lows, highs)` over arrays: one draw per element, in order.
  public mutating func uniform(lows: [Double], highs: [Double]) -> [Double] {
    zip(lows, highs).map { uniform(low: $0, high: $1) }
  }

  /// numpy's `rand(count)`.
  public mutating func rand(_ count: Int) -> [Double] {
    (0..<count).map { _ in randomSample() }
  }

  /// numpy's legacy `choice(p.count, p: p, size: count)`: the cumulative sum of `p`, divided
  /// by its last entry, searched (side "right") for each of `count` uniform draws.
  public mutating func choice(probabilities p: [Double], count: Int) -> [Int] {
    var cdf = [Double](repeating: 0, count: p.count)
    var running = 0.0
    for i in p.indices {
      running += p[i]
      cdf[i] = running
    }
    if let last = cdf.last { for i in cdf.indices { cdf[i] /= last } }
    return (0..<count).map { _ in
      let u = randomSample()
      // First index whose cumulative value exceeds u.
      var lo = 0, hi = cdf.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if cdf[mid] <= u { lo = mid + 1 } else { hi = mid }
      }
      return min(lo, max(cdf.count - 1, 0))
    }
  }
}

/// MT19937 as numpy's `RandomState` runs it.
///
/// `init(seed:)` with a seed in 0...2³²−1 equals `np.random.RandomState(seed)` (numpy's
/// `init_genrand`). numpy rejects other integers; here they seed through `init_by_array` over the
/// seed's two 32-bit words (low word first), which is `np.random.RandomState([low, high])` —
/// reproducible, but with no Optuna counterpart. `nil` seeds from the system generator.
public struct NumpyRandomState: UniformRandomSource, Sendable {
  private static let n = 624
  private static let m = 397
  private var state: [UInt32]
  private var position: Int

  public init(seed: Int?) {
    guard let seed else {
      self.init(key: (0..<NumpyRandomState.n).map { _ in UInt32.random(in: .min ... .max) })
      return
    }
    if seed >= 0 && seed <= Int(UInt32.max) {
      self.init(word: UInt32(seed))
    } else {
      let bits = UInt64(bitPattern: Int64(seed))
      self.init(key: [UInt32(truncatingIfNeeded: bits), UInt32(truncatingIfNeeded: bits >> 32)])
    }
  }

  /// numpy's `mt19937_seed` (Matsumoto and Nishimura's `init_genrand`).
  public init(word: UInt32) {
    var s = [UInt32](repeating: 0, count: NumpyRandomState.n)
    s[0] = word
    for i in 1..<NumpyRandomState.n {
      s[i] = 1_812_433_253 &* (s[i - 1] ^ (s[i - 1] >> 30)) &+ UInt32(i)
    }
    state = s
    position = NumpyRandomState.n
  }

  /// numpy's `mt19937_init_by_array` (`init_by_array` of the reference implementation).
  public init(key: [UInt32]) {
    self.init(word: 19_650_218)
    let n = NumpyRandomState.n
    var i = 1, j = 0
    for _ in 0..<max(n, key.count) {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
      i += 1; j += 1
      if i >= n { state[0] = state[n - 1]; i = 1 }
      if j >= key.count { j = 0 }
    }
    for _ in 0..<(n - 1) {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
      i += 1
      if i >= n { state[0] = state[n - 1]; i = 1 }
    }
    state[0] = 0x8000_0000
    position = n
  }

  private mutating func twist() {
    let n = NumpyRandomState.n, m = NumpyRandomState.m
    for k in 0..<n {
      let y = (state[k] & 0x8000_0000) | (state[(k + 1) % n] & 0x7FFF_FFFF)
      state[k] = state[(k + m) % n] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
    }
    position = 0
  }

  /// The next tempered 32-bit output.
  public mutating func nextUInt32() -> UInt32 {
    if position >= NumpyRandomState.n { twist() }
    var y = state[position]
    position += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  /// numpy's `random_sample()`: 53 random bits from two outputs (27 + 26 bits).
  public mutating func randomSample() -> Double {
    let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
    return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
  }
}
