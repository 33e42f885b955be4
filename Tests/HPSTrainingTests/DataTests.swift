import Foundation
import Testing
@testable import HPSNumerics
@testable import HPSTraining

@Suite struct BundledDataTests {
  @Test(arguments: [("iris", 150, 4, 3), ("wine", 178, 13, 3), ("breast_cancer", 569, 30, 2), ("digits", 1797, 64, 10)])
  func classificationSetsHaveTheirShapes(name: String, rows: Int, features: Int, classes: Int) throws {
    let ds = try BundledDatasets.load(name)
    #expect(ds.count == rows)
    #expect(ds.numFeatures == features)
    #expect(ds.numLabels == classes)
    #expect(ds.classNames?.count == classes)
    #expect(Set(ds.classIDs).count == classes)
  }

  @Test func diabetesIsRegression() throws {
    let ds = try BundledDatasets.load("diabetes")
    #expect(ds.count == 442 && ds.numFeatures == 10 && !ds.isClassification)
    #expect(ds.featureNames.first == "age")
    guard case .values(let y) = ds.labels else { Issue.record("expected values"); return }
    #expect(y[0, 0] == 151)
  }

  @Test func irisFirstRowMatchesScikitLearn() throws {
    let ds = try BundledDatasets.load("iris")
    #expect(ds.features.row(0) == [5.1, 3.5, 1.4, 0.2])
    #expect(ds.classIDs[0] == 0 && ds.classIDs[149] == 2)
  }

  @Test func unknownNameListsTheAvailableSets() {
    #expect(throws: DataError.unknownDataset(name: "irs", available: BundledDatasets.names)) { try BundledDatasets.load("irs") }
  }
}

@Suite struct DatasetOperationTests {
  @Test func stratifiedSplitKeepsProportions() throws {
    let ds = try BundledDatasets.load("iris")
    let (train, test) = try ds.trainTestSplit(testSize: 0.2, seed: 0, stratify: true)
    #expect(train.count == 120 && test.count == 30)
    for c in Int32(0)..<3 { #expect(test.classIDs.filter { $0 == c }.count == 10) }
    // Same seed → same split; another seed → another split.
    let again = try ds.trainTestSplit(testSize: 0.2, seed: 0, stratify: true)
    #expect(again.test == test)
    #expect(try ds.trainTestSplit(testSize: 0.2, seed: 1, stratify: true).test != test)
  }

  @Test func plainSplitUsesCeilingForTheTestSet() throws {
    let ds = try BundledDatasets.load("wine")
    let (train, test) = try ds.trainTestSplit(testSize: 0.25, seed: 3)
    #expect(test.count == 45 && train.count == 133)
    #expect(throws: DataError.self) { try ds.trainTestSplit(testSize: 1.5) }
    #expect(throws: DataError.self) { try ds.trainTestSplit(testSize: 0) }
  }

  @Test func standardScalerIsFittedOnTrainOnly() throws {
    let ds = try BundledDatasets.load("wine")
    let (train, test) = try ds.trainTestSplit(testSize: 0.3, seed: 0)
    let scaler = FeatureScaler.fit(train)
    let t = try scaler.transform(train)
    for j in 0..<t.numFeatures {
      let col = (0..<t.count).map { Double(t.features[$0, j]) }
      let mean = col.reduce(0, +) / Double(col.count)
      let variance = col.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(col.count)
      #expect(abs(mean) < 1e-4 && abs(variance - 1) < 1e-3)
    }
    // The test split is transformed with the training statistics, so its mean is not exactly 0.
    let s = try scaler.transform(test)
    let mean0 = (0..<s.count).map { Double(s.features[$0, 0]) }.reduce(0, +) / Double(s.count)
    #expect(abs(mean0) > 1e-4)
    let mm = try FeatureScaler.fit(train, kind: .minMax).transform(train)
    #expect(abs((mm.features.values.min() ?? 9) - 0) < 1e-6 && abs((mm.features.values.max() ?? 9) - 1) < 1e-6)
  }

  @Test func batchingWithAndWithoutDropLast() throws {
    let ds = try SyntheticDatasets.blobs(samples: 10, seed: 1)
    #expect(ds.batchRanges(size: 4, dropLast: false) == [0..<4, 4..<8, 8..<10])
    #expect(ds.batchRanges(size: 4, dropLast: true) == [0..<4, 4..<8])
  }

  @Test func selectAndShuffle() throws {
    let ds = try BundledDatasets.load("iris")
    let sub = try ds.select([149, 0])
    #expect(sub.classIDs == [2, 0] && sub.features.row(1) == ds.features.row(0))
    #expect(throws: DataError.self) { try ds.select([150]) }
    #expect(ds.shuffled(seed: 5) == ds.shuffled(seed: 5))
    #expect(ds.shuffled(seed: 5) != ds)
  }

  @Test func syntheticGeneratorsAreSeeded() throws {
    #expect(try SyntheticDatasets.moons(samples: 50, noise: 0.1, seed: 2) == SyntheticDatasets.moons(samples: 50, noise: 0.1, seed: 2))
    #expect(try SyntheticDatasets.moons(samples: 50, noise: 0.1, seed: 2) != SyntheticDatasets.moons(samples: 50, noise: 0.1, seed: 3))
    #expect(try SyntheticDatasets.circles(samples: 40, seed: 1).count == 40)
    #expect(try SyntheticDatasets.blobs(samples: 30, features: 3, centers: 3, seed: 1).numLabels == 3)
    #expect(try SyntheticDatasets.classification(samples: 60, features: 5, informative: 3, classes: 3, seed: 1).numFeatures == 5)
    #expect(try !SyntheticDatasets.regression(samples: 20, features: 4, informative: 2, seed: 1).isClassification)
    #expect(try SyntheticDatasets.spirals(samples: 90, classes: 3, seed: 1).numLabels == 3)
    #expect(throws: DataError.self) { try SyntheticDatasets.circles(factor: 1.5) }
  }
}

@Suite struct CSVTests {
  @Test func stringLabelsBecomeSortedClassIDs() throws {
    let ds = try CSVLoader.parse("a,b,kind\n1,2,cat\n3,4,dog\n5,6,cat\n", labelColumn: "kind")
    #expect(ds.classNames == ["cat", "dog"] && ds.classIDs == [0, 1, 0])
    #expect(ds.featureNames == ["a", "b"] && ds.features.values == [1, 2, 3, 4, 5, 6])
  }

  @Test func labelColumnCanBeAnywhere() throws {
    let ds = try CSVLoader.parse("y,x1,x2\n1.5,2,3\n2.5,4,5\n", labelColumn: "y", task: .regression)
    #expect(ds.featureNames == ["x1", "x2"] && !ds.isClassification)
  }

  @Test func quotedFields() throws {
    let ds = try CSVLoader.parse("x,label\n1,\"a, b\"\n2,\"c\"\n")
    #expect(ds.classNames == ["a, b", "c"])
  }

  @Test func missingValueNamesRowAndColumn() {
    #expect(throws: DataError.csv(file: "data.csv", line: 3, column: "b", message: "missing value")) {
      try CSVLoader.parse("a,b,y\n1,2,0\n3,,1\n", file: "data.csv")
    }
  }

  @Test func nonNumericValueNamesRowAndColumn() {
    #expect(throws: DataError.csv(file: "data.csv", line: 2, column: "a", message: "'x1' is not a number")) {
      try CSVLoader.parse("a,b,y\nx1,2,0\n", file: "data.csv")
    }
    let err = DataError.csv(file: "data.csv", line: 2, column: "a", message: "'x1' is not a number")
    #expect(err.description == "data.csv:2: column 'a': 'x1' is not a number")
  }

  @Test func wrongFieldCountAndUnknownLabelColumn() {
    #expect(throws: DataError.self) { try CSVLoader.parse("a,b,y\n1,2\n") }
    #expect(throws: DataError.csv(file: "<csv>", line: 1, column: "label", message: "no such column; columns are a, y")) {
      try CSVLoader.parse("a,y\n1,2\n", labelColumn: "label")
    }
    #expect(throws: DataError.fileNotFound("/nonexistent.csv")) { try CSVLoader.load(path: "/nonexistent.csv") }
  }

  @Test func regressionLabelMustBeNumeric() {
    #expect(throws: DataError.csv(file: "<csv>", line: 3, column: "y", message: "'big' is not a number")) {
      try CSVLoader.parse("a,y\n1,2\n3,big\n", task: .regression)
    }
  }
}
