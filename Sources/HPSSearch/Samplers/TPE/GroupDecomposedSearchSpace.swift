// Optuna's group decomposition for TPE (`group=True`): the parameters of a define-by-run space
// split into groups that always appear together. Each trial's parameter set cuts every existing
// group into the part it contains and the part it does not; parameters seen for the first time
// form a new group. Multivariate TPE then models each group jointly.

enum GroupDecomposedSearchSpace {
  /// Groups (as search spaces) of the given finished trials, in first-seen order.
  static func groups(_ trials: [FrozenTrial]) -> [SearchSpace] {
    var groups: [SearchSpace] = []
    for t in trials where t.state == .complete || t.state == .pruned {
      var remaining = t.distributions
      var next: [SearchSpace] = []
      for g in groups {
        var inside: SearchSpace = [:], outside: SearchSpace = [:]
        for (name, d) in g {
          if let td = remaining[name] {
            // A parameter whose distribution changed cannot be modelled with its old trials.
            if td == d { inside[name] = d }
            remaining[name] = nil
          } else {
            outside[name] = d
          }
        }
        if !inside.isEmpty { next.append(inside) }
        if !outside.isEmpty { next.append(outside) }
      }
      if !remaining.isEmpty { next.append(remaining) }
      groups = next
    }
    return groups
  }
}
