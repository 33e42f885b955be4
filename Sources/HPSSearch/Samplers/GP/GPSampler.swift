// A Gaussian-process sampler over the study contract (Optuna's GPSampler in spirit: Matérn-5/2
// ARD on the normalized box, standardized outputs, MAP kernel fit, logEI). It also backs the W&B
// `bayes` method. Single objective; parameters outside the joint space are drawn at random.
import Foundation

public final class GPSampler: Sampler, @unchecked Sendable {
  public let seed: Int?
  public let nStartupTrials: Int
  public let deterministicObjective: Bool
  let options: GPOptions
  private let state: Locked<(rng: SeededRandom, gp: GPState)>
  private let searchSpace = IntersectionSearchSpace()

  public init(seed: Int? = nil, nStartupTrials: Int = 10, deterministicObjective: Bool = false) throws {
    guard nStartupTrials >= 0 else { throw SamplerArgumentError("n_startup_trials", nStartupTrials, "must be >= 0") }
    self.seed = seed
    self.nStartupTrials = nStartupTrials
    self.deterministicObjective = deterministicObjective
    var o = GPOptions()
    o.nStartupTrials = nStartupTrials
    o.deterministicObjective = deterministicObjective
    // Optuna's acquisition optimiser plus points around the best trials, on Yeo–Johnson-warped
    // losses (docs/samplers.md, GPSampler: why, and what each part measured).
    o.acquisitionSearch = .mixedLocalSearch
    o.localCandidateCount = 512
    o.warpOutputs = true
    options = o
    state = Locked((SeededRandom(seed: seed), GPState()))
  }

  public func reseedRng() { state.withLock { $0.rng = SeededRandom(seed: nil as UInt64?) } }

  public func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace {
    searchSpace.calculate(study: study).filter { !$0.value.isSingle }
  }

  public func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) throws -> [String: ParamValue] {
    guard !searchSpace.isEmpty, !study.isMultiObjective else { return [:] }
    let names = searchSpace.keys.sorted()
    let dists = names.compactMap { searchSpace[$0] }
    let direction = study.direction
    var x: [[Double]] = [], losses: [Double] = [], running: [[Double]] = []
    func encode(_ t: FrozenTrial) -> [Double]? {
      var row: [Double] = []
      for (name, d) in zip(names, dists) {
        guard t.distributions[name] == d, let v = t.internalValue(name) else { return nil }
        row.append(d.unitCoordinate(v))
      }
      return row
    }
    for t in study.trials(states: [.complete, .running]) where t.number != trial.number {
      guard let row = encode(t) else { continue }
      if t.state == .running { running.append(row); continue }
      guard let value = t.value else { continue }
      x.append(row); losses.append(direction.asLoss(value))
    }
    let point = state.withLock { s in
      GPAlgorithm.suggest(dimensions: dists.map(\.gpDimension), x: x, losses: losses, running: running,
                          options: options, state: &s.gp, rng: &s.rng)
    }
    guard let point else { return [:] }
    var out: [String: ParamValue] = [:]
    for (i, name) in names.enumerated() { out[name] = dists[i].toExternal(dists[i].internalValue(unit: point[i])) }
    return out
  }

  public func sampleIndependent(study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution) throws -> ParamValue {
    state.withLock { IndependentDraw.externalValue(distribution, rng: &$0.rng) }
  }
}
