// Exhaustive search over a Cartesian grid (Optuna's GridSampler): each grid point is visited
// once, in a seeded shuffled order; the study stops when the grid is exhausted.
import Foundation

/// Visits every combination of the given values once.
///
/// Trial number i (while i < grid size) takes point i of the shuffled grid; later trials (other
/// workers, resumed studies) take a random point that is neither finished nor running. If every
/// point is taken, a random point is re-evaluated with a warning. `afterTrial` calls
/// `study.stop()` once no unvisited point is left.
public final class GridSampler: Sampler, @unchecked Sendable {
  public let searchSpace: [String: [ParamValue]]
  /// Sorted parameter names; the columns of `grid`.
  public let names: [String]
  /// Every combination, shuffled with the seed.
  public let grid: [[ParamValue]]
  private let rng: Locked<SeededRandom>
  private let logger: SearchLogger
  /// The grid's identity in system attrs, so trials of another grid in the same study are ignored.
  private let spaceKey: JSONValue

  public init(searchSpace: [String: [ParamValue]], seed: Int? = nil, logger: SearchLogger = SearchLogger.current) {
    self.searchSpace = searchSpace
    self.logger = logger
    names = searchSpace.keys.sorted()
    var points: [[ParamValue]] = [[]]
    for name in names {
      let values = searchSpace[name] ?? []
      points = points.flatMap { prefix in values.map { prefix + [$0] } }
    }
    var shuffler = SeededRandom(seed: seed ?? 0)
    points.shuffle(using: &shuffler)
    grid = points
    rng = Locked(SeededRandom(seed: seed))
    spaceKey = .object(searchSpace.mapValues { .array($0.map(\.json)) })
  }

  public func inferRelativeSearchSpace(study: any StudyView, trial: FrozenTrial) -> SearchSpace { [:] }
  public func sampleRelative(study: any StudyView, trial: FrozenTrial, searchSpace: SearchSpace) -> [String: ParamValue] { [:] }

  public func beforeTrial(study: any StudyView, trial: FrozenTrial) {
    // Enqueued trials keep their own parameters.
    if trial.systemAttrs["grid_id"] != nil || trial.systemAttrs["fixed_params"] != nil { return }
    var gridID: Int
    if trial.number < grid.count {
      gridID = trial.number
    } else {
      var targets = unvisitedGridIDs(study)
      if targets.isEmpty {
        logger.warning(
          "`GridSampler` is re-evaluating a configuration because the grid has been exhausted. This may "
            + "happen due to a timing issue during distributed optimization or when re-running "
            + "optimizations on already finished studies.")
        targets = Array(grid.indices)
      }
      gridID = targets[rng.withLock { $0.nextIndex(targets.count) }]
    }
    if grid.isEmpty { gridID = 0 }
    try? study.setTrialSystemAttr(trialID: trial.trialID, key: "search_space", value: spaceKey)
    try? study.setTrialSystemAttr(trialID: trial.trialID, key: "grid_id", value: .int(gridID))
  }

  public func sampleIndependent(
    study: any StudyView, trial: FrozenTrial, name: String, distribution: Distribution
  ) throws -> ParamValue {
    guard let column = names.firstIndex(of: name) else {
      throw SearchError.invalidArgument(
        function: "GridSampler", argument: name, message: "The parameter name, \(name), is not found in the given grid.")
    }
    guard let gridID = trial.systemAttrs["grid_id"]?.intValue, grid.indices.contains(gridID) else {
      throw SearchError.invalidArgument(function: "GridSampler", argument: name, message: "the trial has no grid point.")
    }
    let value = grid[gridID][column]
    if !distribution.containsExternal(value) {
      logger.warning(
        "The value `\(value)` is out of range of the parameter `\(name)`. The value will be used but the "
          + "actual distribution is: `\(distribution)`.")
    }
    return value
  }

  public func afterTrial(study: any StudyView, trial: FrozenTrial, state: TrialState, values: [Double]?) {
    let targets = unvisitedGridIDs(study)
    if targets.isEmpty {
      study.stop()
    } else if targets.count == 1, let own = trial.systemAttrs["grid_id"]?.intValue, own == targets[0] {
      study.stop()
    }
  }

  /// Grid points not finished; running points count as taken unless nothing else is left.
  func unvisitedGridIDs(_ study: any StudyView) -> [Int] {
    var visited = Set<Int>()
    var running = Set<Int>()
    for trial in study.trials(states: nil) where trial.systemAttrs["search_space"] == spaceKey {
      guard let id = trial.systemAttrs["grid_id"]?.intValue else { continue }
      if trial.state.isFinished { visited.insert(id) } else if trial.state == .running { running.insert(id) }
    }
    let free = grid.indices.filter { !visited.contains($0) && !running.contains($0) }
    return free.isEmpty ? grid.indices.filter { !visited.contains($0) } : free
  }

  public func reseedRng() { rng.withLock { $0 = SeededRandom(seed: nil as UInt64?) } }
}
