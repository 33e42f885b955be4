import Foundation
import HPSSearch
import Testing

@testable import HPSKernel

/// Each Optuna plot as SVG: well-formed XML with the expected series, point counts and labels.
@Suite struct PlotSVGTests {
  @Test func testOptimizationHistory() throws {
    let study = try PlotFixtures.singleObjective()
    let completed = study.trials(states: [.complete]).count
    let svg = PlotSVGInspector(try StudyPlots.optimizationHistory(study).svg())
    #expect(svg.isWellFormed)
    #expect(svg.texts(withClass: "title") == ["Optimization History Plot"])
    #expect(svg.texts(withClass: "axis-label") == ["Trial", "Objective Value"])
    #expect(svg.count("circle", inSeries: "Objective Value") == completed)
    #expect(svg.tickLabels("x") == ["0", "5", "10", "15", "20"])
    // The best-so-far line never gets worse: lower values are further down, so y pixels never decrease.
    let best = svg.elements.first { $0.name == "polyline" && $0.groups.contains { $0.name == "Best Value" } }
    let ys = (best?.attributes["points"] ?? "").split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }
    #expect(ys.count == completed)
    #expect(zip(ys, ys.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(svg.texts(withClass: "legend").isEmpty)  // legend texts are unclassed; check the group instead
    #expect(svg.elements.contains { $0.name == "g" && $0.attributes["class"] == "legend" })
  }

  @Test func testOptimizationHistoryOfSeveralStudies() throws {
    let a = try PlotFixtures.singleObjective()
    let b = StudySnapshot(studyName: "other", directions: [.minimize], trials: a.trials(states: [.complete]).prefix(5).map { $0 })
    let svg = PlotSVGInspector(try StudyPlots.optimizationHistory(studies: [a, b]).svg())
    #expect(svg.seriesNames == ["Objective Value of quadratic", "Best Value of quadratic", "Objective Value of other", "Best Value of other"])
    #expect(svg.count("circle", inSeries: "Objective Value of other") == 5)
  }

  @Test func testSliceHasOnePanelPerParameterWithScales() throws {
    let study = try PlotFixtures.singleObjective()
    let svg = PlotSVGInspector(try StudyPlots.slice(study).svg())
    #expect(svg.isWellFormed)
    #expect(svg.texts(withClass: "x") == ["lr (log scale)", "optimizer", "x"])
    #expect(svg.elements.filter { $0.name == "circle" }.count == 3 * 17)
    let xTicks = svg.tickLabels("x")
    #expect(xTicks.contains("0.001") && xTicks.contains("adam") && xTicks.contains("sgd"))
    #expect(svg.texts(withClass: "colorbar-label") == ["Trial", "Trial", "Trial"])
  }

  @Test func testContourHeatmapAndPoints() throws {
    let study = try PlotFixtures.singleObjective()
    let plot = try StudyPlots.contour(study, params: ["x", "lr"], resolution: 20)
    let svg = PlotSVGInspector(plot.svg())
    #expect(svg.isWellFormed)
    #expect(svg.elements.filter { $0.name == "rect" && $0.groups.contains { $0.cls == "heatmap" } }.count == 400)
    #expect(svg.count("circle", inSeries: "Trial") == 17)
    #expect(svg.texts(withClass: "axis-label") == ["x", "lr (log scale)"])
    let all = try StudyPlots.contour(study)
    #expect(all.panels.count == 3)  // lr×optimizer, lr×x, optimizer×x
  }

  @Test func testParallelCoordinates() throws {
    let svg = PlotSVGInspector(try StudyPlots.parallelCoordinate(try PlotFixtures.singleObjective()).svg())
    #expect(svg.isWellFormed)
    #expect(svg.count("polyline", inSeries: "trials") == 17)
    #expect(svg.texts(withClass: "parallel") == ["Objective Value", "lr (log scale)", "optimizer", "x"])
    let labels = svg.elements.filter { $0.name == "text" && $0.groups.contains { $0.name == "optimizer" } }.map(\.text)
    #expect(labels.contains("adam") && labels.contains("sgd"))
  }

  @Test func testIntermediateValuesShowPrunedTrials() throws {
    let svg = PlotSVGInspector(try StudyPlots.intermediateValues(try PlotFixtures.singleObjective()).svg())
    #expect(svg.isWellFormed)
    #expect(svg.seriesNames.count == 12)
    #expect(svg.seriesNames.filter { $0.hasSuffix("(pruned)") } == ["Trial5 (pruned)", "Trial11 (pruned)"])
    #expect(svg.elements.filter { $0.attributes["class"] == "pruned-mark" }.count == 2)
    #expect(svg.count("circle", inSeries: "Trial0") == 6)
    #expect(svg.elements.first { $0.name == "polyline" && $0.groups.contains { $0.name == "Trial5 (pruned)" } }?.attributes["stroke-dasharray"] != nil)
  }

  @Test func testImportancesMostImportantOnTop() throws {
    let plot = StudyPlots.parameterImportances([(name: "x", importance: 0.7), (name: "lr", importance: 0.25), (name: "optimizer", importance: 0.05)])
    let svg = PlotSVGInspector(plot.svg())
    #expect(svg.isWellFormed)
    #expect(svg.elements.filter { $0.name == "rect" && $0.groups.contains { $0.cls == "series" } }.count == 3)
    let ticks = svg.elements.filter { $0.name == "text" && $0.groups.contains { $0.cls == "tick y" } }
    let y = Dictionary(uniqueKeysWithValues: ticks.map { ($0.text, Double($0.attributes["y"] ?? "") ?? 0) })
    #expect((y["x"] ?? 0) < (y["lr"] ?? 0) && (y["lr"] ?? 0) < (y["optimizer"] ?? 0))
    #expect(svg.texts(withClass: "bar-value") == ["0.05", "0.25", "0.7"])
  }

  @Test func testImportancesFromTheStudy() throws {
    let plot = try StudyPlots.parameterImportances(try PlotFixtures.singleObjective(), evaluator: .fanova(nTrees: 16, maxDepth: 8, seed: 1))
    #expect(plot.panels.first?.yAxis.categories.sorted() == ["lr", "optimizer", "x"])
    // x drives the objective; it is the top bar.
    #expect(plot.panels.first?.yAxis.categories.last == "x")
  }

  @Test func testParetoFront() throws {
    let study = try PlotFixtures.twoObjectives()
    let svg = PlotSVGInspector(try StudyPlots.paretoFront(study, targetNames: ["error", "size"]).svg())
    #expect(svg.isWellFormed)
    #expect(svg.count("circle", inSeries: "Best Trial") == 6)
    #expect(svg.count("circle", inSeries: "Trial") == 6)
    #expect(svg.texts(withClass: "axis-label") == ["error", "size"])
    let front = try StudyPlots.paretoFront(study, includeDominatedTrials: false)
    #expect(front.panels[0].series.map(\.name) == ["Best Trial"])
  }

  @Test func testTrainingCurvesFromLogHistory() throws {
    let history: [[String: Double]] = [
      ["loss": 2.0, "learning_rate": 1e-3, "step": 10], ["loss": 1.2, "step": 20],
      ["eval_loss": 1.4, "eval_accuracy": 0.6, "eval_runtime": 0.1, "step": 20], ["loss": 0.8, "step": 30],
      ["eval_loss": 1.0, "eval_accuracy": 0.7, "step": 30],
    ]
    let plot = try TrainingPlots.logHistory(history)
    let svg = PlotSVGInspector(plot.svg())
    #expect(svg.isWellFormed)
    #expect(svg.seriesNames == ["loss", "eval_loss", "eval_accuracy"])
    #expect(svg.count("circle", inSeries: "loss") == 3)
    #expect(svg.count("circle", inSeries: "eval_accuracy") == 2)
    #expect(svg.texts(withClass: "y") == ["Loss", "eval_accuracy"])
    let picked = try TrainingPlots.logHistory(history, metrics: ["eval_loss"], logScale: true)
    #expect(picked.panels.count == 1 && picked.panels[0].yAxis.scale == .log)
  }

  @Test func testBadArgumentsAreNamed() throws {
    let multi = try PlotFixtures.twoObjectives()
    #expect(throws: PlotError.self) { try StudyPlots.optimizationHistory(multi) }
    do {
      _ = try StudyPlots.slice(try PlotFixtures.singleObjective(), params: ["nope"])
      Issue.record("expected an error")
    } catch let e as PlotError {
      #expect(e.description == "plot_slice(): params: Parameter 'nope' does not exist in your study.")
    }
    #expect(throws: PlotError.self) { try StudyPlots.paretoFront(try PlotFixtures.singleObjective()) }
    #expect(throws: PlotError.self) { try TrainingPlots.curves([("loss", [(0, 1), (1, 0)])], logScale: true) }
    #expect(throws: PlotError.self) { try TrainingPlots.logHistory([["loss": 1]], metrics: ["accuracy"]) }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("plot-\(UUID().uuidString).png").path
    #expect(throws: PlotError.unsupportedFormat(path: path, ext: "png")) { try StudyPlots.intermediateValues(multi).save(to: path) }
  }

  @Test func testEmptyStudySaysSo() throws {
    let empty = StudySnapshot(trials: [])
    let plot = try StudyPlots.intermediateValues(empty)
    #expect(PlotSVGInspector(plot.svg()).texts(withClass: "empty") == ["No data to plot"])
    #expect(plot.text().contains("No data to plot"))
    #expect(PlotSVGInspector(try StudyPlots.optimizationHistory(empty).svg()).isWellFormed)
    #expect(try StudyPlots.contour(empty).panels.isEmpty)
  }

  @Test func testSaveWritesEachFormat() throws {
    let plot = try StudyPlots.optimizationHistory(try PlotFixtures.singleObjective())
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plots-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for ext in ["svg", "txt", "html"] {
      let path = dir.appendingPathComponent("history.\(ext)").path
      try plot.save(to: path)
      let text = try String(contentsOfFile: path, encoding: .utf8)
      switch ext {
      case "svg": #expect(PlotSVGInspector(text).isWellFormed && text.hasPrefix("<svg"))
      case "txt": #expect(text == plot.text())
      default: #expect(text.contains("<!DOCTYPE html>") && text.contains("<svg"))
      }
    }
  }
}
