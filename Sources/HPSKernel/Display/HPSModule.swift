// The script-visible `hps` module: what Optuna, Ray Tune and W&B do not have. This part holds the
// display functions (also builtins), DisplayHandle, Progress and tables; plots live in `hps.plot`.
import HPSScript

enum HPSModule {
  static func make(_ router: DisplayRouter) -> NativeModule {
    NativeModule("hps", doc: "hps extras: display(), update_display(), clear_output(), Progress, table(); plots in hps.plot.") { _ in
      var members: [(String, Value)] = DisplayBuiltins.functions(router).map { ($0.0, .object($0.1)) }
      members.append(("DisplayHandle", DisplayHandleClass.shared.value))
      members.append(("Progress", ProgressClass.shared.value))
      members.append(("Table", TableValue.tableClass.value))
      members.append(("table", .object(TableValue.function)))
      return members
    }
  }
}
