// TPE's memory of one study between suggestions. Trials below `watermark` are all finished (and
// finished trials never change), so each suggestion reads only the trials from the watermark on
// — usually the running ones — and converts only the trials that finished since the last one.

final class TPEStudyState {
  let studyName: String
  /// Every trial numbered below this was finished when read; the COMPLETE and PRUNED ones are in
  /// `finished`, ordered by number.
  private(set) var watermark = 0
  private(set) var finished: [FrozenTrial] = []
  /// Trials numbered from the watermark on, as read for `readFor` (any state).
  private(set) var pending: [FrozenTrial] = []
  private var readFor: Int?
  /// The intersection of the finished trials' spaces and how many of `finished` it has seen.
  private var intersection: SearchSpace?
  private var intersected = 0
  private var spaces: [SearchSpace: TPESpaceState] = [:]

  init(studyName: String) { self.studyName = studyName }

  func hasRead(_ trialNumber: Int) -> Bool { readFor == trialNumber }

  /// Reads the study once per trial: the new finished trials join `finished`, the rest is `pending`.
  func refresh(study: any StudyView, trialNumber: Int) {
    if readFor == trialNumber { return }
    readFor = trialNumber
    let fresh = study.trials(states: nil, numberAtLeast: watermark)
    var i = 0
    while i < fresh.count, fresh[i].state.isFinished {
      if fresh[i].state != .fail { finished.append(fresh[i]) }
      i += 1
    }
    if i > 0 { watermark = i < fresh.count ? fresh[i].number : fresh[i - 1].number + 1 }
    pending = Array(fresh[i...])
  }

  /// COMPLETE and PRUNED trials, plus RUNNING ones with the liar, ordered by number.
  func history(constantLiar: Bool) -> [FrozenTrial] {
    finished + pending.filter { isObserved($0, constantLiar: constantLiar) }
  }

  func isObserved(_ t: FrozenTrial, constantLiar: Bool) -> Bool {
    t.state == .complete || t.state == .pruned || (constantLiar && t.state == .running)
  }

  /// Optuna's intersection search space over COMPLETE and PRUNED trials.
  func intersectionSpace() -> SearchSpace {
    func meet(_ t: FrozenTrial) {
      if let current = intersection {
        intersection = current.filter { t.distributions[$0.key] == $0.value }
      } else {
        intersection = t.distributions
      }
    }
    for t in finished[intersected...] { meet(t) }
    intersected = finished.count
    for t in pending where t.state == .complete || t.state == .pruned { meet(t) }
    return intersection ?? [:]
  }

  /// Runs `body` on the converted history for `space` (parameters in `names` order, `current`
  /// left out) and the cache describing its leading finished part. The unfinished tail is
  /// appended in place for the call and removed after, so the kept rows are never copied.
  func withObserved<T>(space: SearchSpace, names: [String], current: Int, constantLiar: Bool,
                       convert: (FrozenTrial) -> TPEObservedTrial,
                       _ body: ([TPEObservedTrial], TPEKernelCache) -> T) -> T {
    let state: TPESpaceState
    if let s = spaces[space] {
      state = s
    } else {
      state = TPESpaceState(dimensionCount: names.count)
      spaces[space] = state
    }
    while state.observed.count < finished.count {
      let t = convert(finished[state.observed.count])
      state.observed.append(t)
      state.cache.append(t)
    }
    let kept = state.observed.count
    for t in pending where t.number != current && isObserved(t, constantLiar: constantLiar) {
      state.observed.append(convert(t))
    }
    defer { state.observed.removeSubrange(kept...) }
    return body(state.observed, state.cache)
  }

  /// Stores a finished trial's constraint violation where it was already absorbed (the sampler
  /// records constraints after the trial finished, and another thread may have read it since).
  func patch(number: Int, constraints: [Double], key: String, violation: Double) {
    guard let i = finished.firstIndex(where: { $0.number == number }) else { return }
    finished[i].systemAttrs[key] = .array(constraints.map { .double($0) })
    for s in spaces.values where i < s.observed.count { s.observed[i].constraintViolation = violation }
  }
}

final class TPESpaceState {
  var observed: [TPEObservedTrial] = []
  let cache: TPEKernelCache
  init(dimensionCount: Int) { cache = TPEKernelCache(dimensionCount: dimensionCount) }
}
