import Foundation
import Testing

@testable import HPSKernel

/// Tick placement and labels: the part of a plot a reader checks first.
@Suite struct PlotAxisTests {
  @Test func testNiceLinearTicks() {
    #expect(Axis.niceTicks(0, 1, target: 6, integer: false) == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    #expect(Axis.niceTicks(-5, 5, target: 5, integer: false) == [-5, -2.5, 0, 2.5, 5])
    #expect(Axis.niceTicks(0, 19, target: 6, integer: true) == [0, 5, 10, 15, 20])
    #expect(Axis.niceTicks(0, 3, target: 10, integer: true) == [0, 1, 2, 3])
    #expect(Axis.niceStep(0.0003) == 0.0005)
    #expect(Axis.niceStep(7) == 10)
  }

  @Test func testResolvedAxisCoversTheDataWithLabels() {
    let axis = Axis("loss").resolve([0.12, 0.87])
    #expect(axis.low <= 0.12 && axis.high >= 0.87)
    // The 3% margin brings the low end within half a step of 0, so the axis starts at 0.
    #expect(axis.ticks.map(\.label) == ["0", "0.2", "0.4", "0.6", "0.8"])
    #expect(axis.fraction(axis.low) == 0)
    let constant = Axis("v").resolve([3, 3, 3])
    #expect(constant.low < 3 && constant.high > 3)
  }

  @Test func testLogTicks() {
    let wide = Axis("lr", scale: .log).resolve([1e-4, 1e-1])
    #expect(wide.ticks.map(\.label) == ["1e-4", "0.001", "0.01", "0.1"])
    let narrow = Axis("lr", scale: .log).resolve([0.01, 0.5])
    #expect(narrow.ticks.map(\.label) == ["0.01", "0.02", "0.05", "0.1", "0.2", "0.5"])
    #expect(Axis("lr", scale: .log).resolve([1, 100]).fraction(-1) == nil)
  }

  @Test func testCategoricalAxis() {
    let axis = Axis("optimizer", categories: ["adam", "sgd", "rmsprop"]).resolve([])
    #expect(axis.ticks.map(\.label) == ["adam", "sgd", "rmsprop"])
    #expect(axis.fraction(1) == 0.5)
  }

  @Test func testTickLabels() {
    #expect(TickFormat.label(0.30000000000000004, step: 0.1) == "0.3")
    #expect(TickFormat.label(-2.5, step: 2.5) == "-2.5")
    #expect(TickFormat.label(1_500_000, step: 500_000) == "1.5e6")
    #expect(TickFormat.label(0.00015, step: 0.00005) == "1.5e-4")
    #expect(TickFormat.label(40, step: 10) == "40")
    #expect(TickFormat.logLabel(1e-5) == "1e-5")
    #expect(TickFormat.value(.nan) == "nan")
  }
}

@Suite struct PlotSVGNumberTests {
  @Test func testCoordinatesHaveAtMostTwoDecimals() {
    #expect(SVGWriter.number(12) == "12")
    #expect(SVGWriter.number(12.5) == "12.5")
    #expect(SVGWriter.number(-0.25) == "-0.25")
    #expect(SVGWriter.number(-0.004) == "0")
    #expect(SVGWriter.number(3.14159) == "3.14")
    #expect(SVGWriter.number(7.05) == "7.05")
    #expect(SVGWriter.number(-1.999) == "-2")
    #expect(SVGWriter.escape("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
  }
}
