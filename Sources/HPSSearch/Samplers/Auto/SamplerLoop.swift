// A minimal sequential ask/evaluate/tell loop over a StudySnapshot, calling a sampler exactly as
// the study does (beforeTrial, relative space and sample, independent samples, afterTrial). The
// sampler tests and `hps-bench sampler` use it to exercise samplers without a storage, and to
// time the sampler alone.
import Foundation

public enum SamplerLoop {
  public struct Record: Sendable {
    public var params: [String: ParamValue]
    public var values: [Double]
    /// Seconds spent inside the sampler for this trial.
    public var samplerSeconds: Double
  }

  /// Runs `nTrials` trials of a fixed search space (parameters suggested in the given order).
  public static func run(
    sampler: any Sampler, space: [(name: String, distribution: Distribution)],
    directions: [StudyDirection] = [.minimize], nTrials: Int,
    objective: ([String: ParamValue]) -> [Double]
  ) throws -> [Record] {
    let study = StudySnapshot(directions: directions)
    var records: [Record] = []
    for number in 0..<nTrials {
      let clock = ContinuousClock()
      var elapsed = Duration.zero
      var trial = FrozenTrial(number: number, trialID: number, state: .running)
      study.record(trial)
      elapsed += clock.measure {
        sampler.beforeTrial(study: study, trial: trial)
      }
      var relative: [String: ParamValue] = [:]
      var relativeSpace: SearchSpace = [:]
      try elapsed += clock.measure {
        relativeSpace = sampler.inferRelativeSearchSpace(study: study, trial: trial)
        relative = try sampler.sampleRelative(study: study, trial: trial, searchSpace: relativeSpace)
      }
      for (name, distribution) in space {
        var value: ParamValue
        if let v = relative[name], relativeSpace[name] == distribution {
          value = v
        } else if distribution.isSingle {
          value = distribution.toExternal(IndependentDraw.fromUnit(0, distribution))
        } else {
          var sampled: ParamValue = .none
          try elapsed += clock.measure {
            sampled = try sampler.sampleIndependent(study: study, trial: trial, name: name, distribution: distribution)
          }
          value = sampled
        }
        trial.params[name] = value
        trial.distributions[name] = distribution
        study.record(trial)
      }
      let values = objective(trial.params)
      let ok = values.count == directions.count && values.allSatisfy { !$0.isNaN }
      trial.state = ok ? .complete : .fail
      trial.values = ok ? values : nil
      study.record(trial)
      elapsed += clock.measure {
        sampler.afterTrial(study: study, trial: trial, state: trial.state, values: trial.values)
      }
      records.append(Record(params: trial.params, values: values,
                            samplerSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
    }
    return records
  }
}
