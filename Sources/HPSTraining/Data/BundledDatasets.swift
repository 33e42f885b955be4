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

  /// Loads a bundled data set by name (diabetes is regression; the others are classification).
  public static func load(_ name: String) throws -> Dataset {
    guard names.contains(name),
      let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "datasets")
    else { throw DataError.unknownDataset(name: name, available: names) }
    let classes = classNames[name]
    var ds = try CSVLoader.load(
      path: url.path, labelColumn: "target", task: classes == nil ? .regression : .classification)
    if let classes {
      ds.classNames = classes  // class ids in the file are already 0..<k in scikit-learn's order
    }
    return ds
  }
}
