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
    let n = points.count
    // The points inside the bounds, in model space (point-major); the others score −∞.
    let x = UnsafeMutablePointer<Double>.allocate(capacity: max(n * dims, 1))
    var inside: [Int] = []
    inside.reserveCapacity(n)
    for (i, point) in points.enumerated() {
      var isInside = true
      for d in 0..<dims {
        let v = logs[d] ? log(point[d]) : point[d]
        if v < lows[d] - 1e-12 * abs(lows[d]) || v > highs[d] + 1e-12 * abs(highs[d]) { isInside = false; break }
        x[inside.count * dims + d] = v
      }
      if isInside { inside.append(i) }
    }
    // Four points a pass on the AVX2 path (each kernel's columns read once for the four).
    let terms = UnsafeMutablePointer<Double>.allocate(capacity: 4 * max(m, 1))
    let largest = UnsafeMutablePointer<Double>.allocate(capacity: 4)
    let columns = UnsafeMutablePointer<UnsafePointer<Double>?>.allocate(capacity: 2 * max(dims, 1))
    defer { terms.deallocate(); largest.deallocate(); columns.deallocate(); x.deallocate() }
    var scores = [Double](repeating: -.infinity, count: n)
    ParzenEstimator.withColumns(mus + invSigmas, columns, 0) {
      base.withUnsafeBufferPointer { baseBuffer in
        let b = baseBuffer.baseAddress!
        var j = 0
        if !portable {
          while j + 4 <= inside.count {
            hps_tpe_score_kernels4(b, columns, columns + dims, x + j * dims, dims, m, terms, largest)
            for p in 0..<4 { scores[inside[j + p]] = hps_tpe_log_sum_exp(terms + p * m, m, largest[p]) }
            j += 4
          }
        }
        while j < inside.count {
          let point = x + j * dims
          if portable {
            let l = hps_tpe_score_kernels_portable(b, columns, columns + dims, point, dims, m, terms)
            scores[inside[j]] = hps_tpe_log_sum_exp_portable(terms, m, l)
          } else {
            let l = hps_tpe_score_kernels(b, columns, columns + dims, point, dims, m, terms)
            scores[inside[j]] = hps_tpe_log_sum_exp(terms, m, l)
          }
          j += 1
        }
      }
    }
    return scores
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
