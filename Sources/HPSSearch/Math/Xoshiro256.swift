// A small seeded generator shared by the model-based samplers. Xoshiro256** seeded through
// SplitMix64: fast, statistically solid, and identical on every platform, so a seed reproduces a
// study bit for bit (Swift's SystemRandomNumberGenerator cannot be seeded).
import Foundation

public struct Xoshiro256: RandomNumberGenerator, Sendable {
  private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

  public init(seed: UInt64) {
    var x = seed
    func splitMix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
  }

  public mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  /// Uniform in [0, 1) with 53 random bits.
  public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// Uniform in the open interval (0, 1): safe to take a logarithm of.
  public mutating func nextOpenUnit() -> Double { (Double(next() >> 11) + 0.5) * 0x1.0p-53 }

  /// Standard normal by the Box-Muller transform (one value per call; simplicity over speed).
  public mutating func nextNormal() -> Double {
    let u = nextOpenUnit(), v = nextUnit()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }

  /// Uniform integer in 0..<bound; 0 when the bound is not positive (callers check sizes).
  public mutating func nextIndex(_ bound: Int) -> Int {
    bound > 1 ? Int(next(upperBound: UInt64(bound))) : 0
  }

  /// An index drawn with probability proportional to `weights` (non-negative, positive sum).
  public mutating func nextIndex(weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    var u = nextUnit() * total
    for (i, w) in weights.enumerated() {
      u -= w
      if u < 0 { return i }
    }
    return weights.lastIndex(where: { $0 > 0 }) ?? 0
  }

  /// A fresh seed for a child generator (so parts of a sampler draw independent streams).
  public mutating func nextSeed() -> UInt64 { next() }
}
