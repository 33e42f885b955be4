// Reference points produced with scipy 1.17.1: scipy.stats.qmc.Sobol(d=4, scramble=False).random(8)
// and scipy.stats.qmc.Halton(d=3, scramble=False).random(5).
import Foundation
import Testing
@testable import HPSSearch

@Test func sobolMatchesScipyUnscrambled() throws {
  var s = try SobolSequence(dimension: 4)
  let expected: [[Double]] = [
    [0.0, 0.0, 0.0, 0.0], [0.5, 0.5, 0.5, 0.5], [0.75, 0.25, 0.25, 0.25], [0.25, 0.75, 0.75, 0.75],
    [0.375, 0.375, 0.625, 0.875], [0.875, 0.875, 0.125, 0.375], [0.625, 0.125, 0.875, 0.625],
    [0.125, 0.625, 0.375, 0.125],
  ]
  for e in expected { #expect(s.next() == e) }
}

@Test func haltonMatchesScipyUnscrambled() throws {
  var h = try HaltonSequence(dimension: 3)
  let expected: [[Double]] = [
    [0.0, 0.0, 0.0], [0.5, 1.0 / 3, 0.2], [0.25, 2.0 / 3, 0.4], [0.75, 1.0 / 9, 0.6], [0.125, 4.0 / 9, 0.8],
  ]
  for e in expected {
    let p = h.next()
    for (a, b) in zip(p, e) { #expect(abs(a - b) < 1e-12) }
  }
}

@Test func scrambledSobolIsSeededAndStratified() throws {
  var a = try SobolSequence(dimension: 5, scramble: true, seed: 1)
  var b = try SobolSequence(dimension: 5, scramble: true, seed: 1)
  var c = try SobolSequence(dimension: 5, scramble: true, seed: 2)
  let pa = (0..<64).map { _ in a.next() }, pb = (0..<64).map { _ in b.next() }, pc = (0..<64).map { _ in c.next() }
  #expect(pa == pb && pa != pc)
  // A (0, m, d)-net property in each coordinate: 64 points put exactly one in each 1/64 bin.
  for d in 0..<5 {
    let bins = Set(pa.map { Int($0[d] * 64) })
    #expect(bins.count == 64, "dimension \(d)")
  }
  #expect(throws: SamplerArgumentError.self) { try SobolSequence(dimension: 0) }
}

@Test func qmcSamplerStaysInRangeAndRejectsUnknownType() throws {
  #expect(throws: SamplerArgumentError.self) { try QMCSampler(qmcType: "lhs") }
  let space: [(name: String, distribution: Distribution)] = [
    ("x", try .float(-2, 3)), ("n", try .int(1, 64, log: true)), ("c", try .categorical(["a", "b", "c"])),
  ]
  let records = try SamplerLoop.run(sampler: QMCSampler(qmcType: "halton", scramble: true, seed: 0), space: space, nTrials: 30) { _ in [0] }
  for r in records {
    for (name, d) in space { #expect(d.containsExternal(try #require(r.params[name]))) }
  }
  let xs = Set(records.map { $0.params["x"]?.doubleValue ?? .nan })
  #expect(xs.count == 30)
}
