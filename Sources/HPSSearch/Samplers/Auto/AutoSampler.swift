// hps's own default-quality sampler: a scrambled Sobol design for the first trials (each
// parameter takes the next Sobol coordinate the first time it is seen, so the design needs no
// search space up front), then a model chosen by the space and the history:
// - a Gaussian process while the history is small enough for it to be cheap (≤ gpMaxTrials),
//   continuous, integer and categorical alike, with every fourth trial proposed by TPE;
// - after that (optunahub's AutoSampler switches at 250 trials too), CMA-ES warm-started at the
//   best trials for a numeric space with a fixed set of parameters, multivariate TPE otherwise
//   (categorical or conditional parameters, or constraints);
// - single-objective only for GP; several objectives go to TPE from the start.
import Foundation

public final class AutoSampler: Sampler, @unchecked Sendable {
  public let seed: Int?
  public let nStartupTrials: Int
  public let gpMaxTrials: Int
  let gp: GPSampler
  let tpe: TPESampler
  /// The late-phase choice, made once when the history passes `gpMaxTrials`: CMA-ES, or nil
  /// for TPE.
  private let late = Locked<(decided: Bool, cma: CmaEsSampler?)>((false, nil))
  private let design: Locked<(sobol: SobolSequence?, dimensions: [String: Int], points: [Int: [Double]], rng: SeededRandom)>

  /// Optuna's `constraints_func` (optunahub's AutoSampler takes it too): recorded after every
  /// COMPLETE or PRUNED trial and used by the TPE trials and the late-phase choice (TPE rather
  /// than CMA-ES). hps's GP does not model constraints yet, so the GP trials ignore them.
  public let constraintsFunc: (@Sendable (FrozenTrial) -> [Double])?

  public init(seed: Int? = nil, nStartupTrials: Int = 10, gpMaxTrials: Int = 250,
              constraintsFunc: (@Sendable (FrozenTrial) -> [Double])? = nil) throws {
    guard nStartupTrials >= 1 else { throw SamplerArgumentError("n_startup_trials", nStartupTrials, "must be >= 1") }
    self.seed = seed
    self.nStartupTrials = nStartupTrials
    self.gpMaxTrials = gpMaxTrials
    gp = try GPSampler(seed: seed.map { $0 &+ 1 }, nStartupTrials: nStartupTrials, deterministicObjective: false)
    self.constraintsFunc = constraintsFunc
    tpe = try TPESampler(seed: seed.map { $0 &+ 2 }, nStartupTrials: nStartupTrials, constraintsFunc: constraintsFunc)
    design = Locked((nil, [:], [:], SeededRandom(seed: seed)))
  }

  public func reseedRng() {
    gp.reseedRng(); tpe.reseedRng()
    design.withLock { $0.rng = SeededRandom(seed: nil as UInt64?) }
  }

  func model(_ study: any StudyView) -> any Sampler {
    if study.isMultiObjective { return tpe }
    let n = study.trials(states: [.complete]).count
    if n >= gpMaxTrials { return latePhaseSampler(study) }
    // A portfolio: every fourth model-based trial comes from TPE, whose broader proposals pull
    // the GP out of a basin it would otherwise keep refining (multimodal functions).
    return n >= nStartupTrials && n % 4 == 3 ? tpe : gp
  }

  /// CMA-ES (warm-started at the best trials) for a numeric space whose trials all share the
  /// same parameters; TPE otherwise.
  func latePhaseSampler(_ study: any StudyView) -> any Sampler {
    late.withLock { l -> any Sampler in
      if l.decided { return l.cma ?? tpe }
      l.decided = true
      let complete = study.trials(states: [.complete])
      guard let first = complete.first else { return tpe }
      let names = Set(first.params.keys)
      let numeric = first.distributions.values.allSatisfy { d in
        if case .categorical = d { return false } else { return true }
      }
      let constrained = constraintsFunc != nil || complete.contains { !$0.constraintValues.isEmpty }
      guard numeric, !constrained, complete.allSatisfy({ Set($0.params.keys) == names && $0.distributions == first.distributions }) else {
        return tpe
      }
      l.cma = try? AutoSampler.warmStartedCMAES(complete, direction: study.direction, seed: seed.map { $0 &+ 3 })
      return l.cma ?? tpe
    }
  }

  /// CMA-ES centred on the best trial, its step size the spread (in the unit box) of the best
  /// 10% of trials, so it refines where the GP phase ended instead of starting over.
  static func warmStartedCMAES(_ trials: [FrozenTrial], direction: StudyDirection, seed: Int?) throws -> CmaEsSampler {
    let ranked = trials.filter { $0.value != nil }.sorted { direction.isBetter($0.value!, than: $1.value!) }
    let top = Array(ranked.prefix(max(2, ranked.count / 10)))
    guard let best = top.first else { return try CmaEsSampler(seed: seed) }
    var x0: [String: Double] = [:]
    var spread: [Double] = []
    for (name, d) in best.distributions {
      guard let v = best.params[name]?.doubleValue else { continue }
      x0[name] = v
      let units = top.compactMap { t in t.params[name]?.doubleValue.map { d.unitCoordinate($0) } }
      let mean = units.reduce(0, +) / Double(max(units.count, 1))
      let variance = units.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(units.count, 1))
      spread.append(variance.squareRoot())
    }
    let sigma = min(max(spread.reduce(0, +) / Double(max(spread.count, 1)), 0.02), 1.0 / 6)
    return try CmaEsSampler(x0: x0, sigma0: sigma, seed: seed)
  }

  public func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace {
    model(study).inferRelativeSearchSpace(study: study, trial: trial)
  }

  public func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) throws -> [String: ParamValue] {
    try model(study).sampleRelative(study: study, trial: trial, searchSpace: searchSpace)
  }

  public func sampleIndependent(study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution) throws -> ParamValue {
    let finished = study.trials(states: [.complete, .pruned]).count
    if finished >= nStartupTrials {
      return try tpe.sampleIndependent(study: study, trial: trial, name: name, distribution: distribution)
    }
    let u = try designCoordinate(trial: trial.number, name: name)
    return distribution.toExternal(IndependentDraw.fromUnit(u, distribution))
  }

  /// Coordinate `name` of design point `trial` (scrambled Sobol, one dimension per parameter).
  func designCoordinate(trial: Int, name: String) throws -> Double {
    try design.withLock { s in
      let dim: Int
      if let d = s.dimensions[name] { dim = d } else { dim = s.dimensions.count; s.dimensions[name] = dim }
      if dim >= SobolDirectionNumbers.maxDimension { return s.rng.nextUniform() }
      if s.sobol == nil || (s.sobol?.dimension ?? 0) <= dim {
        let size = min(SobolDirectionNumbers.maxDimension, max(16, (dim + 1) * 2))
        s.sobol = try SobolSequence(dimension: size, scramble: true, seed: seed)
        s.points = [:]
      }
      if let p = s.points[trial] { return p[dim] }
      guard var sobol = s.sobol else { return s.rng.nextUniform() }
      // Points are generated in order; trials usually ask in order too.
      sobol = sobol.index <= trial ? sobol : (try SobolSequence(dimension: sobol.dimension, scramble: true, seed: seed))
      sobol.skip(trial - sobol.index)
      let p = sobol.next()
      s.sobol = sobol
      s.points[trial] = p
      return p[dim]
    }
  }

  public func afterTrial(study: any StudyView, trial: FrozenTrial, state: TrialState, values: [Double]?) {
    tpe.afterTrial(study: study, trial: trial, state: state, values: values)
    late.current.cma?.afterTrial(study: study, trial: trial, state: state, values: values)
  }
}
