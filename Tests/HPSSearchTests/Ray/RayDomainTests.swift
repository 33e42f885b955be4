import Foundation
import Testing

@testable import HPSSearch

/// Ray Tune's sampling domains: bounds, inclusivity, quantization (with Ray's round-half-to-even
/// and its q == 1 skip), log scales and the validation errors.
@Suite struct RayDomainTests {
  /// Draws `n` values from a `Tune.*` domain with a fixed seed.
  func draw(_ value: TuneValue, _ n: Int = 4000, seed: Int = 7) throws -> [TuneValue] {
    guard case .domain(let d) = value else { Issue.record("not a domain: \(value)"); return [] }
    var rng = SeededRandom(seed: seed)
    return try (0..<n).map { _ in try d.sample(rng: &rng) }
  }

  func doubles(_ values: [TuneValue]) -> [Double] { values.compactMap(\.doubleValue) }
  func ints(_ values: [TuneValue]) -> [Int] {
    values.compactMap { if case .int(let i) = $0 { return i } else { return nil } }
  }
  func share(_ xs: [Int], _ x: Int) -> Double { Double(xs.filter { $0 == x }.count) / Double(xs.count) }

  func expectDomainError(_ fragment: String, _ body: () throws -> TuneValue) {
    do {
      _ = try body()
      Issue.record("expected an error containing '\(fragment)'")
    } catch {
      #expect("\(error)".contains(fragment), "\(error)")
    }
  }

  @Test func uniformIsHalfOpenAndFloat() throws {
    let xs = try draw(Tune.uniform(2, 5))
    #expect(xs.allSatisfy { if case .float = $0 { return true } else { return false } })
    let d = doubles(xs)
    #expect(d.allSatisfy { $0 >= 2 && $0 < 5 })
    let mean = d.reduce(0, +) / Double(d.count)
    #expect(abs(mean - 3.5) < 0.06)
  }

  @Test func quniformRoundsToMultiplesAndReachesUpper() throws {
    let d = doubles(try draw(Tune.quniform(0, 1, 0.25)))
    #expect(Set(d) == [0, 0.25, 0.5, 0.75, 1.0])
    // Rounding U[0,1): 1.0 owns only [0.875, 1), i.e. 1/8 of the mass; 0.5 owns 1/4.
    let top = Double(d.filter { $0 == 1 }.count) / Double(d.count)
    let mid = Double(d.filter { $0 == 0.5 }.count) / Double(d.count)
    #expect(abs(top - 0.125) < 0.02)
    #expect(abs(mid - 0.25) < 0.025)
  }

  @Test func quniformWithQOneDoesNotRoundAndWarns() throws {
    let (logger, records) = SearchLogger.collecting()
    let d = doubles(try draw(Tune.quniform(0, 10, 1, logger: logger), 200))
    #expect(d.contains { $0 != $0.rounded() })
    #expect(records.current.contains { $0.level == .warning && $0.message.contains("q == 1") })
  }

  @Test func quniformBoundsMustBeMultiplesOfQ() {
    expectDomainError("lower variable bound 0.1 is not divisible by quantization factor 0.25") {
      try Tune.quniform(0.1, 1, 0.25)
    }
    expectDomainError("upper variable bound 1.1 is not divisible") { try Tune.quniform(0, 1.1, 0.5) }
    expectDomainError("q must be a positive number") { try Tune.quniform(0, 1, 0) }
  }

  @Test func loguniformIsLogScaledAndBaseHasNoEffect() throws {
    let d = doubles(try draw(Tune.loguniform(1e-4, 1e-1)))
    #expect(d.allSatisfy { $0 >= 1e-4 && $0 <= 1e-1 })
    // Each decade holds a third of the mass.
    let firstDecade = Double(d.filter { $0 < 1e-3 }.count) / Double(d.count)
    #expect(abs(firstDecade - 1.0 / 3) < 0.03)
    let (logger, records) = SearchLogger.collecting()
    let base2 = doubles(try draw(Tune.loguniform(1e-4, 1e-1, base: 2, logger: logger), 50))
    let base10 = doubles(try draw(Tune.loguniform(1e-4, 1e-1, base: 10, logger: logger), 50))
    #expect(zip(base2, base10).allSatisfy { abs($0 - $1) <= 1e-15 * $1 })
    #expect(records.current.contains { $0.message.contains("`base` argument is deprecated") })
  }

  @Test func loguniformRejectsNonPositiveBounds() {
    expectDomainError("LogUniform requires a lower bound greater than 0. Got: 0.0") { try Tune.loguniform(0, 1) }
    expectDomainError("log-transformed") { try Tune.loguniform(-3, -1) }
    expectDomainError("lower must be <= upper") { try Tune.loguniform(1, 0.5) }
    expectDomainError("base must be a positive number other than 1") { try Tune.loguniform(1, 2, base: 1) }
  }

  @Test func qloguniformQuantizesInsideBounds() throws {
    let d = doubles(try draw(Tune.qloguniform(10, 1000, 10)))
    #expect(d.allSatisfy { $0 >= 10 && $0 <= 1000 && $0.truncatingRemainder(dividingBy: 10) == 0 })
    #expect(d.contains(1000))
  }

  @Test func randnHasMeanAndSd() throws {
    let d = doubles(try draw(Tune.randn(mean: 5, sd: 2), 8000))
    let mean = d.reduce(0, +) / Double(d.count)
    let sd = (d.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(d.count)).squareRoot()
    #expect(abs(mean - 5) < 0.08)
    #expect(abs(sd - 2) < 0.08)
    expectDomainError("SD has to be strictly greater than 0") { try Tune.randn(mean: 0, sd: 0) }
  }

  @Test func qrandnRoundsToMultiples() throws {
    let d = doubles(try draw(Tune.qrandn(mean: 0, sd: 1, q: 0.5)))
    #expect(d.allSatisfy { ($0 / 0.5).rounded() == $0 / 0.5 })
    #expect(Set(d).count > 5)
  }

  @Test func randintExcludesUpper() throws {
    let xs = ints(try draw(Tune.randint(0, 3)))
    #expect(Set(xs) == [0, 1, 2])
    expectDomainError("lower must be < upper because upper is excluded (got lower=3, upper=3)") { try Tune.randint(3, 3) }
  }

  @Test func qrandintIncludesUpperWithRayRoundingShares() throws {
    // integers in [0, 10) divided by 5 and rounded half to even: 0,1,2 → 0; 3..7 → 5; 8,9 → 10.
    let xs = ints(try draw(Tune.qrandint(0, 10, 5), 8000))
    #expect(Set(xs) == [0, 5, 10])
    #expect(abs(share(xs, 0) - 0.3) < 0.02)
    #expect(abs(share(xs, 5) - 0.5) < 0.02)
    #expect(abs(share(xs, 10) - 0.2) < 0.02)
  }

  @Test func quantizationRoundsHalfToEven() throws {
    // [0, 8) / 4 = 0, .25, .5, .75, 1, 1.25, 1.5, 1.75: half to even sends .5 → 0 and 1.5 → 2,
    // so 0 and 4 take 3/8 each and 8 takes 2/8 (half up would give 2/8, 4/8, 2/8).
    let xs = ints(try draw(Tune.qrandint(0, 10, 4), 8000))
    #expect(Set(xs) == [0, 4, 8])
    #expect(abs(share(xs, 0) - 0.375) < 0.02)
    #expect(abs(share(xs, 4) - 0.375) < 0.02)
    #expect(abs(share(xs, 8) - 0.25) < 0.02)
  }

  @Test func qrandintWithQOneExcludesUpperAndWarns() throws {
    let (logger, records) = SearchLogger.collecting()
    let xs = ints(try draw(Tune.qrandint(1, 3, logger: logger)))
    #expect(Set(xs) == [1, 2])
    #expect(records.current.contains { $0.level == .warning && $0.message.contains("excludes the upper bound 3") })
    expectDomainError("no room between the multiples of q=5") { try Tune.qrandint(1, 4, 5) }
  }

  @Test func lograndintExcludesUpperAndFavoursSmallValues() throws {
    let xs = ints(try draw(Tune.lograndint(1, 10), 8000))
    #expect(xs.allSatisfy { $0 >= 1 && $0 < 10 })
    #expect(!xs.contains(10))
    // P(1) = P(exp(U) < 2) = ln 2 / ln 10.
    #expect(abs(share(xs, 1) - log(2) / log(10)) < 0.02)
    expectDomainError("LogUniform requires a lower bound greater than 0") { try Tune.lograndint(0, 10) }
  }

  @Test func qlograndintQuantizesAndReachesUpper() throws {
    let xs = ints(try draw(Tune.qlograndint(1, 100, 10), 8000))
    #expect(xs.allSatisfy { $0 >= 10 && $0 <= 100 && $0 % 10 == 0 })
    #expect(xs.contains(100))
  }

  @Test func choiceKeepsKindsAndIsUniform() throws {
    let xs = try draw(Tune.choice([1, "a", 2.5, nil]), 4000)
    #expect(Set(xs.map(\.description)) == ["1", "'a'", "2.5", "None"])
    #expect(abs(Double(xs.filter { $0 == "a" }.count) / 4000 - 0.25) < 0.025)
    expectDomainError("categories must not be empty") { try Tune.choice([]) }
  }

  @Test func gridSearchIsPlainDataAndMustNotBeEmpty() throws {
    #expect(try Tune.gridSearch([1, 2]) == ["grid_search": [1, 2]])
    expectDomainError("values must not be empty") { try Tune.gridSearch([]) }
  }

  @Test func floatRangeMistakesAreErrors() {
    expectDomainError("lower must be <= upper (got lower=2.0, upper=1.0)") { try Tune.uniform(2, 1) }
    expectDomainError("lower and upper must be finite") { try Tune.uniform(0, .infinity) }
  }

  @Test func seededDrawsRepeat() throws {
    let a = try draw(Tune.uniform(0, 1), 20, seed: 3)
    let b = try draw(Tune.uniform(0, 1), 20, seed: 3)
    let c = try draw(Tune.uniform(0, 1), 20, seed: 4)
    #expect(a == b)
    #expect(a != c)
  }
}
