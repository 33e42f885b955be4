// `hps-bench sampler`: hps's samplers and W&B dialect against the real peers (Optuna's TPE, GP,
// CMA-ES and Random; W&B sweeps' bayes and random; Ray Tune's random, run by
// bench/sampler/peers.py in a venv) on six functions, over
// seeds × trials, reporting the median best value after 10/25/50/100 trials and the median CPU
// time per suggestion, plus TPE's cost per suggestion at trial 1000 against Optuna's.
import ArgumentParser
import Foundation
import HPSSearch

struct SamplerBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sampler", abstract: "Time the samplers against Optuna and W&B sweeps.")

  @Flag(help: "Print one JSON object instead of a table.") var json = false
  @Option(help: "Seeds per (function, method).") var seeds = 10
  @Option(help: "Trials per run.") var trials = 100
  @Flag(help: "A few-minute run: 3 seeds, 1000-trial overhead run kept, Optuna GP on 1 seed.") var quick = false
  @Option(help: "Python with optuna/sweeps (default: .venv-bench/bin/python if present, else python3).") var python: String?
  @Option(help: "Comma-separated functions (default: all six).") var functions: String?
  @Option(help: "Comma-separated methods (default: all fourteen; hps_wandb_* are the W&B dialect, ray_random needs ray[tune]).") var methods: String?
  @Option(help: "Reuse a peers.py JSON output instead of running the peers.") var peerResults: String?
  @Option(help: "Trials of the TPE overhead run (the issue's number: 1000).") var overheadTrials = 1000
  @Option(help: "Runs of the TPE overhead measurement per side, alternated; the median is reported (one Python run varies by ±20%).")
  var overheadRepeats = 3
  @Option(help: "Also write the --json object to this file (with the table on stdout).") var jsonOut: String?

  static let hpsMethods = ["hps_tpe", "hps_gp", "hps_auto", "hps_cmaes", "hps_random"] + wandbMethods
  static let peerMethods = ["optuna_tpe", "optuna_gp", "optuna_cmaes", "optuna_random", "sweeps_bayes", "sweeps_random", "ray_random"]
  static let checkpoints = [10, 25, 50, 100]

  struct Run { var best: [Double]; var seconds: [Double] }

  func run() throws {
    let seedCount = quick ? min(seeds, 3) : seeds
    guard seedCount >= 1, trials >= 1, overheadTrials >= 1, overheadRepeats >= 1 else {
      throw ValidationError("--seeds, --trials, --overhead-trials and --overhead-repeats must be at least 1")
    }
    let allFunctions = try SamplerFunctions.all()
    let chosenFunctions = try functions.map { list in
      try list.split(separator: ",").map { name in
        guard let f = allFunctions.first(where: { $0.name == name }) else {
          throw ValidationError("unknown function '\(name)'; known: \(allFunctions.map(\.name).joined(separator: ", "))")
        }
        return f
      }
    } ?? allFunctions
    let chosenMethods = methods.map { $0.split(separator: ",").map(String.init) } ?? (Self.hpsMethods + Self.peerMethods)
    for m in chosenMethods where !(Self.hpsMethods + Self.peerMethods).contains(m) {
      throw ValidationError("unknown method '\(m)'")
    }

    var results: [String: [String: [Run]]] = [:]
    for f in chosenFunctions {
      for m in chosenMethods where Self.hpsMethods.contains(m) {
        if m == "hps_cmaes" && f.space.contains(where: { if case .categorical = $0.distribution { return true } else { return false } }) { continue }
        var runs: [Run] = []
        for seed in 0..<seedCount where Self.wandbMethods.contains(m) {
          runs.append(try Self.runWandb(m, f, seed: seed, trials: trials))
        }
        for seed in 0..<seedCount where !Self.wandbMethods.contains(m) {
          let records = try SamplerLoop.run(sampler: try Self.makeSampler(m, seed: seed), space: f.space, nTrials: trials) { [f.evaluate($0)] }
          var current = Double.infinity
          runs.append(Run(best: records.map { current = min(current, $0.values[0]); return current }, seconds: records.map(\.samplerSeconds)))
        }
        results[f.name, default: [:]][m] = runs
        log("hps: \(f.name) \(m) done")
      }
    }

    let peersWanted = chosenMethods.filter { Self.peerMethods.contains($0) }
    let py = python ?? (FileManager.default.fileExists(atPath: ".venv-bench/bin/python") ? ".venv-bench/bin/python" : "python3")
    if !peersWanted.isEmpty {
      let peerJSON: Data
      if let peerResults {
        peerJSON = try Data(contentsOf: URL(fileURLWithPath: peerResults))
      } else {
        var peers = peersWanted
        var extra: [String: [String: [Run]]] = [:]
        if quick, peers.contains("optuna_gp") {
          // Optuna's GP costs ~0.1 s per suggestion: one seed keeps --quick quick.
          peers.removeAll { $0 == "optuna_gp" }
          extra = try runPeers(py, functions: chosenFunctions.map(\.name), methods: ["optuna_gp"], seeds: 1)
        }
        peerJSON = try runPeersRaw(py, functions: chosenFunctions.map(\.name), methods: peers, seeds: seedCount)
        for (f, byMethod) in extra { for (m, runs) in byMethod { results[f, default: [:]][m] = runs } }
      }
      for (f, byMethod) in try Self.decodePeers(peerJSON) where chosenFunctions.contains(where: { $0.name == f }) {
        for (m, runs) in byMethod where peersWanted.contains(m) { results[f, default: [:]][m] = runs }
      }
    }
    // TPE at trial `overheadTrials` of the same study (rosenbrock5, seed 0) on both sides, the
    // runs alternated so that a burst of load from elsewhere does not land on one side only.
    let rosen = try SamplerFunctions.all()[2]
    var hpsAt: [Double] = [], optunaAt: [Double] = []
    for _ in 0..<overheadRepeats {
      let records = try SamplerLoop.run(sampler: TPESampler(seed: 0), space: rosen.space, nTrials: overheadTrials) { [rosen.evaluate($0)] }
      hpsAt.append(Self.windowMedian(records.map(\.samplerSeconds)))
      if peersWanted.contains("optuna_tpe") {
        let data = try runProcess(py, ["bench/sampler/peers.py", "overhead", "--trials", String(overheadTrials)])
        if let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any], let s = obj["seconds"] as? [Double] {
          optunaAt.append(Self.windowMedian(s))
        }
      }
    }
    let hpsOverhead = BenchSupport.median(hpsAt)
    let optunaOverhead: Double? = optunaAt.isEmpty ? nil : BenchSupport.median(optunaAt)

    let report = Self.jsonReport(results, functions: chosenFunctions.map(\.name), hpsOverhead: hpsOverhead, optunaOverhead: optunaOverhead)
    if let jsonOut { try Data((report + "\n").utf8).write(to: URL(fileURLWithPath: jsonOut)) }
    if json {
      print(report)
    } else {
      print(Self.tableReport(results, functions: chosenFunctions, seeds: seedCount, trials: trials,
                             hpsOverhead: hpsOverhead, optunaOverhead: optunaOverhead, overheadTrials: overheadTrials,
                             overheadRepeats: overheadRepeats))
    }
  }

  static func makeSampler(_ method: String, seed: Int) throws -> any Sampler {
    switch method {
    case "hps_tpe": return try TPESampler(seed: seed)
    case "hps_gp": return try GPSampler(seed: seed)
    case "hps_auto": return try AutoSampler(seed: seed)
    case "hps_cmaes": return try CmaEsSampler(seed: seed)
    default: return RandomSampler(seed: seed)
    }
  }

  /// Median of the last 21 suggestions (the cost "at" the end of the run, damped for noise).
  static func windowMedian(_ xs: [Double]) -> Double { BenchSupport.median(Array(xs.suffix(21))) }


  static func bestAfter(_ runs: [Run], _ k: Int) -> Double? {
    let vals = runs.compactMap { $0.best.count >= k ? $0.best[k - 1] : nil }
    return vals.isEmpty ? nil : BenchSupport.median(vals)
  }

  static func secondsPerSuggestion(_ runs: [Run]) -> Double {
    BenchSupport.median(runs.map { $0.seconds.reduce(0, +) / Double(max($0.seconds.count, 1)) })
  }

  // MARK: Peers

  func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

  func runPeersRaw(_ py: String, functions: [String], methods: [String], seeds: Int) throws -> Data {
    guard !methods.isEmpty else { return Data(#"{"results": {}}"#.utf8) }
    return try runProcess(py, ["bench/sampler/peers.py", "run", "--functions", functions.joined(separator: ","),
                               "--methods", methods.joined(separator: ","), "--seeds", String(seeds), "--trials", String(trials)])
  }

  func runPeers(_ py: String, functions: [String], methods: [String], seeds: Int) throws -> [String: [String: [Run]]] {
    try Self.decodePeers(try runPeersRaw(py, functions: functions, methods: methods, seeds: seeds))
  }

  func runProcess(_ executable: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.standardError
    do { try process.run() } catch {
      throw ValidationError("could not start \(executable): \(error). Create the venv: python3 -m venv .venv-bench && .venv-bench/bin/pip install -r bench/sampler/requirements.txt")
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw ValidationError("\(executable) \(arguments.prefix(2).joined(separator: " ")) failed with status \(process.terminationStatus) (is optuna installed? pip install -r bench/sampler/requirements.txt)")
    }
    return data
  }

  static func decodePeers(_ data: Data) throws -> [String: [String: [Run]]] {
    guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any],
          let results = obj["results"] as? [String: [String: [[String: [Double]]]]] else {
      throw ValidationError("peer results are not the JSON peers.py prints")
    }
    return results.mapValues { byMethod in
      byMethod.mapValues { runs in runs.map { Run(best: $0["best"] ?? [], seconds: $0["seconds"] ?? []) } }
    }
  }

  // MARK: Reports

  static func jsonReport(_ results: [String: [String: [Run]]], functions: [String], hpsOverhead: Double, optunaOverhead: Double?) -> String {
    func num(_ x: Double?) -> String {
      guard let x, x.isFinite else { return "null" }
      return "\(x)"
    }
    var parts: [String] = []
    for f in functions {
      guard let byMethod = results[f] else { continue }
      var methodParts: [String] = []
      for m in hpsMethods + peerMethods {
        guard let runs = byMethod[m] else { continue }
        let best = checkpoints.map { "\"\($0)\": \(num(bestAfter(runs, $0)))" }.joined(separator: ", ")
        methodParts.append("\"\(m)\": {\"best_after\": {\(best)}, \"seconds_per_suggestion\": \(num(secondsPerSuggestion(runs))), \"seconds_at_end\": \(num(BenchSupport.median(runs.map { windowMedian($0.seconds) })))}")
      }
      parts.append("\"\(f)\": {\(methodParts.joined(separator: ", "))}")
    }
    let ratio = optunaOverhead.map { $0 / hpsOverhead }
    return "{\"functions\": {\(parts.joined(separator: ", "))}, \"overhead_at_1000\": {\"hps_tpe_s\": \(num(hpsOverhead)), \"optuna_tpe_s\": \(num(optunaOverhead)), \"ratio\": \(num(ratio))}}"
  }

  static func tableReport(_ results: [String: [String: [Run]]], functions: [SamplerFunction], seeds: Int, trials: Int,
                          hpsOverhead: Double, optunaOverhead: Double?, overheadTrials: Int, overheadRepeats: Int) -> String {
    func fmt(_ x: Double?) -> String {
      guard let x, x.isFinite else { return "-" }
      return abs(x) >= 1000 || (abs(x) < 1e-3 && x != 0) ? String(format: "%.4g", x) : String(format: "%.5g", x)
    }
    var out = "hps-bench sampler: median over \(seeds) seeds × \(trials) trials; CPU ms per suggestion (shared machine: timings are indicative)\n"
    for f in functions {
      guard let byMethod = results[f.name] else { continue }
      out += "\n\(f.name) (min \(fmt(f.minimum)))\n"
      out += "method".padding(toLength: 17, withPad: " ", startingAt: 0)
      for k in checkpoints { out += "best@\(k)".padding(toLength: 12, withPad: " ", startingAt: 0) }
      out += "ms/suggestion\n"
      for m in hpsMethods + peerMethods {
        guard let runs = byMethod[m] else { continue }
        out += m.padding(toLength: 17, withPad: " ", startingAt: 0)
        for k in checkpoints { out += fmt(bestAfter(runs, k)).padding(toLength: 12, withPad: " ", startingAt: 0) }
        out += fmt(secondsPerSuggestion(runs) * 1000) + "\n"
      }
    }
    out += "\nTPE cost per suggestion at trial \(overheadTrials) (rosenbrock5, seed 0, median of the last 21, median of \(overheadRepeats) runs): hps \(fmt(hpsOverhead * 1000)) ms"
    if let optunaOverhead {
      out += ", Optuna \(fmt(optunaOverhead * 1000)) ms, ratio \(fmt(optunaOverhead / hpsOverhead))×"
    }
    return out + "\n" + wandbVerdict(results, functions: functions, trials: trials)
  }
}
