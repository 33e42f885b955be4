import Foundation
import HPSScript
import HPSSearch
import Testing

@testable import HPSKernel

/// Validation errors, warnings, failing functions, Ctrl-C, calls out of order.
@Suite struct WandBModuleErrorTests {
  @Test func testInvalidConfigRaisesUsageErrorNamingParameterAndKey() throws {
    let f = WandBFixture()
    f.ok("""
      import wandb
      try:
          wandb.sweep({"method": "random", "parameters": {"lr": {"distribution": "loguniform", "min": 0.1, "max": 1.0},
                                                          "depth": {"min": 5, "max": 2}}})
      except wandb.errors.UsageError as e:
          msg = str(e)
          is_wandb_error = isinstance(e, wandb.errors.Error) and isinstance(e, Exception)
      """)
    let msg = try #require(f.string("msg"))
    #expect(msg.contains("lr") && msg.contains("loguniform"))
    #expect(msg.contains("depth") && msg.contains("min"))
    #expect(f.eval("is_wandb_error")?.asBool == true)
    f.ok("from wandb.errors import UsageError, RunStopped\nsame = UsageError is wandb.errors.UsageError and issubclass(RunStopped, BaseException)")
    #expect(f.eval("same")?.asBool == true)
    #expect(f.eval("issubclass(wandb.errors.RunStopped, Exception)")?.asBool == false)
    let uncaught = try #require(f.run("wandb.sweep({'method': 'hill', 'parameters': {'a': {'value': 1}}})"))
    #expect(uncaught.0 == "UsageError")
    #expect(uncaught.1.contains("hill"))
  }

  @Test func testExponentTrapWarnsOnceOnStderr() {
    let f = WandBFixture()
    f.ok("""
      import wandb
      cfg = {"method": "random", "metric": {"name": "l"}, "parameters": {"lr": {"distribution": "log_uniform", "min": 1e-6, "max": 0.1}}}
      a = wandb.sweep(cfg)
      b = wandb.sweep(cfg)
      """)
    #expect(f.err.components(separatedBy: "lr uses log_uniform").count - 1 == 1)
    #expect(f.err.contains("WARNING"))
  }

  @Test func testFailingFunctionIsFailedWithTracebackAndTheAgentGoesOn() throws {
    let f = WandBFixture()
    f.ok("""
      import wandb
      sid = wandb.sweep({"method": "grid", "metric": {"name": "v"}, "parameters": {"a": {"values": [1, 2, 3, 4, 5]}}})
      def train_step(a):
          if a == 2:
              raise RuntimeError("boom at a=2")
          return a
      def f():
          run = wandb.init()
          wandb.log({"v": train_step(run.config.a)})
      wandb.agent(sid, function=f)
      """)
    let trials = try f.sweepTrials()
    #expect(trials.count == 5)
    #expect(trials.filter { $0.state == .fail }.count == 1)
    #expect(trials.filter { $0.state == .complete }.count == 4)
    #expect(f.err.contains("errored"))
    #expect(f.err.contains("train_step"))  // the traceback reaches into user code
    #expect(f.err.contains("RuntimeError: boom at a=2"))
    #expect(f.eval("wandb.run")?.isNone == true)
  }

  @Test func testThreeQuickFailuresEndTheAgentAsInWandB() throws {
    let f = WandBFixture()
    f.ok("""
      import wandb
      sid = wandb.sweep({"method": "random", "metric": {"name": "v"}, "parameters": {"a": {"min": 0.0, "max": 1.0}}})
      calls = []
      def f():
          calls.append(1)
          wandb.init()
          raise ValueError("always")
      wandb.agent(sid, function=f, count=10)
      """)
    #expect(f.int("len(calls)") == 3)
    #expect(f.err.contains("Detected 3 failed runs in the first 60 seconds"))
    #expect(try f.sweepTrials().allSatisfy { $0.state == .fail })
  }

  @Test func testInterruptStopsTheAgentAndKeepsFinishedRuns() throws {
    let f = WandBFixture()
    let flag = f.interpreter.interrupt
    f.interpreter.setBuiltin("_press_ctrl_c", .object(NativeFunction("_press_ctrl_c") { _, _, _ in
      flag.set()
      return .none
    }))
    f.ok("""
      import wandb
      sid = wandb.sweep({"method": "random", "metric": {"name": "v"}, "parameters": {"a": {"min": 0.0, "max": 1.0}}})
      calls = []
      def f():
          calls.append(1)
          run = wandb.init()
          wandb.log({"v": run.config.a})
          if len(calls) == 3:
              _press_ctrl_c()
              while True:
                  pass
      wandb.agent(sid, function=f, count=10)
      after = "agent returned"
      """)
    #expect(f.int("len(calls)") == 3)
    #expect(f.string("after") == "agent returned")
    #expect(f.out.contains("Ctrl + C detected"))
    let states = try f.sweepTrials().map(\.state)
    #expect(states == [.complete, .complete, .fail])
  }

  @Test func testCallsOutOfOrderAreUsageErrors() throws {
    let f = WandBFixture()
    let log = try #require(f.run("import wandb\nwandb.log({'a': 1})"))
    #expect(log.0 == "UsageError")
    #expect(log.1.contains("wandb.init()"))
    let agent = try #require(f.run("wandb.agent('nosuchid', function=print, count=1)"))
    #expect(agent.0 == "UsageError")
    #expect(agent.1.contains("nosuchid"))
    f.ok("sid = wandb.sweep({'method': 'random', 'metric': {'name': 'v'}, 'parameters': {'a': {'values': [1, 2]}}})")
    let endless = try #require(f.run("wandb.agent(sid, function=print)"))
    #expect(endless.1.contains("count"))
    let noFunction = try #require(f.run("wandb.agent(sid, count=1)"))
    #expect(noFunction.1.contains("function"))
    let badCount = try #require(f.run("wandb.agent(sid, function=print, count=-1)"))
    #expect(badCount.1.contains("count"))
  }
}
