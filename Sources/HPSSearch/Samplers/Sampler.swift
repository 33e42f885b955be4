// The sampler contract (Optuna's BaseSampler): three requirements and optional hooks. Samplers
// see a `StudyView` and `FrozenTrial` snapshots, never storage.

/// Decides parameter values for trials.
///
/// For each trial the study calls, in order:
/// 1. `beforeTrial` once, when the trial starts;
/// 2. `inferRelativeSearchSpace`, then `sampleRelative` with that space: the sampler proposes
///    values for several parameters jointly (multivariate TPE, GP, CMA-ES). Values it returns are
///    used when the objective later suggests those names with the same distribution;
/// 3. `sampleIndependent` for every parameter the objective suggests that the relative sample did
///    not cover (univariate TPE, random fallback);
/// 4. `afterTrial` once, after the trial's final state is written (`values` nil unless COMPLETE).
///
/// `trial` is the running trial's snapshot at the time of the call: it includes the parameters
/// suggested so far. Values are **external** (`ParamValue`); use `Distribution.toExternal` to
/// turn an internal Double into one. Iterate search spaces by `keys.sorted()` for
/// reproducibility. Implementations must be thread-safe (`optimize(nJobs:)` calls them from
/// several threads) and seeded runs must be reproducible with `nJobs == 1`.
public protocol Sampler: AnyObject, Sendable {
  func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace
  func sampleRelative(
    study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace
  ) throws -> [String: ParamValue]
  func sampleIndependent(
    study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution
  ) throws -> ParamValue
  func beforeTrial(study: any StudyView, trial: FrozenTrial)
  func afterTrial(study: any StudyView, trial: FrozenTrial, state: TrialState, values: [Double]?)
  /// Re-seeds the generator from system entropy; `optimize` calls it on each worker thread so
  /// parallel workers do not draw identical values.
  func reseedRng()
}

extension Sampler {
  public func beforeTrial(study: any StudyView, trial: FrozenTrial) {}
  public func afterTrial(study: any StudyView, trial: FrozenTrial, state: TrialState, values: [Double]?) {}
  public func reseedRng() {}
}
