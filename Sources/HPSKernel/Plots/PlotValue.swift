// Plots as script values: a native `Figure` class whose instances display as SVG in notebooks and
// as Unicode charts in terminals, with `save()` and the plotly-style `write_image`/`write_html`/
// `show` that Optuna users call on the figures `optuna.visualization` returns.
import Foundation
import HPSScript
import HPSSearch

/// The Swift object inside a script `Figure`.
public final class PlotBox: MimeRepresentable {
  public var plot: Plot
  public init(_ plot: Plot) { self.plot = plot }
  public func mimeBundle(accepting accepted: Set<String>) -> MimeBundle { plot.mimeBundle(accepting: accepted) }
}

public enum PlotValue {
  /// Wraps a plot for scripts (what `optuna.visualization.plot_*` and `hps.plot.*` return).
  public static func make(_ plot: Plot, vm: VM) throws -> Value {
    let v = try vm.callValue(figureClass.value, [])
    guard case .instance(let instance) = v else { throw vm.error("RuntimeError", "Figure construction failed") }
    instance.native = PlotBox(plot)
    return v
  }

  /// Builds a plot and wraps it for scripts; plot and search argument errors become the ValueError
  /// Optuna raises (`optuna.visualization.plot_*` bindings call this around StudyPlots).
  public static func make(vm: VM, _ build: () throws -> Plot) throws -> Value {
    let plot: Plot
    do {
      plot = try build()
    } catch let e as PlotError {
      throw scriptError(e, vm)
    } catch let e as SearchError {
      throw vm.error("ValueError", "\(e)")
    }
    return try make(plot, vm: vm)
  }

  /// The plot inside a script value, if it is a Figure.
  public static func plot(from v: Value) -> Plot? { NativeClass.payload(v, as: PlotBox.self)?.plot }

  static func box(_ v: Value, _ vm: VM) throws -> PlotBox {
    guard let box = NativeClass.payload(v, as: PlotBox.self) else {
      throw vm.error("TypeError", "this Figure has no plot; figures come from hps.plot or optuna.visualization functions")
    }
    return box
  }

  /// Swift plot errors as the script exceptions Python code expects.
  static func scriptError(_ error: Error, _ vm: VM) -> Error {
    guard let e = error as? PlotError else { return error }
    switch e {
    case .cannotWrite: return vm.error("OSError", e.description)
    case .unsupportedFormat, .invalidArgument: return vm.error("ValueError", e.description)
    }
  }

  static func save(_ args: BoundArguments, _ vm: VM) throws -> Value {
    guard let path = args["path"].asString else { throw vm.error("TypeError", "save() path must be a str, not \(args["path"].typeName)") }
    do {
      try box(args["self"], vm).plot.save(to: path)
    } catch {
      throw scriptError(error, vm)
    }
    return .none
  }

  static func size(_ v: Value, name: String, default d: Int, range: ClosedRange<Int>, _ vm: VM) throws -> Int {
    if v.isNone { return d }
    guard let n = v.asInt, range.contains(n) else {
      throw vm.error("ValueError", "\(name) must be an int in \(range.lowerBound)...\(range.upperBound), got \((try? vm.repr(v)) ?? v.typeName)")
    }
    return n
  }

  static let figureClass = NativeClass(
    name: "Figure", module: "hps.plot",
    doc: "A plot drawn by hps: SVG in notebooks, a Unicode chart in terminals. save('f.svg' | 'f.txt' | 'f.html').",
    subclassable: false,
    initializer: NativeFunction("__init__", Signature([.init("self")])) { _, _ in .none },
    methods: [
      NativeFunction("save", Signature([.init("self"), .init("path")]), doc: "Write the plot: .svg (SVG), .txt (Unicode chart) or .html.") { vm, a in
        try save(a, vm)
      },
      NativeFunction("write_image", Signature([.init("self"), .init("path")], kwargs: "kwargs"), doc: "plotly's name for save(); .svg or .txt.") { vm, a in
        try save(a, vm)
      },
      NativeFunction("write_html", Signature([.init("self"), .init("path")], kwargs: "kwargs"), doc: "Write an HTML page with the SVG plot.") { vm, a in
        guard let path = a["path"].asString else { throw vm.error("TypeError", "write_html() path must be a str") }
        guard path.lowercased().hasSuffix(".html") || path.lowercased().hasSuffix(".htm") else {
          throw vm.error("ValueError", "write_html() path must end in .html, got '\(path)'")
        }
        return try save(a, vm)
      },
      NativeFunction("show", Signature([.init("self")]), doc: "Display the plot now (as display(fig)).") { vm, a in
        guard let router = DisplayRouter.router(for: vm) else { throw vm.error("RuntimeError", "display is not available") }
        router.display(a["self"])
        return .none
      },
      NativeFunction("to_svg", Signature([.init("self")]), doc: "The SVG text.") { vm, a in .str(try box(a["self"], vm).plot.svg()) },
      NativeFunction("_repr_svg_", Signature([.init("self")])) { vm, a in .str(try box(a["self"], vm).plot.svg()) },
      NativeFunction(
        "to_text", Signature([.init("self"), .init("width", default: .int(72)), .init("height", default: .int(16))]),
        doc: "The Unicode chart, width columns wide with height-row plot areas."
      ) { vm, a in
        let w = try size(a["width"], name: "width", default: 72, range: 30...400, vm)
        let h = try size(a["height"], name: "height", default: 16, range: 4...200, vm)
        return .str(try box(a["self"], vm).plot.text(width: w, height: h))
      },
      NativeFunction("__repr__", Signature([.init("self")])) { vm, a in
        guard let plot = NativeClass.payload(a["self"], as: PlotBox.self)?.plot else { return .str("<Figure (empty)>") }
        return .str("<Figure '\(plot.title)' with \(plot.panels.count) panel\(plot.panels.count == 1 ? "" : "s")>")
      },
    ],
    properties: [
      NativeProperty("title", doc: "The plot's title.") { vm, i in .str(try box(.instance(i), vm).plot.title) }
    ]
  )
}
