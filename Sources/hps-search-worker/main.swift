// A tiny worker process for HPSSearch's multi-process storage tests: it joins (or creates) a
// study in an SQLite file and runs trials, so tests can run several at once and SIGKILL one.
//
// Usage: hps-search-worker DB_PATH STUDY_NAME N_TRIALS [--sleep-ms MS] [--seed N] [--heartbeat SECONDS]
//        [--params K]   (K float parameters per trial, default 1)
// DB_PATH "memory" uses InMemoryStorage instead of a file; the last line printed reports the
// framework time per trial, so `time` on a release build measures HPSSearch's own overhead.
import Foundation
import HPSSearch

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("hps-search-worker: \(message)\n".utf8))
  exit(2)
}

var args = Array(CommandLine.arguments.dropFirst())
guard args.count >= 3, let nTrials = Int(args[2]) else {
  fail("usage: hps-search-worker DB_PATH STUDY_NAME N_TRIALS [--sleep-ms MS] [--seed N] [--heartbeat SECONDS]")
}
let path = args[0]
let studyName = args[1]
var sleepMilliseconds = 0.0
var seed: Int?
var heartbeat: TimeInterval?
var paramCount = 1
var i = 3
while i + 1 < args.count {
  switch args[i] {
  case "--sleep-ms": sleepMilliseconds = Double(args[i + 1]) ?? 0
  case "--seed": seed = Int(args[i + 1])
  case "--heartbeat": heartbeat = TimeInterval(args[i + 1])
  case "--params": paramCount = max(1, Int(args[i + 1]) ?? 1)
  default: fail("unknown option \(args[i])")
  }
  i += 2
}

do {
  let storage: any Storage = path == "memory" ? InMemoryStorage() : try SQLiteStorage(path: path, heartbeatInterval: heartbeat)
  let study = try Study.create(
    studyName: studyName, storage: storage, sampler: RandomSampler(seed: seed), pruner: NopPruner(),
    loadIfExists: true, logger: .silent)
  let start = Date()
  try study.optimize(nTrials: nTrials) { trial in
    var sum = 0.0
    for k in 0..<paramCount {
      let x = try trial.suggestFloat(k == 0 ? "x" : "x\(k)", low: -5, high: 5)
      sum += x * x
    }
    if sleepMilliseconds > 0 { Thread.sleep(forTimeInterval: sleepMilliseconds / 1000) }
    return sum
  }
  let perTrial = Date().timeIntervalSince(start) / Double(max(nTrials, 1))
  print("done \(nTrials) trials, \(String(format: "%.4f", perTrial * 1000)) ms per trial")
} catch {
  fail("\(error)")
}
