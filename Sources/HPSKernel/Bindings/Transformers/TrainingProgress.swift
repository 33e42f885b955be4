// Transformers' training progress bar for `trainer.train()`: one display updated in place in
// notebooks and Jupyter, a line redrawn on a terminal. Pipes and logs get nothing (the returned
// TrainOutput says it all), and `TrainingArguments(disable_tqdm=True)` turns it off, as in
// Transformers. Searches train their trials without it: their own progress line counts trials.
import Foundation
import HPSScript
import HPSTraining

final class TrainingProgress: TrainerCallback {
  private let router: DisplayRouter?
  private var display: ProgressDisplay?

  /// A progress callback for this interpreter's front end, or nil where none would be seen.
  static func make(_ vm: VM, _ args: TrainingArguments) -> TrainingProgress? {
    guard !args.disableTqdm else { return nil }
    let router = DisplayRouter.router(for: vm)
    guard router?.supportsUpdates == true || isatty(STDOUT_FILENO) == 1 else { return nil }
    return TrainingProgress(router: router)
  }

  private init(router: DisplayRouter?) { self.router = router }

  func onTrainBegin(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {
    display = ProgressDisplay(router: router, total: state.maxSteps > 0 ? state.maxSteps : nil, description: "train")
  }

  func onStepEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {
    display?.update(state.globalStep)
  }

  func onLog(args: TrainingArguments, state: TrainerState, control: inout TrainerControl, logs: Metrics) throws {
    var postfix: [(String, String)] = []
    if let epoch = state.epoch { postfix.append(("epoch", String(format: "%.2f", epoch))) }
    if let loss = logs["loss"] { postfix.append(("loss", String(format: "%.4g", loss))) }
    if let eval = logs["eval_loss"] { postfix.append(("eval_loss", String(format: "%.4g", eval))) }
    if !postfix.isEmpty { display?.setPostfix(postfix) }
  }

  func onTrainEnd(args: TrainingArguments, state: TrainerState, control: inout TrainerControl) throws {
    display?.update(state.globalStep)
    display?.close()
    display = nil
  }
}
