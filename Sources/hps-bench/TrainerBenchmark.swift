// `hps-bench trainer`: hps's Trainer against PyTorch eager and a hand-written numpy MLP on identical
// data and configuration (issue 3), in one run. Each engine trains in its own child process so its
// peak RSS is its own: hps re-runs this executable with the hidden `--worker` option.
import ArgumentParser
import Foundation
import HPSNumerics
import HPSTraining

struct TrainerBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trainer", abstract: "Time the trainer against PyTorch and numpy.")

  @Flag(help: "Print one JSON object instead of a table.") var json = false
  @Option(help: "Python with torch, numpy and safetensors (default: .venv-bench/bin/python if present, else python3).")
  var python: String?
  @Option(help: "Runs per engine; the best is reported (the machine is shared, so runs vary).") var repeats = 2
  @Option(help: "Only this workload: small or large.") var only: String?
  @Option(help: "Keep the data files the peers read in this directory (default: a temporary one, removed).")
  var dataDir: String?
  @Option(help: "PyTorch's thread count for the small workload (default 1: on a busy shared machine 2 OpenMP threads collapse; quiet, 2 are ~25% faster).")
  var torchThreadsSmall: Int?
  @Option(help: "hps's BLAS threads (0: the Trainer's automatic choice from the work per step).") var hpsThreads = 0
  @Option(help: "Threads for every engine on the large workload (default: hps automatic = 2, numpy 2, PyTorch 2).")
  var largeThreads: Int?
  @Option(help: .hidden) var worker: String?

  func run() throws {
    if let worker {
      guard let w = TrainerWorkload.named(worker) else { throw ValidationError("unknown workload \(worker)") }
      let r = try w.runHPS(threads: hpsThreads)
      var usage = rusage()
      getrusage(RUSAGE_SELF.rawValue, &usage)
      // The SGEMM bound is measured here, right after training, with the same threads: same
      // process, same moment, so contention from other jobs affects both alike.
      let bound = w.sgemmBound(features: w.name == "small" ? 64 : 256, threads: r.threads)
      print("{\"samples_per_s\": \(r.samplesPerSecond), \"samples_per_cpu_s\": \(r.samplesPerCPUSecond), \"test_accuracy\": \(r.testAccuracy), \"peak_rss_mb\": \(Double(usage.ru_maxrss) / 1024), \"threads\": \(r.threads), \"bound_samples_per_s\": \(bound.wall), \"bound_samples_per_cpu_s\": \(bound.cpu)}")
      return
    }
    guard repeats >= 1 else { throw ValidationError("--repeats must be >= 1") }
    if let t = largeThreads, t < 1 { throw ValidationError("--large-threads must be >= 1") }
    let root = Self.packageRoot()
    let py = python ?? (FileManager.default.isExecutableFile(atPath: root + "/.venv-bench/bin/python") ? root + "/.venv-bench/bin/python" : "/usr/bin/env")
    let pyPrefix = python == nil && py == "/usr/bin/env" ? ["python3"] : []
    let workloads: [TrainerWorkload] = try only.map {
      guard let w = TrainerWorkload.named($0) else { throw ValidationError("--only must be small or large") }
      return [w]
    } ?? [.small, .large]
    let scratch = dataDir ?? NSTemporaryDirectory() + "hps-bench-trainer-\(getpid())"
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { if dataDir == nil { try? FileManager.default.removeItem(atPath: scratch) } }

    var rows: [(TrainerWorkload, TrainerBenchmarkRow)] = []
    for w in workloads {
      log("\(w.name): preparing data")
      let (train, test) = try w.data()
      let dataPath = scratch + "/\(w.name).safetensors"
      try w.writeData(train, test, to: dataPath)
      var row = TrainerBenchmarkRow()
      for attempt in 1...repeats {
        log("\(w.name): hps run \(attempt)")
        row.hps = best(row.hps, try TrainerBenchmarkRunner.result(
          TrainerBenchmarkRunner.runJSON(TrainerBenchmarkRunner.selfExecutable,
                                         ["trainer", "--worker", w.name, "--hps-threads", "\(w.name == "large" ? (largeThreads ?? hpsThreads) : hpsThreads)"])))
        let torchThreads = w.name == "small" ? (torchThreadsSmall ?? w.torchThreads) : (largeThreads ?? w.torchThreads)
        let numpyThreads = w.name == "large" ? (largeThreads ?? w.numpyThreads) : w.numpyThreads
        for (engine, threads) in [("numpy", numpyThreads), ("torch", torchThreads)] {
          log("\(w.name): \(engine) run \(attempt)")
          let env = ["OPENBLAS_NUM_THREADS": "\(threads)", "OMP_NUM_THREADS": "\(threads)", "MKL_NUM_THREADS": "\(threads)"]
          let args = pyPrefix + [root + "/bench/trainer/peer_\(engine).py", "--data", dataPath,
                                 "--hidden", w.hidden.map(String.init).joined(separator: ","), "--epochs", "\(w.epochs)",
                                 "--batch", "\(w.batch)", "--lr", "\(w.learningRate)", "--wd", "\(w.weightDecay)",
                                 "--threads", "\(threads)"]
          do {
            let r = TrainerBenchmarkRunner.result(try TrainerBenchmarkRunner.runJSON(py, args, environment: env))
            if engine == "numpy" { row.numpy = best(row.numpy, r) } else { row.torch = best(row.torch, r) }
          } catch {
            log("\(w.name): \(engine) failed: \(error)")
          }
        }
      }
      rows.append((w, row))
    }
    if json {
      // The table goes to standard error so standard output stays exactly one JSON object.
      log("results\n" + TrainerBenchmarkRow.table(rows))
      print(TrainerBenchmarkRow.json(rows))
    } else {
      print(TrainerBenchmarkRow.table(rows))
    }
  }

  func best(_ a: PeerResult?, _ b: PeerResult) -> PeerResult {
    guard let a else { return b }
    return b.samplesPerSecond > a.samplesPerSecond ? b : a
  }

  func log(_ s: String) {
    FileHandle.standardError.write(Data("[hps-bench trainer] \(s)\n".utf8))
  }

  /// The package root: three levels above this source file, or the current directory when the
  /// peer scripts are not found there (a moved build).
  static func packageRoot() -> String {
    let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    if FileManager.default.fileExists(atPath: fromSource + "/bench/trainer/peer_torch.py") { return fromSource }
    return FileManager.default.currentDirectoryPath
  }
}
