// W&B's grid method: int_uniform expands to min…max, q_uniform to numpy.arange(min, max, q)
// (max EXCLUDED), categorical to its values; the Cartesian product runs with the LAST parameter
// (in sorted order) changing fastest; combinations some run already has are skipped.
import Foundation

public enum SweepGrid {
  /// The values one parameter takes on the grid.
  public static func values(of p: SweepParameter) -> [JSONValue] {
    switch p.distribution {
    case .constant: return [p.value ?? .null]
    case .categorical: return p.values
    case .intUniform: return p.intMin <= p.intMax ? (p.intMin...p.intMax).map { .int($0) } : []
    case .qUniform:
      // numpy.arange: ⌈(max − min)/q⌉ points min + i·q; ints when min, max and q are all ints.
      let count = Int(((p.max - p.min) / p.q).rounded(.up))
      let integral = p.qIsInteger && p.min.rounded() == p.min && p.max.rounded() == p.max
      return (0..<max(count, 0)).map { i in
        integral ? .int(Int(p.min) + i * Int(p.q)) : .double(p.min + Double(i) * p.q)
      }
    default: return []
    }
  }

  /// Number of grid points (saturating).
  public static func size(_ parameters: [SweepParameter]) -> Int {
    parameters.reduce(1) { n, p in
      let (m, overflow) = n.multipliedReportingOverflow(by: values(of: p).count)
      return overflow ? Int.max : m
    }
  }

  /// The first grid point in W&B's order that no run in `runs` already has, or nil when the grid
  /// is exhausted.
  public static func next(_ parameters: [SweepParameter], runs: [SweepRunRecord]) -> [String: JSONValue]? {
    let axes = parameters.map(values(of:))
    guard !axes.contains(where: \.isEmpty) else { return nil }
    let seen = Set(runs.map { run in parameters.map { run.values[$0.key]?.gridIdentity ?? "<missing>" } })
    var index = [Int](repeating: 0, count: axes.count)
    while true {
      let point = index.enumerated().map { axes[$0.offset][$0.element] }
      if !seen.contains(point.map(\.gridIdentity)) {
        return Dictionary(uniqueKeysWithValues: zip(parameters.map(\.key), point))
      }
      // Odometer step: the last axis turns fastest (itertools.product).
      var k = axes.count - 1
      while k >= 0 {
        index[k] += 1
        if index[k] < axes[k].count { break }
        index[k] = 0
        k -= 1
      }
      if k < 0 { return nil }
    }
  }
}
