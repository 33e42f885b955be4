// Optuna's QMCSampler: every trial takes the next point of one Sobol or Halton sequence over the
// search space of the first trial (categoricals as one index coordinate, floored, as in Optuna
// 5.0). The first trial and parameters outside that space go to a uniform independent draw.
import Foundation

public final class QMCSampler: Sampler, @unchecked Sendable {
  public enum QMCType: String, Sendable { case sobol, halton }

  public let qmcType: QMCType
  public let scramble: Bool
  public let seed: Int?
  private let state: Locked<(rng: SeededRandom, space: SearchSpace?, next: Int)>

  /// - Throws: `SamplerArgumentError` for an unknown `qmc_type`.
  public init(qmcType: String = "sobol", scramble: Bool = false, seed: Int? = nil) throws {
    guard let type = QMCType(rawValue: qmcType) else {
      throw SamplerArgumentError("qmc_type", qmcType, "must be 'sobol' or 'halton'")
    }
    self.qmcType = type
    self.scramble = scramble
    self.seed = seed
    state = Locked((SeededRandom(seed: seed), nil, 0))
  }

  public func reseedRng() { state.withLock { $0.rng = SeededRandom(seed: nil as UInt64?) } }

  public func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace {
    if let space = state.withLock({ $0.space }) { return space }
    guard let first = study.trials(states: [.complete, .pruned, .fail, .running])
      .first(where: { $0.number != trial.number && !$0.distributions.isEmpty }) else { return [:] }
    let space = first.distributions.filter { !$0.value.isSingle }
    state.withLock { $0.space = space }
    return space
  }

  public func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) throws -> [String: ParamValue] {
    guard !searchSpace.isEmpty else { return [:] }
    let names = searchSpace.keys.sorted()
    // One shared counter per sampler. The first trial is drawn independently (its space is not
    // known yet), so the sequence is used from index 1 on.
    let sampleIndex = state.withLock { s -> Int in s.next += 1; return s.next }
    let point = try QMCSampler.point(type: qmcType, dimension: names.count, index: sampleIndex, scramble: scramble, seed: seed)
    var out: [String: ParamValue] = [:]
    for (i, name) in names.enumerated() {
      guard let d = searchSpace[name] else { continue }
      out[name] = d.toExternal(IndependentDraw.fromUnit(point[i], d))
    }
    return out
  }

  /// Point `index` of the (possibly scrambled) sequence in `dimension` dimensions.
  static func point(type: QMCType, dimension: Int, index: Int, scramble: Bool, seed: Int?) throws -> [Double] {
    switch type {
    case .sobol:
      var s = try SobolSequence(dimension: dimension, scramble: scramble, seed: seed)
      s.skip(index)
      return s.next()
    case .halton:
      var h = try HaltonSequence(dimension: dimension, scramble: scramble, seed: seed)
      h.skip(index)
      return h.next()
    }
  }

  public func sampleIndependent(study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution) throws -> ParamValue {
    state.withLock { IndependentDraw.externalValue(distribution, rng: &$0.rng) }
  }
}
