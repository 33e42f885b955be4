// What `display()`, `update_display()` and `clear_output()` ask a front end to do; the Jupyter
// kernel turns these into display_data, update_display_data and clear_output messages.

public enum DisplayEvent: Equatable {
  /// Show a new output; `displayID` names it for later updates (Jupyter's `transient.display_id`).
  case display(MimeBundle, displayID: String?)
  /// Replace every output shown under `displayID`.
  case update(MimeBundle, displayID: String)
  /// Clear the cell's outputs; with `wait`, only when the next output arrives.
  case clearOutput(wait: Bool)
}

/// A Swift object (plot, table, progress) that a script value wraps and that draws itself.
/// `accepting` lets it skip representations the front end will not use (an SVG in a terminal).
public protocol MimeRepresentable: AnyObject {
  func mimeBundle(accepting: Set<String>) -> MimeBundle
}
