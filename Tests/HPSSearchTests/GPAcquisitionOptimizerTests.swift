import Foundation
import Testing
@testable import HPSSearch

@Suite struct GPAcquisitionOptimizerTests {
  /// A smooth bump in the continuous coordinates plus a bonus for one level of each discrete one.
  static func bump(_ p: [Double]) -> (value: Double, gradient: [Double]) {
    let centre = [0.3137, 0.7771]
    var value = 0.0, gradient = [Double](repeating: 0, count: p.count)
    for j in 0..<2 {
      let d = p[j] - centre[j]
      value -= 3 * d * d
      gradient[j] = -6 * d
    }
    value += p[2] == 2 ? 1 : 0                      // categorical: choice 2 of 4
    value -= 0.5 * abs(p[3] - 0.7)                  // 11 levels: 0.7 is level 7
    value -= 0.5 * abs(p[4] - 63.0 / 100.0)         // 101 levels: the line search's case
    return (value, gradient)
  }

  @Test func findsTheKnownMaximumOfAMixedFunction() {
    let dims: [GPDimension] = [.continuous, .continuous, .categorical(choices: 4), .discrete(levels: 11), .discrete(levels: 101)]
    let optimizer = GPAcquisitionOptimizer(dimensions: dims, lengthscales: [0.2, 0.5, 1, 1, 1])
    let objective = GPAcquisitionOptimizer.Objective(value: { Self.bump($0).value }, valueAndGradient: Self.bump)
    var rng = SeededRandom(seed: 3 as UInt64)
    let (point, value) = optimizer.maximize(objective, warmStarts: [[0.9, 0.1, 0, 0, 0]], rng: &rng)
    #expect(abs(point[0] - 0.3137) < 1e-4 && abs(point[1] - 0.7771) < 1e-4, "\(point)")
    #expect(point[2] == 2)
    #expect(abs(point[3] - 0.7) < 1e-12)
    #expect(abs(point[4] - 0.63) < 1e-12)
    #expect(abs(value - 1) < 1e-7)
  }

  @Test func theGoldenSectionSearchWalksALongGridFromAnEnd() {
    let dims: [GPDimension] = [.discrete(levels: 501)]
    let optimizer = GPAcquisitionOptimizer(dimensions: dims, lengthscales: [1])
    let objective = GPAcquisitionOptimizer.Objective(value: { -abs($0[0] - 0.412) }, valueAndGradient: { (-abs($0[0] - 0.412), [0]) })
    let found = optimizer.localSearch(objective, from: [0], value: -0.412)
    #expect(abs(found.point[0] - 0.412) < 1e-12, "\(found.point)")
  }

  @Test func maximizesLogEIOfAFixedGPAsWellAsADenseGrid() throws {
    let dims: [GPDimension] = [.continuous, .continuous]
    var rng = SeededRandom(seed: 11 as UInt64)
    let x = (0..<15).map { _ in [rng.nextUniform(), rng.nextUniform()] }
    var y = x.map { sin(7 * $0[0]) * cos(5 * $0[1]) + $0[0] }
    let mean = y.reduce(0, +) / Double(y.count)
    y = y.map { $0 - mean }
    let hyper = GPHyperparameters(inverseSquaredLengthscales: [6, 3], kernelScale: 1, noiseVariance: 1e-6)
    let gp = try #require(GaussianProcess(dimensions: dims, x: x, y: y, hyper: hyper))
    let best = y.max()!
    func logEI(_ p: [Double]) -> Double {
      let post = gp.posterior(p, withGradient: false)
      let s = post.variance.squareRoot()
      return log(s) + LogExpectedImprovement.logH((post.mean - best) / s).0
    }
    func logEIWithGradient(_ p: [Double]) -> (value: Double, gradient: [Double]) {
      let post = gp.posterior(p, withGradient: true)
      let s = post.variance.squareRoot()
      let z = (post.mean - best) / s
      let (h, dh) = LogExpectedImprovement.logH(z)
      let gradient = (0..<2).map { j -> Double in
        let ds = post.dVariance[j] / (2 * s)
        return ds / s + dh * (post.dMean[j] - z * ds) / s
      }
      return (log(s) + h, gradient)
    }
    let optimizer = GPAcquisitionOptimizer(dimensions: dims, lengthscales: hyper.inverseSquaredLengthscales.map { 1 / $0.squareRoot() })
    let found = optimizer.maximize(.init(value: logEI, valueAndGradient: logEIWithGradient), warmStarts: [], rng: &rng)
    // A 301×301 grid, then a 201×201 grid of spacing 1e-5 around its best point.
    var gridBest = (p: [0.0, 0.0], v: -Double.infinity)
    for i in 0...300 { for j in 0...300 {
      let p = [Double(i) / 300, Double(j) / 300]
      let v = logEI(p)
      if v > gridBest.v { gridBest = (p, v) }
    } }
    let coarse = gridBest.p
    for i in -100...100 { for j in -100...100 {
      let p = [min(max(coarse[0] + Double(i) * 1e-5, 0), 1), min(max(coarse[1] + Double(j) * 1e-5, 0), 1)]
      let v = logEI(p)
      if v > gridBest.v { gridBest = (p, v) }
    } }
    #expect(found.value >= gridBest.v - 1e-8, "optimizer \(found.value) at \(found.point), grid \(gridBest.v) at \(gridBest.p)")
    #expect(abs(found.value - logEI(found.point)) < 1e-12)
  }

  @Test func gpSuggestionsStayOnIntLogIntAndCategoricalGrids() throws {
    let space: [(name: String, distribution: Distribution)] = [
      ("x", try .float(-1, 1)), ("n", try .int(1, 40)), ("width", try .int(2, 512, log: true)),
      ("kind", try .categorical(["a", "b", "c"])),
    ]
    let records = try SamplerLoop.run(sampler: GPSampler(seed: 1), space: space, nTrials: 16) { p in
      let x = p["x"]!.doubleValue!, n = Double(p["n"]!.intValue!), w = Double(p["width"]!.intValue!)
      let kind = p["kind"]!.stringValue == "b" ? 0.0 : 1.0
      return [x * x + (n - 17) * (n - 17) / 100 + pow(log(w / 64), 2) + kind]
    }
    for r in records.suffix(6) {
      let n = try #require(r.params["n"]?.intValue)
      let w = try #require(r.params["width"]?.intValue)
      #expect((1...40).contains(n) && (2...512).contains(w))
      #expect(["a", "b", "c"].contains(r.params["kind"]?.stringValue ?? ""))
    }
  }

  @Test func gridDimensionsSnapToTheNearestValue() {
    let grid = GPDimension.grid([0, 0.25, 0.6, 1])
    #expect(grid.snap(0.4) == 0.25 && grid.snap(0.45) == 0.6 && grid.snap(-3) == 0 && grid.snap(7) == 1)
    #expect(GPDimension.discrete(levels: 5).choices == [0, 0.25, 0.5, 0.75, 1])
    #expect(GPDimension.categorical(choices: 3).choices == [0, 1, 2])
  }
}

@Suite struct GPOutputWarpingTests {
  /// Losses like a valley's: most near the floor, a few walls far above.
  static let skewed: [Double] = [0.41, 0.43, 0.5, 0.62, 0.9, 1.4, 2.5, 6, 40, 180, 900]

  @Test func keepsTheOrderAndStandardizes() {
    let w = GPOutputWarping.warp(Self.skewed)
    for i in 1..<w.count { #expect(w[i] > w[i - 1]) }
    let mean = w.reduce(0, +) / Double(w.count)
    let variance = w.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(w.count)
    #expect(abs(mean) < 1e-12 && abs(variance - 1) < 1e-9)
  }

  @Test func spreadsTheGoodEndOfASkewedSample() {
    let plain = GPOutputWarping.standardized(Self.skewed)
    let warped = GPOutputWarping.warp(Self.skewed)
    // The gap between the two best losses, in units of the whole sample's spread.
    #expect(warped[1] - warped[0] > 5 * (plain[1] - plain[0]), "\(warped[1] - warped[0]) vs \(plain[1] - plain[0])")
  }

  @Test func leavesASymmetricSampleNearlyAlone() {
    var rng = SeededRandom(seed: 5 as UInt64)
    let normal = (0..<200).map { _ in rng.nextNormal() }
    let warped = GPOutputWarping.warp(normal)
    let plain = GPOutputWarping.standardized(normal)
    let largest = zip(warped, plain).map { abs($0 - $1) }.max() ?? 0
    #expect(largest < 0.35, "largest change \(largest)")
  }

  @Test func constantLossesStayFinite() {
    let w = GPOutputWarping.warp([2, 2, 2, 2])
    #expect(w.allSatisfy { $0.isFinite })
  }
}
