// A plot as data: one or more panels, each with two axes and layers (series, bars, a heatmap,
// parallel coordinates). Builders (StudyPlots, TrainingPlots) make them; SVGRenderer draws them
// for notebooks and TextRenderer as Unicode charts for terminals.
import Foundation

/// A point; `color` places it on the panel's color scale, `tooltip` names it (trial number).
public struct PlotPoint: Equatable {
  public var x: Double
  public var y: Double
  public var color: Double?
  public var tooltip: String?
  public init(_ x: Double, _ y: Double, color: Double? = nil, tooltip: String? = nil) {
    self.x = x
    self.y = y
    self.color = color
    self.tooltip = tooltip
  }
}

/// A named set of points drawn one way.
public struct Series: Equatable {
  public enum Style: Equatable {
    case markers
    case line
    case lineAndMarkers
    /// A line for something that ended early (a pruned trial): dashed, with a cross at its end.
    case truncatedLine
    /// Horizontal bars from 0 to x at row y (importances).
    case horizontalBars
  }
  public var name: String
  public var points: [PlotPoint]
  public var style: Style
  /// Index into the palette; nil uses the series' position.
  public var colorIndex: Int?
  /// Markers colored by `PlotPoint.color` on the panel's color scale instead of the series color.
  public var usesColorScale: Bool
  public var showInLegend: Bool

  public init(
    _ name: String, _ points: [PlotPoint], style: Style = .markers, colorIndex: Int? = nil,
    usesColorScale: Bool = false, showInLegend: Bool = true
  ) {
    self.name = name
    self.points = points
    self.style = style
    self.colorIndex = colorIndex
    self.usesColorScale = usesColorScale
    self.showInLegend = showInLegend
  }
}

/// Values on a regular grid (contour plots), drawn as colored cells under the series.
public struct Heatmap: Equatable {
  public var xGrid: [Double]
  public var yGrid: [Double]
  /// `z[i][j]` at (`xGrid[j]`, `yGrid[i]`); NaN cells stay empty.
  public var z: [[Double]]
  public init(xGrid: [Double], yGrid: [Double], z: [[Double]]) {
    self.xGrid = xGrid
    self.yGrid = yGrid
    self.z = z
  }
}

/// Parallel coordinates: one vertical axis per column, one polyline per row.
public struct ParallelLayer: Equatable {
  public var axes: [Axis]
  /// One row per line, values in axis order (categorical columns hold choice indices).
  public var rows: [[Double]]
  /// Each row's value on the panel's color scale.
  public var colors: [Double]
  public var tooltips: [String]
  public init(axes: [Axis], rows: [[Double]], colors: [Double], tooltips: [String] = []) {
    self.axes = axes
    self.rows = rows
    self.colors = colors
    self.tooltips = tooltips
  }
}

/// A continuous color scale with a labelled color bar.
public struct ColorScale: Equatable {
  public enum Palette: Equatable {
    /// Light to dark blue (contours, Optuna's "Blues").
    case blues
    /// Dark blue through green to yellow (trial order, objective values).
    case viridis
  }
  public var label: String
  public var palette: Palette
  /// Larger values drawn darker/lighter: with `reversed`, the low end is drawn as the high end.
  public var reversed: Bool
  public init(_ label: String, palette: Palette = .viridis, reversed: Bool = false) {
    self.label = label
    self.palette = palette
    self.reversed = reversed
  }
}

/// One chart area.
public struct PlotPanel: Equatable {
  public var title: String?
  public var xAxis: Axis
  public var yAxis: Axis
  public var series: [Series]
  public var heatmap: Heatmap?
  public var parallel: ParallelLayer?
  public var colorScale: ColorScale?

  public init(
    title: String? = nil, xAxis: Axis, yAxis: Axis, series: [Series] = [], heatmap: Heatmap? = nil,
    parallel: ParallelLayer? = nil, colorScale: ColorScale? = nil
  ) {
    self.title = title
    self.xAxis = xAxis
    self.yAxis = yAxis
    self.series = series
    self.heatmap = heatmap
    self.parallel = parallel
    self.colorScale = colorScale
  }

  /// Nothing to draw: no points, heatmap cells or parallel lines.
  var isEmpty: Bool {
    series.allSatisfy(\.points.isEmpty) && (heatmap?.z.allSatisfy { $0.allSatisfy { !$0.isFinite } } ?? true)
      && (parallel?.rows.isEmpty ?? true)
  }

  /// The range of values on the color scale, from points, heatmap and parallel rows.
  var colorRange: ClosedRange<Double>? {
    var values = series.filter(\.usesColorScale).flatMap { $0.points.compactMap(\.color) }
    if let heatmap { values += heatmap.z.flatMap { $0 } }
    if let parallel { values += parallel.colors }
    let finite = values.filter(\.isFinite)
    guard let lo = finite.min(), let hi = finite.max() else { return nil }
    return lo...hi
  }
}

/// A finished figure: `svg()` for notebooks, `text()` for terminals, `save(to:)` for files, and a
/// MIME bundle (`image/svg+xml` + `text/plain`) for display.
public struct Plot: Equatable {
  public var title: String
  public var panels: [PlotPanel]
  /// Panels per row in SVG; the text rendering stacks panels vertically.
  public var columns: Int

  public init(title: String, panels: [PlotPanel], columns: Int? = nil) {
    self.title = title
    self.panels = panels
    self.columns = max(1, columns ?? min(panels.count, 3))
  }

  public func svg(width: Int? = nil, height: Int? = nil) -> String {
    SVGRenderer(plot: self, width: width, height: height).render()
  }

  /// A Unicode chart `width` columns wide with plot areas `height` rows tall.
  public func text(width: Int = 72, height: Int = 16) -> String {
    TextRenderer(plot: self, width: width, height: height).render()
  }

  public func mimeBundle(accepting accepted: Set<String>) -> MimeBundle {
    var bundle = MimeBundle()
    if accepted.contains(MimeType.svg) {
      bundle[MimeType.svg] = svg()
      bundle[MimeType.plainText] = text()
    } else {
      // Only a terminal will read the text: fit its width.
      bundle[MimeType.plainText] = text(width: TerminalWidth.current)
    }
    return bundle
  }

  /// Writes `.svg` (SVG), `.txt` (Unicode chart) or `.html` (SVG in a page), chosen by extension.
  public func save(to path: String) throws {
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    let contents: String
    switch ext {
    case "svg": contents = svg()
    case "txt": contents = text()
    case "html", "htm":
      contents = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>\(SVGWriter.escape(title))</title></head><body>\n"
        + svg() + "\n</body></html>\n"
    default:
      throw PlotError.unsupportedFormat(path: path, ext: ext)
    }
    do {
      try contents.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw PlotError.cannotWrite(path: path, reason: error.localizedDescription)
    }
  }
}

public enum PlotError: Error, Equatable, CustomStringConvertible {
  case unsupportedFormat(path: String, ext: String)
  case cannotWrite(path: String, reason: String)
  /// A builder argument was wrong: which function, which argument, what was wrong.
  case invalidArgument(function: String, argument: String, message: String)

  public var description: String {
    switch self {
    case .unsupportedFormat(let path, let ext):
      return "cannot save plot to '\(path)': unsupported format '\(ext.isEmpty ? "(none)" : "." + ext)'; use .svg, .txt or .html"
    case .cannotWrite(let path, let reason):
      return "cannot save plot to '\(path)': \(reason)"
    case .invalidArgument(let function, let argument, let message):
      return "\(function)(): \(argument): \(message)"
    }
  }
}

/// The series colors, in order (a categorical palette chosen for contrast on white).
enum Palette {
  static let colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
  static func color(_ index: Int) -> String { colors[((index % colors.count) + colors.count) % colors.count] }

  /// Color at `t` in [0, 1] on a scale.
  static func scale(_ palette: ColorScale.Palette, _ t: Double) -> String {
    let stops: [(Double, Double, Double)]
    switch palette {
    case .blues: stops = [(247, 251, 255), (198, 219, 239), (107, 174, 214), (33, 113, 181), (8, 48, 107)]
    case .viridis: stops = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
    }
    let clamped = min(max(t.isFinite ? t : 0, 0), 1)
    let position = clamped * Double(stops.count - 1)
    let i = min(Int(position), stops.count - 2)
    let f = position - Double(i)
    func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * f).rounded()) }
    let (a, b) = (stops[i], stops[i + 1])
    return String(format: "#%02x%02x%02x", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
  }
}
