// Reference values produced with python3 (CPython 3.11.7), scipy 1.17.1 and numpy 1.26.4:
// scipy.special.ndtr / log_ndtr / ndtri and scipy.stats.truncnorm.logpdf / ppf at the listed points.
import Foundation
import Testing
@testable import HPSSearch

func close(_ a: Double, _ b: Double, rel: Double = 1e-10, abs absTol: Double = 1e-300) -> Bool {
  abs(a - b) <= max(absTol, rel * max(abs(a), abs(b)))
}

@Test func normalCdfAndLogCdfMatchScipy() {
  let table: [(Double, Double, Double)] = [
    (-40, 0.0, -804.6084420137539),
    (-25, 3.056696706382561e-138, -316.63940800802027),
    (-10, 7.61985302416047e-24, -53.23128515051248),
    (-3, 0.0013498980316300933, -6.60772622151035),
    (-0.5, 0.3085375387259869, -1.1759117615936188),
    (0, 0.5, -0.6931471805599453),
    (1.3, 0.9031995154143897, -0.10181180266765506),
    (6, 0.9999999990134123, -9.86587645524372e-10),
  ]
  for (z, cdf, logCdf) in table {
    #expect(close(Normal.cdf(z), cdf, rel: 1e-12), "cdf(\(z))")
    #expect(close(Normal.logCdf(z), logCdf, rel: 1e-9), "logCdf(\(z)) = \(Normal.logCdf(z))")
  }
}

@Test func normalQuantileMatchesScipy() {
  let table: [(Double, Double)] = [
    (1e-300, -37.0470962993612), (1e-10, -6.361340902404056), (0.01, -2.3263478740408408),
    (0.3, -0.5244005127080409), (0.5, 0.0), (0.975, 1.959963984540054),
    (0.999999999999, 7.0344869100478356),
  ]
  for (p, z) in table {
    #expect(close(Normal.ppf(p), z, rel: 1e-9, abs: 1e-14), "ppf(\(p)) = \(Normal.ppf(p))")
    #expect(close(Normal.ppf(logP: log(p)), z, rel: 1e-8, abs: 1e-12), "ppf(logP: log \(p))")
  }
  #expect(Normal.ppf(-0.1).isNaN)
  #expect(Normal.ppf(0) == -.infinity)
  // Deep tail, below what a Double probability can hold.
  #expect(close(Normal.logCdf(Normal.ppf(logP: -2000)), -2000, rel: 1e-10))
}

@Test func truncatedNormalLogPdfMatchesScipy() {
  let table: [(x: Double, mu: Double, sigma: Double, low: Double, high: Double, logPdf: Double)] = [
    (0.5, 0, 1, -1, 2, -0.84377223888021),
    (9.5, 0, 1, 9, 10, -2.415721900923849),
    (-0.2, 3, 0.1, -1, 1, -306.6991980691134),
    (0.001, 0.5, 0.01, 0, 1, -1241.3187683472165),
  ]
  for r in table {
    let v = TruncatedNormal.logPdf(r.x, mu: r.mu, sigma: r.sigma, low: r.low, high: r.high)
    #expect(close(v, r.logPdf, rel: 1e-8), "logpdf \(r) = \(v)")
  }
  #expect(TruncatedNormal.logPdf(3, mu: 0, sigma: 1, low: -1, high: 2) == -.infinity)
}

@Test func truncatedNormalQuantileMatchesScipy() {
  let table: [(u: Double, mu: Double, sigma: Double, low: Double, high: Double, x: Double)] = [
    (0.3, 0, 1, -1, 2, -0.2424038178892269),
    (0.7, 0, 1, 9, 10, 9.131229068292493),
    (0.5, 3, 0.1, -1, 1, 0.9965458323485978),
  ]
  for r in table {
    let v = TruncatedNormal.quantile(r.u, mu: r.mu, sigma: r.sigma, low: r.low, high: r.high)
    #expect(close(v, r.x, rel: 1e-7), "ppf \(r) = \(v)")
  }
}

@Test func logSumExpIsStable() {
  #expect(close(LogSumExp.logSumExp([1000, 1000]), 1000 + log(2.0)))
  #expect(LogSumExp.logSumExp([]) == -.infinity)
  #expect(close(LogSumExp.logAddExp(-1e3, -1e3 - log(3.0)), -1e3 + log(4.0 / 3.0)))
  #expect(close(LogSumExp.log1mexp(-1e-20), log(1e-20), rel: 1e-9))
}
