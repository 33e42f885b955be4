// Optuna's standard plots (`optuna.visualization.plot_*`) built from HPSSearch's plot data, with
// Optuna's titles, axis names and legends. The `optuna` script module and `hps.plot` call these;
// each returns a Plot that renders as SVG and as a Unicode chart.
import Foundation
import HPSSearch

public enum StudyPlots {
  static func multiObjectiveError(_ function: String) -> PlotError {
    .invalidArgument(
      function: function, argument: "target",
      message: "If the `study` is being used for multi-objective optimization, please specify the `target`.")
  }

  static func label(_ v: ParamValue) -> String { v.stringValue ?? v.description }

  /// The axis for a parameter: log for log distributions, categorical for choices.
  static func axis(_ name: String, _ d: Distribution?) -> Axis {
    guard let d else { return Axis(name) }
    if case .categorical(let c) = d { return Axis(name, categories: c.choices.map(label)) }
    if case .int = d { return Axis(name, scale: d.isLog ? .log : .linear, integerTicks: !d.isLog) }
    return Axis(name, scale: d.isLog ? .log : .linear)
  }

  /// `plot_optimization_history`: each completed trial's value and, without a target, the best so far.
  public static func optimizationHistory(
    _ study: any StudyView, target: ((FrozenTrial) -> Double)? = nil, targetName: String = "Objective Value", logScale: Bool = false
  ) throws -> Plot {
    if study.isMultiObjective && target == nil { throw multiObjectiveError("plot_optimization_history") }
    let history = PlotData.optimizationHistory(study: study, target: target)
    let values = Series(
      targetName, history.map { PlotPoint(Double($0.number), $0.value, tooltip: "Trial \($0.number): \(TickFormat.value($0.value))") },
      style: .markers, colorIndex: 0)
    var series = [values]
    if target == nil {
      series.append(Series("Best Value", history.map { PlotPoint(Double($0.number), $0.bestSoFar) }, style: .line, colorIndex: 3))
    }
    if logScale, let bad = history.first(where: { $0.value <= 0 }) {
      throw PlotError.invalidArgument(
        function: "plot_optimization_history", argument: "log_scale",
        message: "trial \(bad.number) has value \(TickFormat.value(bad.value)); a log scale needs positive values")
    }
    let panel = PlotPanel(
      xAxis: Axis("Trial", integerTicks: true), yAxis: Axis(targetName, scale: logScale ? .log : .linear), series: series)
    return Plot(title: "Optimization History Plot", panels: [panel])
  }

  /// `plot_optimization_history` for several studies (comparing samplers): per study its values
  /// and best-so-far line, named as Optuna names them ("Objective Value of <study>").
  public static func optimizationHistory(
    studies: [any StudyView], target: ((FrozenTrial) -> Double)? = nil, targetName: String = "Objective Value", logScale: Bool = false
  ) throws -> Plot {
    if studies.count == 1 { return try optimizationHistory(studies[0], target: target, targetName: targetName, logScale: logScale) }
    guard !studies.isEmpty else {
      throw PlotError.invalidArgument(function: "plot_optimization_history", argument: "study", message: "no studies given")
    }
    var series: [Series] = []
    for (i, study) in studies.enumerated() {
      if study.isMultiObjective && target == nil { throw multiObjectiveError("plot_optimization_history") }
      let history = PlotData.optimizationHistory(study: study, target: target)
      if logScale, let bad = history.first(where: { $0.value <= 0 }) {
        throw PlotError.invalidArgument(
          function: "plot_optimization_history", argument: "log_scale",
          message: "study '\(study.studyName)' trial \(bad.number) has value \(TickFormat.value(bad.value)); a log scale needs positive values")
      }
      series.append(
        Series(
          "\(targetName) of \(study.studyName)",
          history.map { PlotPoint(Double($0.number), $0.value, tooltip: "\(study.studyName), trial \($0.number): \(TickFormat.value($0.value))") },
          style: .markers, colorIndex: i))
      if target == nil {
        series.append(Series("Best Value of \(study.studyName)", history.map { PlotPoint(Double($0.number), $0.bestSoFar) }, style: .line, colorIndex: i))
      }
    }
    let panel = PlotPanel(xAxis: Axis("Trial", integerTicks: true), yAxis: Axis(targetName, scale: logScale ? .log : .linear), series: series)
    return Plot(title: "Optimization History Plot", panels: [panel])
  }

  /// `plot_param_importances` from computed importances (most important at the top).
  public static func parameterImportances(_ importances: [ParameterImportance], targetName: String = "Objective Value") -> Plot {
    parameterImportances(importances.map { ($0.name, $0.importance) }, targetName: targetName)
  }

  /// `plot_param_importances` from (name, importance) pairs, most important first.
  public static func parameterImportances(_ importances: [(name: String, importance: Double)], targetName: String = "Objective Value") -> Plot {
    let ordered = importances.reversed()  // bottom row = least important
    let names = ordered.map(\.name)
    let points = ordered.enumerated().map { i, p in PlotPoint(p.importance, Double(i), tooltip: "\(p.name): \(TickFormat.value(p.importance))") }
    // Room after the longest bar for its value label.
    let longest = importances.map(\.importance).filter(\.isFinite).max() ?? 1
    let panel = PlotPanel(
      xAxis: Axis("Hyperparameter Importance", range: 0...max(longest * 1.2, 1e-9)), yAxis: Axis("Hyperparameter", categories: names),
      series: [Series(targetName, points, style: .horizontalBars, colorIndex: 0, showInLegend: false)])
    return Plot(title: "Hyperparameter Importances", panels: [panel])
  }

  /// `plot_param_importances`: evaluates importances (fANOVA by default) and plots them.
  public static func parameterImportances(
    _ study: any StudyView, evaluator: ImportanceEvaluator = .default, params: [String]? = nil,
    target: ((FrozenTrial) -> Double)? = nil, targetName: String = "Objective Value"
  ) throws -> Plot {
    let importances = try Importance.evaluate(study: study, evaluator: evaluator, params: params, target: target)
    return parameterImportances(importances, targetName: targetName)
  }

  /// `plot_slice`: one panel per parameter, objective against value, colored by trial number.
  public static func slice(
    _ study: any StudyView, params: [String]? = nil, target: ((FrozenTrial) -> Double)? = nil, targetName: String = "Objective Value"
  ) throws -> Plot {
    if study.isMultiObjective && target == nil { throw multiObjectiveError("plot_slice") }
    try checkParams(params, in: study, function: "plot_slice")
    let panels = PlotData.slice(study: study, params: params, target: target).map { s -> PlotPanel in
      let axis = axis(s.name, s.distribution)
      let points = s.points.compactMap { p -> PlotPoint? in
        let x: Double?
        if case .categorical = s.distribution { x = try? s.distribution.toInternal(p.value, parameter: s.name) } else { x = p.value.doubleValue }
        guard let x else { return nil }
        return PlotPoint(x, p.objective, color: Double(p.number), tooltip: "Trial \(p.number): \(s.name)=\(label(p.value)), \(TickFormat.value(p.objective))")
      }
      return PlotPanel(
        xAxis: axis, yAxis: Axis(targetName),
        series: [Series(targetName, points, style: .markers, usesColorScale: true, showInLegend: false)],
        colorScale: ColorScale("Trial", palette: .viridis))
    }
    return Plot(title: "Slice Plot", panels: panels)
  }

  /// `plot_contour`: for two parameters one panel; for more, one per pair (at most `maxPairs`).
  public static func contour(
    _ study: any StudyView, params: [String]? = nil, target: ((FrozenTrial) -> Double)? = nil,
    targetName: String = "Objective Value", resolution: Int = 40, maxPairs: Int = 15
  ) throws -> Plot {
    if study.isMultiObjective && target == nil { throw multiObjectiveError("plot_contour") }
    try checkParams(params, in: study, function: "plot_contour")
    let completed = study.trials(states: [.complete])
    var distributions: [String: Distribution] = [:]
    for t in completed { for (k, d) in t.distributions where distributions[k] == nil { distributions[k] = d } }
    let names = (params ?? distributions.keys.sorted()).filter { distributions[$0] != nil }
    if let params, params.count < 2 {
      throw PlotError.invalidArgument(function: "plot_contour", argument: "params", message: "needs at least two parameters, got \(params.count)")
    }
    var pairs: [(String, String)] = []
    for i in names.indices { for j in names.indices where j > i { pairs.append((names[i], names[j])) } }
    let minimize = study.direction == .minimize || target != nil
    var panels: [PlotPanel] = []
    for (xName, yName) in pairs.prefix(maxPairs) {
      guard let data = PlotData.contour(study: study, x: xName, y: yName, resolution: resolution, target: target) else { continue }
      let points = data.points.map { PlotPoint($0.x, $0.y, tooltip: "\(xName)=\(TickFormat.value($0.x)), \(yName)=\(TickFormat.value($0.y)): \(TickFormat.value($0.z))") }
      panels.append(
        PlotPanel(
          title: pairs.count > 1 ? "\(xName) × \(yName)" : nil,
          xAxis: axis(xName, distributions[xName]), yAxis: axis(yName, distributions[yName]),
          series: [Series("Trial", points, style: .markers, colorIndex: 7, showInLegend: false)],
          heatmap: Heatmap(xGrid: data.xGrid, yGrid: data.yGrid, z: data.z),
          colorScale: ColorScale(targetName, palette: .blues, reversed: minimize)))
    }
    return Plot(title: "Contour Plot", panels: panels)
  }

  /// `plot_parallel_coordinate`: objective first, then each parameter; lines colored by objective.
  public static func parallelCoordinate(
    _ study: any StudyView, params: [String]? = nil, target: ((FrozenTrial) -> Double)? = nil, targetName: String = "Objective Value"
  ) throws -> Plot {
    if study.isMultiObjective && target == nil { throw multiObjectiveError("plot_parallel_coordinate") }
    try checkParams(params, in: study, function: "plot_parallel_coordinate")
    let data = PlotData.parallelCoordinates(study: study, params: params, target: target, targetName: targetName)
    // PlotData labels choices with repr() ('adam'); Optuna's axes show the bare value.
    func unquoted(_ s: String) -> String { s.count >= 2 && s.hasPrefix("'") && s.hasSuffix("'") ? String(s.dropFirst().dropLast()) : s }
    let axes = data.axes.map { a in Axis(a.name, scale: a.isLog ? .log : .linear, categories: a.tickLabels.map(unquoted)) }
    let minimize = study.direction == .minimize || target != nil
    let layer = ParallelLayer(
      axes: axes, rows: data.lines, colors: data.lines.map { $0.first ?? .nan },
      tooltips: zip(data.trialNumbers, data.lines).map { "Trial \($0): \(TickFormat.value($1.first ?? .nan))" })
    let panel = PlotPanel(
      xAxis: Axis(""), yAxis: Axis(""), parallel: layer, colorScale: ColorScale(targetName, palette: .blues, reversed: minimize))
    return Plot(title: "Parallel Coordinate Plot", panels: [panel])
  }

  /// `plot_pareto_front`: every pair of objectives; best (non-dominated) trials highlighted.
  public static func paretoFront(
    _ study: any StudyView, targetNames: [String]? = nil, includeDominatedTrials: Bool = true
  ) throws -> Plot {
    let count = study.directions.count
    guard count >= 2 else {
      throw PlotError.invalidArgument(function: "plot_pareto_front", argument: "study", message: "`plot_pareto_front` needs a multi-objective study")
    }
    if let targetNames, targetNames.count != count {
      throw PlotError.invalidArgument(
        function: "plot_pareto_front", argument: "target_names",
        message: "The length of `target_names` (\(targetNames.count)) must be the number of objectives (\(count)).")
    }
    let names = targetNames ?? (0..<count).map { "Objective \($0)" }
    let points = PlotData.paretoFront(study: study)
    var panels: [PlotPanel] = []
    for i in 0..<count {
      for j in (i + 1)..<count {
        func series(_ name: String, best: Bool, color: Int) -> Series {
          Series(
            name,
            points.filter { $0.isBest == best }.map {
              PlotPoint($0.values[i], $0.values[j], tooltip: "Trial \($0.number): " + $0.values.map(TickFormat.value).joined(separator: ", "))
            }, style: .markers, colorIndex: color)
        }
        var list: [Series] = []
        if includeDominatedTrials { list.append(series("Trial", best: false, color: 7)) }
        list.append(series("Best Trial", best: true, color: 3))
        panels.append(PlotPanel(xAxis: Axis(names[i]), yAxis: Axis(names[j]), series: list))
      }
    }
    return Plot(title: "Pareto-front Plot", panels: panels)
  }

  /// `plot_intermediate_values`: each trial's reported curve; pruned trials dashed with a cross.
  public static func intermediateValues(_ study: any StudyView, logScale: Bool = false) throws -> Plot {
    let curves = PlotData.intermediateValues(study: study)
    if logScale, let bad = curves.first(where: { $0.values.contains { $0 <= 0 } }) {
      throw PlotError.invalidArgument(
        function: "plot_intermediate_values", argument: "log_scale", message: "trial \(bad.number) reported a value ≤ 0; a log scale needs positive values")
    }
    let series = curves.map { c -> Series in
      let pruned = c.state == .pruned
      return Series(
        pruned ? "Trial\(c.number) (pruned)" : "Trial\(c.number)",
        zip(c.steps, c.values).map { PlotPoint(Double($0), $1, tooltip: "Trial \(c.number), step \($0): \(TickFormat.value($1))") },
        style: pruned ? .truncatedLine : .lineAndMarkers, colorIndex: c.number)
    }
    let panel = PlotPanel(
      xAxis: Axis("Step", integerTicks: true), yAxis: Axis("Intermediate Value", scale: logScale ? .log : .linear), series: series)
    return Plot(title: "Intermediate Values Plot", panels: [panel])
  }

  /// Optuna raises for parameters no completed trial has; so do we, naming them.
  static func checkParams(_ params: [String]?, in study: any StudyView, function: String) throws {
    guard let params else { return }
    let known = Set(study.trials(states: [.complete]).flatMap(\.params.keys))
    let missing = params.filter { !known.contains($0) }
    if !missing.isEmpty {
      throw PlotError.invalidArgument(
        function: function, argument: "params", message: "Parameter \(missing.map { "'\($0)'" }.joined(separator: ", ")) does not exist in your study.")
    }
  }
}
