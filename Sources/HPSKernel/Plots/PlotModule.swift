// The `hps.plot` script module: training curves, plain series, the Figure class, and Optuna's
// study plots under their Optuna names (working once the optuna module installs its
// StudyPlotBinding).
import Foundation
import HPSScript

enum PlotModule {
  static let module = NativeModule(
    "hps.plot", doc: "Plots drawn by hps: SVG in notebooks, Unicode charts in terminals. Every function returns a Figure."
  ) { _ in
    [
      ("Figure", PlotValue.figureClass.value),
      ("training_curves", .object(trainingCurves)),
      ("curves", .object(curves)),
    ] + StudyPlotFunctions.members()
  }

  static func number(_ v: Value, _ vm: VM, _ context: String) throws -> Double {
    guard let d = v.asDouble else { throw vm.error("TypeError", "\(context) must be a number, not \(v.typeName)") }
    return d
  }

  /// `[(x, y), ...]` or `[y0, y1, ...]` (x = 0, 1, ...).
  static func points(_ v: Value, _ vm: VM, _ name: String) throws -> [(Double, Double)] {
    guard let items = v.asArray else { throw vm.error("TypeError", "series '\(name)' must be a list of (step, value) pairs or values, not \(v.typeName)") }
    return try items.enumerated().map { i, item in
      if let pair = item.asArray {
        guard pair.count == 2 else { throw vm.error("ValueError", "series '\(name)' item \(i) must be a (step, value) pair, got \(pair.count) items") }
        return (try number(pair[0], vm, "series '\(name)' item \(i) step"), try number(pair[1], vm, "series '\(name)' item \(i) value"))
      }
      return (Double(i), try number(item, vm, "series '\(name)' item \(i)"))
    }
  }

  static func series(_ v: Value, _ vm: VM) throws -> [(name: String, points: [(Double, Double)])] {
    guard case .dict = v else { throw vm.error("TypeError", "series must be a dict of name → list of (step, value), not \(v.typeName)") }
    return try vm.dictItems(v).map { k, item in
      let name = (try? vm.str(k)) ?? "?"
      return (name, try points(item, vm, name))
    }
  }

  static func run(_ vm: VM, _ body: () throws -> Plot) throws -> Value { try PlotValue.make(vm: vm, body) }

  static let curves = NativeFunction(
    "curves",
    Signature([
      .init("series"), .init("title", default: .str("Training Curves")), .init("xlabel", default: .str("Step")),
      .init("ylabel", default: .str("Value")), .init("log_scale", default: .bool(false)),
    ]),
    doc: "Line plot of named series: {'loss': [(step, value), ...], ...} (or plain value lists)."
  ) { vm, a in
    let s = try series(a["series"], vm)
    return try run(vm) {
      try TrainingPlots.curves(
        s, title: a["title"].asString ?? "Training Curves", xLabel: a["xlabel"].asString ?? "Step", yLabel: a["ylabel"].asString ?? "Value",
        logScale: a["log_scale"].asBool ?? false)
    }
  }

  static let trainingCurves = NativeFunction(
    "training_curves",
    Signature([
      .init("log_history"), .init("metrics", default: Value.none), .init("x", default: .str("step")),
      .init("log_scale", default: .bool(false)), .init("title", default: .str("Training Curves")),
    ]),
    doc: """
      Training curves from trainer.state.log_history (a list of metric dicts): losses in one panel, other eval
      metrics in another; metrics=['eval_loss', ...] picks keys. Also accepts {'name': [(step, value), ...]}.
      """
  ) { vm, a in
    let title = a["title"].asString ?? "Training Curves"
    let logScale = a["log_scale"].asBool ?? false
    if case .dict = a["log_history"] {
      let s = try series(a["log_history"], vm)
      return try run(vm) { try TrainingPlots.curves(s, title: title, logScale: logScale) }
    }
    guard let entries = a["log_history"].asArray else {
      throw vm.error("TypeError", "log_history must be a list of dicts (trainer.state.log_history), not \(a["log_history"].typeName)")
    }
    var history: [[String: Double]] = []
    for (i, entry) in entries.enumerated() {
      guard case .dict = entry else { throw vm.error("TypeError", "log_history[\(i)] must be a dict, not \(entry.typeName)") }
      var row: [String: Double] = [:]
      for (k, v) in try vm.dictItems(entry) {
        guard let key = k.asString else { continue }
        if let d = v.asDouble { row[key] = d }  // strings and lists in log entries are not curves
      }
      history.append(row)
    }
    var metrics: [String]?
    if !a["metrics"].isNone {
      guard let list = a["metrics"].asArray else { throw vm.error("TypeError", "metrics must be a list of str, not \(a["metrics"].typeName)") }
      metrics = try list.map {
        guard let s = $0.asString else { throw vm.error("TypeError", "metrics must contain str, not \($0.typeName)") }
        return s
      }
    }
    guard let x = a["x"].asString else { throw vm.error("TypeError", "x must be a str, not \(a["x"].typeName)") }
    return try run(vm) { try TrainingPlots.logHistory(history, metrics: metrics, x: x, logScale: logScale, title: title) }
  }
}
