// Running one search stack as a child process, and printing the comparison.
import Foundation

struct SearchResult {
  var wallSeconds = Double.nan
  var bestObjective = Double.nan
  var pruned = 0
  var bestParams = ""
  var error: String?
  /// How the stack was run (threads, n_jobs), set by the benchmark.
  var config = ""
  /// Over all of the stack's runs (set by the benchmark).
  var runs = 1
  var medianWallSeconds = Double.nan
  var medianBestObjective = Double.nan
}

enum SearchBenchmarkRunner {
  /// Runs a stack; its last stdout line is `{"wall_s", "best_objective", "pruned", "best_params"}`.
  static func run(_ executable: String, _ arguments: [String]) throws -> SearchResult {
    let json = try TrainerBenchmarkRunner.runJSON(executable, arguments)
    func d(_ k: String) -> Double { (json[k] as? NSNumber)?.doubleValue ?? .nan }
    var params = ""
    if let p = json["best_params"], let data = try? JSONSerialization.data(withJSONObject: p, options: [.sortedKeys]) {
      params = String(decoding: data, as: UTF8.self)
    }
    return SearchResult(wallSeconds: d("wall_s"), bestObjective: d("best_objective"),
                        pruned: (json["pruned"] as? NSNumber)?.intValue ?? 0, bestParams: params)
  }
}

enum SearchBenchmarkReport {
  static func json(_ results: [(String, SearchResult)]) -> String {
    BenchSupport.json(results.map { (name, r) -> (String, Any) in
      if let e = r.error {
        return (name, [("wall_s", Double.nan), ("best_objective", Double.nan), ("error", e)] as [(String, Any)])
      }
      return (name, [("wall_s", r.wallSeconds), ("best_objective", r.bestObjective), ("pruned", r.pruned),
                     ("config", r.config), ("runs", r.runs), ("median_wall_s", r.medianWallSeconds),
                     ("median_best_objective", r.medianBestObjective)] as [(String, Any)])
    })
  }

  static func table(_ results: [(String, SearchResult)], trials: Int, python: String) -> String {
    var lines = ["hyperparameter search: digits, MLP 64-128-128-10, TPE(seed=0) + median pruning, \(trials) trials, 3 epochs",
                 "stack                    wall (s)   best eval_loss   pruned   vs hps   median: wall  best eval_loss   config                               best params"]
    let hps = results.first { $0.0 == "hps" }?.1
    let hpsWall = hps?.wallSeconds ?? .nan
    for (name, r) in results {
      let label = name.padding(toLength: 25, withPad: " ", startingAt: 0)
      if let e = r.error {
        lines.append(label + "unavailable: " + (e.split(separator: "\n").last.map(String.init) ?? e))
        continue
      }
      let ratio = String(format: "%.1fx", r.wallSeconds / hpsWall)
      lines.append(label + String(format: "%8.2f   %14.4f   %6d   ", r.wallSeconds, r.bestObjective, r.pruned)
        + ratio.padding(toLength: 9, withPad: " ", startingAt: 0)
        + String(format: "%12.2f  %14.4f   ", r.medianWallSeconds, r.medianBestObjective)
        + r.config.padding(toLength: 37, withPad: " ", startingAt: 0) + r.bestParams)
    }
    if let torch = results.first(where: { $0.0 == "optuna_torch" })?.1, torch.error == nil {
      lines.append(String(format: "hps is %.1fx faster than Optuna + PyTorch in its fastest configuration", torch.wallSeconds / hpsWall))
      // The configuration with the lowest median may not be the one with the fastest single run.
      let warm = results.filter { $0.0.hasPrefix("optuna_torch_") && $0.0 != "optuna_torch_cold" && $0.1.error == nil }
      if let hps, hps.runs > 1, let steady = warm.min(by: { $0.1.medianWallSeconds < $1.1.medianWallSeconds })?.1 {
        lines.append("medians of \(hps.runs) runs each: "
          + String(format: "%.1fx faster than Optuna + PyTorch in its best configuration by median", steady.medianWallSeconds / hps.medianWallSeconds)
          + " (\(steady.config)), "
          + String(format: "best eval_loss %.4f (hps) vs %.4f", hps.medianBestObjective, steady.medianBestObjective))
      }
    }
    lines.append("(wall = the search call alone, imports, data preparation and the torch peer's warm-up excluded; peers run with \(python);")
    lines.append(" vs hps = wall / hps's wall; wall, best eval_loss and pruned are the fastest run's; runs with n_jobs > 1 finish trials in a")
    lines.append(" timing-dependent order, so their trajectory varies run to run and the medians are the steadier comparison)")
    return lines.joined(separator: "\n")
  }
}
