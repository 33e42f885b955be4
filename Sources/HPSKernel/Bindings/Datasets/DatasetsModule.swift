// The `datasets` module: load_dataset over the bundled scikit-learn sets, the seeded synthetic
// generators and local CSV files. There is no hub: unknown names list what is available.
import Foundation
import HPSNumerics
import HPSScript
import HPSTraining

enum DatasetsModule {
  static let synthetic = ["moons", "circles", "blobs", "classification", "regression", "spirals"]

  /// Keyword options each synthetic generator accepts (scikit-learn's make_* names).
  static let syntheticOptions: [String: [String]] = [
    "moons": ["n_samples", "noise", "seed"],
    "circles": ["n_samples", "noise", "factor", "seed"],
    "blobs": ["n_samples", "n_features", "centers", "cluster_std", "seed"],
    "classification": ["n_samples", "n_features", "n_informative", "n_classes", "class_sep", "seed"],
    "regression": ["n_samples", "n_features", "n_informative", "noise", "seed"],
    "spirals": ["n_samples", "n_classes", "noise", "seed"],
  ]

  static var availableText: String {
    "bundled: " + BundledDatasets.names.joined(separator: ", ") + "; synthetic: " + synthetic.joined(separator: ", ")
      + " (options as keywords, e.g. n_samples=500, noise=0.2, seed=0); or \"csv\" with data_files=\"path.csv\""
  }

  static func module(_ bindings: DatasetBindings) -> NativeModule {
    NativeModule("datasets", doc: "Hugging Face-style data sets for hps: load_dataset, Dataset, DatasetDict. Everything is local; \(availableText).") { vm in
      let load = NativeFunction(
        "load_dataset",
        Signature([.init("path"), .init("name", default: Value.none), .init("data_files", default: Value.none), .init("split", default: Value.none)],
                  kwargs: "kwargs"),
        doc: """
          Loads a data set and returns a DatasetDict with a 'train' split (or one Dataset when split= is given).
          path: a bundled set (\(BundledDatasets.names.joined(separator: ", "))), a synthetic generator
          (\(synthetic.joined(separator: ", ")); options such as n_samples, noise, seed as keywords), or "csv" with
          data_files= a path, a list of paths or a dict of split name to path (label_column= picks the label,
          the last column by default). The label column is called 'label'.
          """
      ) { vm, a in try DatasetsModule.load(vm, bindings, a) }
      let list = NativeFunction("list_datasets", Signature([Signature.Parameter]()), doc: "hps: the names load_dataset accepts.") { _, _ in
        Value((BundledDatasets.names + synthetic + ["csv"]).map { Value.str($0) })
      }
      return [
        ("load_dataset", Value(load)), ("list_datasets", Value(list)),
        ("Dataset", bindings.datasetClass.value), ("DatasetDict", bindings.datasetDictClass.value),
      ]
    }
  }

  static func load(_ vm: VM, _ bindings: DatasetBindings, _ a: BoundArguments) throws -> Value {
    guard let rawPath = a["path"].asString else { throw vm.error("TypeError", "load_dataset: path must be a str, got \(a["path"].typeName)") }
    let path = rawPath.hasPrefix("make_") ? String(rawPath.dropFirst(5)) : rawPath
    var splits: [(String, Dataset)] = []
    let options = a.kwargs
    if BundledDatasets.names.contains(path) {
      if let bad = options.first { throw vm.error("TypeError", "load_dataset(\"\(path)\") got an unexpected keyword argument '\(bad.0)'") }
      var data = try bridged(vm) { try BundledDatasets.load(path) }
      data.labelName = "label"
      splits = [("train", data)]
    } else if synthetic.contains(path) {
      splits = [("train", try makeSynthetic(vm, path, options))]
    } else if path == "csv" || path.hasSuffix(".csv") {
      let files: Value = path == "csv" ? a["data_files"] : .str(path)
      var labelColumn: String?
      for (k, v) in options {
        guard k == "label_column" else { throw vm.error("TypeError", "load_dataset(\"csv\") got an unexpected keyword argument '\(k)'; did you mean label_column?") }
        labelColumn = v.asString
      }
      splits = try csvSplits(vm, bindings, files, labelColumn: labelColumn)
    } else {
      throw vm.error("FileNotFoundError", "Couldn't find dataset '\(rawPath)': hps has no network access, so hub data sets cannot be downloaded, and no local data set has that name. Available: \(availableText).")
    }
    let wrapped = try splits.map { ($0.0, try bindings.wrap(vm, $0.1)) }
    if let split = a["split"].asString {
      guard let hit = wrapped.first(where: { $0.0 == split }) else {
        throw vm.error("ValueError", "Unknown split \"\(split)\". Should be one of \(wrapped.map { $0.0 }).")
      }
      return hit.1
    }
    if !a["split"].isNone { throw vm.error("TypeError", "split must be a str such as \"train\"") }
    return try bindings.wrapDict(vm, wrapped)
  }

  static func csvSplits(_ vm: VM, _ bindings: DatasetBindings, _ files: Value, labelColumn: String?) throws -> [(String, Dataset)] {
    func one(_ path: Value) throws -> Dataset {
      guard let p = path.asString else { throw vm.error("TypeError", "data_files entries must be str paths, got \(path.typeName)") }
      var d = try bridged(vm) { try CSVLoader.load(path: p, labelColumn: labelColumn) }
      if labelColumn == nil { d.labelName = "label" }
      return d
    }
    switch files {
    case .none: throw vm.error("ValueError", "load_dataset(\"csv\") needs data_files=\"path.csv\" (or a list, or a dict of split name to path)")
    case .str: return [("train", try one(files))]
    case .dict:
      return try vm.dictItems(files).map { (k, v) in
        guard let name = k.asString else { throw vm.error("TypeError", "data_files split names must be str") }
        if let list = v.asArray {
          return (name, try concatenate(vm, list.map(one)))
        }
        return (name, try one(v))
      }
    default:
      guard let list = files.asArray else { throw vm.error("TypeError", "data_files must be a str, a list or a dict, got \(files.typeName)") }
      return [("train", try concatenate(vm, list.map(one)))]
    }
  }

  static func concatenate(_ vm: VM, _ parts: [Dataset]) throws -> Dataset {
    guard var out = parts.first else { throw vm.error("ValueError", "data_files is empty") }
    for p in parts.dropFirst() {
      guard p.featureNames == out.featureNames, p.isClassification == out.isClassification else {
        throw vm.error("ValueError", "data_files have different columns: \(out.featureNames) vs \(p.featureNames)")
      }
      let x = Matrix(rows: out.count + p.count, cols: out.numFeatures, values: out.features.values + p.features.values)
      let labels: Dataset.Labels
      switch (out.labels, p.labels) {
      case (.classes(let a), .classes(let b)): labels = .classes(a + b)
      case (.values(let a), .values(let b)): labels = .values(Matrix(rows: a.rows + b.rows, cols: a.cols, values: a.values + b.values))
      default: throw vm.error("ValueError", "data_files mix class labels and real-valued targets")
      }
      out = try bridged(vm) { try Dataset(features: x, labels: labels, featureNames: out.featureNames, labelName: out.labelName) }
    }
    return out
  }

  static func makeSynthetic(_ vm: VM, _ name: String, _ kwargs: Kwargs) throws -> Dataset {
    let allowed = syntheticOptions[name] ?? []
    var ints: [String: Int] = [:], doubles: [String: Double] = [:]
    for (k, v) in kwargs {
      let key = k == "random_state" ? "seed" : k
      guard allowed.contains(key) else {
        throw vm.error("TypeError", "load_dataset(\"\(name)\") got an unexpected keyword argument '\(k)'; options: \(allowed.joined(separator: ", "))")
      }
      if ["n_samples", "n_features", "centers", "n_informative", "n_classes", "seed"].contains(key) {
        guard case .int(let i) = v else { throw vm.error("TypeError", "\(key) must be an int, got \(v.typeName)") }
        if key == "seed" && i < 0 { throw vm.error("ValueError", "seed must be >= 0, got \(i)") }
        ints[key] = i
      } else {
        guard let d = v.asDouble else { throw vm.error("TypeError", "\(key) must be a number, got \(v.typeName)") }
        doubles[key] = d
      }
    }
    let seed = UInt64(ints["seed"] ?? 0)
    var data: Dataset = try bridged(vm) {
      switch name {
      case "moons": return try SyntheticDatasets.moons(samples: ints["n_samples"] ?? 100, noise: doubles["noise"] ?? 0, seed: seed)
      case "circles":
        return try SyntheticDatasets.circles(samples: ints["n_samples"] ?? 100, noise: doubles["noise"] ?? 0,
                                             factor: doubles["factor"] ?? 0.8, seed: seed)
      case "blobs":
        return try SyntheticDatasets.blobs(samples: ints["n_samples"] ?? 100, features: ints["n_features"] ?? 2,
                                           centers: ints["centers"] ?? 3, clusterStd: doubles["cluster_std"] ?? 1, seed: seed)
      case "classification":
        return try SyntheticDatasets.classification(samples: ints["n_samples"] ?? 100, features: ints["n_features"] ?? 20,
                                                    informative: ints["n_informative"] ?? 2, classes: ints["n_classes"] ?? 2,
                                                    classSep: doubles["class_sep"] ?? 1, seed: seed)
      case "regression":
        let d = ints["n_features"] ?? 10
        return try SyntheticDatasets.regression(samples: ints["n_samples"] ?? 100, features: d,
                                                informative: ints["n_informative"] ?? d, noise: doubles["noise"] ?? 0, seed: seed)
      default:
        return try SyntheticDatasets.spirals(samples: ints["n_samples"] ?? 300, classes: ints["n_classes"] ?? 2,
                                             noise: doubles["noise"] ?? 0.1, seed: seed)
      }
    }
    data.labelName = "label"
    return data
  }
}
