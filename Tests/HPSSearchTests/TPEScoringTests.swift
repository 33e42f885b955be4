import Foundation
import Testing
import CTPEScoring
@testable import HPSSearch

/// The fused scoring of all-continuous estimators (C, AVX2 when the CPU has it) must give the
/// bits of the per-dimension pass: every kernel scored in every dimension, then the log-sum-exp.
@Suite struct TPEScoringTests {
  static func denseLogPdf(_ pe: ParzenEstimator, _ point: [Double]) -> Double {
    var acc = pe.base
    for (d, kernel) in pe.kernels.enumerated() {
      if !ParzenEstimator.accumulate(kernel, point[d], into: &acc) { return -.infinity }
    }
    return ParzenEstimator.logSumExpSkippingNegligible(acc)
  }

  @Test(arguments: [1, 3, 5, 9], [0, 3, 7, 600])
  func fusedScoringMatchesThePerDimensionPass(dimensions: Int, observations: Int) {
    // Deterministic scattered values (no random-number generator: the test is about arithmetic).
    var state = UInt64(dimensions * 1000 + observations + 1)
    func uniform() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return (Double(state >> 11) + 0.5) * 0x1.0p-53
    }
    // Odd dimensions are log-scaled; counts that are not multiples of four exercise the tail loop.
    let parameters: [TPEParameter] = (0..<dimensions).map { d in
      d % 2 == 1 ? .numeric(low: 1e-3, high: 10, log: true, step: nil) : .numeric(low: -5, high: 10, log: false, step: nil)
    }
    let columns: [[Double]] = (0..<dimensions).map { d in
      (0..<observations).map { _ in
        d % 2 == 1 ? exp(log(1e-3) + uniform() * log(1e4)) : -5 + 15 * uniform() * uniform()
      }
    }
    let pe = ParzenEstimator(columns: columns, parameters: parameters,
                             observationWeights: TPEDefaults.weights(observations), options: .init(), source: nil)
    // Points near the observations (where many kernels count) and anywhere in the bounds.
    var points: [[Double]] = (0..<40).map { i in
      (0..<dimensions).map { d in
        let near = observations > 0 ? columns[d][(i * 7) % observations] : 1.0
        if d % 2 == 1 { return i % 2 == 0 ? min(max(near * exp(0.05 * (uniform() - 0.5)), 1e-3), 10) : exp(log(1e-3) + uniform() * log(1e4)) }
        return i % 2 == 0 ? min(max(near + 0.2 * (uniform() - 0.5), -5), 10) : -5 + 15 * uniform()
      }
    }
    if observations > 0 { points.append((0..<dimensions).map { columns[$0][0] }) }
    var outside = points[0]
    outside[dimensions - 1] = dimensions % 2 == 0 ? 1e3 : 11  // beyond the upper bound: density zero
    points.append(outside)
    // One outside among the first four too: the four-point passes must map scores back to their points.
    points.insert(outside, at: 2)
    let fused = pe.continuousLogPdf(points)
    let portable = pe.continuousLogPdf(points, portable: true)
    #expect(fused != nil)
    for (i, point) in points.enumerated() {
      let dense = Self.denseLogPdf(pe, point)
      #expect(fused?[i].bitPattern == dense.bitPattern, "point \(i): \(fused?[i] ?? .nan) vs \(dense)")
      #expect(portable?[i].bitPattern == dense.bitPattern, "portable, point \(i)")
    }
    #expect(fused?.last == -.infinity)
    #expect(fused?[2] == -.infinity)
  }

  @Test func stepsAndCategoriesUseThePerDimensionPass() {
    let pe = ParzenEstimator(columns: [[1, 2, 3], [0, 1, 1]],
                             parameters: [.numeric(low: 0, high: 5, log: false, step: 1), .categorical(choices: 2)],
                             observationWeights: [1, 1, 1], options: .init(), source: nil)
    #expect(pe.continuousLogPdf([[1, 0]]) == nil)
    #expect(pe.logPdf([[1, 0]])[0] == Self.denseLogPdf(pe, [1, 0]))
  }

  /// The log-sum-exp's own exponential (vectorizable, unlike glibc's) stays within an ulp of the
  /// C library's over its range, and is exact at 0 (the largest term's).
  @Test func scoringExponentialIsWithinAnUlpOfLibm() {
    #expect(hps_tpe_exp(0) == 1)
    var state: UInt64 = 7
    var worst = 0.0
    for i in 0..<200_000 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      let u = Double(state >> 11) * 0x1.0p-53
      let x = i % 5 == 0 ? -u * 1e-6 : -40 * u
      let reference = Foundation.exp(x)
      worst = max(worst, abs(hps_tpe_exp(x) - reference) / reference.ulp)
    }
    #expect(worst <= 1, "worst difference \(worst) ulp")
  }

  /// Every instruction set this CPU has gives the portable loops' bits — scoring, log-sum-exp and
  /// the weights' logarithms. (An AVX-512 machine runs its AVX2 paths only here.)
  @Test func everyInstructionSetGivesThePortableBits() {
    defer {
      let off = ProcessInfo.processInfo.environment["HPS_DISABLE_AVX2"] == "1"
      hps_tpe_allow_instruction_set(off ? 0 : 2)
    }
    var state: UInt64 = 21
    func uniform() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return (Double(state >> 11) + 0.5) * 0x1.0p-53
    }
    let parameters: [TPEParameter] = (0..<5).map { d in
      d == 1 ? .numeric(low: 1e-3, high: 10, log: true, step: nil) : .numeric(low: -5, high: 10, log: false, step: nil)
    }
    let columns: [[Double]] = (0..<5).map { d in
      (0..<603).map { _ in d == 1 ? exp(log(1e-3) + uniform() * log(1e4)) : -5 + 15 * uniform() * uniform() }
    }
    let pe = ParzenEstimator(columns: columns, parameters: parameters, observationWeights: TPEDefaults.weights(603),
                             options: .init(), source: nil)
    let points: [[Double]] = (0..<26).map { i in (0..<5).map { d in columns[d][(i * 13) % 603] * (1 + 0.01 * uniform()) } }
    let portableScores = pe.continuousLogPdf(points, portable: true)!.map(\.bitPattern)
    let terms: [Double] = (0..<1003).map { _ in -60 * uniform() }
    let largest = terms.max()!
    let portableSum = terms.withUnsafeBufferPointer { hps_tpe_log_sum_exp_portable($0.baseAddress, terms.count, largest) }
    let weights = TPEDefaults.weights(1003).map { $0 / 1003 }
    var portableLogs = [Double](repeating: 0, count: weights.count)
    hps_tpe_log_array_portable(weights, &portableLogs, weights.count)
    for level in 0...hps_tpe_cpu_instruction_set() {
      hps_tpe_allow_instruction_set(level)
      #expect(pe.continuousLogPdf(points)!.map(\.bitPattern) == portableScores, "instruction set \(level)")
      for count in [1, 5, 8, 31, 1003] {
        var scratch = Array(terms.prefix(count))
        let top = scratch.max()!
        let expected = terms.withUnsafeBufferPointer { hps_tpe_log_sum_exp_portable($0.baseAddress, count, top) }
        #expect(hps_tpe_log_sum_exp(&scratch, count, top).bitPattern == expected.bitPattern, "instruction set \(level), \(count) terms")
      }
      var scratch = terms
      #expect(hps_tpe_log_sum_exp(&scratch, terms.count, largest).bitPattern == portableSum.bitPattern)
      var logs = [Double](repeating: 0, count: weights.count)
      hps_tpe_log_array(weights, &logs, weights.count)
      #expect(logs.map(\.bitPattern) == portableLogs.map(\.bitPattern), "instruction set \(level)")
    }
  }

  /// The kernel weights' logarithms: within an ulp of the C library's, the same bits on the
  /// vector and the portable path, and the C library's own answer outside the positive normals.
  @Test func weightLogarithmIsWithinAnUlpOfLibm() {
    var state: UInt64 = 11
    var x: [Double] = (0..<100_003).map { i in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      let u = Double(state >> 11) * 0x1.0p-53
      return i % 3 == 0 ? u : (i % 3 == 1 ? Foundation.exp(-700 * u) : 1 + (u - 0.5) * 1e-3)
    }
    x += [1, 2, 0.5, 0, -1, .infinity, .nan, 0x1p-1074, .greatestFiniteMagnitude]
    var fast = [Double](repeating: 0, count: x.count), portable = fast
    hps_tpe_log_array(x, &fast, x.count)
    hps_tpe_log_array_portable(x, &portable, x.count)
    var worst = 0.0
    for i in x.indices {
      #expect(fast[i].bitPattern == portable[i].bitPattern || (fast[i].isNaN && portable[i].isNaN), "x = \(x[i])")
      let reference = Foundation.log(x[i])
      if reference.isFinite && reference != 0 {
        worst = max(worst, abs(fast[i] - reference) / reference.ulp)
      } else {
        #expect(fast[i] == reference || (fast[i].isNaN && reference.isNaN), "x = \(x[i])")
      }
    }
    #expect(worst <= 1, "worst difference \(worst) ulp")
  }

  /// Both log-sum-exp paths agree with a plain sum of libm exponentials to rounding, for counts
  /// around the four-lane blocks and terms on both sides of the cutoff.
  @Test(arguments: [1, 3, 4, 5, 8, 31, 1000])
  func logSumExpAgreesWithAPlainSum(count: Int) {
    var state = UInt64(count)
    let terms: [Double] = (0..<count).map { _ in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return -60 * Double(state >> 11) * 0x1.0p-53
    }
    let largest = terms.max()!
    let plain = largest + Foundation.log(terms.filter { $0 > largest - 40 }.reduce(0) { $0 + Foundation.exp($1 - largest) })
    var scratch = terms
    let fast = hps_tpe_log_sum_exp(&scratch, count, largest)
    let portable = terms.withUnsafeBufferPointer { hps_tpe_log_sum_exp_portable($0.baseAddress, count, largest) }
    #expect(fast.bitPattern == portable.bitPattern)
    #expect(abs(fast - plain) <= 1e-14 * max(1, abs(plain)), "\(fast) vs \(plain)")
  }

  /// The truncated-normal quantile's constants are bit patterns; they must be the expressions' bits.
  @Test func quantileConstantsAreTheExpressionsBits() {
    #expect(OptunaTruncatedNormal.sqrt2.bitPattern == 2.0.squareRoot().bitPattern)
    #expect(OptunaTruncatedNormal.halfInvSqrt2.bitPattern == (1 / 2.0.squareRoot()).bitPattern)
    #expect(OptunaTruncatedNormal.logNormPdfC.bitPattern == Foundation.log((2 * Double.pi).squareRoot()).bitPattern)
    #expect(OptunaTruncatedNormal.logisticC.bitPattern == (3.0.squareRoot() / Double.pi).bitPattern)
  }
}
