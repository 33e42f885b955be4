// `datasets.DatasetDict`: named splits that behave like a dict, with map/filter/shuffle applied
// to every split.
import HPSScript

final class DatasetDictBox {
  let splits: [(String, Value)]
  init(_ splits: [(String, Value)]) { self.splits = splits }
}

extension DatasetBindings {
  func makeDatasetDictClass() -> NativeClass {
    func method(_ name: String, _ params: [Signature.Parameter], doc: String, kwargs: String? = nil,
                _ body: @escaping (VM, DatasetDictBox, BoundArguments) throws -> Value) -> NativeFunction {
      NativeFunction(name, Signature([.init("self")] + params, kwargs: kwargs), doc: doc) { vm, a in
        try body(vm, try payload(a[0], DatasetDictBox.self, vm, "DatasetDict"), a)
      }
    }
    /// Applies a Dataset method to every split.
    func each(_ name: String, doc: String) -> NativeFunction {
      NativeFunction(name, signature: "(self, *args, **kwargs)", doc: doc) { [unowned self] vm, args, kw in
        guard let first = args.first else { throw vm.error("TypeError", "\(name)() needs self") }
        let d = try payload(first, DatasetDictBox.self, vm, "DatasetDict")
        let splits = try d.splits.map { (k, v) in (k, try vm.invokeMethod(v, name, Array(args.dropFirst()), kw)) }
        return try self.wrapDict(vm, splits)
      }
    }
    return NativeClass(
      name: "DatasetDict", module: "datasets", doc: "Named splits of a data set ('train', 'test', ...), like a dict.",
      initializer: NativeFunction("__init__", signature: "(self)") { _, _, _ in .none },
      methods: [
        method("__getitem__", [.init("key")], doc: "The split named `key`.") { vm, d, a in
          guard let k = a["key"].asString, let v = d.splits.first(where: { $0.0 == k })?.1 else {
            throw vm.error("KeyError", "\(vm.reprOrType(a["key"])): no such split; splits are \(d.splits.map { $0.0 })")
          }
          return v
        },
        method("__len__", [], doc: "Number of splits.") { _, d, _ in .int(d.splits.count) },
        method("__contains__", [.init("key")], doc: "") { _, d, a in .bool(d.splits.contains { $0.0 == a["key"].asString }) },
        method("__iter__", [], doc: "Iterates over split names.") { [unowned self] vm, d, _ in
          try vm.callValue(try self.builtins.attribute(vm, Value(d.splits.map { Value.str($0.0) }), "__iter__"), [])
        },
        method("keys", [], doc: "Split names.") { _, d, _ in Value(d.splits.map { Value.str($0.0) }) },
        method("values", [], doc: "The Datasets.") { _, d, _ in Value(d.splits.map { $0.1 }) },
        method("items", [], doc: "(name, Dataset) pairs.") { _, d, _ in Value(d.splits.map { Value.tuple([.str($0.0), $0.1]) }) },
        method("__repr__", [], doc: "") { vm, d, _ in
          let body = try d.splits.map { (k, v) in
            "    \(k): " + (try vm.repr(v)).replacingOccurrences(of: "\n", with: "\n    ")
          }.joined(separator: "\n")
          return .str("DatasetDict({\n\(body)\n})")
        },
        each("map", doc: "map() on every split."),
        each("filter", doc: "filter() on every split."),
        each("shuffle", doc: "shuffle() on every split."),
        each("remove_columns", doc: "remove_columns() on every split."),
        each("rename_column", doc: "rename_column() on every split."),
      ],
      properties: [
        NativeProperty("column_names", doc: "Column names per split.") { vm, i in
          let d = try payload(.instance(i), DatasetDictBox.self, vm, "DatasetDict")
          return try vm.makeDict(
            d.splits.map { (k, v) in (k, Value((NativeClass.payload(v, as: DatasetBox.self)?.columnNames ?? []).map { Value.str($0) })) })
        },
        NativeProperty("num_rows", doc: "Rows per split.") { vm, i in
          let d = try payload(.instance(i), DatasetDictBox.self, vm, "DatasetDict")
          return try vm.makeDict(d.splits.map { (k, v) in (k, Value.int(NativeClass.payload(v, as: DatasetBox.self)?.count ?? 0)) })
        },
      ])
  }
}
