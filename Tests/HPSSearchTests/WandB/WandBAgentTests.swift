import Foundation
import Testing
@testable import HPSSearch

struct SweepBoom: Error {}

@Suite struct WandBAgentTests {
  @Test func randomSweepRunsCountAndPassesNestedConfig() throws {
    let storage = InMemoryStorage()
    let id = try WandbSweeps.sweep(json: """
      {"method": "random", "metric": {"name": "loss"}, "parameters": {
        "lr": {"distribution": "log_uniform_values", "min": 1e-4, "max": 1e-1},
        "model": {"parameters": {"depth": {"min": 1, "max": 4}, "act": {"value": "relu"}}}}}
      """, storage: storage, logger: .silent)
    var seen: [JSONValue] = []
    let trials = try WandbSweeps.agent(sweepID: id, storage: storage, count: 7, seed: 3, logger: .silent) { run in
      seen.append(run.config)
      guard case .object(let model)? = run.config["model"], let depth = model["depth"]?.intValue,
            let lr = run.config["lr"]?.doubleValue else { throw SweepBoom() }
      #expect((1...4).contains(depth) && lr >= 1e-4 && lr <= 0.1 && model["act"] == .string("relu"))
      #expect(run["model.depth"] == .int(depth))
      for step in 0..<3 { try run.log(["loss": .double(lr * Double(depth) + Double(3 - step)), "epoch": .int(step)]) }
    }
    #expect(trials.count == 7 && seen.count == 7)
    #expect(trials.allSatisfy { $0.state == .complete })
    // The value is the best logged loss (the last one here), and history/summary/config are stored.
    for t in trials {
      #expect(t.value == t.intermediateValues[2])
      #expect(t.userAttrs["config"] != nil && t.userAttrs["summary"]?["epoch"] == .int(2))
    }
    // A second agent continues the same sweep in the same storage.
    try WandbSweeps.agent(sweepID: id, storage: storage, count: 2, logger: .silent) { run in try run.log(["loss": 1.0]) }
    #expect(try Study.load(studyName: id, storage: storage, logger: .silent).trials.count == 9)
  }

  @Test func runCapIsHonouredAcrossAgents() throws {
    let storage = InMemoryStorage()
    let id = try WandbSweeps.sweep(json: #"{"method": "random", "run_cap": 5, "parameters": {"x": {"min": 0.0, "max": 1.0}}}"#, storage: storage, logger: .silent)
    let first = try WandbSweeps.agent(sweepID: id, storage: storage, count: 3, logger: .silent) { _ in }
    let second = try WandbSweeps.agent(sweepID: id, storage: storage, count: 10, logger: .silent) { _ in }
    #expect(first.count == 3 && second.count == 2)
    // No metric: runs finish without a value (FAIL marked finished), and still count.
    #expect(second.allSatisfy { $0.state == .fail && $0.systemAttrs["wandb_state"] == .string("finished") })
  }

  @Test func gridSweepStopsWhenExhaustedInWandBOrder() throws {
    let storage = InMemoryStorage()
    let id = try WandbSweeps.sweep(json: #"{"method": "grid", "parameters": {"b": {"values": [1, 2]}, "a": {"values": ["x", "y", "z"]}}}"#, storage: storage, logger: .silent)
    var order: [String] = []
    let trials = try WandbSweeps.agent(sweepID: id, storage: storage, logger: .silent) { run in
      order.append("\(run["a"]!.stringValue!)\(run["b"]!.intValue!)")
    }
    #expect(trials.count == 6)
    #expect(order == ["x1", "x2", "y1", "y2", "z1", "z2"])
  }

  @Test func failedRunsAreRecordedAndTheAgentContinues() throws {
    let storage = InMemoryStorage()
    let id = try WandbSweeps.sweep(json: #"{"method": "random", "metric": {"name": "acc", "goal": "maximize"}, "parameters": {"x": {"min": 0.0, "max": 1.0}}}"#, storage: storage, logger: .silent)
    var n = 0
    let trials = try WandbSweeps.agent(sweepID: id, storage: storage, count: 4, logger: .silent) { run in
      n += 1
      try run.log(["acc": Double(n) / 10])
      if n % 2 == 0 { throw SweepBoom() }
    }
    #expect(trials.map(\.state) == [.complete, .fail, .complete, .fail])
    #expect(trials[1].systemAttrs["fail_reason"] != nil)
    // Bayes data rule: failed runs get the worst best-value among terminal runs (maximize: min).
    let controller = try SweepController(sweepID: id, storage: storage, logger: .silent)
    let ys = SweepBayes.targets(controller.runRecords(), metric: controller.config.metric!)
    let worst = [0.1, 0.2, 0.3, 0.4].min()!
    #expect(ys.map { $0! } == [0.1, worst, 0.3, worst])
  }

  @Test func hyperbandStopsBadRunsDuringTheAgent() throws {
    let storage = InMemoryStorage()
    let id = try WandbSweeps.sweep(json: """
      {"method": "grid", "metric": {"name": "loss"}, "parameters": {"quality": {"values": [1, 2, 3, 4, 5, 6]}},
       "early_terminate": {"type": "hyperband", "min_iter": 2, "eta": 2}}
      """, storage: storage, logger: .silent)
    var logged: [Int: Int] = [:]
    let trials = try WandbSweeps.agent(sweepID: id, storage: storage, logger: .silent) { run in
      let q = Double(run["quality"]!.intValue!)
      // Later runs are worse: their loss curves sit above the earlier ones.
      for step in 0..<8 {
        logged[run.number, default: 0] += 1
        try run.log(["loss": q + 1.0 / Double(step + 1)])
      }
    }
    #expect(trials.count == 6)
    #expect(trials[0].state == .complete && logged[0] == 8)
    let pruned = trials.filter { $0.state == .pruned }
    #expect(!pruned.isEmpty)
    // A stopped run stops at a band (2, 4 or 8 values) and keeps what it logged.
    for t in pruned { #expect([2, 4].contains(t.intermediateValues.count)) }
    // Bayes treats stopped runs like finished ones: their best logged value.
    let controller = try SweepController(sweepID: id, storage: storage, logger: .silent)
    let records = controller.runRecords()
    #expect(records.filter { $0.state == .stopped }.count == pruned.count)
  }

  @Test func metricTargetEndsTheSweep() throws {
    let storage = InMemoryStorage()
    let id = try WandbSweeps.sweep(json: #"{"method": "grid", "metric": {"name": "loss", "target": 2}, "parameters": {"x": {"values": [5, 3, 1, 0, 4]}}}"#, storage: storage, logger: .silent)
    let trials = try WandbSweeps.agent(sweepID: id, storage: storage, logger: .silent) { run in try run.log(["loss": run["x"]!.doubleValue!]) }
    #expect(trials.map(\.value) == [5, 3, 1])
  }

  @Test func bayesSweepImprovesOnAQuadratic() throws {
    let storage = InMemoryStorage()
    let id = try WandbSweeps.sweep(json: """
      {"method": "bayes", "metric": {"name": "loss"}, "parameters": {
        "x": {"min": -5.0, "max": 5.0}, "lr": {"distribution": "log_uniform_values", "min": 1e-5, "max": 1},
        "opt": {"values": ["sgd", "adam", "rms"]}, "n": {"min": 1, "max": 9}}}
      """, storage: storage, logger: .silent)
    let trials = try WandbSweeps.agent(sweepID: id, storage: storage, count: 30, seed: 1, logger: .silent) { run in
      let x = run["x"]!.doubleValue!, lr = run["lr"]!.doubleValue!, n = Double(run["n"]!.intValue!)
      let penalty = run["opt"] == .string("adam") ? 0.0 : 2.0
      try run.log(["loss": (x - 1) * (x - 1) + pow(log10(lr) + 3, 2) + 0.1 * (n - 4) * (n - 4) + penalty])
    }
    let values = trials.compactMap(\.value)
    #expect(values.count == 30)
    let firstBest = values.prefix(5).min()!, lastBest = values.min()!
    #expect(lastBest < firstBest)
    #expect(lastBest < 1.0, "best \(lastBest)")
    // Suggestions stay inside the space and use its value types.
    for t in trials {
      guard case .object(let v)? = t.systemAttrs["wandb_params"] else { Issue.record("no params"); continue }
      #expect(v["n"]!.intValue.map { (1...9).contains($0) } ?? false)
      #expect(["sgd", "adam", "rms"].contains(v["opt"]!.stringValue ?? ""))
      #expect((1e-5...1).contains(v["lr"]!.doubleValue!))
    }
  }

  @Test func badArgumentsAreClearErrors() throws {
    #expect(throws: SearchError.self) { try WandbSweeps.agent(sweepID: "nope1234", storage: InMemoryStorage(), count: 1) { _ in } }
    let storage = InMemoryStorage()
    let id = try WandbSweeps.sweep(json: #"{"method": "random", "parameters": {"x": {"value": 1}}}"#, storage: storage, logger: .silent)
    #expect(throws: SearchError.self) { try WandbSweeps.agent(sweepID: id, storage: storage, count: -1) { _ in } }
    let plain = try Study.create(studyName: "plain", storage: storage, logger: .silent)
    _ = plain
    #expect(throws: SearchError.self) { try WandbSweeps.agent(sweepID: "plain", storage: storage, count: 1) { _ in } }
  }

  @Test func sqliteStorageHoldsASweep() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wandb-\(UUID().uuidString).db").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let storage = try SQLiteStorage(path: path)
    let id = try WandbSweeps.sweep(json: #"{"method": "random", "metric": {"name": "l"}, "parameters": {"x": {"min": 0, "max": 9}}}"#, storage: storage, logger: .silent)
    try WandbSweeps.agent(sweepID: id, storage: storage, count: 3, logger: .silent) { run in try run.log(["l": run["x"]!.doubleValue!]) }
    let reopened = try SQLiteStorage(path: path)
    let study = try Study.load(studyName: id, storage: reopened, logger: .silent)
    #expect(study.trials(states: [.complete]).count == 3)
  }
}
