import Foundation
import HPSSearch

/// Deterministic studies for plot tests: no sampler, trials written out directly.
enum PlotFixtures {
  /// 20 trials of a quadratic in x with a log-scale learning rate and a categorical optimizer;
  /// trials 5 and 11 pruned after reporting intermediate values, trial 7 failed.
  static func singleObjective() throws -> StudySnapshot {
    let dx = try Distribution.float(-5, 5)
    let dlr = try Distribution.float(1e-4, 1e-1, log: true)
    let dopt = Distribution.categorical(try CategoricalDistribution(choices: [.string("adam"), .string("sgd")]))
    var trials: [FrozenTrial] = []
    for n in 0..<20 {
      let x = -5 + 10 * Double((n * 7) % 20) / 19
      let lr = pow(10, -4 + 3 * Double((n * 3) % 20) / 19)
      let opt = n % 3 == 0 ? "sgd" : "adam"
      let value = (x - 1) * (x - 1) + abs(log10(lr) + 2) + (opt == "sgd" ? 0.5 : 0)
      var state = TrialState.complete
      if n == 5 || n == 11 { state = .pruned }
      if n == 7 { state = .fail }
      var intermediate: [Int: Double] = [:]
      if n < 12 {
        let steps = state == .pruned ? 3 : 6
        for s in 0..<steps { intermediate[s] = value + 4 / Double(s + 1) }
      }
      trials.append(
        FrozenTrial(
          number: n, trialID: n, state: state, values: state == .complete ? [value] : nil,
          params: ["x": .float(x), "lr": .float(lr), "optimizer": .string(opt)],
          distributions: ["x": dx, "lr": dlr, "optimizer": dopt], intermediateValues: intermediate))
    }
    return StudySnapshot(studyName: "quadratic", directions: [.minimize], trials: trials)
  }

  /// 12 two-objective trials on a trade-off curve plus dominated points.
  static func twoObjectives() throws -> StudySnapshot {
    let d = try Distribution.float(0, 1)
    var trials: [FrozenTrial] = []
    for n in 0..<12 {
      let t = Double(n) / 11
      let onFront = n % 2 == 0
      let values = [t, onFront ? 1 - t * t : 1.2 - t * t + 0.3]
      trials.append(FrozenTrial(number: n, trialID: n, state: .complete, values: values, params: ["t": .float(t)], distributions: ["t": d]))
    }
    return StudySnapshot(studyName: "tradeoff", directions: [.minimize, .minimize], trials: trials)
  }
}
