// Independent uniform sampling in the transformed space (Optuna's RandomSampler): log
// parameters uniform in log space, stepped and integer parameters over half-step-widened bounds
// rounded to the grid, categoricals as the largest of one uniform per choice (the one-hot
// encoding's argmax). Draws come from numpy's `RandomState(seed)` stream in Optuna's order, so a
// seeded RandomSampler suggests what Optuna's `RandomSampler(seed=seed)` suggests.
import Foundation

/// Draws every parameter independently and uniformly. Seeded runs are reproducible.
public final class RandomSampler: Sampler, @unchecked Sendable {
  private let rng: Locked<NumpyRandomState>

  /// `seed` in 0...2³²−1 reproduces Optuna's stream; other integers give a reproducible stream
  /// of their own (numpy rejects them; see `NumpyRandomState`).
  public init(seed: Int? = nil) {
    rng = Locked(NumpyRandomState(seed: seed))
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
    let transform = SearchSpaceTransform(["x": distribution])
    let x = rng.withLock { $0.uniform(lows: transform.rawLows, highs: transform.rawHighs) }
    return distribution.toExternal(RandomSampler.untransform(x, distribution))
  }

  /// The transformed draw as the parameter's internal value, rounded and clipped as Optuna's
  /// `_SearchSpaceTransform.untransform` does.
  static func untransform(_ x: [Double], _ distribution: Distribution) -> Double {
    switch distribution {
    case .categorical:
      var best = 0
      for i in x.indices where x[i] > x[best] { best = i }
      return Double(best)
    case .float(let d):
      let v = x[0]
      if d.log {
        let e = exp(v)
        return d.low == d.high ? e : min(max(e, d.low), d.high.nextDown)
      }
      if let step = d.step {
        return min(max(((v - d.low) / step).rounded(.toNearestOrEven) * step + d.low, d.low), d.high)
      }
      return d.low == d.high ? v : min(v, d.high.nextDown)
    case .int(let d):
      let low = Double(d.low), high = Double(d.high)
      if d.log {
        return min(max(exp(x[0]).rounded(.toNearestOrEven), low), high)
      }
      let step = Double(d.step)
      let index = ((x[0] - low) / step + 0.5).rounded(.down)
      return min(max(index * step + low, low), high)
    }
  }

  public func reseedRng() {
    rng.withLock { $0 = NumpyRandomState(seed: nil) }
  }
}
