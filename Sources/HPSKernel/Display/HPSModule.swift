// The script-visible `hps` module: what Optuna, Ray Tune and W&B do not have. This part holds the
// display functions (also builtins) and the DisplayHandle class; plots and progress add to it.
import HPSScript

enum HPSModule {
  /// Extra members other parts of HPSKernel contribute (plots, progress), by name.
  nonisolated(unsafe) static var contributions: [(VM) throws -> [(String, Value)]] = []

  static func make(_ router: DisplayRouter) -> NativeModule {
    NativeModule("hps", doc: "hps extras: display(), update_display(), clear_output(), plots that render in terminals and notebooks.") { vm in
      var members: [(String, Value)] = DisplayBuiltins.functions(router).map { ($0.0, .object($0.1)) }
      members.append(("DisplayHandle", DisplayHandleClass.shared.value))
      for contribution in contributions { members += try contribution(vm) }
      return members
    }
  }
}
