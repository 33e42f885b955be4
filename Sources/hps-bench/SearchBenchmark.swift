// `hps-bench search`: the README's main-job search (digits MLP, TPE, median pruning, 30 trials) run
// by hps (Trainer.hyperparameter_search from a script), by Optuna + PyTorch and by Optuna +
// scikit-learn from a venv, in one run, on the same train/test rows. Prints wall-clock (the search
// call alone) and the best objective for each.
//
// Each stack runs in the configuration that is fastest on the machine: hps trains one trial per
// core (n_jobs = cores); Optuna + PyTorch is run with torch threads 1 and 2 and with Optuna's
// n_jobs = 2, and its fastest is the `optuna_torch` row (the others stay as extra rows).
import ArgumentParser
import Foundation

struct SearchBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search", abstract: "Time a 30-trial hyperparameter search: hps against Optuna + PyTorch and Optuna + scikit-learn.")

  @Flag(help: "Print one JSON object instead of a table.") var json = false
  @Option(help: "Python with optuna, torch and scikit-learn (default: .venv-bench/bin/python if present, else python3).")
  var python: String?
  @Option(help: "Trials per search.") var trials = 30
  @Option(help: "Runs per configuration, interleaved across stacks; the fastest is reported, and with more than one run the medians too (the machine is shared, and parallel runs draw their trajectory anew, so runs vary).")
  var repeats = 1
  @Option(help: "hps's parallel trials for the `hps` row (default: one per core).") var hpsJobs: Int?
  @Flag(help: "Also run Transformers' Trainer.hyperparameter_search (needs transformers and accelerate in the venv).")
  var withTransformers = false

  func run() throws {
    guard trials >= 1, repeats >= 1 else { throw ValidationError("--trials and --repeats must be >= 1") }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let jobs = hpsJobs ?? cores
    guard jobs >= 1 else { throw ValidationError("--hps-jobs must be >= 1") }
    let root = BenchSupport.packageRoot()
    let hps = BenchSupport.siblingExecutable("hps").path
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hps-bench-search-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = root.appendingPathComponent("bench/search/hps_search.hps").path
    let venvPython = root.appendingPathComponent(".venv-bench/bin/python").path
    let py = python ?? (FileManager.default.isExecutableFile(atPath: venvPython) ? venvPython : "/usr/bin/python3")
    func peer(_ file: String, _ options: [String]) -> () throws -> SearchResult {
      let path = root.appendingPathComponent("bench/search/\(file)").path
      return { try SearchBenchmarkRunner.run(py, [path, dir.path, String(trials)] + options) }
    }

    // hps first: it writes the split the peers read.
    var stacks: [SearchStack] = [
      SearchStack(name: "hps", config: "n_jobs=\(jobs)") {
        try SearchBenchmarkRunner.run(hps, ["run", script, dir.path, String(trials), String(jobs)])
      },
    ]
    if jobs != 1 {
      stacks.append(SearchStack(name: "hps_n_jobs_1", config: "n_jobs=1") {
        try SearchBenchmarkRunner.run(hps, ["run", script, dir.path, String(trials), "1"])
      })
    }
    stacks.append(SearchStack(name: "optuna_torch_threads_1", config: "torch threads 1", peer("peer_optuna_torch.py", ["--threads", "1"])))
    if cores >= 2 {
      stacks.append(SearchStack(name: "optuna_torch_threads_2", config: "torch threads 2", peer("peer_optuna_torch.py", ["--threads", "2"])))
      stacks.append(SearchStack(name: "optuna_torch_n_jobs_2", config: "torch threads 1, n_jobs=2",
                                peer("peer_optuna_torch.py", ["--threads", "1", "--n-jobs", "2"])))
    }
    stacks.append(SearchStack(name: "optuna_torch_cold", config: "threads 1, no warm-up",
                              peer("peer_optuna_torch.py", ["--threads", "1", "--cold"])))
    stacks.append(SearchStack(name: "optuna_sklearn", config: "threads 1", peer("peer_optuna_sklearn.py", [])))
    if withTransformers {
      stacks.append(SearchStack(name: "hf_trainer", config: "torch threads 1", peer("peer_hf_trainer.py", [])))
    }

    // Repeats are interleaved (every stack once, then again) so a burst of load from other jobs
    // does not land on one stack's runs only.
    for _ in 0..<repeats {
      for i in stacks.indices { stacks[i].runOnce() }
      if stacks[0].best == nil, let e = stacks[0].lastError { throw e }
    }
    var results = stacks.map { ($0.name, $0.result) }
    // The peer's headline row is its fastest configuration (warm: the cold row only shows what
    // the one-off import costs).
    let torchRows = results.filter { $0.0.hasPrefix("optuna_torch_") && $0.0 != "optuna_torch_cold" && $0.1.error == nil }
    if var fastest = torchRows.min(by: { $0.1.wallSeconds < $1.1.wallSeconds })?.1 {
      fastest.config = "fastest: " + fastest.config
      let at = results.firstIndex { $0.0.hasPrefix("optuna_torch_") } ?? results.count
      results.insert(("optuna_torch", fastest), at: at)
    } else {
      results.append(("optuna_torch", torchRows.first?.1 ?? SearchResult(error: "no configuration of the Optuna + PyTorch peer ran")))
    }
    if json {
      print(SearchBenchmarkReport.json(results))
    } else {
      print(SearchBenchmarkReport.table(results, trials: trials, python: py))
    }
  }
}

/// One stack in one configuration, the fastest of its runs so far, and every run's wall and best
/// objective (for the medians).
struct SearchStack {
  let name: String
  let config: String
  let body: () throws -> SearchResult
  var best: SearchResult?
  var lastError: Error?
  var walls: [Double] = []
  var objectives: [Double] = []

  init(name: String, config: String, _ body: @escaping () throws -> SearchResult) {
    self.name = name
    self.config = config
    self.body = body
  }

  mutating func runOnce() {
    do {
      var r = try body()
      r.config = config
      walls.append(r.wallSeconds)
      objectives.append(r.bestObjective)
      if best == nil || r.wallSeconds < best!.wallSeconds { best = r }
    } catch {
      lastError = error
    }
  }

  var result: SearchResult {
    if var best {
      best.runs = walls.count
      best.medianWallSeconds = BenchSupport.median(walls)
      best.medianBestObjective = BenchSupport.median(objectives)
      return best
    }
    var r = SearchResult(error: lastError.map { "\($0)" } ?? "did not run")
    r.config = config
    return r
  }

}
