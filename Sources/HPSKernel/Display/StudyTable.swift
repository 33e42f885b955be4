// Tables about searches: one row per trial (Optuna's trials_dataframe) or one row per study, for
// comparing studies side by side (samplers on one benchmark, say).
import Foundation
import HPSSearch

extension Table {
  /// The trials of a study, with Optuna's column names.
  public static func trials(_ study: any StudyView, states: Set<TrialState>? = nil, maxRows: Int = 60) -> Table {
    Table(TrialsTable(trials: study.trials(states: states), objectiveCount: study.directions.count), maxRows: maxRows)
  }

  /// One row per study: name, direction(s), trial counts by state, best value and parameters
  /// (for multi-objective studies, the size of the Pareto front instead).
  public static func studies(_ studies: [any StudyView]) -> Table {
    let columns = ["study", "direction", "complete", "pruned", "fail", "best value", "best trial", "best params"]
    let rows = studies.map { study -> [String] in
      let all = study.trials(states: nil)
      let completed = all.filter { $0.state == .complete }
      let direction = study.directions.map { $0.name.lowercased() }.joined(separator: ", ")
      func count(_ s: TrialState) -> String { String(all.filter { $0.state == s }.count) }
      var best = ("None", "None", "")
      if study.isMultiObjective {
        let front = ParetoFront.trials(completed, directions: study.directions)
        best = ("\(front.count) on the Pareto front", front.map { String($0.number) }.prefix(8).joined(separator: " "), "")
      } else if let trial = completed.filter({ $0.value != nil }).min(by: { a, b in
        study.direction.isBetter(a.value ?? 0, than: b.value ?? 0)
      }) {
        let params = trial.params.keys.sorted().map { "\($0)=\(trial.params[$0]?.description ?? "")" }.joined(separator: ", ")
        best = (TickFormat.value(trial.value ?? .nan), String(trial.number), params)
      }
      return [study.studyName, direction, String(completed.count), count(.pruned), count(.fail), best.0, best.1, best.2]
    }
    return Table(columns: columns, rows: rows, numeric: [false, false, true, true, true, true, true, false])
  }
}
