import Foundation
import HPSScript
import HPSSearch
import Testing

@testable import HPSKernel

/// Tables: aligned text in terminals, HTML in notebooks, from trials and from script rows.
@Suite struct DisplayTableTests {
  @Test func testAlignedText() {
    let t = Table(columns: ["number", "value", "state"], rows: [["0", "1.5", "COMPLETE"], ["12", "None", "PRUNED"]])
    #expect(t.numeric == [true, true, false])
    #expect(t.text() == """
      number  value  state
      ──────  ─────  ────────
           0    1.5  COMPLETE
          12   None  PRUNED
      [2 rows × 3 columns]
      """)
  }

  @Test func testHTMLEscapesAndElides() {
    let rows = (0..<10).map { ["\($0)", "<b>\($0)</b>"] }
    let t = Table(columns: ["n", "html"], rows: rows, maxRows: 4)
    let html = t.html()
    #expect(html.contains("&lt;b&gt;0&lt;/b&gt;"))
    #expect(!html.contains("<b>"))
    #expect(html.components(separatedBy: "<tr>").count - 1 == 1 + 5)  // header, 2 head rows, "…", 2 tail rows
    #expect(t.text().contains("…"))
  }

  @Test func testTrialsTable() throws {
    let study = try PlotFixtures.singleObjective()
    let table = Table(TrialsTable(trials: study.trials(states: nil), objectiveCount: 1))
    #expect(table.columns.first == "number")
    #expect(table.columns.contains("params_lr"))
    #expect(table.rows.count == 20)
    #expect(table.rows[7].last == "FAIL")
    #expect(table.rows[7][1] == "None")
  }

  @Test func testScriptTable() {
    let interpreter = Interpreter()
    interpreter.writeStdout = { _ in }
    let s = Session(interpreter: interpreter, isInteractive: false)
    s.acceptedMimeTypes = MimeType.notebook
    nonisolated(unsafe) var r: [CellResult] = []
    Interpreter.runOnLargeStack {
      r.append(s.execute("import hps\nhps.table([{'lr': 0.001, 'acc': 0.9}, {'lr': 0.01, 'opt': 'sgd'}])"))
      r.append(s.execute("hps.table([[1, 2], [3]], columns=['a', 'b'])"))
    }
    let bundle = r[0].resultBundle
    #expect(bundle?.mimeTypes == ["text/html", "text/plain"])
    #expect(bundle?.plainText?.hasPrefix("   lr  acc  opt\n") == true)
    if case .error(let name, let message, _) = r[1].outcome {
      #expect(name == "ValueError")
      #expect(message == "table() row 1 has 1 values for 2 columns")
    } else {
      Issue.record("expected a ValueError")
    }
  }
}

@Suite struct DisplayStudyTableTests {
  @Test func testStudiesSideBySide() throws {
    let table = Table.studies([try PlotFixtures.singleObjective(), try PlotFixtures.twoObjectives()])
    #expect(table.rows.count == 2)
    let single = table.rows[0]
    let study = try PlotFixtures.singleObjective()
    let best = study.trials(states: [.complete]).min { ($0.value ?? 0) < ($1.value ?? 0) }
    #expect(single[0] == "quadratic" && single[1] == "minimize")
    #expect(single[2] == "17" && single[3] == "2" && single[4] == "1")
    #expect(single[6] == String(best?.number ?? -1))
    #expect(single[7].hasPrefix("lr="))
    #expect(table.rows[1][5] == "6 on the Pareto front")
    #expect(table.text().contains("quadratic"))
    #expect(Table.trials(study, states: [.pruned]).rows.count == 2)
  }
}
