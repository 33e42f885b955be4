// MT19937, the generator behind CPython's `random` module, seeded exactly as CPython seeds it so
// that `random.seed(0); random.random()` gives CPython's number.

import BigInt

/// The 32-bit Mersenne Twister (Matsumoto & Nishimura), with CPython's seeding and its
/// `random()` / `getrandbits()` constructions on top.
public struct MersenneTwister: Sendable {
  public static let stateSize = 624
  static let shift = 397
  static let matrixA: UInt32 = 0x9908_B0DF
  static let upperMask: UInt32 = 0x8000_0000
  static let lowerMask: UInt32 = 0x7FFF_FFFF

  /// The 624 state words.
  public private(set) var words: [UInt32]
  /// Position of the next word to temper, 0...624 (624 means "regenerate first").
  public private(set) var index: Int

  /// A generator seeded from the system's entropy source, like `random.seed(None)`.
  public init() {
    words = Array(repeating: 0, count: Self.stateSize)
    index = Self.stateSize + 1
    seedFromSystem()
  }

  /// A generator seeded like CPython's `random.seed(n)` for an int `n`.
  public init(seed: BigInt) {
    words = Array(repeating: 0, count: Self.stateSize)
    index = Self.stateSize + 1
    self.seed(seed)
  }

  /// CPython's `random_seed` for an int: init_by_array over the 32-bit words of |n|, least
  /// significant first (a zero seed is the one-word key [0]).
  public mutating func seed(_ value: BigInt) {
    var magnitude = value.magnitude
    var key: [UInt32] = []
    while magnitude > 0 {
      key.append(UInt32(truncatingIfNeeded: magnitude & 0xFFFF_FFFF))
      magnitude >>= 32
    }
    if key.isEmpty { key = [0] }
    seed(key: key)
  }

  /// `random.seed(None)`: 624 words of system entropy through init_by_array, as CPython does
  /// with `os.urandom`.
  public mutating func seedFromSystem() {
    var system = SystemRandomNumberGenerator()
    seed(key: (0..<Self.stateSize).map { _ in UInt32(truncatingIfNeeded: system.next()) })
  }

  /// The reference `init_genrand`.
  mutating func initialize(_ s: UInt32) {
    words[0] = s
    for i in 1..<Self.stateSize {
      words[i] = 1_812_433_253 &* (words[i - 1] ^ (words[i - 1] >> 30)) &+ UInt32(i)
    }
    index = Self.stateSize
  }

  /// The reference `init_by_array`.
  public mutating func seed(key: [UInt32]) {
    initialize(19_650_218)
    let n = Self.stateSize
    var i = 1, j = 0
    let keyLength = max(key.count, 1)
    for _ in 0..<max(n, key.count) {
      let previous = words[i - 1] ^ (words[i - 1] >> 30)
      words[i] = (words[i] ^ (previous &* 1_664_525)) &+ (key.isEmpty ? 0 : key[j]) &+ UInt32(truncatingIfNeeded: j)
      i += 1
      j += 1
      if i >= n {
        words[0] = words[n - 1]
        i = 1
      }
      if j >= keyLength { j = 0 }
    }
    for _ in 0..<(n - 1) {
      let previous = words[i - 1] ^ (words[i - 1] >> 30)
      words[i] = (words[i] ^ (previous &* 1_566_083_941)) &- UInt32(i)
      i += 1
      if i >= n {
        words[0] = words[n - 1]
        i = 1
      }
    }
    words[0] = 0x8000_0000  // MSB is 1, assuring a non-zero initial array
    index = n
  }

  /// The next tempered 32-bit output (`genrand_uint32`).
  public mutating func nextUInt32() -> UInt32 {
    if index >= Self.stateSize { regenerate() }
    var y = words[index]
    index += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  mutating func regenerate() {
    let n = Self.stateSize, m = Self.shift
    for k in 0..<n {
      let y = (words[k] & Self.upperMask) | (words[(k + 1) % n] & Self.lowerMask)
      words[k] = words[(k + m) % n] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
    }
    index = 0
  }

  /// `random.random()`: 53 random bits as a double in [0, 1).
  public mutating func random() -> Double {
    let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
    return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// `random.getrandbits(k)` for 0 <= k <= 64 without allocating a big integer.
  public mutating func randomBits(_ k: Int) -> UInt64 {
    let k = min(max(k, 0), 64)  // callers pass 0...64; anything else is clamped, never trapped
    if k == 0 { return 0 }
    if k <= 32 { return UInt64(nextUInt32() >> (32 - k)) }
    // Words fill from least significant to most; the last word keeps its top bits.
    let low = UInt64(nextUInt32())
    let high = UInt64(nextUInt32() >> (64 - k))
    return low | (high << 32)
  }

  /// `random.getrandbits(k)` for any k >= 0.
  public mutating func getrandbits(_ k: Int) -> BigInt {
    if k <= 64 { return BigInt(randomBits(max(k, 0))) }
    var remaining = k
    var words32: [UInt32] = []
    while remaining > 0 {
      var r = nextUInt32()
      if remaining < 32 { r >>= UInt32(32 - remaining) }
      words32.append(r)
      remaining -= 32
    }
    var result = BigUInt(0)
    for word in words32.reversed() {
      result = (result << 32) | BigUInt(word)
    }
    return BigInt(result)
  }

  /// Restores a state taken from `words`/`index` (CPython's `Random.setstate` of the C part).
  /// Returns false when the index is out of range ("invalid state").
  public mutating func restore(words newWords: [UInt32], index newIndex: Int) -> Bool {
    guard newWords.count == Self.stateSize, newIndex >= 0, newIndex <= Self.stateSize else { return false }
    words = newWords
    index = newIndex
    return true
  }
}
