// The parameters common to every finished trial (Optuna's `intersection_search_space`): the
// search space a relative sampler can model jointly.

/// Computes the intersection of the search spaces of finished trials, incrementally.
///
/// A parameter belongs to the intersection when every COMPLETE trial (and PRUNED trial with
/// `includePruned`) has it with an equal distribution. The cache remembers how far it has read,
/// so each call only looks at trials that finished since the last one. Thread-safe.
public final class IntersectionSearchSpace: Sendable {
  public let includePruned: Bool
  private let cache = Locked<(space: SearchSpace?, seen: Set<Int>, studyName: String?)>((nil, [], nil))

  public init(includePruned: Bool = false) {
    self.includePruned = includePruned
  }

  /// The current intersection; single-value distributions are kept (callers that need them
  /// dropped, like TPE, filter with `isSingle`).
  public func calculate(study: any StudyView) -> SearchSpace {
    let states: Set<TrialState> = includePruned ? [.complete, .pruned] : [.complete]
    let trials = study.trials(states: states)
    return cache.withLock { c in
      if c.studyName != study.studyName {
        c = (nil, [], study.studyName)
      }
      for trial in trials where !c.seen.contains(trial.number) {
        c.seen.insert(trial.number)
        c.space = IntersectionSearchSpace.intersect(c.space, trial.distributions)
      }
      return c.space ?? [:]
    }
  }

  /// One-shot intersection of a list of trials' distributions.
  public static func of(_ trials: [FrozenTrial], includePruned: Bool = false) -> SearchSpace {
    var space: SearchSpace?
    for trial in trials where trial.state == .complete || (includePruned && trial.state == .pruned) {
      space = intersect(space, trial.distributions)
    }
    return space ?? [:]
  }

  private static func intersect(_ space: SearchSpace?, _ other: [String: Distribution]) -> SearchSpace {
    guard let space else { return other }
    var result: SearchSpace = [:]
    for (name, dist) in space where other[name] == dist {
      result[name] = dist
    }
    return result
  }
}
