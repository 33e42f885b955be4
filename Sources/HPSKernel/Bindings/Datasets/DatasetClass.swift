// `datasets.Dataset`: rows as dicts, columns as lists, and the transformations of Hugging Face's
// Dataset (map, filter, select, shuffle, train_test_split) over the engine's numeric table.
import Foundation
import HPSScript
import HPSTraining

final class DatasetBindings {
  let builtins: ScriptBuiltins
  private(set) var datasetClass: NativeClass!
  private(set) var datasetDictClass: NativeClass!

  init(builtins: ScriptBuiltins) {
    self.builtins = builtins
    datasetClass = makeDatasetClass()
    datasetDictClass = makeDatasetDictClass()
  }

  func wrap(_ vm: VM, _ data: Dataset) throws -> Value { try datasetClass.instance(vm, DatasetBox(data)) }

  func wrapDict(_ vm: VM, _ splits: [(String, Value)]) throws -> Value {
    try datasetDictClass.instance(vm, DatasetDictBox(splits))
  }

  /// The engine data set behind a script Dataset (or a clear TypeError naming `role`).
  static func unwrap(_ v: Value, _ vm: VM, role: String) throws -> Dataset? {
    if v.isNone { return nil }
    if let box = NativeClass.payload(v, as: DatasetBox.self) { return box.data }
    if NativeClass.payload(v, as: DatasetDictBox.self) != nil {
      throw vm.error("TypeError", "\(role) is a DatasetDict; pass one split, e.g. ds[\"train\"]")
    }
    throw vm.error("TypeError", "\(role) must be a datasets.Dataset (from load_dataset), got \(v.typeName)")
  }

  // MARK: Dataset

  private func box(_ v: Value, _ vm: VM) throws -> DatasetBox { try payload(v, DatasetBox.self, vm, "Dataset") }

  private func makeDatasetClass() -> NativeClass {
    func method(_ name: String, _ params: [Signature.Parameter], doc: String, kwargs: String? = nil,
                _ body: @escaping (VM, DatasetBox, BoundArguments) throws -> Value) -> NativeFunction {
      NativeFunction(name, Signature([.init("self")] + params, kwargs: kwargs), doc: doc) { [unowned self] vm, a in
        try body(vm, try self.box(a[0], vm), a)
      }
    }
    let methods: [NativeFunction] = [
      method("__len__", [], doc: "Number of rows.") { _, d, _ in .int(d.count) },
      method("__getitem__", [.init("key")], doc: "ds[i] → row dict; ds[a:b] → dict of column lists; ds['col'] → list.") {
        [unowned self] vm, d, a in try self.getItem(vm, d, a["key"])
      },
      method("__iter__", [], doc: "Iterates over rows as dicts.") { [unowned self] vm, d, _ in
        let rows = try (0..<d.count).map { try d.row($0, vm: vm) }
        return try vm.callValue(try self.builtins.attribute(vm, Value(rows), "__iter__"), [])
      },
      method("__repr__", [], doc: "") { _, d, _ in
        .str("Dataset({\n    features: [" + d.columnNames.map { "'\($0)'" }.joined(separator: ", ") + "],\n    num_rows: \(d.count)\n})")
      },
      method("to_list", [], doc: "The rows as a list of dicts.") { vm, d, _ in
        Value(try (0..<d.count).map { try d.row($0, vm: vm) })
      },
      method("to_dict", [], doc: "The columns as a dict of lists.") { vm, d, _ in
        try vm.makeDict(d.columns().map { ($0.0, Value($0.1)) })
      },
      method("select", [.init("indices")], doc: "A new Dataset with the rows at `indices` (a list or range), in that order.") {
        [unowned self] vm, d, a in
        let idx = try self.indexList(vm, a["indices"], count: d.count, what: "select(indices)")
        return try self.wrap(vm, try bridged(vm) { try d.data.select(idx) })
      },
      method("shuffle", [.init("seed", default: Value.none)], doc: "A new Dataset with the rows in a random order (fixed by `seed`).") {
        [unowned self] vm, d, a in
        let seed = try self.seed(vm, a["seed"])
        return try self.wrap(vm, d.data.shuffled(seed: seed))
      },
      method(
        "train_test_split",
        [.init("test_size", default: Value.none), .init("train_size", default: Value.none), .init("shuffle", default: .bool(true)),
         .init("seed", default: Value.none), .init("stratify_by_column", default: Value.none)],
        doc: "Splits into a DatasetDict with 'train' and 'test' (test_size: a fraction or a row count; 0.25 by default)."
      ) { [unowned self] vm, d, a in try self.trainTestSplit(vm, d, a) },
      method(
        "map",
        [.init("function", default: Value.none), .init("with_indices", default: .bool(false)), .init("batched", default: .bool(false)),
         .init("batch_size", default: .int(1000)), .init("remove_columns", default: Value.none)],
        doc: "Applies `function` to every row (a dict; or to batches, a dict of lists, when batched=True) and merges the dict it returns into the row. New keys become new columns.",
        kwargs: "kwargs"
      ) { [unowned self] vm, d, a in try self.map(vm, d, a) },
      method(
        "filter",
        [.init("function", default: Value.none), .init("with_indices", default: .bool(false)), .init("batched", default: .bool(false)),
         .init("batch_size", default: .int(1000))],
        doc: "A new Dataset with the rows for which `function(row)` is true.", kwargs: "kwargs"
      ) { [unowned self] vm, d, a in try self.filter(vm, d, a) },
      method("remove_columns", [.init("column_names")], doc: "A new Dataset without the given feature columns.") {
        [unowned self] vm, d, a in
        let names = try self.names(vm, a["column_names"])
        if names.contains(d.data.labelName) {
          throw vm.error("ValueError", "cannot remove the label column '\(d.data.labelName)'; rename another column to it with rename_column")
        }
        var cols = d.columns()
        for n in names where !cols.contains(where: { $0.0 == n }) {
          throw vm.error("ValueError", "Column name '\(n)' not in the dataset. Current columns in the dataset: \(d.columnNames)")
        }
        cols.removeAll { names.contains($0.0) }
        return try self.rebuild(vm, d, cols)
      },
      method("rename_column", [.init("original_column_name"), .init("new_column_name")], doc: "A new Dataset with one column renamed.") {
        [unowned self] vm, d, a in
        guard let old = a["original_column_name"].asString, let new = a["new_column_name"].asString else {
          throw vm.error("TypeError", "rename_column needs two str column names")
        }
        guard d.columnNames.contains(old) else {
          throw vm.error("ValueError", "Original column name \(old) not in the dataset. Current columns in the dataset: \(d.columnNames)")
        }
        var data = d.data
        if old == data.labelName { data.labelName = new } else if let j = data.featureNames.firstIndex(of: old) { data.featureNames[j] = new }
        return try self.wrap(vm, data)
      },
      method("unique", [.init("column")], doc: "The distinct values of a column, in order of first appearance.") { vm, d, a in
        guard let name = a["column"].asString, let col = d.column(name) else {
          throw vm.error("ValueError", "Column \(vm.reprOrType(a["column"])) not in the dataset. Current columns in the dataset: \(d.columnNames)")
        }
        var seen = Set<String>()
        var out: [Value] = []
        for v in col where seen.insert(vm.reprOrType(v)).inserted { out.append(v) }
        return Value(out)
      },
      method("sort", [.init("column_names"), .init("reverse", default: .bool(false))], doc: "A new Dataset with the rows sorted by a column (stable).") {
        [unowned self] vm, d, a in
        guard let name = a["column_names"].asString, let col = d.column(name) else {
          throw vm.error("ValueError", "Column \(vm.reprOrType(a["column_names"])) not in the dataset. Current columns in the dataset: \(d.columnNames)")
        }
        let keys: [Double] = col.map { $0.asDouble ?? 0 }
        let reverse = try self.builtins.truthy(vm, a["reverse"])
        let before: (Int, Int) -> Bool = { i, j in
          if keys[i] == keys[j] { return i < j }
          return reverse ? keys[i] > keys[j] : keys[i] < keys[j]
        }
        let order = Array(0..<d.count).sorted(by: before)
        return try self.wrap(vm, try bridged(vm) { try d.data.select(order) })
      },
      method("add_column", [.init("name"), .init("column")], doc: "A new Dataset with one more numeric feature column.") { [unowned self] vm, d, a in
        guard let name = a["name"].asString else { throw vm.error("TypeError", "add_column: name must be a str") }
        if d.columnNames.contains(name) { throw vm.error("ValueError", "Column \(name) already in the dataset. Please choose a column name which is not already in the dataset.") }
        let values = try self.builtins.items(vm, a["column"])
        guard values.count == d.count else { throw vm.error("ValueError", "add_column: the column has \(values.count) values but the dataset has \(d.count) rows") }
        var cols = d.columns()
        cols.append((name, values))
        return try self.rebuild(vm, d, cols)
      },
      method("select_columns", [.init("column_names")], doc: "A new Dataset with only these feature columns (the label column is kept).") {
        [unowned self] vm, d, a in
        let names = try self.names(vm, a["column_names"])
        for n in names where !d.columnNames.contains(n) {
          throw vm.error("ValueError", "Column name '\(n)' not in the dataset. Current columns in the dataset: \(d.columnNames)")
        }
        return try self.rebuild(vm, d, d.columns().filter { names.contains($0.0) || $0.0 == d.data.labelName })
      },
      method("class_encode_column", [.init("column")], doc: "Kept for compatibility: the label column is already class-encoded.") {
        [unowned self] vm, d, _ in try self.wrap(vm, d.data)
      },
    ]
    let properties: [NativeProperty] = [
      NativeProperty("column_names", doc: "Column names: the features, then the label.") { [unowned self] vm, i in
        Value(try self.box(.instance(i), vm).columnNames.map { Value.str($0) })
      },
      NativeProperty("num_rows", doc: "Number of rows.") { [unowned self] vm, i in .int(try self.box(.instance(i), vm).count) },
      NativeProperty("num_columns", doc: "Number of columns (features + label).") { [unowned self] vm, i in
        .int(try self.box(.instance(i), vm).columnNames.count)
      },
      NativeProperty("shape", doc: "(num_rows, num_columns).") { [unowned self] vm, i in
        let d = try self.box(.instance(i), vm)
        return .tuple([.int(d.count), .int(d.columnNames.count)])
      },
      NativeProperty("features", doc: "Each column's type (Value('float32'), ClassLabel(names=[...])).") { [unowned self] vm, i in
        let module = try self.builtins.importModule(vm, "dataset_features")
        let valueClass = try self.builtins.attribute(vm, module, "Value")
        let classLabel = try self.builtins.attribute(vm, module, "ClassLabel")
        return try vm.makeDict(try self.box(.instance(i), vm).featureTypes.map { (name, type) in
          switch type {
          case .value(let dtype): return (name, try vm.callValue(valueClass, [.str(dtype)]))
          case .classLabel(let names): return (name, try vm.callValue(classLabel, [Value(names.map { Value.str($0) })]))
          }
        })
      },
      NativeProperty("label_column", doc: "hps: the name of the column the Trainer uses as labels.") { [unowned self] vm, i in
        .str(try self.box(.instance(i), vm).data.labelName)
      },
      NativeProperty("num_labels", doc: "hps: number of classes (classification) or target columns (regression).") {
        [unowned self] vm, i in .int(try self.box(.instance(i), vm).data.numLabels)
      },
    ]
    return NativeClass(
      name: "Dataset", module: "datasets",
      doc: "A table of numeric feature columns and one label column (Hugging Face's datasets.Dataset for the engine's data).",
      initializer: NativeFunction("__init__", signature: "(self)") { vm, args, kw in
        if args.count > 1 || !kw.isEmpty {
          throw vm.error("TypeError", "Dataset() is not built directly; use load_dataset(...) or Dataset.from_dict({...})")
        }
        return .none
      },
      methods: methods,
      classMethods: [
        NativeFunction("from_dict", Signature([.init("cls"), .init("mapping"), .init("label_column", default: Value.none)]),
                       doc: "A Dataset from a dict of equal-length column lists; the label column is 'label' when present, else the last column.") {
          [unowned self] vm, a in
          let pairs = try vm.dictItems(a["mapping"]).map { (k, v) -> (String, [Value]) in
            guard let name = k.asString else { throw vm.error("TypeError", "column names must be str") }
            return (name, try self.builtins.items(vm, v))
          }
          return try self.wrap(vm, try self.fromColumns(vm, pairs, labelColumn: a["label_column"]))
        },
        NativeFunction("from_list", Signature([.init("cls"), .init("mapping"), .init("label_column", default: Value.none)]),
                       doc: "A Dataset from a list of row dicts with the same keys.") { [unowned self] vm, a in
          let rows = try self.builtins.items(vm, a["mapping"])
          guard let first = rows.first else { throw vm.error("ValueError", "from_list needs at least one row") }
          let names = try vm.dictItems(first).map { $0.0.asString ?? "" }
          var cols = names.map { ($0, [Value]()) }
          for (r, row) in rows.enumerated() {
            let items = try vm.dictItems(row)
            guard items.count == names.count else { throw vm.error("ValueError", "row \(r) has \(items.count) keys, the first row has \(names.count)") }
            for (k, v) in items {
              guard let j = names.firstIndex(of: k.asString ?? "") else { throw vm.error("ValueError", "row \(r) has an unknown key \(vm.reprOrType(k))") }
              cols[j].1.append(v)
            }
          }
          return try self.wrap(vm, try self.fromColumns(vm, cols, labelColumn: a["label_column"]))
        },
      ],
      properties: properties)
  }

  private func fromColumns(_ vm: VM, _ cols: [(String, [Value])], labelColumn: Value) throws -> Dataset {
    guard let last = cols.last else { throw vm.error("ValueError", "a data set needs columns") }
    let label = labelColumn.asString ?? (cols.contains { $0.0 == "label" } ? "label" : last.0)
    let isInts = (cols.first { $0.0 == label }?.1 ?? []).allSatisfy { if case .int = $0 { return true } else { return false } }
    return try DatasetBox.build(columns: cols, labelName: label, classNames: nil, regression: !isInts, vm: vm)
  }

  private func rebuild(_ vm: VM, _ d: DatasetBox, _ cols: [(String, [Value])]) throws -> Value {
    let data = try DatasetBox.build(columns: cols, labelName: d.data.labelName, classNames: d.data.classNames,
                                    regression: !d.data.isClassification, vm: vm)
    return try wrap(vm, data)
  }

  private func seed(_ vm: VM, _ v: Value) throws -> UInt64 {
    if v.isNone { return UInt64.random(in: 0...UInt64(UInt32.max)) }
    guard case .int(let s) = v, s >= 0 else { throw vm.error("ValueError", "seed must be a non-negative int or None, got \(vm.reprOrType(v))") }
    return UInt64(s)
  }

  private func names(_ vm: VM, _ v: Value) throws -> [String] {
    if let s = v.asString { return [s] }
    return try builtins.items(vm, v).map { x in
      guard let s = x.asString else { throw vm.error("TypeError", "column names must be str, got \(x.typeName)") }
      return s
    }
  }

  private func indexList(_ vm: VM, _ v: Value, count: Int, what: String) throws -> [Int] {
    try builtins.items(vm, v).map { x in
      guard case .int(let i) = x else { throw vm.error("TypeError", "\(what): indices must be ints, got \(x.typeName)") }
      let j = i < 0 ? i + count : i
      guard j >= 0 && j < count else { throw vm.error("IndexError", "\(what): index \(i) out of range for a data set of \(count) rows") }
      return j
    }
  }

  private func getItem(_ vm: VM, _ d: DatasetBox, _ key: Value) throws -> Value {
    switch key {
    case .int(let i):
      let j = i < 0 ? i + d.count : i
      guard j >= 0 && j < d.count else { throw vm.error("IndexError", "Index \(i) out of range for dataset of size \(d.count).") }
      return try d.row(j, vm: vm)
    case .str(let name):
      guard let col = d.column(name) else {
        throw vm.error("KeyError", "Column \(name) not in the dataset. Current columns in the dataset: \(d.columnNames)")
      }
      return Value(col)
    default:
      if key.typeName == "slice" {
        // range(n)[slice] applies Python's slice rules exactly.
        let all = try vm.callValue(builtins.rangeFunction, [.int(d.count)])
        let rows = try builtins.items(vm, try builtins.item(vm, all, key)).compactMap { $0.asInt }
        return try vm.makeDict(d.columns(rows: rows).map { ($0.0, Value($0.1)) })
      }
      let idx = try indexList(vm, key, count: d.count, what: "Dataset[...]")
      return try vm.makeDict(d.columns(rows: idx).map { ($0.0, Value($0.1)) })
    }
  }

  private func trainTestSplit(_ vm: VM, _ d: DatasetBox, _ a: BoundArguments) throws -> Value {
    let n = Double(d.count)
    var test: Double
    switch (a["test_size"], a["train_size"]) {
    case (.none, .none): test = 0.25
    case (let t, .none):
      guard let v = t.asDouble else { throw vm.error("TypeError", "test_size must be a float or an int, got \(t.typeName)") }
      test = v
    case (.none, let t):
      guard let v = t.asDouble else { throw vm.error("TypeError", "train_size must be a float or an int, got \(t.typeName)") }
      test = (v > 0 && v < 1 && !(t.asInt != nil)) ? 1 - v : n - v
    case (let t, _):
      guard let v = t.asDouble else { throw vm.error("TypeError", "test_size must be a float or an int, got \(t.typeName)") }
      test = v
    }
    if case .int = a["test_size"], test < 1 {
      throw vm.error("ValueError", "test_size=\(Int(test)) should be either positive and smaller than the number of samples \(d.count) or a float in the (0, 1) range")
    }
    if test <= 0 || test >= n {
      throw vm.error("ValueError", "test_size=\(test) should be either positive and smaller than the number of samples \(d.count) or a float in the (0, 1) range")
    }
    let shuffle = try builtins.truthy(vm, a["shuffle"])
    var stratify = false
    if let col = a["stratify_by_column"].asString {
      guard col == d.data.labelName, d.data.isClassification else {
        throw vm.error("ValueError", "stratify_by_column must be the class label column '\(d.data.labelName)'")
      }
      stratify = true
    }
    let parts: (train: Dataset, test: Dataset)
    if shuffle {
      let seed = try self.seed(vm, a["seed"])
      parts = try bridged(vm) { try d.data.trainTestSplit(testSize: test, seed: seed, stratify: stratify) }
    } else {
      if stratify { throw vm.error("ValueError", "Stratified train/test split is not implemented for `shuffle=False`") }
      let nTest = test < 1 ? Int((test * n).rounded(.up)) : Int(test)
      parts = try bridged(vm) {
        (try d.data.select(Array(0..<(d.count - nTest))), try d.data.select(Array((d.count - nTest)..<d.count)))
      }
    }
    return try wrapDict(vm, [("train", try wrap(vm, parts.train)), ("test", try wrap(vm, parts.test))])
  }

  private func map(_ vm: VM, _ d: DatasetBox, _ a: BoundArguments) throws -> Value {
    var cols = d.columns()
    let f = a["function"]
    let withIndices = try builtins.truthy(vm, a["with_indices"])
    if !f.isNone {
      func merge(_ result: Value, rows: Range<Int>, batched: Bool) throws {
        if result.isNone { return }
        guard case .dict = result else {
          throw vm.error("TypeError", "Provided `function` which is applied to all elements of table returns a variable of type \(result.typeName). Make sure provided `function` returns a variable of type `dict` (or None) to update the dataset.")
        }
        for (k, v) in try vm.dictItems(result) {
          guard let name = k.asString else { throw vm.error("TypeError", "map: column names must be str, got \(k.typeName)") }
          let values: [Value]
          if batched {
            values = try builtins.items(vm, v)
            guard values.count == rows.count else {
              throw vm.error("ValueError", "map(batched=True): column '\(name)' has \(values.count) values for a batch of \(rows.count) rows")
            }
          } else { values = [v] }
          if let j = cols.firstIndex(where: { $0.0 == name }) {
            for (k, x) in values.enumerated() { cols[j].1[rows.lowerBound + k] = x }
          } else {
            guard rows.lowerBound == 0 else {
              throw vm.error("ValueError", "map: column '\(name)' appeared only from row \(rows.lowerBound); every row must return the same keys")
            }
            cols.append((name, values + [Value](repeating: .none, count: d.count - values.count)))
          }
        }
      }
      if try builtins.truthy(vm, a["batched"]) {
        guard let size = a["batch_size"].asInt, size >= 1 else { throw vm.error("ValueError", "batch_size must be an int >= 1") }
        var start = 0
        while start < d.count {
          let rows = start..<min(d.count, start + size)
          let batch = try vm.makeDict(cols.map { ($0.0, Value(Array($0.1[rows]))) })
          let args = withIndices ? [batch, Value(rows.map { Value.int($0) })] : [batch]
          try merge(try vm.callValue(f, args), rows: rows, batched: true)
          start = rows.upperBound
        }
      } else {
        for i in 0..<d.count {
          let row = try vm.makeDict(cols.map { ($0.0, $0.1[i]) })
          try merge(try vm.callValue(f, withIndices ? [row, .int(i)] : [row]), rows: i..<(i + 1), batched: false)
        }
      }
    }
    if !a["remove_columns"].isNone {
      let names = try self.names(vm, a["remove_columns"])
      if names.contains(d.data.labelName) { throw vm.error("ValueError", "map: cannot remove the label column '\(d.data.labelName)'") }
      cols.removeAll { names.contains($0.0) }
    }
    if let bad = cols.first(where: { $0.1.contains { $0.isNone } }) {
      throw vm.error("ValueError", "map: column '\(bad.0)' is missing in some rows; return the same keys for every row")
    }
    return try rebuild(vm, d, cols)
  }

  private func filter(_ vm: VM, _ d: DatasetBox, _ a: BoundArguments) throws -> Value {
    let f = a["function"]
    if f.isNone { return try wrap(vm, d.data) }
    let withIndices = try builtins.truthy(vm, a["with_indices"])
    var keep: [Int] = []
    if try builtins.truthy(vm, a["batched"]) {
      guard let size = a["batch_size"].asInt, size >= 1 else { throw vm.error("ValueError", "batch_size must be an int >= 1") }
      var start = 0
      while start < d.count {
        let rows = start..<min(d.count, start + size)
        let batch = try vm.makeDict(d.columns(rows: Array(rows)).map { ($0.0, Value($0.1)) })
        let flags = try builtins.items(vm, try vm.callValue(f, withIndices ? [batch, Value(rows.map { Value.int($0) })] : [batch]))
        guard flags.count == rows.count else { throw vm.error("ValueError", "filter(batched=True): the function returned \(flags.count) flags for \(rows.count) rows") }
        for (k, flag) in flags.enumerated() where try builtins.truthy(vm, flag) { keep.append(rows.lowerBound + k) }
        start = rows.upperBound
      }
    } else {
      for i in 0..<d.count {
        let row = try d.row(i, vm: vm)
        if try builtins.truthy(vm, try vm.callValue(f, withIndices ? [row, .int(i)] : [row])) { keep.append(i) }
      }
    }
    return try wrap(vm, try bridged(vm) { try d.data.select(keep) })
  }
}
