// The data behind Optuna's standard plots, as plain values: the display layer (notebook,
// terminal) draws them; the engine never renders.
import Foundation

/// Optimization history: each completed trial's value and the best value so far.
public struct HistoryPoint: Sendable, Equatable {
  public var number: Int
  public var value: Double
  public var bestSoFar: Double
}

/// Intermediate values of one trial (the learning curve).
public struct IntermediateCurve: Sendable, Equatable {
  public var number: Int
  public var state: TrialState
  public var steps: [Int]
  public var values: [Double]
}

/// One point of a slice plot: a parameter value against the objective.
public struct SlicePoint: Sendable, Equatable {
  public var number: Int
  public var value: ParamValue
  public var objective: Double
}

/// A slice plot for one parameter.
public struct SliceSeries: Sendable, Equatable {
  public var name: String
  public var distribution: Distribution
  public var points: [SlicePoint]
}

/// Contour data for two parameters: the trials' points and a regular grid of interpolated
/// objective values (inverse-distance weighting in the plotted, log-aware coordinates).
public struct ContourData: Sendable, Equatable {
  public var xName: String
  public var yName: String
  /// Trial coordinates (internal values: categoricals are indices) and objectives.
  public var points: [(x: Double, y: Double, z: Double)]
  public var xGrid: [Double]
  public var yGrid: [Double]
  /// `z[i][j]` at (`xGrid[j]`, `yGrid[i]`); NaN where nothing can be estimated.
  public var z: [[Double]]
  public var xLog: Bool
  public var yLog: Bool

  public static func == (a: ContourData, b: ContourData) -> Bool {
    a.xName == b.xName && a.yName == b.yName && a.xGrid == b.xGrid && a.yGrid == b.yGrid
      && a.points.count == b.points.count && zip(a.points, b.points).allSatisfy { $0 == $1 }
  }
}

/// Parallel coordinates: one axis per parameter plus the objective, one line per trial.
public struct ParallelCoordinates: Sendable, Equatable {
  public struct Axis: Sendable, Equatable {
    public var name: String
    public var range: ClosedRange<Double>
    public var isLog: Bool
    /// Labels for categorical axes (index → choice); empty for numeric axes.
    public var tickLabels: [String]
  }
  public var axes: [Axis]
  /// One row per trial; the objective is the first column, then parameters in axis order.
  public var lines: [[Double]]
  public var trialNumbers: [Int]
}

/// Pareto-front data: every completed trial's objectives, flagged when on the front.
public struct ParetoPoint: Sendable, Equatable {
  public var number: Int
  public var values: [Double]
  public var isBest: Bool
}

public enum PlotData {
  private static func objective(_ t: FrozenTrial, _ target: ((FrozenTrial) -> Double)?) -> Double? {
    if let target { return target(t) }
    return t.value
  }

  /// `plot_optimization_history`: completed trials in order with the running best.
  public static func optimizationHistory(study: any StudyView, target: ((FrozenTrial) -> Double)? = nil) -> [HistoryPoint] {
    var best: Double?
    var out: [HistoryPoint] = []
    for t in study.trials(states: [.complete]) {
      guard let v = objective(t, target) else { continue }
      if best.map({ study.direction.isBetter(v, than: $0) }) ?? true { best = v }
      out.append(HistoryPoint(number: t.number, value: v, bestSoFar: best ?? v))
    }
    return out
  }

  /// `plot_intermediate_values`: each trial's reported curve, steps ascending.
  public static func intermediateValues(study: any StudyView) -> [IntermediateCurve] {
    study.trials(states: nil).filter { !$0.intermediateValues.isEmpty }.map { t in
      let steps = t.intermediateValues.keys.sorted()
      return IntermediateCurve(number: t.number, state: t.state, steps: steps, values: steps.compactMap { t.intermediateValues[$0] })
    }
  }

  /// `plot_slice`: for each parameter, its value against the objective in completed trials.
  public static func slice(study: any StudyView, params: [String]? = nil, target: ((FrozenTrial) -> Double)? = nil) -> [SliceSeries] {
    let trials = study.trials(states: [.complete])
    var distributions: [String: Distribution] = [:]
    for t in trials { for (k, d) in t.distributions where distributions[k] == nil { distributions[k] = d } }
    let names = (params ?? Array(distributions.keys)).filter { distributions[$0] != nil }.sorted()
    return names.compactMap { name in
      guard let d = distributions[name] else { return nil }
      let points = trials.compactMap { t -> SlicePoint? in
        guard let v = t.params[name], let y = objective(t, target) else { return nil }
        return SlicePoint(number: t.number, value: v, objective: y)
      }
      return SliceSeries(name: name, distribution: d, points: points)
    }
  }

  /// `plot_contour` for one pair of parameters.
  public static func contour(
    study: any StudyView, x: String, y: String, resolution: Int = 50, target: ((FrozenTrial) -> Double)? = nil
  ) -> ContourData? {
    let trials = study.trials(states: [.complete]).filter { $0.params[x] != nil && $0.params[y] != nil }
    guard let dx = trials.first?.distributions[x], let dy = trials.first?.distributions[y] else { return nil }
    var points: [(x: Double, y: Double, z: Double)] = []
    for t in trials {
      guard let a = t.internalValue(x), let b = t.internalValue(y), let z = objective(t, target) else { continue }
      points.append((a, b, z))
    }
    func axis(_ d: Distribution, _ values: [Double]) -> [Double] {
      let lo = values.min() ?? 0
      let hi = values.max() ?? 1
      let n = max(resolution, 2)
      if d.isLog, lo > 0 {
        let (a, b) = (Foundation.log(lo), Foundation.log(hi))
        return (0..<n).map { Foundation.exp(a + (b - a) * Double($0) / Double(n - 1)) }
      }
      return (0..<n).map { lo + (hi - lo) * Double($0) / Double(n - 1) }
    }
    let xGrid = axis(dx, points.map(\.x))
    let yGrid = axis(dy, points.map(\.y))
    func coordinate(_ v: Double, _ d: Distribution, _ grid: [Double]) -> Double {
      let t = d.isLog && v > 0 ? Foundation.log(v) : v
      let lo = d.isLog && (grid.first ?? 0) > 0 ? Foundation.log(grid.first ?? 1) : (grid.first ?? 0)
      let hi = d.isLog && (grid.last ?? 0) > 0 ? Foundation.log(grid.last ?? 1) : (grid.last ?? 1)
      return hi > lo ? (t - lo) / (hi - lo) : 0
    }
    let scaled = points.map { (coordinate($0.x, dx, xGrid), coordinate($0.y, dy, yGrid), $0.z) }
    let z = yGrid.map { gy in
      xGrid.map { gx -> Double in
        let px = coordinate(gx, dx, xGrid)
        let py = coordinate(gy, dy, yGrid)
        var num = 0.0
        var den = 0.0
        for (sx, sy, sz) in scaled {
          let d2 = (sx - px) * (sx - px) + (sy - py) * (sy - py)
          if d2 < 1e-18 { return sz }
          let w = 1 / (d2 * d2)
          num += w * sz
          den += w
        }
        return den > 0 ? num / den : .nan
      }
    }
    return ContourData(xName: x, yName: y, points: points, xGrid: xGrid, yGrid: yGrid, z: z, xLog: dx.isLog, yLog: dy.isLog)
  }

  /// `plot_parallel_coordinate`.
  public static func parallelCoordinates(
    study: any StudyView, params: [String]? = nil, target: ((FrozenTrial) -> Double)? = nil, targetName: String = "Objective Value"
  ) -> ParallelCoordinates {
    let trials = study.trials(states: [.complete])
    let space = IntersectionSearchSpace.of(trials)
    let names = (params ?? Array(space.keys)).filter { space[$0] != nil }.sorted()
    var lines: [[Double]] = []
    var numbers: [Int] = []
    for t in trials {
      guard let y = objective(t, target) else { continue }
      let row = names.compactMap { t.internalValue($0) }
      guard row.count == names.count else { continue }
      lines.append([y] + row)
      numbers.append(t.number)
    }
    var axes: [ParallelCoordinates.Axis] = []
    for (c, name) in ([targetName] + names).enumerated() {
      let column = lines.map { $0[c] }
      let range = (column.min() ?? 0)...(column.max() ?? 0)
      var labels: [String] = []
      var isLog = false
      if c > 0, let d = space[name] {
        isLog = d.isLog
        if case .categorical(let cat) = d { labels = cat.choices.map(\.description) }
      }
      axes.append(.init(name: name, range: range, isLog: isLog, tickLabels: labels))
    }
    return ParallelCoordinates(axes: axes, lines: lines, trialNumbers: numbers)
  }

  /// `plot_pareto_front`: all completed trials, flagged when non-dominated.
  public static func paretoFront(study: any StudyView) -> [ParetoPoint] {
    let trials = study.trials(states: [.complete])
    let front = Set(ParetoFront.trials(trials, directions: study.directions).map(\.number))
    return trials.compactMap { t in
      guard let v = t.values else { return nil }
      return ParetoPoint(number: t.number, values: v, isBest: front.contains(t.number))
    }
  }
}
