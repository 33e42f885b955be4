// Independent uniform sampling in the transformed space (Optuna's RandomSampler): log
// parameters uniform in log space, stepped and integer parameters over half-step-widened bounds
// rounded to the grid, categoricals uniform over the choices.

/// Draws every parameter independently and uniformly. Seeded runs are reproducible.
public final class RandomSampler: Sampler, @unchecked Sendable {
  private let rng: Locked<SeededRandom>

  public init(seed: Int? = nil) {
    rng = Locked(SeededRandom(seed: seed))
  }

  public func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace { [:] }

  public func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) -> [String: ParamValue] {
    [:]
  }

  public func sampleIndependent(
    study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution
  ) -> ParamValue {
    sample(distribution)
  }

  /// One uniform draw from `distribution` (shared with samplers that fall back to random).
  public func sample(_ distribution: Distribution) -> ParamValue {
    if case .categorical(let c) = distribution {
      return c.choices[rng.withLock { $0.nextIndex(c.choices.count) }]
    }
    let transform = SearchSpaceTransform(["x": distribution])
    let x = rng.withLock { r in r.uniform(transform.rawLows[0], transform.rawHighs[0]) }
    return transform.untransform([x])["x"] ?? distribution.toExternal(x)
  }

  public func reseedRng() {
    rng.withLock { $0 = SeededRandom(seed: nil as UInt64?) }
  }
}
