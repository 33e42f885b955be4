// CPython 3.11's random.py, algorithm by algorithm, on top of MersenneTwister: every method draws
// the same number of words in the same order as CPython's, so seeded scripts print the same values.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BigInt

/// The state behind a Python `random.Random` instance (and the `random` module's functions).
///
/// Sequence methods return indices (the interpreter indexes its own containers) so that nothing
/// here depends on interpreter types; `shuffle` works on any Swift array in place.
public final class PythonRandom {
  public var generator: MersenneTwister
  /// The second normal deviate cached by `gauss`.
  public var gaussNext: Double?

  /// The state layout version `getstate` reports (CPython 3.11: 3).
  public static let stateVersion = 3

  public init() {
    generator = MersenneTwister()
  }

  public init(seed: BigInt) {
    generator = MersenneTwister(seed: seed)
  }

  // MARK: seeding

  /// What `random.seed(a)` can be given.
  public enum Seed {
    case none
    case int(BigInt)
    /// A float (or any other hashable): CPython seeds with `hash(a)` reinterpreted as unsigned.
    case hash(Int)
    case string(String)
    case bytes([UInt8])
  }

  /// `random.seed(a)` (version 2): ints by value, str/bytes through SHA-512, None from the system.
  public func seed(_ value: Seed) {
    switch value {
    case .none:
      generator.seedFromSystem()
    case .int(let n):
      generator.seed(n)
    case .hash(let h):
      generator.seed(BigInt(UInt64(bitPattern: Int64(h))))
    case .string(let text):
      seedBytes(Array(text.utf8))
    case .bytes(let bytes):
      seedBytes(bytes)
    }
    gaussNext = nil
  }

  /// `int.from_bytes(a + sha512(a).digest())`, big-endian.
  func seedBytes(_ bytes: [UInt8]) {
    let all = bytes + SHA512.digest(bytes)
    generator.seed(BigInt(BigUInt(bigEndian: all)))
  }

  // MARK: state

  /// `random.getstate()`: (3, (624 words..., index), gauss_next).
  public func getState() -> (version: Int, internalState: [Int], gaussNext: Double?) {
    (Self.stateVersion, generator.words.map { Int($0) } + [generator.index], gaussNext)
  }

  /// `random.setstate(state)` given the tuple's parts.
  public func setState(version: Int, internalState: [BigInt], gaussNext: Double?) throws {
    guard version == 3 || version == 2 else {
      throw LibraryError.value(
        "state with version \(version) passed to Random.setstate() of version \(Self.stateVersion)")
    }
    guard internalState.count == MersenneTwister.stateSize + 1 else {
      throw LibraryError.value("state vector is the wrong size")
    }
    var words: [UInt32] = []
    for item in internalState.dropLast() {
      // Version 2 states are reduced modulo 2**32; version 3 words must already fit.
      let reduced = version == 2 ? ((item % (BigInt(1) << 32)) + (BigInt(1) << 32)) % (BigInt(1) << 32) : item
      guard let word = UInt32(exactly: reduced) else {
        throw LibraryError("OverflowError", "Python int too large to convert to C unsigned long")
      }
      words.append(word)
    }
    guard let index = internalState.last.flatMap({ Int(exactly: $0) }),
      generator.restore(words: words, index: index)
    else { throw LibraryError.value("invalid state") }
    self.gaussNext = gaussNext
  }

  // MARK: integers

  /// `random.random()`.
  public func random() -> Double { generator.random() }

  /// `random.getrandbits(k)`.
  public func getrandbits(_ k: Int) throws -> BigInt {
    guard k >= 0 else { throw LibraryError.value("number of bits must be non-negative") }
    return generator.getrandbits(k)
  }

  /// `_randbelow(n)` for 0 < n: rejection sampling on `n.bit_length()` random bits.
  public func randbelow(_ n: Int) -> Int {
    guard n > 0 else { return 0 }
    let k = Int.bitWidth - n.leadingZeroBitCount
    var r = Int(generator.randomBits(k))
    while r >= n { r = Int(generator.randomBits(k)) }
    return r
  }

  /// `_randbelow(n)` for big n.
  public func randbelow(_ n: BigInt) -> BigInt {
    if let small = Int(exactly: n) { return BigInt(randbelow(small)) }
    let k = n.magnitude.bitWidth
    var r = generator.getrandbits(k)
    while r >= n { r = generator.getrandbits(k) }
    return r
  }

  /// `random.randrange(stop)` (pass `stop: nil`) or `random.randrange(start, stop[, step])`.
  public func randrange(_ start: BigInt, _ stop: BigInt? = nil, step: BigInt = 1) throws -> BigInt {
    guard let stop else {
      if step != 1 { throw LibraryError.type("Missing a non-None stop argument") }
      if start > 0 { return randbelow(start) }
      throw LibraryError.value("empty range for randrange()")
    }
    let width = stop - start
    if step == 1 {
      if width > 0 { return start + randbelow(width) }
      throw LibraryError.value("empty range for randrange() (\(start), \(stop), \(width))")
    }
    let n: BigInt
    if step > 0 {
      n = floorDivide(width + step - 1, step)
    } else if step < 0 {
      n = floorDivide(width + step + 1, step)
    } else {
      throw LibraryError.value("zero step for randrange()")
    }
    if n <= 0 { throw LibraryError.value("empty range for randrange()") }
    return start + step * randbelow(n)
  }

  /// `random.randint(a, b)`.
  public func randint(_ a: BigInt, _ b: BigInt) throws -> BigInt {
    try randrange(a, b + 1)
  }

  /// `random.randrange` for 64-bit arguments: the same draws as the BigInt version without
  /// allocating; falls back to it when an intermediate would overflow.
  public func randrange(_ start: Int, _ stop: Int? = nil, step: Int = 1) throws -> Int {
    guard let stop else {
      if step != 1 { throw LibraryError.type("Missing a non-None stop argument") }
      if start > 0 { return randbelow(start) }
      throw LibraryError.value("empty range for randrange()")
    }
    let (width, overflow) = stop.subtractingReportingOverflow(start)
    guard !overflow, step == 1 else {
      return Int(try randrange(BigInt(start), BigInt(stop), step: BigInt(step)))
    }
    if width > 0 { return start + randbelow(width) }
    throw LibraryError.value("empty range for randrange() (\(start), \(stop), \(width))")
  }

  /// `random.randint(a, b)` for 64-bit arguments.
  public func randint(_ a: Int, _ b: Int) throws -> Int {
    let (end, overflow) = b.addingReportingOverflow(1)
    if overflow { return Int(try randrange(BigInt(a), BigInt(b) + 1)) }
    return try randrange(a, end)
  }

  // MARK: sequences

  /// `random.choice(seq)`: the index to pick from a sequence of `count` items.
  public func choiceIndex(count: Int) throws -> Int {
    guard count > 0 else { throw LibraryError("IndexError", "Cannot choose from an empty sequence") }
    return randbelow(count)
  }

  /// `random.shuffle(x)` in place.
  public func shuffle<T>(_ items: inout [T]) {
    var i = items.count - 1
    while i >= 1 {
      let j = randbelow(i + 1)
      items.swapAt(i, j)
      i -= 1
    }
  }

  /// `random.sample(population, k)`: indices into a population of `count` items.
  public func sampleIndices(count n: Int, k: Int) throws -> [Int] {
    guard k >= 0 && k <= n else { throw LibraryError.value("Sample larger than population or is negative") }
    var result: [Int] = []
    result.reserveCapacity(k)
    var setSize = 21  // size of a small set minus size of an empty list
    if k > 5 {
      setSize += Int(pow(4.0, ceil(log(Double(k * 3)) / log(4.0))))  // table size for big sets
    }
    if n <= setSize {
      // An n-length list is smaller than a k-length set: draw from a shrinking pool.
      var pool = Array(0..<n)
      for i in 0..<k {
        let j = randbelow(n - i)
        result.append(pool[j])
        pool[j] = pool[n - i - 1]
      }
    } else {
      var selected = Set<Int>()
      for _ in 0..<k {
        var j = randbelow(n)
        while selected.contains(j) { j = randbelow(n) }
        selected.insert(j)
        result.append(j)
      }
    }
    return result
  }

  /// `random.sample(population, k, counts=counts)`: indices into the (unexpanded) population.
  public func sampleIndices(counts: [BigInt], k: Int) throws -> [Int] {
    var cumulative: [BigInt] = []
    var total = BigInt(0)
    for count in counts {
      total += count
      cumulative.append(total)
    }
    guard let last = cumulative.popLast() else {
      throw LibraryError("IndexError", "pop from empty list")
    }
    guard last > 0 else { throw LibraryError.value("Total of counts must be greater than zero") }
    guard let totalCount = Int(exactly: last) else {
      throw LibraryError("OverflowError", "Python int too large to convert to C ssize_t")
    }
    return try sampleIndices(count: totalCount, k: k).map { selection in
      bisectRight(cumulative, BigInt(selection), high: cumulative.count)
    }
  }

  /// `random.choices(population, weights, cum_weights=..., k=k)`: indices into a population of
  /// `count` items. Weights are given as doubles (ints convert exactly below 2**53).
  public func choicesIndices(count n: Int, weights: [Double]? = nil, cumulativeWeights: [Double]? = nil, k: Int)
    throws -> [Int]
  {
    var cumulative: [Double]
    if let cumulativeWeights {
      if weights != nil { throw LibraryError.type("Cannot specify both weights and cumulative weights") }
      cumulative = cumulativeWeights
    } else if let weights {
      cumulative = []
      var sum = 0.0
      for weight in weights {
        sum += weight
        cumulative.append(sum)
      }
    } else {
      let size = Double(n)
      return (0..<max(k, 0)).map { _ in Int((random() * size).rounded(.down)) }
    }
    guard cumulative.count == n else {
      throw LibraryError.value("The number of weights does not match the population")
    }
    guard let total = cumulative.last else { throw LibraryError("IndexError", "list index out of range") }
    if total <= 0.0 { throw LibraryError.value("Total of weights must be greater than zero") }
    if !total.isFinite { throw LibraryError.value("Total of weights must be finite") }
    let high = n - 1
    return (0..<max(k, 0)).map { _ in bisectRight(cumulative, random() * total, high: high) }
  }

  // MARK: real-valued distributions

  static let twoPi = 2.0 * Double.pi
  static let normalMagic = 4 * exp(-0.5) / 2.0.squareRoot()
  static let log4 = log(4.0)
  static let gammaMagic = 1.0 + log(4.5)
  static let e = exp(1.0)

  /// `random.uniform(a, b)`.
  public func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * random() }

  /// `random.triangular(low, high, mode)`. Returns nil when CPython returns the `low` argument
  /// object itself (a mode was given and high == low), so an int `low` stays an int.
  public func triangular(low: Double = 0.0, high: Double = 1.0, mode: Double? = nil) -> Double? {
    var u = random()
    var low = low, high = high
    var c = 0.5
    if let mode {
      if high - low == 0 { return nil }  // ZeroDivisionError inside CPython's try: it returns low
      c = (mode - low) / (high - low)
    }
    if u > c {
      u = 1.0 - u
      c = 1.0 - c
      swap(&low, &high)
    }
    return low + (high - low) * (u * c).squareRoot()
  }

  /// `random.normalvariate(mu, sigma)` (Kinderman and Monahan).
  public func normalvariate(_ mu: Double = 0.0, _ sigma: Double = 1.0) -> Double {
    var z: Double
    while true {
      let u1 = random()
      let u2 = 1.0 - random()
      z = Self.normalMagic * (u1 - 0.5) / u2
      let zz = z * z / 4.0
      if zz <= -log(u2) { break }
    }
    return mu + z * sigma
  }

  /// `random.gauss(mu, sigma)`: Box-Muller, caching the second deviate.
  public func gauss(_ mu: Double = 0.0, _ sigma: Double = 1.0) -> Double {
    var z = gaussNext
    gaussNext = nil
    if z == nil {
      let x2pi = random() * Self.twoPi
      let g2rad = (-2.0 * log(1.0 - random())).squareRoot()
      z = cos(x2pi) * g2rad
      gaussNext = sin(x2pi) * g2rad
    }
    return mu + (z ?? 0) * sigma
  }

  /// `random.lognormvariate(mu, sigma)`.
  public func lognormvariate(_ mu: Double, _ sigma: Double) -> Double { exp(normalvariate(mu, sigma)) }

  /// `random.expovariate(lambd)`.
  public func expovariate(_ lambd: Double) throws -> Double {
    let u = random()
    if lambd == 0 { throw LibraryError("ZeroDivisionError", "float division by zero") }
    return -log(1.0 - u) / lambd
  }

  /// `random.vonmisesvariate(mu, kappa)`.
  public func vonmisesvariate(_ mu: Double, _ kappa: Double) -> Double {
    if kappa <= 1e-6 { return Self.twoPi * random() }
    let s = 0.5 / kappa
    let r = s + (1.0 + s * s).squareRoot()
    var z: Double
    while true {
      let u1 = random()
      z = cos(Double.pi * u1)
      let d = z / (r + z)
      let u2 = random()
      if u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d) { break }
    }
    let q = 1.0 / r
    let f = (q + z) / (1.0 + q * z)
    let u3 = random()
    if u3 > 0.5 { return pythonModulo(mu + acos(f), Self.twoPi) }
    return pythonModulo(mu - acos(f), Self.twoPi)
  }

  /// `random.gammavariate(alpha, beta)`.
  public func gammavariate(_ alpha: Double, _ beta: Double) throws -> Double {
    if alpha <= 0.0 || beta <= 0.0 { throw LibraryError.value("gammavariate: alpha and beta must be > 0.0") }
    if alpha > 1.0 {
      // R.C.H. Cheng, "The generation of Gamma variables with non-integral shape parameters" (1977).
      let ainv = (2.0 * alpha - 1.0).squareRoot()
      let bbb = alpha - Self.log4
      let ccc = alpha + ainv
      while true {
        let u1 = random()
        if !(1e-7 < u1 && u1 < 0.9999999) { continue }
        let u2 = 1.0 - random()
        let v = log(u1 / (1.0 - u1)) / ainv
        let x = alpha * exp(v)
        let z = u1 * u1 * u2
        let r = bbb + ccc * v - x
        if r + Self.gammaMagic - 4.5 * z >= 0.0 || r >= log(z) { return x * beta }
      }
    } else if alpha == 1.0 {
      return -log(1.0 - random()) * beta
    } else {
      // Algorithm GS of Statistical Computing (Kennedy & Gentle).
      var x: Double
      while true {
        let u = random()
        let b = (Self.e + alpha) / Self.e
        let p = b * u
        x = p <= 1.0 ? pow(p, 1.0 / alpha) : -log((b - p) / alpha)
        let u1 = random()
        if p > 1.0 {
          if u1 <= pow(x, alpha - 1.0) { break }
        } else if u1 <= exp(-x) {
          break
        }
      }
      return x * beta
    }
  }

  /// `random.betavariate(alpha, beta)`.
  public func betavariate(_ alpha: Double, _ beta: Double) throws -> Double {
    let y = try gammavariate(alpha, 1.0)
    if y != 0 { return y / (y + (try gammavariate(beta, 1.0))) }
    return 0.0
  }

  /// `random.paretovariate(alpha)`.
  public func paretovariate(_ alpha: Double) -> Double {
    let u = 1.0 - random()
    return pow(u, -1.0 / alpha)
  }

  /// `random.weibullvariate(alpha, beta)`.
  public func weibullvariate(_ alpha: Double, _ beta: Double) -> Double {
    let u = 1.0 - random()
    return alpha * pow(-log(u), 1.0 / beta)
  }
}

// MARK: helpers with Python's semantics

/// Python's `a // b` for ints.
func floorDivide(_ a: BigInt, _ b: BigInt) -> BigInt {
  let (q, r) = a.quotientAndRemainder(dividingBy: b)
  return (r != 0 && (r < 0) != (b < 0)) ? q - 1 : q
}

/// Python's float `a % b`: the result takes the sign of the divisor.
func pythonModulo(_ a: Double, _ b: Double) -> Double {
  var mod = fmod(a, b)
  if mod != 0 {
    if (b < 0) != (mod < 0) { mod += b }
  } else {
    mod = copysign(0.0, b)
  }
  return mod
}

/// `bisect.bisect_right(list, x, 0, high)`.
func bisectRight<T: Comparable>(_ list: [T], _ x: T, high: Int) -> Int {
  var lo = 0, hi = high
  while lo < hi {
    let mid = (lo + hi) / 2
    if x < list[mid] { hi = mid } else { lo = mid + 1 }
  }
  return lo
}

extension BigUInt {
  /// An unsigned integer from big-endian bytes (`int.from_bytes(b, 'big')`).
  init(bigEndian bytes: [UInt8]) {
    var value = BigUInt(0)
    for byte in bytes { value = (value << 8) | BigUInt(byte) }
    self = value
  }
}
