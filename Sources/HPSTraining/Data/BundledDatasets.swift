// The real data sets shipped with hps: scikit-learn's toy sets (BSD-3-Clause; see docs/datasets.md).
import Foundation
import HPSNumerics

public enum BundledDatasets {
  public static let names = ["iris", "wine", "breast_cancer", "digits", "diabetes"]

  static let classNames: [String: [String]] = [
    "iris": ["setosa", "versicolor", "virginica"],
    "wine": ["class_0", "class_1", "class_2"],
    "breast_cancer": ["malignant", "benign"],
    "digits": (0..<10).map(String.init),
  ]

  /// Where `<name>.csv` is: $HPS_DATA_DIR, then SwiftPM's resource bundle next to the executable
  /// (Linux and macOS layouts), then the source tree. `Bundle.module` is not used because it
  /// traps when the bundle is missing (a moved binary); a missing file here is an error instead.
  static func file(_ name: String) -> String? {
    let fm = FileManager.default
    var dirs: [String] = []
    if let env = ProcessInfo.processInfo.environment["HPS_DATA_DIR"] { dirs.append(env) }
    let exeDir = Bundle.main.bundleURL.path
    for bundle in ["hps_HPSTraining.resources", "hps_HPSTraining.bundle", "hps_HPSTraining.bundle/Contents/Resources"] {
      dirs.append("\(exeDir)/\(bundle)/datasets")
    }
    dirs.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path + "/Resources/datasets")
    return dirs.map { "\($0)/\(name).csv" }.first { fm.fileExists(atPath: $0) }
  }

  /// Loads a bundled data set by name (diabetes is regression; the others are classification).
  public static func load(_ name: String) throws -> Dataset {
    guard names.contains(name) else { throw DataError.unknownDataset(name: name, available: names) }
    guard let path = file(name) else {
      throw DataError.fileNotFound("\(name).csv: the bundled data directory was not found (set HPS_DATA_DIR to the datasets folder)")
    }
    let classes = classNames[name]
    var ds = try CSVLoader.load(
      path: path, labelColumn: "target", task: classes == nil ? .regression : .classification)
    if let classes {
      ds.classNames = classes  // class ids in the file are already 0..<k in scikit-learn's order
    }
    return ds
  }
}
