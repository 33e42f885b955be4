// Optuna's CmaEsSampler over the study contract: CMA-ES on the numeric parameters normalized to
// [0, 1] (log-scaled where log; ints rounded on the way out), x0 at the centre and sigma0 = 1/6 by
// default, popsize 4 + ⌊3 ln d⌋. Categoricals and parameters outside the joint space go to a
// uniform independent draw. Optional IPOP/BIPOP restarts (Optuna moved them to OptunaHub).
import Foundation

public final class CmaEsSampler: Sampler, @unchecked Sendable {
  public enum RestartStrategy: String, Sendable { case ipop, bipop }

  public let seed: Int?
  public let sigma0: Double?
  public let x0: [String: Double]?
  public let nStartupTrials: Int
  public let popsize: Int?
  public let restartStrategy: RestartStrategy?
  public let incPopsize: Int

  struct State {
    var rng: SeededRandom
    var names: [String] = []
    var cma: CMAES?
    var pending: [Int: [Double]] = [:]
    var results: [(x: [Double], loss: Double)] = []
    var restarts = 0
    var largePopsize = 0
    var evaluationsLarge = 0, evaluationsSmall = 0
    var currentIsSmall = false
  }
  private let state: Locked<State>
  private let searchSpace = IntersectionSearchSpace()

  public init(
    x0: [String: Double]? = nil, sigma0: Double? = nil, nStartupTrials: Int = 1, seed: Int? = nil,
    popsize: Int? = nil, restartStrategy: String? = nil, incPopsize: Int = 2
  ) throws {
    if let sigma0, !(sigma0 > 0) { throw SamplerArgumentError("sigma0", sigma0, "must be positive") }
    if let popsize, popsize < 2 { throw SamplerArgumentError("popsize", popsize, "must be >= 2") }
    guard nStartupTrials >= 0 else { throw SamplerArgumentError("n_startup_trials", nStartupTrials, "must be >= 0") }
    var strategy: RestartStrategy?
    if let restartStrategy {
      guard let s = RestartStrategy(rawValue: restartStrategy) else {
        throw SamplerArgumentError("restart_strategy", restartStrategy, "must be None, 'ipop' or 'bipop'")
      }
      strategy = s
    }
    guard incPopsize >= 1 else { throw SamplerArgumentError("inc_popsize", incPopsize, "must be >= 1") }
    self.x0 = x0
    self.sigma0 = sigma0
    self.nStartupTrials = nStartupTrials
    self.seed = seed
    self.popsize = popsize
    self.restartStrategy = strategy
    self.incPopsize = incPopsize
    state = Locked(State(rng: SeededRandom(seed: seed)))
  }

  public func reseedRng() { state.withLock { $0.rng = SeededRandom(seed: nil as UInt64?) } }

  public func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace {
    searchSpace.calculate(study: study).filter { d in
      if d.value.isSingle { return false }
      if case .categorical = d.value { return false }
      return true
    }
  }

  public func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) throws -> [String: ParamValue] {
    guard !searchSpace.isEmpty, !study.isMultiObjective else { return [:] }
    guard study.trials(states: [.complete]).count >= nStartupTrials else { return [:] }
    let names = searchSpace.keys.sorted()
    let dists = names.compactMap { searchSpace[$0] }
    let x = state.withLock { s -> [Double] in
      if s.cma == nil || s.names != names {
        s.names = names
        let mean = zip(names, dists).map { name, d in x0?[name].map { d.unitCoordinate($0).clamped(0, 1) } ?? 0.5 }
        s.cma = CMAES(mean: mean, sigma: sigma0 ?? 1.0 / 6, populationSize: popsize)
        s.largePopsize = s.cma?.populationSize ?? 0
        s.results = []
        s.pending = [:]
      }
      guard let cma = s.cma else { return [] }
      let x = cma.ask(rng: &s.rng)
      s.pending[trial.number] = x
      return x
    }
    guard x.count == names.count else { return [:] }
    var out: [String: ParamValue] = [:]
    for (i, d) in dists.enumerated() { out[names[i]] = d.toExternal(d.internalValue(unit: x[i])) }
    return out
  }

  public func sampleIndependent(study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution) throws -> ParamValue {
    state.withLock { IndependentDraw.externalValue(distribution, rng: &$0.rng) }
  }

  public func afterTrial(study: any StudyView, trial: FrozenTrial, state trialState: TrialState, values: [Double]?) {
    let direction = study.direction
    state.withLock { s in
      guard let x = s.pending.removeValue(forKey: trial.number) else { return }
      guard trialState == .complete, let v = values?.first, v.isFinite, var cma = s.cma else { return }
      s.results.append((x, direction.asLoss(v)))
      guard s.results.count >= cma.populationSize else { return }
      cma.tell(s.results)
      if s.currentIsSmall { s.evaluationsSmall += s.results.count } else { s.evaluationsLarge += s.results.count }
      s.results = []
      s.cma = cma
      if let strategy = restartStrategy, cma.shouldRestart { restart(&s, strategy) }
    }
  }

  /// IPOP: restart with `incPopsize` times the population. BIPOP: alternate that with small
  /// populations and shorter steps, run whenever the small regime has used less budget.
  private func restart(_ s: inout State, _ strategy: RestartStrategy) {
    guard let old = s.cma else { return }
    s.restarts += 1
    let d = old.dimension
    let mean = (0..<d).map { _ in s.rng.nextUniform() }
    let base = popsize ?? CMAES.defaultPopulationSize(d)
    switch strategy {
    case .ipop:
      s.largePopsize *= incPopsize
      s.cma = CMAES(mean: mean, sigma: sigma0 ?? 1.0 / 6, populationSize: s.largePopsize)
    case .bipop:
      if s.evaluationsSmall < s.evaluationsLarge {
        let u = s.rng.nextUniform()
        let ratio = Double(s.largePopsize) / Double(base)
        let small = max(2, Int(Double(base) * pow(0.5 * ratio, u * u)))
        s.currentIsSmall = true
        s.cma = CMAES(mean: mean, sigma: (sigma0 ?? 1.0 / 6) * pow(10, -2 * s.rng.nextUniform()), populationSize: small)
      } else {
        s.largePopsize *= incPopsize
        s.currentIsSmall = false
        s.cma = CMAES(mean: mean, sigma: sigma0 ?? 1.0 / 6, populationSize: s.largePopsize)
      }
    }
  }
}
