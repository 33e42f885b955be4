// A tiny worker process for HPSSearch's multi-process storage tests: it joins (or creates) a
// study in an SQLite file and runs trials, so tests can run several at once and SIGKILL one.
//
// Usage: hps-search-worker DB_PATH STUDY_NAME N_TRIALS [--sleep-ms MS] [--seed N] [--heartbeat SECONDS]
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
var i = 3
while i + 1 < args.count {
  switch args[i] {
  case "--sleep-ms": sleepMilliseconds = Double(args[i + 1]) ?? 0
  case "--seed": seed = Int(args[i + 1])
  case "--heartbeat": heartbeat = TimeInterval(args[i + 1])
  default: fail("unknown option \(args[i])")
  }
  i += 2
}

do {
  let storage = try SQLiteStorage(path: path, heartbeatInterval: heartbeat)
  let study = try Study.create(
    studyName: studyName, storage: storage, sampler: RandomSampler(seed: seed), pruner: NopPruner(),
    loadIfExists: true, logger: .silent)
  try study.optimize(nTrials: nTrials) { trial in
    let x = try trial.suggestFloat("x", low: -5, high: 5)
    if sleepMilliseconds > 0 { Thread.sleep(forTimeInterval: sleepMilliseconds / 1000) }
    return x * x
  }
  print("done \(nTrials)")
} catch {
  fail("\(error)")
}
