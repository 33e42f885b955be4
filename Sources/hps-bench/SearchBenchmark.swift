// `hps-bench search`: the README's main-job search (digits MLP, TPE, median pruning, 30 trials) run
// by hps (Trainer.hyperparameter_search from a script), by Optuna + PyTorch and by Optuna +
// scikit-learn from a venv, in one run, on the same train/test rows. Prints wall-clock (the search
// call alone) and the best objective for each.
import ArgumentParser
import Foundation

struct SearchBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search", abstract: "Time a 30-trial hyperparameter search: hps against Optuna + PyTorch and Optuna + scikit-learn.")

  @Flag(help: "Print one JSON object instead of a table.") var json = false
  @Option(help: "Python with optuna, torch and scikit-learn (default: .venv-bench/bin/python if present, else python3).")
  var python: String?
  @Option(help: "Trials per search.") var trials = 30
  @Option(help: "Runs per stack; the fastest is reported (the machine is shared, so runs vary).") var repeats = 1
  @Flag(help: "Also run Transformers' Trainer.hyperparameter_search (needs transformers and accelerate in the venv).")
  var withTransformers = false

  func run() throws {
    guard trials >= 1, repeats >= 1 else { throw ValidationError("--trials and --repeats must be >= 1") }
    let root = BenchSupport.packageRoot()
    let hps = BenchSupport.siblingExecutable("hps").path
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hps-bench-search-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = root.appendingPathComponent("bench/search/hps_search.hps").path
    let venvPython = root.appendingPathComponent(".venv-bench/bin/python").path
    let py = python ?? (FileManager.default.isExecutableFile(atPath: venvPython) ? venvPython : "/usr/bin/python3")

    var results: [(String, SearchResult)] = []
    // hps first: it writes the split the peers read.
    results.append(("hps", try best(of: repeats) { try SearchBenchmarkRunner.run(hps, ["run", script, dir.path, String(trials)]) }))
    // Both cores: two trials at once (n_jobs=2). The peers gain nothing from a second thread on
    // these small GEMMs (../shared/reference/peer-hf-search.md), so they run with one.
    results.append(("hps_n_jobs_2", try best(of: repeats) {
      try SearchBenchmarkRunner.run(hps, ["run", script, dir.path, String(trials), "2"])
    }))
    var peers = [("optuna_torch", "peer_optuna_torch.py"), ("optuna_sklearn", "peer_optuna_sklearn.py")]
    if withTransformers { peers.append(("hf_trainer", "peer_hf_trainer.py")) }
    for (name, file) in peers {
      let path = root.appendingPathComponent("bench/search/\(file)").path
      do {
        results.append((name, try best(of: repeats) { try SearchBenchmarkRunner.run(py, [path, dir.path, String(trials)]) }))
      } catch {
        results.append((name, SearchResult(error: "\(error)")))
      }
    }
    if json {
      print(SearchBenchmarkReport.json(results))
    } else {
      print(SearchBenchmarkReport.table(results, trials: trials, python: py))
    }
  }

  private func best(of n: Int, _ body: () throws -> SearchResult) throws -> SearchResult {
    var best: SearchResult?
    for _ in 0..<n {
      let r = try body()
      if best == nil || r.wallSeconds < best!.wallSeconds { best = r }
    }
    return best!
  }
}
