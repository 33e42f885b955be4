import Foundation
import HPSScript
import HPSSearch
import Testing

@testable import HPSKernel

/// wandb.init outside agents, wandb.config access patterns, log step rules, help().
@Suite struct WandBModuleConfigTests {
  @Test func testConfigAccessPatterns() {
    let f = WandBFixture()
    f.ok("""
      import wandb
      run = wandb.init(project="cfg", config={"lr": 0.1, "layers": [1, 2], "opt": {"name": "adam", "beta": 0.9}})
      c = wandb.config
      c.update({"batch": 32})
      c.update(dropout=0.5)
      c.epochs = 3
      c["warmup"] = 10
      c.setdefaults({"lr": 99, "seed": 1})
      snapshot = (c.lr, c["lr"], c.opt.name, c["opt"]["beta"], c.get("missing", "d"), "batch" in c, "nope" in c,
                  sorted(c.keys()), len(c), c.dropout, c.epochs, c.warmup, c.seed, c.layers)
      as_dict = c.as_dict()
      try:
          c.nothing
      except AttributeError as e:
          attr_msg = str(e)
      try:
          c["nothing"]
      except KeyError:
          key_error = True
      iterated = [k for k in c]
      wandb.finish()
      after = (wandb.run, len(wandb.config))
      """)
    #expect(f.string("repr(snapshot[:7])") == "(0.1, 0.1, 'adam', 0.9, 'd', True, False)")
    #expect(f.string("repr(snapshot[7:])") == "(['batch', 'dropout', 'epochs', 'layers', 'lr', 'opt', 'seed', 'warmup'], 8, 0.5, 3, 10, 1, [1, 2])")
    #expect(f.string("repr(as_dict['opt'])") == "{'name': 'adam', 'beta': 0.9}")
    #expect(f.eval("type(as_dict) is dict")?.asBool == true)
    #expect(f.string("attr_msg")?.contains("nothing") == true)
    #expect(f.eval("key_error")?.asBool == true)
    #expect(f.string("repr(iterated[:3])") == "['lr', 'layers', 'opt']")
    #expect(f.string("repr(after)") == "(None, 0)")
  }

  @Test func testSweepKeysAreLockedAgainstScriptChanges() {
    let f = WandBFixture()
    f.ok("""
      import wandb
      sid = wandb.sweep({"method": "grid", "metric": {"name": "v"}, "parameters": {"a": {"values": [7]}}})
      seen = []
      def f():
          run = wandb.init(config={"a": 1, "b": 2})
          wandb.config.a = 100
          wandb.config.update({"a": 200, "b": 3})
          seen.append((run.config.a, run.config.b))
          wandb.log({"v": 1})
      wandb.agent(sid, function=f)
      """)
    #expect(f.string("repr(seen)") == "[(7, 3)]")
    #expect(f.err.components(separatedBy: "locked by 'sweep'").count - 1 == 1)
  }

  @Test func testOfflineRunRecordsHistoryAndSummaryInItsProjectStudy() throws {
    let f = WandBFixture()
    let project = "offline-\(UUID().uuidString.prefix(8))"
    f.ok("""
      import wandb
      with wandb.init(project="\(project)", config={"lr": 0.01}) as run:
          for i in range(3):
              wandb.log({"loss": 1.0 / (i + 1)})
          wandb.log({"acc": 0.5}, step=5)
          wandb.log({"extra": 1}, step=5)
          wandb.log({"late": 1}, step=2)
          run.summary["best"] = 0.25
          hist = run.history
          rid = run.id
      summary_after = dict(run.summary)
      state = wandb.run
      """)
    #expect(f.out.contains("data is saved in"))
    #expect(f.eval("state")?.isNone == true)
    // Rows 0-2 committed; step 5 stays open until finish; the step-2 log is ignored with a warning.
    #expect(f.int("len(hist)") == 3)
    #expect(f.err.contains("less than the current step"))
    #expect(f.string("repr(sorted(summary_after.items()))") == "[('acc', 0.5), ('best', 0.25), ('extra', 1), ('loss', 0.3333333333333333)]")
    let study = try Study.load(studyName: project, storage: WandbSweeps.defaultStorage, logger: .silent)
    let t = try #require(study.trials(states: nil).first)
    #expect(t.systemAttrs["wandb_run_id"] == .string(try #require(f.string("rid"))))
    #expect(t.systemAttrs["wandb_state"] == .string("finished"))
    guard case .array(let rows)? = t.userAttrs["history"] else { Issue.record("no history"); return }
    #expect(rows.count == 4)
    #expect(rows.last?["_step"] == .int(5))
    #expect(rows.last?["extra"] == .int(1))
    #expect(t.userAttrs["config"]?["lr"] == .double(0.01))
  }

  @Test func testInitDirStoresTheRunInASQLiteFileThere() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wandbmod-dir-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let f = WandBFixture()
    f.ok("""
      import wandb
      run = wandb.init(project="ondisk", dir="\(dir.path)", config={"a": 1})
      wandb.log({"x": 2.5})
      where = run.dir
      run.finish()
      """)
    let path = dir.appendingPathComponent("hps-wandb.db").path
    #expect(f.string("where") == path)
    #expect(f.out.contains(path))
    let storage = try SQLiteStorage(path: path)
    let t = try #require(try Study.load(studyName: "ondisk", storage: storage, logger: .silent).trials(states: nil).first)
    #expect(t.userAttrs["summary"]?["x"] == .double(2.5))
  }

  @Test func testWithBlockLeftByAnExceptionStoresAFailedRun() throws {
    let f = WandBFixture()
    let project = "withfail-\(UUID().uuidString.prefix(8))"
    let raised = try #require(f.run("""
      import wandb
      with wandb.init(project="\(project)") as run:
          wandb.log({"a": 1})
          same_summary = wandb.summary is run.summary
          raise KeyError("inside")
      """))
    #expect(raised.0 == "KeyError")
    #expect(f.eval("same_summary")?.asBool == true)
    #expect(f.eval("wandb.run")?.isNone == true)
    #expect(f.eval("wandb.summary")?.isNone == true)
    let t = try #require(try Study.load(studyName: project, storage: WandbSweeps.defaultStorage, logger: .silent).trials(states: nil).first)
    #expect(t.systemAttrs["wandb_state"] == .string("failed"))
    #expect(t.userAttrs["summary"]?["a"] == .int(1))
  }

  @Test func testEverythingHasDocstringsForHelp() {
    let f = WandBFixture()
    f.ok("import wandb")
    for name in ["wandb.sweep", "wandb.agent", "wandb.init", "wandb.log", "wandb.finish", "wandb.Run", "wandb.Config",
                 "wandb.Run.log", "wandb.Run.finish", "wandb.Config.update", "wandb.errors.UsageError", "wandb.errors.RunStopped"] {
      let doc = f.string("\(name).__doc__") ?? ""
      #expect(doc.count > 20, "\(name) has no docstring")
    }
    let described = f.interpreter.describe(f.eval("wandb.agent") ?? .none)
    #expect(described.signature.contains("count=None"))
  }
}
