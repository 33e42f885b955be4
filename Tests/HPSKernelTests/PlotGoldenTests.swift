import Foundation
import HPSSearch
import Testing

@testable import HPSKernel

/// Unicode charts compared with golden files in PlotGolden/. After an intended change, regenerate
/// them with HPS_UPDATE_GOLDEN=1 and review the diff.
@Suite struct PlotGoldenTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("PlotGolden")

  private func check(_ plot: Plot, _ name: String, width: Int = 72, height: Int = 16) throws {
    let text = plot.text(width: width, height: height)
    let url = PlotGoldenTests.directory.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["HPS_UPDATE_GOLDEN"] == "1" {
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let golden = try String(contentsOf: url, encoding: .utf8)
    #expect(text == golden, "\(name).txt differs; rerun with HPS_UPDATE_GOLDEN=1 to see the diff")
    // No line is wider than asked, and none ends in spaces.
    for line in text.split(separator: "\n") {
      #expect(line.count <= width, "\(name): line wider than \(width): \(line)")
      #expect(line.last != " ")
    }
  }

  @Test func testOptimizationHistory() throws {
    try check(try StudyPlots.optimizationHistory(try PlotFixtures.singleObjective()), "optimization_history")
  }

  @Test func testSlice() throws {
    try check(try StudyPlots.slice(try PlotFixtures.singleObjective(), params: ["lr", "optimizer"]), "slice", height: 10)
  }

  @Test func testIntermediateValues() throws {
    try check(try StudyPlots.intermediateValues(try PlotFixtures.singleObjective()), "intermediate_values")
  }

  @Test func testImportances() throws {
    try check(
      StudyPlots.parameterImportances([(name: "x", importance: 0.7), (name: "lr", importance: 0.25), (name: "optimizer", importance: 0.05)]),
      "importances", width: 60)
  }

  @Test func testContour() throws {
    try check(try StudyPlots.contour(try PlotFixtures.singleObjective(), params: ["x", "lr"], resolution: 20), "contour", height: 12)
  }

  @Test func testParallelCoordinates() throws {
    try check(try StudyPlots.parallelCoordinate(try PlotFixtures.singleObjective()), "parallel_coordinate", height: 12)
  }

  @Test func testParetoFront() throws {
    try check(try StudyPlots.paretoFront(try PlotFixtures.twoObjectives()), "pareto_front", height: 12)
  }

  @Test func testTrainingCurvesLogScale() throws {
    func decay(_ i: Int, _ scale: Double, _ rate: Double, _ floor: Double) -> (Double, Double) {
      let value: Double = scale * exp(-Double(i) / rate) + floor
      return (Double(i * 10), value)
    }
    let loss: [(Double, Double)] = (0..<30).map { decay($0, 2.5, 6, 0.05) }
    let eval: [(Double, Double)] = stride(from: 0, to: 30, by: 5).map { decay($0, 2.6, 7, 0.1) }
    try check(try TrainingPlots.curves([("loss", loss), ("eval_loss", eval)], yLabel: "Loss", logScale: true), "training_curves_log")
  }
}
