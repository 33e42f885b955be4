// The datasets module: loading, rows and columns, transformations and their errors.
import Foundation
import Testing

@Suite("TransformersDatasets")
struct TransformersDatasetsTests {
  @Test func loadIndexSliceAndSplit() {
    let r = ScriptHarness.run("""
      from datasets import load_dataset
      d = load_dataset("iris")
      t = d["train"]
      print(len(t), t.num_rows, t.column_names[-1], t[0]["label"], t[-1]["label"])
      print(t[1:4]["label"], t["label"][:3], sorted(set(t["label"])))
      s = t.train_test_split(test_size=0.2, seed=42)
      print(s["train"].num_rows, s["test"].num_rows, sorted(s.keys()))
      s2 = t.train_test_split(test_size=30, seed=1, stratify_by_column="label")
      print(sorted(s2["test"]["label"]).count(0))
      print(t.shuffle(seed=3)["label"] == t.shuffle(seed=3)["label"], t.shuffle(seed=3)["label"] != t["label"])
      print(t.select([0, 50, 100])["label"], t.features["label"])
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == """
      150 150 label 0 2
      [0, 0, 0] [0, 0, 0] [0, 1, 2]
      120 30 ['test', 'train']
      10
      True True
      [0, 1, 2] ClassLabel(names=['setosa', 'versicolor', 'virginica'])

      """)
  }

  @Test func mapFilterAndConversions() {
    let r = ScriptHarness.run("""
      from datasets import load_dataset, Dataset
      d = Dataset.from_dict({"a": [1.0, 2.0, 3.0, 4.0], "b": [0.5, 0.5, 1.5, 1.5], "label": [0, 1, 0, 1]})
      m = d.map(lambda r: {"c": r["a"] * 2})
      print(m.column_names, m["c"])
      mb = d.map(lambda batch: {"a": [x + 10 for x in batch["a"]]}, batched=True, batch_size=3)
      print(mb["a"])
      f = d.filter(lambda r: r["label"] == 1)
      print(f.num_rows, f.to_dict()["a"], f.to_list()[0])
      print(d.map(lambda r, i: {"a": float(i)}, with_indices=True)["a"], d.remove_columns("b").column_names)
      print([r["label"] for r in d], d.rename_column("a", "x").column_names)
      print(load_dataset("moons", n_samples=20, noise=0.1, seed=0, split="train").num_rows)
      print(load_dataset("regression", n_samples=10, n_features=3, split="train").features["label"])
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == """
      ['a', 'b', 'c', 'label'] [2.0, 4.0, 6.0, 8.0]
      [11.0, 12.0, 13.0, 14.0]
      2 [2.0, 4.0] {'a': 2.0, 'b': 0.5, 'label': 1}
      [0.0, 1.0, 2.0, 3.0] ['a', 'label']
      [0, 1, 0, 1] ['x', 'b', 'label']
      20
      Value('float32')

      """)
  }

  @Test func uniqueSortAddAndSelectColumns() {
    let r = ScriptHarness.run("""
      from datasets import Dataset
      d = Dataset.from_dict({"a": [3.0, 1.0, 2.0, 1.0], "b": [0.5, 0.6, 0.7, 0.8], "label": [0, 1, 0, 1]})
      print(d.unique("label"), d.sort("a")["a"], d.sort("a", reverse=True)["b"])
      print(d.add_column("c", [1, 2, 3, 4]).column_names, d.select_columns(["b"]).column_names)
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "[0, 1] [1.0, 1.0, 2.0, 3.0] [0.5, 0.7, 0.6, 0.8]\n['a', 'b', 'c', 'label'] ['b', 'label']\n", "\(r.stdout)")
  }

  @Test func csvFiles() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hps-csv-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try "x,y,label\n1,2,0\n3,4,1\n5,6,1\n".write(to: dir.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
    let r = ScriptHarness.run("""
      from datasets import load_dataset
      d = load_dataset("csv", data_files={"train": "\(dir.path)/a.csv", "test": "\(dir.path)/a.csv"})
      print(d["train"].num_rows, d["test"]["label"], d["train"].column_names)
      try:
          load_dataset("csv")
      except ValueError as e:
          print("E", e)
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("3 [0, 1, 1] ['x', 'y', 'label']"), "\(r.stdout)")
    #expect(r.stdout.contains("E load_dataset(\"csv\") needs data_files="), "\(r.stdout)")
  }

  @Test func clearErrors() {
    let r = ScriptHarness.run("""
      from datasets import load_dataset, Dataset
      t = load_dataset("iris", split="train")
      for f in [lambda: load_dataset("imdb"), lambda: load_dataset("moons", n_sample=3), lambda: t[500],
                lambda: t["nope"], lambda: t.train_test_split(test_size=0), lambda: t.select([1, 999]),
                lambda: load_dataset("iris", split="validation"), lambda: t.map(lambda r: 3)]:
          try:
              f()
              print("no error")
          except Exception as e:
              print(type(e).__name__ + ":", str(e)[:60])
      """)
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 8, "\(r.stdout)")
    #expect(lines.first?.hasPrefix("FileNotFoundError: Couldn't find dataset 'imdb': hps has no net") == true, "\(r.stdout)")
    #expect(lines.dropFirst().first?.hasPrefix("TypeError: load_dataset(\"moons\") got an unexpected keyword") == true)
    #expect(lines.contains { $0.hasPrefix("IndexError: Index 500 out of range") })
    #expect(lines.contains { $0.hasPrefix("KeyError:") })
    #expect(lines.contains { $0.hasPrefix("ValueError: test_size=0") })
    #expect(lines.contains { $0.hasPrefix("IndexError: select(indices): index 999") })
    #expect(lines.contains { $0.hasPrefix("ValueError: Unknown split \"validation\"") })
    #expect(lines.last?.hasPrefix("TypeError: Provided `function`") == true)
    #expect(!lines.contains("no error"))
  }
}
