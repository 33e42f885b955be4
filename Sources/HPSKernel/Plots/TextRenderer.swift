// Draws a Plot as a Unicode chart for terminals: labelled tick marks on a framed area, Braille
// lines, one marker glyph per series, shaded cells for heatmaps, block bars, and a text legend.
// Panels are stacked vertically. Output has no trailing spaces, so golden files diff cleanly.
import Foundation

struct TextRenderer {
  let plot: Plot
  let width: Int
  let height: Int

  /// Marker glyphs, one per series in order.
  static let markers: [Character] = ["●", "○", "◆", "▲", "■", "◇", "△", "□", "+", "*"]
  /// Heatmap shades, low to high.
  static let shades: [Character] = ["·", "░", "▒", "▓", "█"]
  static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
  static let maxLegendEntries = 12

  func render() -> String {
    var lines: [String] = [TextRenderer.center(plot.title, width), ""]
    if plot.panels.isEmpty { lines.append(TextRenderer.center("No data to plot", width)) }
    for (i, panel) in plot.panels.enumerated() {
      if i > 0 { lines.append("") }
      lines += renderPanel(panel)
    }
    return lines.map { TextRenderer.trimRight($0) }.joined(separator: "\n") + "\n"
  }

  static func center(_ s: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, (width - s.count) / 2)) + s
  }

  static func trimRight(_ s: String) -> String {
    var s = s
    while s.last == " " { s.removeLast() }
    return s
  }

  static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
    let cut = s.count > n ? String(s.prefix(n)) : s
    let fill = String(repeating: " ", count: n - cut.count)
    return right ? fill + cut : cut + fill
  }

  private func glyph(_ series: Series, index: Int) -> Character {
    TextRenderer.markers[(series.colorIndex ?? index) % TextRenderer.markers.count]
  }

  private func renderPanel(_ panel: PlotPanel) -> [String] {
    let g = PanelGeometry(panel, xTicks: max(3, width / 14), yTicks: max(3, height / 3))
    var out: [String] = []
    if let title = panel.title { out.append(TextRenderer.center(title, width)) }
    if let parallel = panel.parallel { return out + renderParallel(parallel, geometry: g) }

    let bars = panel.series.contains { $0.style == .horizontalBars }
    let rows = bars && !panel.yAxis.categories.isEmpty ? min(max(panel.yAxis.categories.count, 1), 40) : height
    let labelWidth = min(max(g.y.ticks.map(\.label.count).max() ?? 1, 1), 24)
    let plotColumns = max(width - labelWidth - 2, 10)
    var canvas = CharacterCanvas(columns: plotColumns, rows: rows)

    if let heatmap = panel.heatmap {
      let edgesX = PanelGeometry.cellEdges(heatmap.xGrid, on: g.x)
      let edgesY = PanelGeometry.cellEdges(heatmap.yGrid, on: g.y)
      for r in 0..<rows {
        for c in 0..<plotColumns {
          let fx = (Double(c) + 0.5) / Double(plotColumns)
          let fy = 1 - (Double(r) + 0.5) / Double(rows)
          guard let j = edgesX.indices.dropLast().first(where: { fx >= edgesX[$0] && fx <= edgesX[$0 + 1] }),
            let i = edgesY.indices.dropLast().first(where: { fy >= edgesY[$0] && fy <= edgesY[$0 + 1] }),
            i < heatmap.z.count, j < heatmap.z[i].count, heatmap.z[i][j].isFinite
          else { continue }
          let t = g.colorFraction(heatmap.z[i][j])
          let level = min(Int(t * Double(TextRenderer.shades.count)), TextRenderer.shades.count - 1)
          canvas.setBackground(c, r, TextRenderer.shades[level])
        }
      }
    }
    // Lines first, markers on top.
    for (index, series) in panel.series.enumerated() {
      let positions = series.points.compactMap { p -> (Double, Double)? in
        guard let fx = g.x.fraction(p.x), let fy = g.y.fraction(p.y) else { return nil }
        return (fx, fy)
      }
      switch series.style {
      case .line, .lineAndMarkers, .truncatedLine:
        for k in positions.indices.dropFirst() {
          canvas.line(from: positions[k - 1], to: positions[k], dashed: series.style == .truncatedLine)
        }
        if positions.count == 1 { canvas.line(from: positions[0], to: positions[0]) }
        if series.style == .truncatedLine, let last = positions.last {
          let cell = canvas.cell(last.0, last.1)
          canvas.setGlyph(cell.column, cell.row, "×")
        }
      case .horizontalBars:
        let zero = g.x.fraction(g.x.isLog ? Foundation.pow(10, g.x.low) : 0) ?? 0
        for (fx, fy) in positions {
          let row = min(max(Int(((1 - fy) * Double(rows)).rounded(.down)), 0), rows - 1)
          let start = zero * Double(plotColumns)
          let end = fx * Double(plotColumns)
          let full = Int((end - start).rounded(.down))
          for c in 0..<max(full, 0) { canvas.setGlyph(Int(start) + c, row, "█") }
          let remainder = Int(((end - start) - Double(full)) * 8)
          if remainder > 0 { canvas.setGlyph(Int(start) + full, row, TextRenderer.eighths[remainder - 1]) }
        }
      case .markers:
        break
      }
      _ = index
    }
    for (index, series) in panel.series.enumerated() where series.style == .markers || series.style == .lineAndMarkers {
      let mark = glyph(series, index: index)
      for p in series.points {
        guard let fx = g.x.fraction(p.x), let fy = g.y.fraction(p.y) else { continue }
        let cell = canvas.cell(fx, fy)
        canvas.setGlyph(cell.column, cell.row, mark)
      }
    }
    if bars {
      // Values at the bar ends, where there is room.
      for series in panel.series where series.style == .horizontalBars {
        for p in series.points {
          guard let fx = g.x.fraction(p.x), let fy = g.y.fraction(p.y) else { continue }
          let row = min(max(Int(((1 - fy) * Double(rows)).rounded(.down)), 0), rows - 1)
          let text = " " + TickFormat.value(p.x)
          var column = Int((fx * Double(plotColumns)).rounded(.up))
          for ch in text where column < plotColumns {
            if canvas.glyph(column, row) == nil { canvas.setGlyph(column, row, ch) }
            column += 1
          }
        }
      }
    }

    if panel.isEmpty {
      let message = Array("No data to plot")
      let start = max(0, (plotColumns - message.count) / 2)
      for (k, ch) in message.enumerated() { canvas.setGlyph(start + k, rows / 2, ch) }
    }
    // Y axis label above the frame, then rows with tick labels.
    out.append(TextRenderer.pad("", labelWidth + 1) + axisTitle(panel.yAxis))
    var tickRows: [Int: String] = [:]
    for tick in g.y.ticks {
      let f = g.y.fraction(plotted: tick.position)
      let row = min(max(Int(((1 - f) * Double(rows - 1)).rounded()), 0), rows - 1)
      if bars && !panel.yAxis.categories.isEmpty {
        tickRows[min(max(Int(((1 - f) * Double(rows)).rounded(.down)), 0), rows - 1)] = tick.label
      } else if tickRows[row] == nil {
        tickRows[row] = tick.label
      }
    }
    for r in 0..<rows {
      let label = tickRows[r].map { TextRenderer.pad($0, labelWidth, right: true) + " ┤" } ?? TextRenderer.pad("", labelWidth) + " │"
      out.append(label + canvas.line(r))
    }
    // X axis: frame, tick marks and labels that do not collide.
    var axisLine = Array(String(repeating: "─", count: plotColumns))
    var labelLine = Array(String(repeating: " ", count: plotColumns + labelWidth + 2))
    var lastEnd = -1
    for tick in g.x.ticks {
      let f = g.x.fraction(plotted: tick.position)
      let column = min(max(Int((f * Double(plotColumns - 1)).rounded()), 0), plotColumns - 1)
      axisLine[column] = "┬"
      let text = Array(tick.label)
      var start = labelWidth + 2 + column - text.count / 2
      start = max(0, min(start, labelLine.count - text.count))
      if start > lastEnd {
        for (k, ch) in text.enumerated() where start + k < labelLine.count { labelLine[start + k] = ch }
        lastEnd = start + text.count
      }
    }
    out.append(TextRenderer.pad("", labelWidth) + " └" + String(axisLine))
    out.append(String(labelLine))
    out.append(TextRenderer.pad("", labelWidth + 2) + TextRenderer.center(axisTitle(panel.xAxis), plotColumns))
    out += legend(panel, geometry: g)
    return out
  }

  private func axisTitle(_ axis: Axis) -> String { axis.scale == .log ? axis.label + " (log scale)" : axis.label }

  private func legend(_ panel: PlotPanel, geometry g: PanelGeometry) -> [String] {
    var entries: [String] = []
    let shown = panel.series.enumerated().filter { $0.element.showInLegend && !$0.element.name.isEmpty }
    if shown.count > 1 || (shown.count == 1 && panel.series.count > 1) {
      for (index, series) in shown.prefix(TextRenderer.maxLegendEntries) {
        let symbol: String
        switch series.style {
        case .markers, .lineAndMarkers: symbol = String(glyph(series, index: index))
        case .line: symbol = "─"
        case .truncatedLine: symbol = "╌×"
        case .horizontalBars: symbol = "█"
        }
        entries.append("\(symbol) \(series.name)")
      }
      if shown.count > TextRenderer.maxLegendEntries { entries.append("… and \(shown.count - TextRenderer.maxLegendEntries) more") }
    }
    if panel.heatmap != nil, let scale = panel.colorScale, let range = g.colorRange {
      let (lo, hi) = scale.reversed ? (range.upperBound, range.lowerBound) : (range.lowerBound, range.upperBound)
      entries.append("\(String(TextRenderer.shades)) \(scale.label) \(TickFormat.value(lo)) … \(TickFormat.value(hi))")
    }
    // Pack entries into lines of the chart's width.
    var lines: [String] = []
    var current = ""
    for e in entries {
      if !current.isEmpty && current.count + 3 + e.count > width {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : "   ") + e
    }
    if !current.isEmpty { lines.append(current) }
    return lines.map { "  " + $0 }
  }

  private func renderParallel(_ layer: ParallelLayer, geometry g: PanelGeometry) -> [String] {
    let n = layer.axes.count
    guard n > 0 else { return [] }
    let resolved = layer.axes.enumerated().map { k, axis in axis.resolve(layer.rows.compactMap { k < $0.count ? $0[k] : nil }, targetTicks: 3) }
    let columns = max(width - 2, 10)
    var canvas = CharacterCanvas(columns: columns, rows: height)
    func fx(_ k: Int) -> Double { n == 1 ? 0.5 : Double(k) / Double(n - 1) }
    // Lines ordered from worst to best so the best trials stay visible on top.
    for row in layer.rows {
      var previous: (Double, Double)?
      for (k, v) in row.enumerated() where k < n {
        guard let f = resolved[k].fraction(v) else { previous = nil; continue }
        let point = (fx(k), f)
        if let previous { canvas.line(from: previous, to: point) }
        previous = point
      }
    }
    for k in 0..<n {
      let column = canvas.cell(fx(k), 0).column
      for r in 0..<height { canvas.setGlyph(column, r, "│") }
    }
    // Axis ranges above and below, names underneath, each centred on its axis.
    func labelLine(_ texts: [String]) -> String {
      var line = Array(String(repeating: " ", count: columns + 2))
      let slot = n > 1 ? max(columns / (n - 1), 4) : columns
      var lastEnd = -1
      for (k, text) in texts.enumerated() {
        let chars = Array(String(text.prefix(slot - 1)))
        let center = 1 + canvas.cell(fx(k), 0).column
        var start = max(0, center - chars.count / 2)
        start = min(start, line.count - chars.count)
        if start <= lastEnd { start = lastEnd + 1 }
        for (i, ch) in chars.enumerated() where start + i < line.count { line[start + i] = ch }
        lastEnd = start + chars.count
      }
      return String(line)
    }
    func endLabel(_ k: Int, top: Bool) -> String {
      let axis = layer.axes[k]
      if !axis.categories.isEmpty { return top ? (axis.categories.last ?? "") : (axis.categories.first ?? "") }
      let t = top ? resolved[k].high : resolved[k].low
      return TickFormat.value(resolved[k].isLog ? Foundation.pow(10, t) : t)
    }
    var out: [String] = [labelLine((0..<n).map { endLabel($0, top: true) })]
    for r in 0..<height { out.append(" " + canvas.line(r)) }
    out.append(labelLine((0..<n).map { endLabel($0, top: false) }))
    out.append(labelLine(layer.axes.map(\.label)))
    if layer.axes.contains(where: { $0.scale == .log }) {
      out.append("  log scale: " + layer.axes.filter { $0.scale == .log }.map(\.label).joined(separator: ", "))
    }
    if let scale = g.panel.colorScale { out.append("  \(layer.rows.count) trials; color in SVG: \(scale.label)") }
    return out
  }
}
