// Maps a whole search space into a continuous box and back (Optuna's `_SearchSpaceTransform`),
// so numeric samplers (TPE's multivariate kernels, GP, CMA-ES, QMC) never branch on the kind of
// a distribution: log scales, step grids and categorical one-hot columns are handled here.
import Foundation

/// A search space: parameter name → distribution. Swift dictionaries iterate in a per-process
/// random order, so anything that must be reproducible iterates `keys.sorted()`.
public typealias SearchSpace = [String: Distribution]

/// A bijection-up-to-rounding between parameter dictionaries and points of a box.
///
/// Columns follow the parameter names in sorted order. A numeric parameter takes one column; a
/// categorical parameter takes one column per choice (one-hot) or a single index column.
public struct SearchSpaceTransform: Sendable {
  /// How categorical parameters become columns.
  public enum CategoricalEncoding: Sendable {
    /// One column per choice in [0, 1]; decoding takes the argmax (Optuna's default).
    case oneHot
    /// A single column in [0, C); decoding floors and clamps (Optuna 5's QMC encoding).
    case index
  }

  public struct Options: Sendable {
    /// Log-scaled parameters live in log space.
    public var transformLog: Bool
    /// Stepped and integer parameters get their bounds widened by half a step, so every grid
    /// point owns an equal-width bin.
    public var transformStep: Bool
    /// Columns are rescaled to [0, 1].
    public var unitBox: Bool
    public var categoricalEncoding: CategoricalEncoding

    public init(
      transformLog: Bool = true, transformStep: Bool = true, unitBox: Bool = false,
      categoricalEncoding: CategoricalEncoding = .oneHot
    ) {
      self.transformLog = transformLog
      self.transformStep = transformStep
      self.unitBox = unitBox
      self.categoricalEncoding = categoricalEncoding
    }
  }

  public let options: Options
  /// Parameter names, sorted; the order of the columns.
  public let names: [String]
  public let distributions: [Distribution]
  /// The columns each parameter occupies.
  public let columns: [Range<Int>]
  /// Bounds of every column in the encoded space (before the unit-box rescaling, which maps
  /// them onto [0, 1]).
  public let rawLows: [Double]
  public let rawHighs: [Double]

  /// Number of columns.
  public var dimension: Int { rawLows.count }

  /// Bounds of the box samplers work in: [0, 1] per column with `unitBox`, the raw bounds otherwise.
  public var lows: [Double] { options.unitBox ? Array(repeating: 0, count: dimension) : rawLows }
  public var highs: [Double] { options.unitBox ? Array(repeating: 1, count: dimension) : rawHighs }

  public init(_ space: SearchSpace, options: Options = Options()) {
    self.options = options
    names = space.keys.sorted()
    var dists: [Distribution] = []
    var columns: [Range<Int>] = []
    var lows: [Double] = []
    var highs: [Double] = []
    for name in names {
      guard let dist = space[name] else { continue }
      dists.append(dist)
      let start = lows.count
      switch dist {
      case .categorical(let c):
        switch options.categoricalEncoding {
        case .oneHot:
          for _ in c.choices {
            lows.append(0)
            highs.append(1)
          }
        case .index:
          lows.append(0)
          highs.append(Double(c.choices.count))
        }
      case .float(let d):
        let (lo, hi) = SearchSpaceTransform.numericBounds(
          low: d.low, high: d.high, log: d.log, step: d.step, options: options)
        lows.append(lo)
        highs.append(hi)
      case .int(let d):
        let (lo, hi) = SearchSpaceTransform.numericBounds(
          low: Double(d.low), high: Double(d.high), log: d.log, step: Double(d.step), options: options)
        lows.append(lo)
        highs.append(hi)
      }
      columns.append(start..<lows.count)
    }
    self.distributions = dists
    self.columns = columns
    self.rawLows = lows
    self.rawHighs = highs
  }

  private static func numericBounds(
    low: Double, high: Double, log: Bool, step: Double?, options: Options
  ) -> (Double, Double) {
    let half = options.transformStep ? (step ?? 0) / 2 : 0
    if log && options.transformLog {
      // Log ints widen by half a unit before the log (Optuna: log(low − 0.5), log(high + 0.5)).
      return (Foundation.log(max(low - half, Double.leastNormalMagnitude)), Foundation.log(high + half))
    }
    return (low - half, high + half)
  }

  // MARK: - Encoding

  /// Encodes external values. Every parameter of the space must be present.
  /// - Throws: `SearchError.valueOutOfRange` for a missing parameter or an unknown choice.
  public func transform(_ params: [String: ParamValue]) throws -> [Double] {
    var internals: [String: Double] = [:]
    for (name, dist) in zip(names, distributions) {
      guard let value = params[name] else {
        throw SearchError.valueOutOfRange(parameter: name, value: "missing", range: dist.description)
      }
      internals[name] = try dist.toInternal(value, parameter: name)
    }
    return transform(internal: internals)
  }

  /// Encodes internal values (a categorical is its index); missing parameters encode as NaN.
  public func transform(internal params: [String: Double]) -> [Double] {
    var out = [Double](repeating: .nan, count: dimension)
    for (i, (name, dist)) in zip(names, distributions).enumerated() {
      guard let v = params[name] else { continue }
      let cols = columns[i]
      switch dist {
      case .categorical:
        switch options.categoricalEncoding {
        case .oneHot:
          for c in cols { out[c] = 0 }
          let hot = cols.lowerBound + Int(v)
          if cols.contains(hot) { out[hot] = 1 }
        case .index:
          out[cols.lowerBound] = v + 0.5  // the middle of the index's bin [k, k+1)
        }
      case .float, .int:
        out[cols.lowerBound] = dist.isLog && options.transformLog ? Foundation.log(v) : v
      }
    }
    if options.unitBox {
      for c in 0..<dimension where rawHighs[c] > rawLows[c] {
        out[c] = (out[c] - rawLows[c]) / (rawHighs[c] - rawLows[c])
      }
      for c in 0..<dimension where rawHighs[c] <= rawLows[c] { out[c] = 0.5 }
    }
    return out
  }

  // MARK: - Decoding

  /// Decodes a point of the box into external values, rounding onto step grids, clipping into
  /// range and picking the hot (or floored) category. Any finite point decodes to valid values.
  public func untransform(_ x: [Double]) -> [String: ParamValue] {
    var result: [String: ParamValue] = [:]
    for (name, value) in untransformInternal(x) {
      if let i = names.firstIndex(of: name) { result[name] = distributions[i].toExternal(value) }
    }
    return result
  }

  /// Decodes into internal values (categoricals as indices).
  public func untransformInternal(_ x: [Double]) -> [String: Double] {
    var raw = x
    if options.unitBox {
      for c in 0..<min(dimension, raw.count) {
        raw[c] = rawLows[c] + raw[c] * (rawHighs[c] - rawLows[c])
      }
    }
    var result: [String: Double] = [:]
    for (i, (name, dist)) in zip(names, distributions).enumerated() {
      let cols = columns[i]
      guard cols.upperBound <= raw.count else { continue }
      switch dist {
      case .categorical(let c):
        switch options.categoricalEncoding {
        case .oneHot:
          var best = cols.lowerBound
          for col in cols where raw[col] > raw[best] { best = col }
          result[name] = Double(best - cols.lowerBound)
        case .index:
          let v = raw[cols.lowerBound]
          let k = v.isFinite ? Int(min(max(v.rounded(.down), 0), Double(c.choices.count - 1))) : 0
          result[name] = Double(k)
        }
      case .float(let d):
        var v = raw[cols.lowerBound]
        if d.log && options.transformLog { v = Foundation.exp(v) }
        if let step = d.step {
          v = d.low + ((v - d.low) / step).rounded() * step
        }
        result[name] = min(max(v, d.low), d.high)
      case .int(let d):
        var v = raw[cols.lowerBound]
        if d.log && options.transformLog { v = Foundation.exp(v) }
        v = Double(d.low) + ((v - Double(d.low)) / Double(d.step)).rounded() * Double(d.step)
        if !v.isFinite { v = Double(d.low) }
        result[name] = min(max(v, Double(d.low)), Double(d.high))
      }
    }
    return result
  }
}
