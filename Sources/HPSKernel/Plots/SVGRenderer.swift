// Draws a Plot as a standalone SVG document: title, panels in a grid, each with framed axes, nice
// ticks, axis labels, its layers, a legend and a color bar. Elements carry classes (`series`,
// `tick`, `axis-label`, `legend`, ...) and `data-name`s so tests and stylesheets can find them.
import Foundation

struct SVGRenderer {
  let plot: Plot
  let width: Double
  let height: Double
  let panelWidth: Double
  let panelHeight: Double
  static let titleHeight = 40.0
  static let font = "font-family=\"Helvetica, Arial, sans-serif\""

  init(plot: Plot, width: Int?, height: Int?) {
    self.plot = plot
    let columns = Double(plot.columns)
    let rows = Double((plot.panels.count + plot.columns - 1) / max(plot.columns, 1))
    let single = plot.panels.count <= 1
    let defaultPanelWidth = single ? 720.0 : 420.0
    let defaultPanelHeight = single ? 440.0 : 340.0
    self.width = width.map(Double.init) ?? defaultPanelWidth * columns
    self.height = height.map(Double.init) ?? (SVGRenderer.titleHeight + defaultPanelHeight * max(rows, 1))
    panelWidth = self.width / columns
    panelHeight = (self.height - SVGRenderer.titleHeight) / max(rows, 1)
  }

  func render() -> String {
    var w = SVGWriter()
    w.raw(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGWriter.number(width))\" height=\"\(SVGWriter.number(height))\" "
        + "viewBox=\"0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))\" \(SVGRenderer.font) font-size=\"12\">\n")
    w.empty("rect", [("x", "0"), ("y", "0"), ("width", SVGWriter.number(width)), ("height", SVGWriter.number(height)), ("fill", "white")])
    w.element(
      "text", [("class", "title"), ("x", SVGWriter.number(width / 2)), ("y", "26"), ("text-anchor", "middle"), ("font-size", "18")],
      text: plot.title)
    for (index, panel) in plot.panels.enumerated() {
      let column = Double(index % plot.columns)
      let row = Double(index / plot.columns)
      drawPanel(panel, index: index, x: column * panelWidth, y: SVGRenderer.titleHeight + row * panelHeight, into: &w)
    }
    if plot.panels.isEmpty {
      w.element(
        "text", [("class", "empty"), ("x", SVGWriter.number(width / 2)), ("y", SVGWriter.number(height / 2)), ("text-anchor", "middle")],
        text: "No data to plot")
    }
    w.raw("</svg>\n")
    return w.text
  }

  private func legendEntries(_ panel: PlotPanel) -> [Series] { panel.series.filter { $0.showInLegend && !$0.name.isEmpty } }

  private func drawPanel(_ panel: PlotPanel, index: Int, x originX: Double, y originY: Double, into w: inout SVGWriter) {
    let g = PanelGeometry(panel)
    let legend = legendEntries(panel)
    let showLegend = legend.count > 1 || (legend.count == 1 && panel.colorScale == nil && panel.series.count > 1)
    let longestY = g.y.ticks.map(\.label.count).max() ?? 1
    var left = 30 + Double(min(longestY, 18)) * 7
    if panel.parallel != nil { left = 80 }
    let right: Double = 16 + (panel.colorScale != nil ? 84 : 0) + (panel.parallel != nil ? 30 : 0) + (showLegend ? 150 : 0)
    let top = panel.title == nil ? 14.0 : 34.0
    let bottom = 56.0
    let area = (x: originX + left, y: originY + top, w: max(panelWidth - left - right, 40), h: max(panelHeight - top - bottom, 40))
    func px(_ f: Double) -> Double { area.x + f * area.w }
    func py(_ f: Double) -> Double { area.y + (1 - f) * area.h }

    w.open("g", [("class", "panel"), ("data-index", String(index))])
    w.raw("\n")
    if let title = panel.title {
      w.element(
        "text", [("class", "panel-title"), ("x", SVGWriter.number(area.x + area.w / 2)), ("y", SVGWriter.number(originY + 22)),
          ("text-anchor", "middle"), ("font-size", "14")], text: title)
    }
    let clip = "clip-\(index)"
    w.raw("<defs><clipPath id=\"\(clip)\"><rect x=\"\(SVGWriter.number(area.x))\" y=\"\(SVGWriter.number(area.y))\" width=\"\(SVGWriter.number(area.w))\" height=\"\(SVGWriter.number(area.h))\"/></clipPath></defs>\n")
    w.empty("rect", [("class", "frame"), ("x", SVGWriter.number(area.x)), ("y", SVGWriter.number(area.y)), ("width", SVGWriter.number(area.w)),
      ("height", SVGWriter.number(area.h)), ("fill", "#f8f9fb"), ("stroke", "#444"), ("stroke-width", "1")])

    if let parallel = panel.parallel {
      drawParallel(parallel, geometry: g, area: area, into: &w)
    } else {
      // Grid and ticks.
      for tick in g.x.ticks {
        let xx = px(g.x.fraction(plotted: tick.position))
        w.open("g", [("class", "tick x")])
        w.empty("line", [("x1", SVGWriter.number(xx)), ("y1", SVGWriter.number(area.y)), ("x2", SVGWriter.number(xx)),
          ("y2", SVGWriter.number(area.y + area.h)), ("stroke", "#e3e6ea")])
        w.empty("line", [("x1", SVGWriter.number(xx)), ("y1", SVGWriter.number(area.y + area.h)), ("x2", SVGWriter.number(xx)),
          ("y2", SVGWriter.number(area.y + area.h + 5)), ("stroke", "#444")])
        w.element("text", [("x", SVGWriter.number(xx)), ("y", SVGWriter.number(area.y + area.h + 18)), ("text-anchor", "middle")], text: tick.label)
        w.close("g")
      }
      for tick in g.y.ticks {
        let yy = py(g.y.fraction(plotted: tick.position))
        w.open("g", [("class", "tick y")])
        w.empty("line", [("x1", SVGWriter.number(area.x)), ("y1", SVGWriter.number(yy)), ("x2", SVGWriter.number(area.x + area.w)),
          ("y2", SVGWriter.number(yy)), ("stroke", "#e3e6ea")])
        w.empty("line", [("x1", SVGWriter.number(area.x - 5)), ("y1", SVGWriter.number(yy)), ("x2", SVGWriter.number(area.x)),
          ("y2", SVGWriter.number(yy)), ("stroke", "#444")])
        w.element("text", [("x", SVGWriter.number(area.x - 8)), ("y", SVGWriter.number(yy + 4)), ("text-anchor", "end")], text: String(tick.label.prefix(18)))
        w.close("g")
      }
      w.element(
        "text", [("class", "axis-label x"), ("x", SVGWriter.number(area.x + area.w / 2)), ("y", SVGWriter.number(area.y + area.h + 42)),
          ("text-anchor", "middle"), ("font-size", "13")], text: axisTitle(panel.xAxis))
      let labelX = originX + 16
      let labelY = area.y + area.h / 2
      w.element(
        "text", [("class", "axis-label y"), ("x", SVGWriter.number(labelX)), ("y", SVGWriter.number(labelY)), ("text-anchor", "middle"),
          ("font-size", "13"), ("transform", "rotate(-90 \(SVGWriter.number(labelX)) \(SVGWriter.number(labelY)))")], text: axisTitle(panel.yAxis))

      if let heatmap = panel.heatmap { drawHeatmap(heatmap, geometry: g, area: area, clip: clip, into: &w) }
      for (i, series) in panel.series.enumerated() {
        drawSeries(series, index: i, geometry: g, area: area, clip: clip, into: &w)
      }
    }
    if panel.isEmpty {
      w.element(
        "text", [("class", "empty"), ("x", SVGWriter.number(area.x + area.w / 2)), ("y", SVGWriter.number(area.y + area.h / 2)),
          ("text-anchor", "middle"), ("fill", "#777")], text: "No data to plot")
    }
    if let scale = panel.colorScale, let range = g.colorRange {
      drawColorBar(scale, range: range, x: area.x + area.w + (showLegend ? 166 : 16), y: area.y, height: area.h, into: &w)
    }
    if showLegend { drawLegend(legend, panel: panel, x: area.x + area.w + 12, y: area.y + 4, into: &w) }
    w.close("g")
  }

  private func axisTitle(_ axis: Axis) -> String { axis.scale == .log ? axis.label + " (log scale)" : axis.label }

  private func color(_ series: Series, index: Int) -> String { Palette.color(series.colorIndex ?? index) }

  private func drawSeries(
    _ series: Series, index: Int, geometry g: PanelGeometry, area: (x: Double, y: Double, w: Double, h: Double), clip: String,
    into w: inout SVGWriter
  ) {
    let stroke = color(series, index: index)
    func position(_ p: PlotPoint) -> (Double, Double)? {
      guard let fx = g.x.fraction(p.x), let fy = g.y.fraction(p.y) else { return nil }
      return (area.x + fx * area.w, area.y + (1 - fy) * area.h)
    }
    w.open("g", [("class", "series"), ("data-name", series.name), ("data-style", "\(series.style)"), ("clip-path", "url(#\(clip))")])
    w.raw("\n")
    switch series.style {
    case .horizontalBars:
      let band = area.h / max(g.y.high - g.y.low, 1)
      let zero = g.x.fraction(g.x.isLog ? Foundation.pow(10, g.x.low) : 0) ?? 0
      for p in series.points {
        guard let fx = g.x.fraction(p.x), let fy = g.y.fraction(p.y) else { continue }
        let x0 = area.x + min(zero, fx) * area.w
        let yy = area.y + (1 - fy) * area.h
        w.element("rect", [("x", SVGWriter.number(x0)), ("y", SVGWriter.number(yy - band * 0.35)), ("width", SVGWriter.number(abs(fx - zero) * area.w)),
          ("height", SVGWriter.number(band * 0.7)), ("fill", stroke)], tooltip: p.tooltip)
        w.element("text", [("class", "bar-value"), ("x", SVGWriter.number(area.x + max(zero, fx) * area.w + 4)), ("y", SVGWriter.number(yy + 4)),
          ("font-size", "11")], text: TickFormat.value(p.x))
      }
    default:
      if series.style != .markers {
        let coordinates = series.points.compactMap(position)
        if coordinates.count > 1 {
          var attrs = [("points", coordinates.map { "\(SVGWriter.number($0.0)),\(SVGWriter.number($0.1))" }.joined(separator: " ")),
            ("fill", "none"), ("stroke", stroke), ("stroke-width", series.style == .truncatedLine ? "1.2" : "1.8")]
          if series.style == .truncatedLine { attrs.append(("stroke-dasharray", "4 3")) }
          w.empty("polyline", attrs)
        }
      }
      if series.style == .markers || series.style == .lineAndMarkers {
        for p in series.points {
          guard let (cx, cy) = position(p) else { continue }
          let fill = series.usesColorScale ? Palette.scale(g.panel.colorScale?.palette ?? .viridis, g.colorFraction(p.color ?? 0)) : stroke
          w.element("circle", [("cx", SVGWriter.number(cx)), ("cy", SVGWriter.number(cy)), ("r", "3.5"), ("fill", fill),
            ("stroke", "white"), ("stroke-width", "0.6")], tooltip: p.tooltip)
        }
      }
      if series.style == .truncatedLine, let last = series.points.last, let (cx, cy) = position(last) {
        w.element("path", [("class", "pruned-mark"), ("d", "M\(SVGWriter.number(cx - 4)),\(SVGWriter.number(cy - 4))l8,8m0,-8l-8,8"),
          ("stroke", stroke), ("stroke-width", "2")], tooltip: last.tooltip ?? series.name)
      }
    }
    w.close("g")
  }

  private func drawHeatmap(
    _ h: Heatmap, geometry g: PanelGeometry, area: (x: Double, y: Double, w: Double, h: Double), clip: String, into w: inout SVGWriter
  ) {
    let xs = PanelGeometry.cellEdges(h.xGrid, on: g.x)
    let ys = PanelGeometry.cellEdges(h.yGrid, on: g.y)
    let palette = g.panel.colorScale?.palette ?? .blues
    w.open("g", [("class", "heatmap"), ("clip-path", "url(#\(clip))")])
    w.raw("\n")
    for (i, row) in h.z.enumerated() where i + 1 < ys.count {
      for (j, z) in row.enumerated() where j + 1 < xs.count && z.isFinite {
        let x0 = area.x + xs[j] * area.w
        let x1 = area.x + xs[j + 1] * area.w
        let y0 = area.y + (1 - ys[i + 1]) * area.h
        let y1 = area.y + (1 - ys[i]) * area.h
        w.empty("rect", [("x", SVGWriter.number(x0)), ("y", SVGWriter.number(y0)), ("width", SVGWriter.number(x1 - x0 + 0.3)),
          ("height", SVGWriter.number(y1 - y0 + 0.3)), ("fill", Palette.scale(palette, g.colorFraction(z)))])
      }
    }
    w.close("g")
  }

  private func drawParallel(
    _ layer: ParallelLayer, geometry g: PanelGeometry, area: (x: Double, y: Double, w: Double, h: Double), into w: inout SVGWriter
  ) {
    let n = layer.axes.count
    guard n > 0 else { return }
    let resolved = layer.axes.enumerated().map { k, axis in axis.resolve(layer.rows.compactMap { k < $0.count ? $0[k] : nil }, targetTicks: 5) }
    func axisX(_ k: Int) -> Double { n == 1 ? area.x + area.w / 2 : area.x + Double(k) / Double(n - 1) * area.w }
    let palette = g.panel.colorScale?.palette ?? .viridis
    w.open("g", [("class", "series"), ("data-name", "trials"), ("data-style", "parallel")])
    w.raw("\n")
    for (r, row) in layer.rows.enumerated() {
      var coordinates: [String] = []
      for (k, v) in row.enumerated() where k < n {
        guard let f = resolved[k].fraction(v) else { continue }
        coordinates.append("\(SVGWriter.number(axisX(k))),\(SVGWriter.number(area.y + (1 - f) * area.h))")
      }
      let c = r < layer.colors.count ? Palette.scale(palette, g.colorFraction(layer.colors[r])) : Palette.color(0)
      w.element("polyline", [("points", coordinates.joined(separator: " ")), ("fill", "none"), ("stroke", c), ("stroke-width", "1.4"),
        ("stroke-opacity", "0.8")], tooltip: r < layer.tooltips.count ? layer.tooltips[r] : nil)
    }
    w.close("g")
    for (k, axis) in layer.axes.enumerated() {
      let xx = axisX(k)
      w.open("g", [("class", "parallel-axis"), ("data-name", axis.label)])
      w.empty("line", [("x1", SVGWriter.number(xx)), ("y1", SVGWriter.number(area.y)), ("x2", SVGWriter.number(xx)),
        ("y2", SVGWriter.number(area.y + area.h)), ("stroke", "#222"), ("stroke-width", "1.2")])
      for tick in resolved[k].ticks {
        let yy = area.y + (1 - resolved[k].fraction(plotted: tick.position)) * area.h
        w.empty("line", [("x1", SVGWriter.number(xx - 4)), ("y1", SVGWriter.number(yy)), ("x2", SVGWriter.number(xx)), ("y2", SVGWriter.number(yy)), ("stroke", "#222")])
        w.element("text", [("x", SVGWriter.number(xx - 6)), ("y", SVGWriter.number(yy + 4)), ("text-anchor", "end"), ("font-size", "10")], text: String(tick.label.prefix(12)))
      }
      w.element("text", [("class", "axis-label parallel"), ("x", SVGWriter.number(xx)), ("y", SVGWriter.number(area.y + area.h + 20)),
        ("text-anchor", "middle"), ("font-size", "12")], text: axisTitle(axis))
      w.close("g")
    }
  }

  private func drawColorBar(_ scale: ColorScale, range: ClosedRange<Double>, x: Double, y: Double, height: Double, into w: inout SVGWriter) {
    w.open("g", [("class", "colorbar"), ("data-name", scale.label)])
    w.raw("\n")
    let steps = 24
    for s in 0..<steps {
      let t0 = Double(s) / Double(steps)
      let t = scale.reversed ? 1 - (t0 + 0.5 / Double(steps)) : t0 + 0.5 / Double(steps)
      w.empty("rect", [("x", SVGWriter.number(x)), ("y", SVGWriter.number(y + (1 - t0 - 1 / Double(steps)) * height)), ("width", "14"),
        ("height", SVGWriter.number(height / Double(steps) + 0.5)), ("fill", Palette.scale(scale.palette, t))])
    }
    let ticks = Axis.niceTicks(range.lowerBound, range.upperBound, target: 5, integer: false)
      .filter { $0 >= range.lowerBound && $0 <= range.upperBound }
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : max(range.upperBound - range.lowerBound, 1)
    for t in ticks {
      let f = range.upperBound > range.lowerBound ? (t - range.lowerBound) / (range.upperBound - range.lowerBound) : 0.5
      w.element("text", [("x", SVGWriter.number(x + 18)), ("y", SVGWriter.number(y + (1 - f) * height + 4)), ("font-size", "10")],
        text: TickFormat.label(t, step: step))
    }
    let labelX = x + 62
    let labelY = y + height / 2
    w.element(
      "text", [("class", "colorbar-label"), ("x", SVGWriter.number(labelX)), ("y", SVGWriter.number(labelY)), ("text-anchor", "middle"),
        ("font-size", "11"), ("transform", "rotate(90 \(SVGWriter.number(labelX)) \(SVGWriter.number(labelY)))")], text: scale.label)
    w.close("g")
  }

  /// Legend entries beyond this are summarised ("… and 12 more"), as a 100-trial legend helps nobody.
  static let maxLegendEntries = 12

  private func drawLegend(_ entries: [Series], panel: PlotPanel, x: Double, y: Double, into w: inout SVGWriter) {
    w.open("g", [("class", "legend")])
    w.raw("\n")
    for (k, series) in entries.prefix(SVGRenderer.maxLegendEntries).enumerated() {
      let index = panel.series.firstIndex(of: series) ?? k
      let c = color(series, index: index)
      let yy = y + Double(k) * 18
      switch series.style {
      case .markers:
        w.empty("circle", [("cx", SVGWriter.number(x + 8)), ("cy", SVGWriter.number(yy + 6)), ("r", "4"), ("fill", c)])
      case .horizontalBars:
        w.empty("rect", [("x", SVGWriter.number(x)), ("y", SVGWriter.number(yy + 1)), ("width", "16"), ("height", "10"), ("fill", c)])
      default:
        var attrs = [("x1", SVGWriter.number(x)), ("y1", SVGWriter.number(yy + 6)), ("x2", SVGWriter.number(x + 16)), ("y2", SVGWriter.number(yy + 6)),
          ("stroke", c), ("stroke-width", "2")]
        if series.style == .truncatedLine { attrs.append(("stroke-dasharray", "4 3")) }
        w.empty("line", attrs)
      }
      w.element("text", [("x", SVGWriter.number(x + 22)), ("y", SVGWriter.number(yy + 10)), ("font-size", "11")], text: String(series.name.prefix(22)))
    }
    if entries.count > SVGRenderer.maxLegendEntries {
      w.element("text", [("x", SVGWriter.number(x)), ("y", SVGWriter.number(y + Double(SVGRenderer.maxLegendEntries) * 18 + 10)), ("font-size", "11")],
        text: "… and \(entries.count - SVGRenderer.maxLegendEntries) more")
    }
    w.close("g")
  }
}
