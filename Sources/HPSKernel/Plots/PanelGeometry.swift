// What both renderers need to know about a panel before drawing: the axes resolved against the
// data, and the color scale's range.

struct PanelGeometry {
  let panel: PlotPanel
  let x: ResolvedAxis
  let y: ResolvedAxis
  let colorRange: ClosedRange<Double>?

  init(_ panel: PlotPanel, xTicks: Int = 6, yTicks: Int = 6) {
    self.panel = panel
    var xs: [Double] = []
    var ys: [Double] = []
    for s in panel.series {
      xs += s.points.map(\.x)
      ys += s.points.map(\.y)
      if s.style == .horizontalBars && panel.xAxis.scale == .linear { xs.append(0) }
    }
    if let h = panel.heatmap {
      xs += h.xGrid
      ys += h.yGrid
    }
    x = panel.xAxis.resolve(xs, targetTicks: xTicks)
    y = panel.yAxis.resolve(ys, targetTicks: yTicks)
    colorRange = panel.colorRange
  }

  /// Position of a color value on the scale, in [0, 1].
  func colorFraction(_ c: Double) -> Double {
    guard let r = colorRange, r.upperBound > r.lowerBound else { return 0.5 }
    let t = (c - r.lowerBound) / (r.upperBound - r.lowerBound)
    return panel.colorScale?.reversed == true ? 1 - t : t
  }

  /// Cell boundaries of a grid along an axis, as fractions: midpoints between neighbours.
  static func cellEdges(_ grid: [Double], on axis: ResolvedAxis) -> [Double] {
    let centers = grid.map { axis.fraction($0) ?? 0 }
    guard centers.count > 1 else { return [0, 1] }
    var edges = [max(0, centers[0] - (centers[1] - centers[0]) / 2)]
    for i in 0..<(centers.count - 1) { edges.append((centers[i] + centers[i + 1]) / 2) }
    edges.append(min(1, centers[centers.count - 1] + (centers[centers.count - 1] - centers[centers.count - 2]) / 2))
    return edges
  }
}
