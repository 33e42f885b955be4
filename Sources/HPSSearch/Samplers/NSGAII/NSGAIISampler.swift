// Optuna's NSGAIISampler over the study contract: generation 0 is random; every later trial is a
// child of two tournament-selected parents from the elite population (uniform crossover with
// probability 0.9, swapping probability 0.5), and each gene mutates with probability
// 1/max(1, n_params) by being resampled uniformly. The elite population is refreshed once
// `populationSize` trials of the current generation have completed.
import Foundation

public final class NSGAIISampler: Sampler, @unchecked Sendable {
  public let populationSize: Int
  public let mutationProb: Double?
  public let crossoverProb: Double
  public let swappingProb: Double
  public let seed: Int?
  public let constraintsFunc: (@Sendable (FrozenTrial) -> [Double])?

  struct State {
    var rng: SeededRandom
    var generation = 0
    var generationOf: [Int: Int] = [:]
    var parents: [(NSGAIIIndividual, rank: Int, crowding: Double)] = []
  }
  private let state: Locked<State>
  private let searchSpace = IntersectionSearchSpace()

  public init(
    populationSize: Int = 50, mutationProb: Double? = nil, crossoverProb: Double = 0.9,
    swappingProb: Double = 0.5, seed: Int? = nil, constraintsFunc: (@Sendable (FrozenTrial) -> [Double])? = nil
  ) throws {
    guard populationSize >= 2 else { throw SamplerArgumentError("population_size", populationSize, "must be greater than or equal to 2") }
    if let mutationProb, !(0...1).contains(mutationProb) { throw SamplerArgumentError("mutation_prob", mutationProb, "must be in [0, 1]") }
    guard (0...1).contains(crossoverProb) else { throw SamplerArgumentError("crossover_prob", crossoverProb, "must be in [0, 1]") }
    guard (0...1).contains(swappingProb) else { throw SamplerArgumentError("swapping_prob", swappingProb, "must be in [0, 1]") }
    self.populationSize = populationSize
    self.mutationProb = mutationProb
    self.crossoverProb = crossoverProb
    self.swappingProb = swappingProb
    self.seed = seed
    self.constraintsFunc = constraintsFunc
    state = Locked(State(rng: SeededRandom(seed: seed)))
  }

  public func afterTrial(study: any StudyView, trial: FrozenTrial, state: TrialState, values: [Double]?) {
    if let constraintsFunc { ConstraintsAfterTrial.record(constraintsFunc, study: study, trial: trial, state: state) }
  }

  public func reseedRng() { state.withLock { $0.rng = SeededRandom(seed: nil as UInt64?) } }

  public func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace {
    searchSpace.calculate(study: study).filter { !$0.value.isSingle }
  }

  public func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) throws -> [String: ParamValue] {
    let directions = study.directions
    let completed = study.trials(states: [.complete])
    return state.withLock { s in
      // Advance the generation once enough of the current one has completed.
      let done = completed.filter { s.generationOf[$0.number] == s.generation }
      if done.count >= populationSize {
        let pool = (s.parents.map(\.0) + done.map { individual($0, directions) })
        s.parents = NSGAIISelection.survivors(pool, size: populationSize)
        s.generation += 1
      }
      s.generationOf[trial.number] = s.generation
      guard s.generation > 0, !searchSpace.isEmpty, !s.parents.isEmpty else { return [:] }
      let p1 = NSGAIISelection.tournament(s.parents, rng: &s.rng)
      let p2 = NSGAIISelection.tournament(s.parents, rng: &s.rng)
      let names = searchSpace.keys.sorted()
      var child: [String: Double] = [:]
      let cross = s.rng.nextUniform() < crossoverProb
      for name in names {
        let fromSecond = cross && s.rng.nextUniform() < swappingProb
        if let v = (fromSecond ? p2 : p1).params[name] { child[name] = v }
      }
      let pm = mutationProb ?? 1 / Double(max(1, names.count))
      var out: [String: ParamValue] = [:]
      for name in names {
        guard let d = searchSpace[name], let v = child[name], s.rng.nextUniform() >= pm, d.contains(v) else { continue }
        out[name] = d.toExternal(v)
      }
      return out
    }
  }

  func individual(_ t: FrozenTrial, _ directions: [StudyDirection]) -> NSGAIIIndividual {
    var params: [String: Double] = [:]
    for name in t.params.keys { if let v = t.internalValue(name) { params[name] = v } }
    let losses = zip(t.values ?? [], directions).map { $1.asLoss($0) }
    // Optuna 5 reads the constraints stored on the trial (by constraints_func after the trial
    // or by Trial.set_constraint inside it).
    let violation = t.infeasibilityScore
    return NSGAIIIndividual(number: t.number, params: params, losses: losses, violation: violation)
  }

  /// Genes not inherited (generation 0, mutation, or a parent without the parameter) are
  /// resampled uniformly.
  public func sampleIndependent(study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution) throws -> ParamValue {
    state.withLock { IndependentDraw.externalValue(distribution, rng: &$0.rng) }
  }
}
