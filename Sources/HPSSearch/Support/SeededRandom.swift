// The seeded random generator every HPSSearch sampler draws from, so a seed reproduces a search
// on every platform (Swift's SystemRandomNumberGenerator cannot be seeded).
import Foundation

/// xoshiro256** (Blackman & Vigna 2018), seeded through splitmix64 as its authors recommend.
///
/// A value type: copy it to fork a stream. `init(seed: nil)` seeds from the system generator.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  public init(seed: UInt64?) {
    var mixer = seed ?? UInt64.random(in: 0...UInt64.max)
    func splitmix(_ x: inout UInt64) -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitmix(&mixer)
    s1 = splitmix(&mixer)
    s2 = splitmix(&mixer)
    s3 = splitmix(&mixer)
  }

  /// Convenience for the common `seed: Int?` spelling of sampler arguments.
  public init(seed: Int?) {
    self.init(seed: seed.map { UInt64(bitPattern: Int64($0)) })
  }

  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  }

  /// A double uniform in [0, 1) with 53 random bits.
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A double uniform in [low, high); returns `low` when the range is empty.
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    guard high > low else { return low }
    let x = low + (high - low) * nextUniform()
    return x < high ? x : low  // rounding can land on `high`; keep the interval half-open
  }

  /// A standard normal draw (Box–Muller; one of the pair is discarded to keep the state simple).
  public mutating func nextNormal() -> Double {
    var u = nextUniform()
    while u <= 0 { u = nextUniform() }
    let v = nextUniform()
    return (-2 * Foundation.log(u)).squareRoot() * cos(2 * Double.pi * v)
  }

  /// An integer uniform in `0..<upperBound`; `upperBound` must be positive.
  public mutating func nextIndex(_ upperBound: Int) -> Int {
    guard upperBound > 1 else { return 0 }
    return Int(next(upperBound: UInt64(upperBound)))
  }
}
