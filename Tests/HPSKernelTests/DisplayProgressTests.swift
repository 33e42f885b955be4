import Foundation
import HPSScript
import HPSSearch
import Testing

@testable import HPSKernel

/// The updating progress display in its three modes, with a controlled clock.
@Suite struct DisplayProgressTests {
  final class Clock {
    var now = Date(timeIntervalSince1970: 1_000_000)
    func advance(_ seconds: Double) { now = now.addingTimeInterval(seconds) }
  }

  @Test func testTerminalRewritesOneLine() {
    let clock = Clock()
    var out = ""
    let p = ProgressDisplay(router: nil, total: 4, description: "Trials", mode: .terminal, write: { out += $0 }, flush: {}, clock: { clock.now })
    clock.advance(1)
    p.update(1, postfix: [("best", "0.5")])
    clock.advance(1)
    p.update(2)
    p.update(3)  // within minInterval: not drawn
    clock.advance(2)
    p.update(4)
    p.close()
    let frames = out.split(separator: "\r", omittingEmptySubsequences: true).map(String.init)
    #expect(frames.count == 4)  // 1, 2, 4 and the closing redraw
    #expect(frames[0] == "Trials:  25%|█████               | 1/4 [00:01<00:03, 1.00it/s, best=0.5]")
    #expect(frames[1].hasPrefix("Trials:  50%|██████████          | 2/4 [00:02<00:02, 1.00it/s"))
    #expect(frames[2].hasPrefix("Trials: 100%|████████████████████| 4/4 [00:04<00:00, 1.00it/s"))
    #expect(out.hasSuffix("]\n"))
  }

  @Test func testPlainLinesArePaced() {
    let clock = Clock()
    var lines: [String] = []
    let p = ProgressDisplay(router: nil, total: nil, description: "steps", mode: .lines, write: { lines.append($0) }, flush: {}, clock: { clock.now })
    for _ in 0..<20 {
      clock.advance(1)
      p.advance()
    }
    p.close()
    // First update, then one every 5 s, then the final state.
    #expect(lines.count == 5)
    #expect(lines.first == "steps: 1 [00:01, 1.00it/s]\n")
    #expect(lines.last == "steps: 20 [00:20, 1.00it/s]\n")
  }

  @Test func testPlainLinesEndWithTheFinalPostfix() {
    var lines: [String] = []
    let p = ProgressDisplay(router: nil, total: 2, mode: .lines, write: { lines.append($0) }, flush: {}, clock: { Date(timeIntervalSince1970: 0) })
    p.update(2)
    p.close()
    #expect(lines.count == 1)  // the finished state is not repeated
    p.setPostfix([("best", "1")])
    let q = ProgressDisplay(router: nil, total: 2, mode: .lines, write: { lines.append($0) }, flush: {}, clock: { Date(timeIntervalSince1970: 0) })
    q.update(2)
    q.setPostfix([("best", "1")])
    q.close()
    #expect(lines.count == 3)
    #expect(lines.last?.contains("best=1") == true)
  }

  @Test func testNotebookUpdatesOneDisplay() {
    let interpreter = Interpreter()
    interpreter.writeStdout = { _ in }
    let session = Session(interpreter: interpreter, isInteractive: false)
    var events: [DisplayEvent] = []
    session.displayPublisher = { events.append($0) }
    let clock = Clock()
    let p = ProgressDisplay(router: session.display, total: 2, description: "Search", clock: { clock.now })
    #expect(p.mode == .notebook)
    clock.advance(1)
    p.update(1)
    clock.advance(1)
    p.update(2)
    p.close()
    guard case .display(let first, let id?) = events.first else { Issue.record("expected a display with an id"); return }
    #expect(first[MimeType.html]?.contains("<progress value=\"1\" max=\"2\"") == true)
    #expect(events.dropFirst().allSatisfy { if case .update(_, let u) = $0 { return u == id } else { return false } })
    #expect(events.count == 3)
  }

  @Test func testScriptProgress() {
    let interpreter = Interpreter()
    nonisolated(unsafe) var out = ""
    interpreter.writeStdout = { out += $0 }
    let session = Session(interpreter: interpreter, isInteractive: false)
    nonisolated(unsafe) var results: [CellResult] = []
    Interpreter.runOnLargeStack {
      results.append(session.execute("import hps\np = hps.Progress(total=3, desc='demo')\nfor i in range(3):\n    p.update()\np.set_postfix(loss=0.25)\np.close()\np.n, p.total"))
      results.append(session.execute("hps.Progress(total=-1)"))
    }
    #expect(results[0].resultBundle?.plainText == "(3, 3)")
    #expect(out.contains("demo: 100%|████████████████████| 3/3"))
    #expect(out.contains("loss=0.25]"))
    guard case .error(let name, let message, _) = results[1].outcome else { Issue.record("expected an error"); return }
    #expect(name == "ValueError")
    #expect(message == "Progress total must be a non-negative int or None, got -1")
  }
}

@Suite struct DisplayProgressStudyTests {
  @Test func testProgressOfAStudy() throws {
    var lines: [String] = []
    let progress = ProgressDisplay(router: nil, total: 5, description: "Trials", mode: .lines, write: { lines.append($0) }, flush: {})
    let study = try Study.create(logger: .silent)
    var values: [Double] = [3, 1, 4, 1.5, 0.5]
    try study.optimize(nTrials: 5, callbacks: [progress.studyCallback()]) { t in
      _ = try t.suggestFloat("x", low: 0, high: 1)
      return values.removeFirst()
    }
    progress.close()
    #expect(progress.completed == 5)
    #expect(lines.first?.hasPrefix("Trials:  20%|") == true)
    #expect(lines.first?.contains("best=3]") == true)
    #expect(lines.last?.hasPrefix("Trials: 100%|") == true)
    #expect(lines.last?.contains("best=0.5]") == true)
  }
}
