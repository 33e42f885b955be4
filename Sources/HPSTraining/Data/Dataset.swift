// An in-memory table: named Float32 feature columns and one label column (class ids or values).
import HPSNumerics

public struct Dataset: Sendable, Equatable {
  public enum Labels: Sendable, Equatable {
    /// Class ids 0..<numClasses (classification).
    case classes([Int32])
    /// Real-valued targets, rows × outputs (regression).
    case values(Matrix)
  }

  public var featureNames: [String]
  public var labelName: String
  public var features: Matrix
  public var labels: Labels
  /// Names of the classes by id (classification only).
  public var classNames: [String]?

  public init(features: Matrix, labels: Labels, featureNames: [String]? = nil, labelName: String = "label",
              classNames: [String]? = nil) throws {
    let n: Int
    switch labels {
    case .classes(let c): n = c.count
    case .values(let v): n = v.rows
    }
    guard n == features.rows else {
      throw DataError.invalid("features have \(features.rows) rows but labels have \(n)")
    }
    let names = featureNames ?? (0..<features.cols).map { "feature_\($0)" }
    guard names.count == features.cols else {
      throw DataError.invalid("\(names.count) feature names for \(features.cols) feature columns")
    }
    self.features = features
    self.labels = labels
    self.featureNames = names
    self.labelName = labelName
    if case .classes(let c) = labels, let bad = c.first(where: { $0 < 0 }) {
      throw DataError.invalid("class ids must be >= 0, got \(bad)")
    }
    self.classNames = classNames
  }

  public var count: Int { features.rows }
  public var numFeatures: Int { features.cols }
  public var isClassification: Bool { if case .classes = labels { return true } else { return false } }

  /// Number of classes (classification), or of regression outputs.
  public var numLabels: Int {
    switch labels {
    case .classes(let c): return max(classNames?.count ?? 0, Int(c.max() ?? 0) + 1)
    case .values(let v): return v.cols
    }
  }

  public var classIDs: [Int32] { if case .classes(let c) = labels { return c } else { return [] } }

  /// The rows at `indices`, in that order.
  public func select(_ indices: [Int]) throws -> Dataset {
    if let bad = indices.first(where: { $0 < 0 || $0 >= count }) {
      throw DataError.invalid("select: index \(bad) out of range 0..<\(count)")
    }
    let d = numFeatures
    var x = Matrix(rows: indices.count, cols: d)
    for (r, i) in indices.enumerated() {
      for j in 0..<d { x.storage[r * d + j] = features.storage[i * d + j] }
    }
    let newLabels: Labels
    switch labels {
    case .classes(let c): newLabels = .classes(indices.map { c[$0] })
    case .values(let v):
      var y = Matrix(rows: indices.count, cols: v.cols)
      for (r, i) in indices.enumerated() { for j in 0..<v.cols { y.storage[r * v.cols + j] = v.storage[i * v.cols + j] } }
      newLabels = .values(y)
    }
    var out = self
    out.features = x
    out.labels = newLabels
    return out
  }

  public func shuffled(seed: UInt64) -> Dataset {
    var rng = RandomSource(seed: seed)
    // Indices are in range by construction, so select cannot fail here.
    return (try? select(rng.permutation(count))) ?? self
  }

  /// Splits off a test set: `testSize` in (0, 1) is a fraction, ≥ 1 a row count (scikit-learn's
  /// convention: the test set gets ⌈fraction·n⌉ rows). `stratify` keeps class proportions.
  public func trainTestSplit(testSize: Double = 0.25, seed: UInt64 = 0, stratify: Bool = false) throws -> (train: Dataset, test: Dataset) {
    let nTest: Int
    if testSize > 0 && testSize < 1 {
      nTest = Int((testSize * Double(count)).rounded(.up))
    } else if testSize >= 1 && testSize == testSize.rounded() && Int(testSize) < count {
      nTest = Int(testSize)
    } else {
      throw DataError.invalid("test_size must be a fraction in (0, 1) or a row count in 1..<\(count), got \(testSize)")
    }
    guard nTest < count else { throw DataError.invalid("test_size \(testSize) leaves no training rows") }
    var rng = RandomSource(seed: seed)
    var testIdx: [Int] = [], trainIdx: [Int] = []
    if stratify {
      guard case .classes(let c) = labels else { throw DataError.invalid("stratify needs class labels") }
      var byClass: [Int32: [Int]] = [:]
      for (i, y) in c.enumerated() { byClass[y, default: []].append(i) }
      let fraction = Double(nTest) / Double(count)
      for y in byClass.keys.sorted() {
        var idx = byClass[y] ?? []
        rng.shuffle(&idx)
        let k = Int((Double(idx.count) * fraction).rounded())
        testIdx += idx[0..<k]
        trainIdx += idx[k...]
      }
      rng.shuffle(&testIdx)
      rng.shuffle(&trainIdx)
    } else {
      let p = rng.permutation(count)
      testIdx = Array(p[0..<nTest])
      trainIdx = Array(p[nTest...])
    }
    return (try select(trainIdx), try select(testIdx))
  }

  /// Row ranges of consecutive batches over 0..<count.
  public func batchRanges(size: Int, dropLast: Bool) -> [Range<Int>] {
    guard size > 0 else { return [] }
    var out: [Range<Int>] = []
    var start = 0
    while start < count {
      let end = min(count, start + size)
      if end - start < size && dropLast { break }
      out.append(start..<end)
      start = end
    }
    return out
  }
}

public enum DataError: Error, Equatable, CustomStringConvertible {
  case invalid(String)
  /// A CSV problem at a 1-based line (the header is line 1) and a named column.
  case csv(file: String, line: Int, column: String, message: String)
  case fileNotFound(String)
  case unknownDataset(name: String, available: [String])

  public var description: String {
    switch self {
    case .invalid(let m): return m
    case .csv(let f, let line, let column, let m): return "\(f):\(line): column '\(column)': \(m)"
    case .fileNotFound(let p): return "no such file: \(p)"
    case .unknownDataset(let n, let a): return "unknown data set '\(n)'; available: \(a.joined(separator: ", "))"
    }
  }
}
