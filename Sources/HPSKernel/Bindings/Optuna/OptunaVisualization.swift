// `optuna.visualization`: Optuna's plot_* functions, drawn by hps's own plot renderers
// (Sources/HPSKernel/Plots). The renderers are shared with `hps.plot`; this file only tells them how
// to find the engine objects inside optuna's script values.
import HPSScript
import HPSSearch

enum OptunaVisualization {
  static let binding = StudyPlotBinding(
    study: { OptunaBridge.study(from: $0) },
    trial: { trial, _ in OptunaBridge.wrap(trial) },
    evaluator: { NativeClass.payload($0, as: OptunaImportance.E.self)?.value })

  static func members() -> [(String, Value)] { StudyPlotFunctions.members() }
}
