// Axes: how data values map to positions, and where the ticks go. Linear axes use "nice" steps
// (1, 2, 2.5, 5 × 10^k) so labels read as round numbers; log axes tick at powers of ten (with 2
// and 5 in between when the range spans few decades); categorical axes tick at each choice.
import Foundation

/// One plot axis as the builder describes it.
public struct Axis: Equatable {
  public enum Scale: Equatable { case linear, log }
  public var label: String
  public var scale: Scale
  /// Non-empty for categorical axes: value `i` is `categories[i]`.
  public var categories: [String]
  /// A fixed data range; nil fits the data.
  public var range: ClosedRange<Double>?
  /// Only integer ticks (trial numbers, steps).
  public var integerTicks: Bool

  public init(
    _ label: String, scale: Scale = .linear, categories: [String] = [], range: ClosedRange<Double>? = nil,
    integerTicks: Bool = false
  ) {
    self.label = label
    self.scale = scale
    self.categories = categories
    self.range = range
    self.integerTicks = integerTicks
  }

  /// The fraction of a fitted span added at each end.
  static let margin = 0.03

  /// Whether a data value can be placed on this axis.
  public func accepts(_ v: Double) -> Bool { v.isFinite && (scale == .linear || v > 0) }

  /// Resolves the axis for data values, choosing the span and ticks.
  func resolve(_ values: [Double], targetTicks: Int = 6) -> ResolvedAxis {
    if !categories.isEmpty {
      let n = Double(max(categories.count, 1))
      return ResolvedAxis(
        low: -0.5, high: n - 0.5, isLog: false,
        ticks: categories.enumerated().map { (Double($0.offset), $0.element) })
    }
    let data = values.filter(accepts)
    var lo = range?.lowerBound ?? data.min() ?? (scale == .log ? 1 : 0)
    var hi = range?.upperBound ?? data.max() ?? (scale == .log ? 10 : 1)
    // Markers at the extremes stay whole: fitted spans get a small margin.
    let margin = range == nil ? Axis.margin : 0
    if scale == .log {
      lo = Foundation.log10(max(lo, .leastNormalMagnitude))
      hi = Foundation.log10(max(hi, .leastNormalMagnitude))
      if hi - lo < 1e-12 { lo -= 0.5; hi += 0.5 }
      let pad = (hi - lo) * margin
      lo -= pad
      hi += pad
      return ResolvedAxis(low: lo, high: hi, isLog: true, ticks: Axis.logTicks(lo, hi))
    }
    if hi - lo < 1e-12 * max(1, abs(lo)) {
      let pad = lo == 0 ? 1 : abs(lo) * 0.1
      lo -= pad
      hi += pad
    }
    let pad = (hi - lo) * margin
    lo -= pad
    hi += pad
    let ticks = Axis.niceTicks(lo, hi, target: targetTicks, integer: integerTicks)
    if range == nil, let first = ticks.first, let last = ticks.last, ticks.count > 1 {
      let step = ticks[1] - ticks[0]
      // Extend to the enclosing ticks only when they are close, so data fill the frame.
      if lo - first < step * 0.5 { lo = min(lo, first) }
      if last - hi < step * 0.5 { hi = max(hi, last) }
    }
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    let inside = ticks.filter { $0 >= lo - step * 1e-9 && $0 <= hi + step * 1e-9 }
    return ResolvedAxis(low: lo, high: hi, isLog: false, ticks: inside.map { ($0, TickFormat.label($0, step: step)) })
  }

  /// Round-number ticks covering [lo, hi].
  static func niceTicks(_ lo: Double, _ hi: Double, target: Int, integer: Bool) -> [Double] {
    let rough = (hi - lo) / Double(max(target - 1, 1))
    var step = niceStep(rough)
    if integer { step = max(1, step.rounded(.up)) }
    let first = (lo / step).rounded(.down) * step
    var ticks: [Double] = []
    var k = 0
    while true {
      let t = first + Double(k) * step
      if t > hi + step * 0.999 || k > 1000 { break }
      // Snap -0.0 and accumulated error (0.30000000000000004) to the step's grid.
      ticks.append(abs(t) < step * 1e-9 ? 0 : snap(t, step: step))
      k += 1
    }
    return ticks
  }

  /// `t` rounded to the decimals of `step`, so 3 × 0.2 is 0.6 and not 0.6000000000000001.
  static func snap(_ t: Double, step: Double) -> Double {
    let decimals = max(0, 1 - Int(Foundation.log10(step).rounded(.down)))
    guard decimals < 15 else { return t }
    let scale = Foundation.pow(10, Double(decimals))
    return (t * scale).rounded() / scale
  }

  /// The nearest of 1, 2, 2.5, 5 × 10^k at or above `rough`.
  static func niceStep(_ rough: Double) -> Double {
    guard rough.isFinite, rough > 0 else { return 1 }
    let magnitude = Foundation.pow(10, (Foundation.log10(rough)).rounded(.down))
    let fraction = rough / magnitude
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
    return nice * magnitude
  }

  /// Ticks for a log10 span: decades, plus 2× and 5× when under three decades.
  static func logTicks(_ lo: Double, _ hi: Double) -> [(Double, String)] {
    let first = Int(lo.rounded(.down))
    let last = Int(hi.rounded(.up))
    let multipliers: [Double] = hi - lo < 3 ? (hi - lo < 1 ? [1, 2, 3, 5] : [1, 2, 5]) : [1]
    var ticks: [(Double, String)] = []
    for decade in first...max(first, last) {
      for m in multipliers {
        let value = m * Foundation.pow(10, Double(decade))
        let t = Foundation.log10(value)
        if t >= lo - 1e-9 && t <= hi + 1e-9 { ticks.append((t, TickFormat.logLabel(value))) }
      }
    }
    if ticks.count < 2 {
      // Under one tick in range: label the ends.
      ticks = [(lo, TickFormat.logLabel(Foundation.pow(10, lo))), (hi, TickFormat.logLabel(Foundation.pow(10, hi)))]
    }
    return ticks
  }
}

/// An axis ready to draw: span in plotted coordinates (log10 for log axes) and labelled ticks.
struct ResolvedAxis {
  var low: Double
  var high: Double
  var isLog: Bool
  var ticks: [(position: Double, label: String)]

  /// Data value → [0, 1] along the axis (nil for values a log axis cannot show).
  func fraction(_ v: Double) -> Double? {
    guard v.isFinite else { return nil }
    let t: Double
    if isLog {
      guard v > 0 else { return nil }
      t = Foundation.log10(v)
    } else {
      t = v
    }
    return high > low ? (t - low) / (high - low) : 0.5
  }

  /// Plotted coordinate (already log10 for log axes) → [0, 1].
  func fraction(plotted t: Double) -> Double { high > low ? (t - low) / (high - low) : 0.5 }
}

/// Tick and value labels: as many decimals as the tick step needs, scientific for extremes.
enum TickFormat {
  static func label(_ v: Double, step: Double) -> String {
    if v == 0 { return "0" }
    let magnitude = max(abs(v), step)
    if magnitude >= 1e6 || step < 1e-4 {
      let digits = Int(Foundation.log10(abs(v)).rounded(.down)) - Int(Foundation.log10(step).rounded(.down)) + (isHalfStep(step) ? 1 : 0)
      return scientific(v, digits: max(0, digits))
    }
    let decimals = max(0, Int((-Foundation.log10(step)).rounded(.up) + (isHalfStep(step) ? 1 : 0)))
    return String(format: "%.\(min(decimals, 10))f", v)
  }

  /// 2.5 × 10^k steps need one more decimal than the step's magnitude.
  private static func isHalfStep(_ step: Double) -> Bool {
    let m = step / Foundation.pow(10, Foundation.log10(step).rounded(.down))
    return abs(m - 2.5) < 1e-9
  }

  static func scientific(_ v: Double, digits: Int) -> String {
    let text = String(format: "%.\(min(digits, 6))e", v)
    // 1.0e-05 → 1e-5: drop a zero mantissa fraction and the exponent's padding.
    guard let e = text.firstIndex(of: "e") else { return text }
    var mantissa = String(text[..<e])
    if mantissa.contains(".") {
      while mantissa.hasSuffix("0") { mantissa.removeLast() }
      if mantissa.hasSuffix(".") { mantissa.removeLast() }
    }
    var exponent = String(text[text.index(after: e)...])
    let sign = exponent.hasPrefix("-") ? "-" : ""
    exponent = String(exponent.drop { $0 == "-" || $0 == "+" || $0 == "0" })
    return mantissa + "e" + sign + (exponent.isEmpty ? "0" : exponent)
  }

  static func logLabel(_ v: Double) -> String {
    if v >= 1e-3 && v < 1e5 {
      let text = String(format: "%.6g", v)
      return text
    }
    return scientific(v, digits: 0)
  }

  /// A value in tooltips and legends: up to 6 significant digits.
  static func value(_ v: Double) -> String {
    if v.isNaN { return "nan" }
    if v.isInfinite { return v > 0 ? "inf" : "-inf" }
    return String(format: "%.6g", v)
  }
}
