import Foundation
import HPSScript
import HPSSearch
import Testing

@testable import HPSKernel

/// wandb.sweep + wandb.agent from scripts: methods, nesting, early termination.
@Suite struct WandBModuleSweepTests {
  @Test func testRandomSweepRunsCountTimesWithSampledConfig() throws {
    let f = WandBFixture()
    f.ok("""
      import wandb
      sid = wandb.sweep({"method": "random", "metric": {"name": "loss", "goal": "minimize"},
                         "parameters": {"lr": {"distribution": "log_uniform_values", "min": 1e-4, "max": 1e-1},
                                        "opt": {"values": ["adam", "sgd"]}}})
      seen = []
      def train():
          run = wandb.init(project="p", config={"lr": 123.0, "epochs": 3})
          assert wandb.run is run and wandb.config is run.config
          for e in range(run.config.epochs):
              wandb.log({"loss": run.config.lr * (3 - e), "epoch": e})
          seen.append((run.config.lr, wandb.config["opt"], run.sweep_id, run.id))
      wandb.agent(sid, function=train, count=5)
      """)
    #expect(f.int("len(seen)") == 5)
    #expect(f.eval("wandb.run")?.isNone == true)
    #expect(f.int("sum(1 for lr, o, s, i in seen if 1e-4 <= lr <= 1e-1 and o in ('adam', 'sgd') and s == sid)") == 5)
    #expect(f.int("len(set(i for _, _, _, i in seen))") == 5)
    let trials = try f.sweepTrials()
    #expect(trials.count == 5)
    #expect(trials.allSatisfy { $0.state == .complete })
    for t in trials {
      // The sweep's lr overrides init's default; the value told is the best (last) loss.
      let lr = try #require(t.userAttrs["config"]?["lr"]?.doubleValue)
      #expect(abs((t.value ?? .nan) - lr) < 1e-12)
      #expect(t.userAttrs["config"]?["epochs"] == nil)
      #expect(t.userAttrs["summary"]?["epoch"] == .int(2))
    }
  }

  @Test func testGridSweepExhaustsEveryCombinationOnce() throws {
    let f = WandBFixture()
    f.ok("""
      import wandb
      sid = wandb.sweep({"method": "grid", "metric": {"name": "score", "goal": "maximize"},
                         "parameters": {"a": {"values": [1, 2, 3]}, "b": {"values": ["x", "y"]}}})
      pairs = []
      def f():
          with wandb.init() as run:
              pairs.append((run.config.a, run.config.b))
              wandb.log({"score": run.config.a})
      wandb.agent(sid, function=f)
      """)
    #expect(f.int("len(pairs)") == 6)
    #expect(f.int("len(set(pairs))") == 6)
    #expect(f.out.contains("grid exhausted"))
    #expect(try f.sweepTrials().count == 6)
  }

  @Test func testBayesConcentratesNearTheMinimumOfAToyFunction() throws {
    let f = WandBFixture()
    f.ok("""
      import wandb
      sid = wandb.sweep({"method": "bayes", "metric": {"name": "y", "goal": "minimize"},
                         "parameters": {"x": {"min": -5.0, "max": 5.0}, "z": {"min": -5.0, "max": 5.0}}})
      xs = []
      def f():
          run = wandb.init()
          x, z = run.config.x, run.config.z
          xs.append((x, z))
          wandb.log({"y": (x - 1.5) ** 2 + (z + 2.0) ** 2})
      wandb.agent(sid, function=f, count=25, seed=7)
      best = min((x - 1.5) ** 2 + (z + 2.0) ** 2 for x, z in xs)
      late = sorted((x - 1.5) ** 2 + (z + 2.0) ** 2 for x, z in xs[15:])[5]
      early = sorted((x - 1.5) ** 2 + (z + 2.0) ** 2 for x, z in xs[:10])[5]
      """)
    let best = try #require(f.double("best"))
    // A random point of [-5, 5]^2 is within 0.3 of the minimum with probability about 0.3%.
    #expect(best < 0.3, "best \(best)")
    // The model's later suggestions are better than the prior's: median of runs 16-25 vs 1-10.
    let late = try #require(f.double("late")), early = try #require(f.double("early"))
    #expect(late < early, "late median \(late), early median \(early)")
  }

  @Test func testHyperbandStopsBadRunsAndTheAgentMarksThemStopped() throws {
    let f = WandBFixture()
    f.ok("""
      import wandb
      sid = wandb.sweep({"method": "grid", "metric": {"name": "loss", "goal": "minimize"},
                         "early_terminate": {"type": "hyperband", "min_iter": 2, "eta": 2},
                         "parameters": {"q": {"values": [1, 2, 3, 4, 5, 6, 7, 8]}}})
      stopped = []
      epochs = {}
      def f():
          run = wandb.init()
          q = run.config.q
          try:
              for e in range(8):
                  epochs[q] = e + 1
                  wandb.log({"loss": q * 1.0 + 1.0 / (e + 1)})
          except wandb.errors.RunStopped:
              stopped.append(q)
              raise
      wandb.agent(sid, function=f)
      """)
    let stopped = try #require(f.int("len(stopped)"))
    #expect(stopped >= 1)
    #expect(f.int("epochs[1]") == 8)  // the best run is never stopped
    #expect(f.int("max(epochs[q] for q in stopped)") ?? 8 < 8)
    let trials = try f.sweepTrials()
    #expect(trials.count == 8)
    #expect(trials.filter { $0.state == .pruned }.count == stopped)
    #expect(trials.filter { $0.state == .fail }.isEmpty)
  }

  @Test func testSwallowedRunStoppedStillMarksTheRunStoppedAndLogRaisesAgain() throws {
    let f = WandBFixture()
    f.ok("""
      import wandb
      sid = wandb.sweep({"method": "grid", "metric": {"name": "loss"},
                         "early_terminate": {"type": "hyperband", "min_iter": 1, "eta": 2},
                         "parameters": {"q": {"values": [1, 2, 9]}}})
      again = []
      def f():
          run = wandb.init()
          for e in range(4):
              try:
                  wandb.log({"loss": float(run.config.q)})
              except BaseException as exc:
                  again.append(type(exc).__name__)
      wandb.agent(sid, function=f)
      """)
    let trials = try f.sweepTrials()
    #expect(trials.map(\.state) == [.complete, .complete, .pruned])
    // The stopping log and each later one raise RunStopped.
    #expect(f.int("len(again)") ?? 0 >= 2)
    #expect(f.string("again[0]") == "RunStopped")
  }

  @Test func testNestedParametersReadAsAttributesAndItems() throws {
    let f = WandBFixture()
    f.ok("""
      import wandb
      sid = wandb.sweep({"method": "random", "metric": {"name": "m"},
                         "parameters": {"model": {"parameters": {"depth": {"values": [2, 4]},
                                                                 "act": {"value": "relu"}}},
                                        "lr": {"value": 0.5}}})
      got = []
      def f():
          run = wandb.init(config={"model": {"width": 8}})
          c = wandb.config
          got.append((c.model.depth, c["model"]["depth"], c.model.act, c.get("lr"), "model" in c, c.as_dict()["model"]["act"]))
          wandb.log({"m": 1})
      wandb.agent(sid, function=f, count=3)
      """)
    #expect(f.int("len(got)") == 3)
    #expect(f.int("sum(1 for d, d2, a, lr, has, a2 in got if d == d2 and d in (2, 4) and a == 'relu' == a2 and lr == 0.5 and has)") == 3)
    let t = try #require(try f.sweepTrials().first)
    #expect(t.userAttrs["config"]?["model"]?["act"] == .string("relu"))
  }

  @Test func testSweepsPersistInSQLiteAndResumeByID() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wandbmod-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = "sqlite:///" + dir.appendingPathComponent("s.db").path
    let config = """
      {"method": "grid", "metric": {"name": "v"}, "parameters": {"a": {"values": [1, 2, 3, 4]}}}
      """
    let first = WandBFixture()
    first.ok("""
      import wandb
      sid = wandb.sweep(\(config), storage="\(url)", sweep_id="resume-me")
      def f():
          wandb.init(); wandb.log({"v": wandb.config.a})
      wandb.agent(sid, function=f, count=2, storage="\(url)")
      """)
    let second = WandBFixture()
    second.ok("""
      import wandb
      done = []
      def f():
          wandb.init(); done.append(wandb.config.a); wandb.log({"v": wandb.config.a})
      wandb.agent("resume-me", function=f, storage="\(url)")
      """)
    // The second process picks up the grid where the first left it.
    #expect(second.int("len(done)") == 2)
    #expect(second.int("len(set(done))") == 2)
    #expect(second.eval("1 in done or 2 in done")?.asBool == false)
  }
}
