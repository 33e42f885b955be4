import Foundation
import HPSScript
import HPSSearch
import Testing

@testable import HPSKernel

/// The Optuna-named plot functions, driven through a stand-in binding: a script value wrapping a
/// StudySnapshot, trials shown to `target` as dicts.
@Suite struct PlotStudyFunctionTests {
  static let studyClass = NativeClass(name: "FakeStudy", module: "test", initializer: NativeFunction("__init__", signature: "(self)") { _, _, _ in .none })

  @Test func testPlotFunctionsWithABinding() throws {
    StudyPlotFunctions.binding = StudyPlotBinding(
      study: { NativeClass.payload($0, as: StudySnapshot.self) },
      trial: { t, vm in try vm.makeDict([("number", .int(t.number)), ("value", t.value.map { .float($0) } ?? .none)]) })
    let interpreter = Interpreter()
    interpreter.writeStdout = { _ in }
    let session = Session(interpreter: interpreter, isInteractive: false)
    let snapshot = try PlotFixtures.singleObjective()
    nonisolated(unsafe) var results: [CellResult] = []
    Interpreter.runOnLargeStack {
      let v = try? interpreter.vm.callValue(Self.studyClass.value, [])
      if case .instance(let i)? = v { i.native = snapshot }
      interpreter[global: "study"] = v
      for cell in [
        "import hps.plot as p\nfig = p.plot_optimization_history(study)\nfig.title",
        "p.plot_optimization_history(study, target=lambda t: t['value'] * 2, target_name='double')",
        "p.plot_optimization_history(study, target=lambda t: 1 / 0)",
        "p.plot_slice(study, params=['nope'])",
        "p.plot_pareto_front(study)",
        "p.plot_intermediate_values(study).title",
        "p.plot_contour(study, params=['x', 'lr']).title",
        "p.plot_parallel_coordinate(study).title",
        "p.plot_slice(42)",
      ] {
        results.append(session.execute(cell))
      }
    }
    func error(_ i: Int) -> (String, String)? {
      if case .error(let n, let m, _) = results[i].outcome { return (n, m) }
      return nil
    }
    #expect(results[0].resultBundle?.plainText == "'Optimization History Plot'")
    let targeted = session.outputs[2].flatMap(PlotValue.plot(from:))
    #expect(targeted?.panels.first?.series.map(\.name) == ["double"])
    let doubled = targeted?.panels.first?.series.first?.points.map(\.y) ?? []
    let values = snapshot.trials(states: [.complete]).compactMap(\.value).map { $0 * 2 }
    #expect(doubled == values)
    #expect(error(2)?.0 == "ZeroDivisionError")
    #expect(error(3)?.0 == "ValueError")
    #expect(error(3)?.1 == "plot_slice(): params: Parameter 'nope' does not exist in your study.")
    #expect(error(4)?.1 == "plot_pareto_front(): study: `plot_pareto_front` needs a multi-objective study")
    #expect(results[5].resultBundle?.plainText == "'Intermediate Values Plot'")
    #expect(results[6].resultBundle?.plainText == "'Contour Plot'")
    #expect(results[7].resultBundle?.plainText == "'Parallel Coordinate Plot'")
    #expect(error(8)?.1 == "plot_slice() study must be an optuna Study, not int")
  }
}
