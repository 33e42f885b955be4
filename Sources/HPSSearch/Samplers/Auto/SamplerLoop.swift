// A minimal sequential ask/evaluate/tell loop over a StudySnapshot, calling a sampler exactly as
// the study does (beforeTrial, relative space and sample, independent samples, afterTrial). The
// sampler tests and `hps-bench sampler` use it to exercise samplers without a storage, and to
// time the sampler alone.
import Foundation

public enum SamplerLoop {
  public struct Record: Sendable {
    public var params: [String: ParamValue]
    public var values: [Double]
    /// CPU seconds spent inside the sampler for this trial.
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
      var elapsed = 0.0
      var trial = FrozenTrial(number: number, trialID: number, state: .running)
      study.record(trial)
      var relative: [String: ParamValue] = [:]
      var relativeSpace: SearchSpace = [:]
      elapsed += try threadCPUSeconds {
        sampler.beforeTrial(study: study, trial: trial)
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
          elapsed += try threadCPUSeconds {
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
      elapsed += threadCPUSeconds {
        sampler.afterTrial(study: study, trial: trial, state: trial.state, values: trial.values)
      }
      records.append(Record(params: trial.params, values: values, samplerSeconds: elapsed))
    }
    return records
  }

  /// CPU time of the calling thread spent in `body` (what a sampler costs, whatever else the
  /// machine is doing).
  static func threadCPUSeconds(_ body: () throws -> Void) rethrows -> Double {
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    try body()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) * 1e-9
  }
}
