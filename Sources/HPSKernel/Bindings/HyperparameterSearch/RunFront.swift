// The best trial, or the Pareto front over several directions, for backends that keep no Optuna
// study of their own objectives (ray, wandb). Complete trials count; when there are none, the
// early-stopped ones do (Ray ranks those by their last report too).
import HPSSearch

enum RunFront {
  struct Entry {
    let number: Int
    let values: [Double]
    /// Ran to the end (not stopped by a scheduler or hyperband).
    let complete: Bool
  }

  static func best(_ entries: [Entry], direction: StudyDirection) -> Entry? {
    let usable = candidates(entries)
    return usable.min { a, b in
      direction == .maximize ? a.values[0] > b.values[0] : a.values[0] < b.values[0]
    }
  }

  /// Trials no other trial dominates (at least as good in every direction, better in one),
  /// by trial number.
  static func front(_ entries: [Entry], directions: [StudyDirection]) -> [Entry] {
    let usable = candidates(entries).filter { $0.values.count == directions.count }
    func better(_ a: Double, _ b: Double, _ d: StudyDirection) -> Bool { d == .maximize ? a > b : a < b }
    func dominates(_ a: Entry, _ b: Entry) -> Bool {
      var strictly = false
      for (i, d) in directions.enumerated() {
        if better(b.values[i], a.values[i], d) { return false }
        if better(a.values[i], b.values[i], d) { strictly = true }
      }
      return strictly
    }
    return usable.filter { e in !usable.contains { dominates($0, e) } }.sorted { $0.number < $1.number }
  }

  private static func candidates(_ entries: [Entry]) -> [Entry] {
    let finite = entries.filter { !$0.values.isEmpty && $0.values.allSatisfy(\.isFinite) }
    let complete = finite.filter(\.complete)
    return complete.isEmpty ? finite : complete
  }
}
