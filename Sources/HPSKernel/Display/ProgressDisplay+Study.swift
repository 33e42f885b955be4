// A search's progress: one step per finished trial with the best value so far, as Optuna's
// `show_progress_bar=True` shows it. Pass `studyCallback()` in `Study.optimize(callbacks:)`.
import Foundation
import HPSSearch

extension ProgressDisplay {
  /// Advances once per finished trial and shows `best=<value>` (single objective) or the size of
  /// the Pareto front. Worker threads (n_jobs > 1) call it concurrently, so updates are serialized.
  public func studyCallback() -> StudyCallback {
    let lock = NSLock()
    return { [weak self] study, _ in
      guard let self else { return }
      lock.lock()
      defer { lock.unlock() }
      var postfix: [(String, String)] = []
      if study.directions.count == 1, let best = try? study.bestValue() {
        postfix = [("best", TickFormat.value(best))]
      } else if study.directions.count > 1, let front = try? study.bestTrials() {
        postfix = [("pareto", String(front.count))]
      }
      self.advance(by: 1, postfix: postfix)
    }
  }
}
