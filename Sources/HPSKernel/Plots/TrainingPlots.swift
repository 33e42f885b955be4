// Training curves from a Trainer's `log_history` (a list of metric dicts, as Transformers writes
// it) or from plain (step, value) series, so plotting does not depend on the trainer binding.
import Foundation

public enum TrainingPlots {
  /// Keys of log_history entries that are bookkeeping, not curves.
  static let bookkeeping: Set<String> = [
    "step", "epoch", "total_flos", "train_runtime", "train_samples_per_second", "train_steps_per_second",
    "eval_runtime", "eval_samples_per_second", "eval_steps_per_second", "learning_rate", "grad_norm",
  ]

  /// One panel of named (step, value) series drawn as lines with markers.
  public static func curves(
    _ series: [(name: String, points: [(Double, Double)])], title: String = "Training Curves", xLabel: String = "Step",
    yLabel: String = "Value", logScale: Bool = false, firstColor: Int = 0
  ) throws -> Plot {
    if logScale {
      for s in series {
        if let bad = s.points.first(where: { $0.1 <= 0 }) {
          throw PlotError.invalidArgument(
            function: "plot_training_curves", argument: "log_scale",
            message: "'\(s.name)' has value \(TickFormat.value(bad.1)) at step \(TickFormat.value(bad.0)); a log scale needs positive values")
        }
      }
    }
    let list = series.enumerated().map { i, s in
      Series(s.name, s.points.map { PlotPoint($0.0, $0.1, tooltip: "\(s.name) at \(TickFormat.value($0.0)): \(TickFormat.value($0.1))") },
        style: s.points.count > 40 ? .line : .lineAndMarkers, colorIndex: firstColor + i)
    }
    // Steps are whole numbers; epochs may not be.
    let wholeX = series.allSatisfy { $0.points.allSatisfy { $0.0 == $0.0.rounded() } }
    let panel = PlotPanel(xAxis: Axis(xLabel, integerTicks: wholeX), yAxis: Axis(yLabel, scale: logScale ? .log : .linear), series: list)
    return Plot(title: title, panels: [panel])
  }

  /// Curves from log_history entries: by default the losses in one panel and the other evaluation
  /// metrics in a second; `metrics` picks keys for a single panel. `x` is the step key ("step" or "epoch").
  public static func logHistory(
    _ history: [[String: Double]], metrics: [String]? = nil, x: String = "step", logScale: Bool = false,
    title: String = "Training Curves"
  ) throws -> Plot {
    guard !history.isEmpty else {
      throw PlotError.invalidArgument(function: "plot_training_curves", argument: "log_history", message: "is empty; train first (trainer.train())")
    }
    var order: [String] = []
    for entry in history { for key in entry.keys.sorted() where !order.contains(key) { order.append(key) } }
    func series(_ key: String) -> (name: String, points: [(Double, Double)]) {
      (key, history.enumerated().compactMap { i, e in
        guard let v = e[key], v.isFinite else { return nil }
        return (e[x] ?? Double(i), v)
      })
    }
    let xLabel = x == "epoch" ? "Epoch" : "Step"
    if let metrics {
      let unknown = metrics.filter { !order.contains($0) }
      if !unknown.isEmpty {
        throw PlotError.invalidArgument(
          function: "plot_training_curves", argument: "metrics",
          message: "no entry has \(unknown.map { "'\($0)'" }.joined(separator: ", ")); available: \(order.filter { !bookkeeping.contains($0) }.joined(separator: ", "))")
      }
      return try curves(metrics.map(series), title: title, xLabel: xLabel, yLabel: metrics.count == 1 ? metrics[0] : "Value", logScale: logScale)
    }
    let curvesKeys = order.filter { !bookkeeping.contains($0) && $0 != x }
    let losses = curvesKeys.filter { $0.hasSuffix("loss") }
    let others = curvesKeys.filter { !$0.hasSuffix("loss") }
    var panels: [PlotPanel] = []
    if !losses.isEmpty {
      panels += try curves(losses.map(series), xLabel: xLabel, yLabel: losses.count == 1 ? losses[0] : "Loss", logScale: logScale).panels
    }
    if !others.isEmpty {
      panels += try curves(others.map(series), xLabel: xLabel, yLabel: others.count == 1 ? others[0] : "Metric", firstColor: losses.count).panels
    }
    guard !panels.isEmpty else {
      throw PlotError.invalidArgument(function: "plot_training_curves", argument: "log_history", message: "has no metric values to plot")
    }
    return Plot(title: title, panels: panels, columns: panels.count)
  }
}
