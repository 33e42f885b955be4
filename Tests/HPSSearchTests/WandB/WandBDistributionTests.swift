import Foundation
import Testing
@testable import HPSSearch

func parameter(_ spec: String) throws -> SweepParameter {
  try SweepConfig.parse(#"{"method": "random", "parameters": {"x": "# + spec + "}}").parameters[0]
}

func draws(_ p: SweepParameter, _ n: Int = 4000, seed: UInt64 = 1) -> [JSONValue] {
  var rng = SeededRandom(seed: seed)
  return (0..<n).map { _ in SweepRandom.sample([p], rng: &rng)[p.key]! }
}

func near(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

@Suite struct WandBDistributionTests {
  @Test func constantAndCategorical() throws {
    let c = try parameter(#"{"value": {"k": [1, 2]}}"#)
    #expect(Set(draws(c, 10)) == [.object(["k": .array([.int(1), .int(2)])])])
    let cat = try parameter(#"{"values": ["a", 2, 3.5]}"#)
    let counts = Dictionary(grouping: draws(cat, 3000), by: { $0 }).mapValues(\.count)
    #expect(Set(counts.keys) == [.string("a"), .int(2), .double(3.5)])
    #expect(counts.values.allSatisfy { abs($0 - 1000) < 120 })
  }

  @Test func probabilitiesAreHonoured() throws {
    let p = try parameter(#"{"values": ["sgd", "adam", "rms"], "probabilities": [0.7, 0.2, 0.1]}"#)
    let counts = Dictionary(grouping: draws(p, 10000), by: { $0 }).mapValues(\.count)
    #expect(abs(counts[.string("sgd")]! - 7000) < 250)
    #expect(abs(counts[.string("adam")]! - 2000) < 200)
    #expect(abs(counts[.string("rms")]! - 1000) < 150)
    // Inverse CDF boundaries: u < 0.7 → first, [0.7, 0.9) → second.
    #expect(SweepSampling.ppf(p, 0.69) == .string("sgd") && SweepSampling.ppf(p, 0.7) == .string("adam"))
    #expect(SweepSampling.ppf(p, 0.95) == .string("rms") && SweepSampling.ppf(p, 1) == .string("rms"))
  }

  @Test func intUniformIncludesBothEnds() throws {
    let p = try parameter(#"{"min": -2, "max": 2}"#)
    let values = draws(p, 2000)
    #expect(values.allSatisfy { if case .int = $0 { return true } else { return false } })
    #expect(Set(values.compactMap(\.intValue)) == [-2, -1, 0, 1, 2])
    #expect(SweepSampling.ppf(p, 0) == .int(-2) && SweepSampling.ppf(p, 1) == .int(2))
  }

  @Test func uniformIsHalfOpen() throws {
    let p = try parameter(#"{"min": 1.5, "max": 2.5}"#)
    let xs = draws(p).compactMap(\.doubleValue)
    #expect(xs.allSatisfy { $0 >= 1.5 && $0 < 2.5 })
    #expect(abs(xs.reduce(0, +) / Double(xs.count) - 2) < 0.02)
    #expect(SweepSampling.ppf(p, 0.25) == .double(1.75))
  }

  @Test func qUniformRoundsHalfEvenWithoutClipping() throws {
    // W&B's documented trap: max 1 with q 0.6 can give 1.2.
    let p = try parameter(#"{"distribution": "q_uniform", "min": 0, "max": 1, "q": 0.6}"#)
    #expect(SweepSampling.ppf(p, 0.95) == .double(1.2))
    #expect(SweepSampling.ppf(p, 0.2) == .double(0))
    #expect(Set(draws(p, 2000)) == [.double(0), .double(0.6), .double(1.2)])
    // Integer q gives ints; x/q = 2.5 rounds to the even 2.
    let i = try parameter(#"{"distribution": "q_uniform", "min": 0, "max": 10, "q": 2}"#)
    #expect(SweepSampling.ppf(i, 0.5) == .int(4))  // 5 / 2 = 2.5 → 2 (half to even) → 4
    #expect(SweepSampling.ppf(i, 0.7) == .int(8))  // 7 / 2 = 3.5 → 4 → 8
    #expect(draws(i, 500).allSatisfy { v in v.intValue.map { $0 % 2 == 0 && (0...10).contains($0) } ?? false })
  }

  @Test func logUniformTakesExponents() throws {
    let p = try parameter(#"{"distribution": "log_uniform", "min": 0, "max": 2}"#)
    #expect(near(SweepSampling.ppf(p, 0).doubleValue!, 1))
    #expect(near(SweepSampling.ppf(p, 0.5).doubleValue!, M_E))
    #expect(draws(p).compactMap(\.doubleValue).allSatisfy { $0 >= 1 && $0 <= exp(2) })
    // The trap: value-looking bounds give values near 1.
    let trap = try parameter(#"{"distribution": "log_uniform", "min": 1e-6, "max": 0.1}"#)
    #expect(draws(trap, 500).compactMap(\.doubleValue).allSatisfy { $0 >= 1 && $0 <= 1.1052 })
  }

  @Test func logUniformValuesTakesValues() throws {
    let p = try parameter(#"{"distribution": "log_uniform_values", "min": 1e-4, "max": 1e-2}"#)
    #expect(near(SweepSampling.ppf(p, 0.5).doubleValue!, 1e-3))
    let logs = draws(p).compactMap(\.doubleValue).map(log10)
    #expect(logs.allSatisfy { $0 >= -4 - 1e-12 && $0 <= -2 + 1e-12 })
    // Uniform in log10: a quarter of the mass per half decade.
    let below3 = Double(logs.filter { $0 < -3 }.count) / Double(logs.count)
    #expect(abs(below3 - 0.5) < 0.03)
  }

  @Test func quantizedLogUniforms() throws {
    let v = try parameter(#"{"distribution": "q_log_uniform_values", "min": 1, "max": 256, "q": 1}"#)
    let xs = draws(v)
    #expect(xs.allSatisfy { if case .int(let i) = $0 { return (1...256).contains(i) } else { return false } })
    #expect(SweepSampling.ppf(v, 0.5) == .int(16))
    let e = try parameter(#"{"distribution": "q_log_uniform", "min": 0, "max": 3, "q": 0.5}"#)
    #expect(SweepSampling.ppf(e, 1) == .double(20))  // e^3 = 20.09 → 40.17 half-steps → 40 · 0.5
    #expect(draws(e).allSatisfy { v in v.doubleValue.map { ($0 * 2).rounded() == $0 * 2 } ?? false })
  }

  @Test func inverseLogUniforms() throws {
    // inv_log_uniform: X = e^(−E), E uniform on [min, max] → X in [e^−max, e^−min], 1/X log-uniform.
    let p = try parameter(#"{"distribution": "inv_log_uniform", "min": 0, "max": 4.605170185988092}"#)
    #expect(near(SweepSampling.ppf(p, 0).doubleValue!, 0.01))
    #expect(near(SweepSampling.ppf(p, 1).doubleValue!, 1))
    #expect(near(SweepSampling.ppf(p, 0.5).doubleValue!, 0.1))
    let v = try parameter(#"{"distribution": "inv_log_uniform_values", "min": 0.01, "max": 1}"#)
    let lv = try parameter(#"{"distribution": "log_uniform_values", "min": 0.01, "max": 1}"#)
    for u in [0.0, 0.1, 0.5, 0.77, 1] {
      #expect(near(SweepSampling.ppf(v, u).doubleValue!, SweepSampling.ppf(lv, u).doubleValue!))
    }
  }

  @Test func normalsAndLogNormals() throws {
    let n = try parameter(#"{"distribution": "normal", "mu": 5, "sigma": 2}"#)
    #expect(near(SweepSampling.ppf(n, 0.5).doubleValue!, 5))
    #expect(near(SweepSampling.ppf(n, Normal.cdf(1)).doubleValue!, 7, 1e-7))
    let xs = draws(n, 8000).compactMap(\.doubleValue)
    let mean = xs.reduce(0, +) / Double(xs.count)
    let sd = (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count)).squareRoot()
    #expect(abs(mean - 5) < 0.08 && abs(sd - 2) < 0.08)
    #expect(SweepSampling.ppf(n, 0).doubleValue!.isFinite)
    let qn = try parameter(#"{"distribution": "q_normal", "mu": 0, "sigma": 3, "q": 0.5}"#)
    #expect(draws(qn, 500).allSatisfy { v in v.doubleValue.map { ($0 * 2).rounded() == $0 * 2 } ?? false })
    let ln = try parameter(#"{"distribution": "log_normal", "mu": 1, "sigma": 0.5}"#)
    #expect(near(SweepSampling.ppf(ln, 0.5).doubleValue!, M_E))
    #expect(draws(ln, 500).allSatisfy { ($0.doubleValue ?? -1) > 0 })
    let qln = try parameter(#"{"distribution": "q_log_normal", "mu": 2, "sigma": 1, "q": 1}"#)
    #expect(draws(qln, 500).allSatisfy { if case .int(let i) = $0 { return i >= 0 } else { return false } })
  }

  @Test func betaAndQuantizedBeta() throws {
    let b22 = try parameter(#"{"distribution": "beta", "a": 2, "b": 2}"#)
    #expect(near(SweepSampling.ppf(b22, 0.5).doubleValue!, 0.5, 1e-9))
    // Beta(2,2) has CDF 3x² − 2x³.
    for x in [0.1, 0.3, 0.8] { #expect(near(BetaDistribution.cdf(x, a: 2, b: 2), 3 * x * x - 2 * x * x * x, 1e-10)) }
    let b25 = try parameter(#"{"distribution": "beta", "a": 2, "b": 5}"#)
    let xs = draws(b25, 8000).compactMap(\.doubleValue)
    #expect(xs.allSatisfy { $0 >= 0 && $0 <= 1 })
    let mean: Double = xs.reduce(0, +) / Double(xs.count)
    #expect(abs(mean - 2.0 / 7.0) < 0.01)
    for u in [0.05, 0.5, 0.95] { #expect(near(BetaDistribution.cdf(BetaDistribution.ppf(u, a: 0.5, b: 3), a: 0.5, b: 3), u, 1e-9)) }
    let qb = try parameter(#"{"distribution": "q_beta", "a": 2, "b": 2, "q": 0.25}"#)
    #expect(Set(draws(qb, 2000)).isSubset(of: [.double(0), .double(0.25), .double(0.5), .double(0.75), .double(1)]))
  }

  @Test func cdfInvertsPpfForTheBayesEncoding() throws {
    let specs = [#"{"min": 0.5, "max": 4.0}"#, #"{"distribution": "log_uniform_values", "min": 1e-5, "max": 1}"#,
                 #"{"distribution": "log_uniform", "min": -3, "max": 1}"#, #"{"distribution": "inv_log_uniform", "min": 0, "max": 3}"#,
                 #"{"distribution": "inv_log_uniform_values", "min": 0.1, "max": 10}"#,
                 #"{"distribution": "normal", "mu": 1, "sigma": 3}"#, #"{"distribution": "log_normal"}"#,
                 #"{"distribution": "beta", "a": 3, "b": 1.5}"#]
    for s in specs {
      let p = try parameter(s)
      for u in [0.1, 0.42, 0.9] {
        #expect(near(SweepSampling.cdf(p, SweepSampling.ppf(p, u).doubleValue!), u, 1e-7), "\(s) at \(u)")
      }
    }
  }
}
