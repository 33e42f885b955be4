// A script-visible data set: the engine's numeric table seen as Hugging Face `datasets` columns
// (one column per feature plus the label column), rebuilt from columns after map().
import HPSNumerics
import HPSScript
import HPSTraining

final class DatasetBox {
  var data: Dataset

  init(_ data: Dataset) { self.data = data }

  var columnNames: [String] { data.featureNames + [data.labelName] }
  var count: Int { data.count }

  func label(_ i: Int) -> Value {
    switch data.labels {
    case .classes(let c): return .int(Int(c[i]))
    case .values(let v):
      if v.cols == 1 { return DatasetBox.shortest(v.storage[i]) }
      return Value((0..<v.cols).map { DatasetBox.shortest(v.storage[i * v.cols + $0]) })
    }
  }

  func feature(_ i: Int, _ j: Int) -> Value { DatasetBox.shortest(data.features.storage[i * data.numFeatures + j]) }

  /// A float32 as the double with the same shortest decimal text (5.1, not 5.099999904632568).
  static func shortest(_ f: Float) -> Value {
    if f == f.rounded() && abs(f) < 1e7 { return .float(Double(f)) }
    return .float(Double(f.description) ?? Double(f))
  }

  func row(_ i: Int, vm: VM) throws -> Value {
    var pairs: [(String, Value)] = []
    pairs.reserveCapacity(data.numFeatures + 1)
    for (j, name) in data.featureNames.enumerated() { pairs.append((name, feature(i, j))) }
    pairs.append((data.labelName, label(i)))
    return try vm.makeDict(pairs)
  }

  func column(_ name: String, rows: [Int]? = nil) -> [Value]? {
    let indices = rows ?? Array(0..<count)
    if name == data.labelName { return indices.map(label) }
    guard let j = data.featureNames.firstIndex(of: name) else { return nil }
    return indices.map { feature($0, j) }
  }

  func columns(rows: [Int]? = nil) -> [(String, [Value])] {
    columnNames.map { ($0, column($0, rows: rows) ?? []) }
  }

  enum FeatureType {
    case value(String)
    case classLabel([String])
  }

  /// Column types in the style of `datasets.Features`.
  var featureTypes: [(String, FeatureType)] {
    var out = data.featureNames.map { ($0, FeatureType.value("float32")) }
    if let names = data.classNames {
      out.append((data.labelName, .classLabel(names)))
    } else if case .classes = data.labels {
      out.append((data.labelName, .value("int64")))
    } else {
      out.append((data.labelName, .value("float32")))
    }
    return out
  }

  /// A data set from named columns of equal length. `labelName` picks the label column; class
  /// labels are ints (kept as classes unless `regression`), anything else numeric is a target.
  static func build(
    columns: [(String, [Value])], labelName: String, classNames: [String]?, regression: Bool, vm: VM
  ) throws -> Dataset {
    guard let labelColumn = columns.first(where: { $0.0 == labelName }) else {
      throw vm.error("ValueError", "the label column '\(labelName)' is missing; columns are \(columns.map { "'\($0.0)'" }.joined(separator: ", "))")
    }
    let n = labelColumn.1.count
    if let bad = columns.first(where: { $0.1.count != n }) {
      throw vm.error("ValueError", "column '\(bad.0)' has \(bad.1.count) rows but '\(labelName)' has \(n)")
    }
    let featureColumns = columns.filter { $0.0 != labelName }
    guard !featureColumns.isEmpty else { throw vm.error("ValueError", "a data set needs at least one feature column besides '\(labelName)'") }
    var x = Matrix(rows: n, cols: featureColumns.count)
    let d = featureColumns.count
    for (j, (name, values)) in featureColumns.enumerated() {
      for (i, v) in values.enumerated() {
        guard let f = v.asDouble, !(v.asBool != nil) else {
          throw vm.error("TypeError", "column '\(name)' row \(i): features must be numbers, got \(v.typeName) \(vm.reprOrType(v))")
        }
        x.storage[i * d + j] = Float(f)
      }
    }
    let labels: Dataset.Labels
    let allInts = labelColumn.1.allSatisfy { if case .int = $0 { return true } else { return false } }
    if allInts && !regression {
      labels = .classes(labelColumn.1.map { Int32(truncatingIfNeeded: $0.asInt ?? 0) })
    } else {
      let width = labelColumn.1.first?.asArray?.count ?? 1
      var y = Matrix(rows: n, cols: width)
      for (i, v) in labelColumn.1.enumerated() {
        let items = v.asArray ?? [v]
        guard items.count == width else {
          throw vm.error("ValueError", "column '\(labelName)' row \(i) has \(items.count) values, expected \(width)")
        }
        for (k, item) in items.enumerated() {
          guard let f = item.asDouble else {
            throw vm.error("TypeError", "column '\(labelName)' row \(i): labels must be numbers, got \(item.typeName)")
          }
          y.storage[i * width + k] = Float(f)
        }
      }
      labels = .values(y)
    }
    do {
      return try Dataset(features: x, labels: labels, featureNames: featureColumns.map(\.0), labelName: labelName,
                         classNames: allInts && !regression ? classNames : nil)
    } catch { throw ScriptErrors.convert(vm, error) }
  }
}
