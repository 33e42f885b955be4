import Foundation
import Testing
@testable import HPSSearch

/// ZDT1 (two objectives, both minimized) on [0, 1]^n.
func zdt1(_ p: [String: ParamValue], n: Int) -> [Double] {
  let x = (0..<n).map { p["x\($0)"]?.doubleValue ?? .nan }
  let g = 1 + 9 * x.dropFirst().reduce(0, +) / Double(n - 1)
  return [x[0], g * (1 - (x[0] / g).squareRoot())]
}

@Test func nsgaIIFrontDominatesRandomsByHypervolume() throws {
  let n = 4
  let space: [(name: String, distribution: Distribution)] = try (0..<n).map { ("x\($0)", try .float(0, 1)) }
  func hv(_ records: [SamplerLoop.Record]) -> Double {
    Hypervolume.compute(records.map(\.values), reference: [1.1, 11])
  }
  var wins = 0
  for seed in 0..<3 {
    let nsga = try SamplerLoop.run(sampler: NSGAIISampler(populationSize: 20, seed: seed), space: space,
                                   directions: [.minimize, .minimize], nTrials: 200) { zdt1($0, n: n) }
    let random = try SamplerLoop.run(sampler: RandomSampler(seed: seed), space: space,
                                     directions: [.minimize, .minimize], nTrials: 200) { zdt1($0, n: n) }
    if hv(nsga) > hv(random) { wins += 1 }
  }
  #expect(wins >= 2)
}

@Test func nsgaIIConstrainedDominationPrefersFeasible() {
  let feasible = NSGAIIIndividual(number: 0, params: [:], losses: [5, 5], violation: 0)
  let slightly = NSGAIIIndividual(number: 1, params: [:], losses: [0, 0], violation: 0.1)
  let badly = NSGAIIIndividual(number: 2, params: [:], losses: [0, 0], violation: 2)
  #expect(NSGAIISelection.constrainedDominates(feasible, slightly))
  #expect(NSGAIISelection.constrainedDominates(slightly, badly))
  #expect(!NSGAIISelection.constrainedDominates(badly, feasible))
  let survivors = NSGAIISelection.survivors([badly, slightly, feasible], size: 2).map(\.0.number)
  #expect(survivors == [0, 1])
}

@Test func nsgaIIValidatesArguments() {
  #expect(throws: SamplerArgumentError.self) { try NSGAIISampler(populationSize: 1) }
  #expect(throws: SamplerArgumentError.self) { try NSGAIISampler(crossoverProb: 1.5) }
}
