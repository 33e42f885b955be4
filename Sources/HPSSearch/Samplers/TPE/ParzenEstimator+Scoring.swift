// Scoring points against an estimator whose dimensions are all continuous (the usual float
// search space, where g(x) holds ~1,000 kernels at trial 1,000). One pass per point (in C, four
// kernels at a time with AVX2 when the CPU has it) keeps each kernel's running term in a register
// across the dimensions and finds the largest term on the way, instead of one pass per dimension
// through memory plus one for the maximum. Every kernel's term is computed with the same operations in the same order as the
// per-dimension pass (base, then −½z² per dimension in order) and the log-sum-exp sums the same
// terms in kernel order, so the result is bit-identical to it.
import CTPEScoring
import Foundation

extension ParzenEstimator {
  /// The log densities of `points` when every dimension is continuous; nil otherwise.
  /// `portable` skips the AVX2 loops (tests check that both give the same bits).
  func continuousLogPdf(_ points: [[Double]], portable: Bool = false) -> [Double]? {
    var mus: [[Double]] = [], invSigmas: [[Double]] = []
    var lows: [Double] = [], highs: [Double] = [], logs: [Bool] = []
    for kernel in kernels {
      guard case .continuous(let mu, _, let inv, _, let low, let high, let isLog) = kernel else { return nil }
      mus.append(mu)
      invSigmas.append(inv)
      lows.append(low)
      highs.append(high)
      logs.append(isLog)
    }
    let m = kernelCount
    let dims = kernels.count
    let terms = UnsafeMutablePointer<Double>.allocate(capacity: m)
    let columns = UnsafeMutablePointer<UnsafePointer<Double>?>.allocate(capacity: 2 * max(dims, 1))
    let x = UnsafeMutablePointer<Double>.allocate(capacity: max(dims, 1))
    defer { terms.deallocate(); columns.deallocate(); x.deallocate() }
    return ParzenEstimator.withColumns(mus + invSigmas, columns, 0) {
      base.withUnsafeBufferPointer { baseBuffer in
        points.map { point -> Double in
          for d in 0..<dims {
            let v = logs[d] ? log(point[d]) : point[d]
            if v < lows[d] - 1e-12 * abs(lows[d]) || v > highs[d] + 1e-12 * abs(highs[d]) { return -.infinity }
            x[d] = v
          }
          if portable {
            let largest = hps_tpe_score_kernels_portable(baseBuffer.baseAddress!, columns, columns + dims, x, dims, m, terms)
            return hps_tpe_log_sum_exp_portable(terms, m, largest)
          }
          let largest = hps_tpe_score_kernels(baseBuffer.baseAddress!, columns, columns + dims, x, dims, m, terms)
          return hps_tpe_log_sum_exp(terms, m, largest)
        }
      }
    }
  }

  /// Runs `body` with `slots[i]` pointing at `arrays[i]`'s elements (from `i` on).
  private static func withColumns<T>(_ arrays: [[Double]], _ slots: UnsafeMutablePointer<UnsafePointer<Double>?>,
                                     _ i: Int, _ body: () -> T) -> T {
    if i == arrays.count { return body() }
    return arrays[i].withUnsafeBufferPointer { buffer in
      slots[i] = buffer.baseAddress!
      return withColumns(arrays, slots, i + 1, body)
    }
  }
}
