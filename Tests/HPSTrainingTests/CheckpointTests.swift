import Foundation
import Testing
@testable import HPSNumerics
@testable import HPSTraining

@Suite struct CheckpointTests {
  func model(_ hidden: [Int] = [5], seed: UInt64 = 3) throws -> Model {
    try Model(config: .mlp(features: 4, labels: 3, hidden: hidden, layerNorm: true), seed: seed)
  }

  @Test func saveAndLoadRoundTrip() throws {
    let dir = temporaryDirectory()
    let m = try model()
    try m.savePretrained(dir)
    let loaded = try Model.fromPretrained(dir)
    #expect(loaded.config == m.config)
    #expect(loaded.parameters.map(\.name) == m.parameters.map(\.name))
    #expect(loaded.parameters.map(\.value) == m.parameters.map(\.value))
    let config = try String(contentsOfFile: dir + "/config.json", encoding: .utf8)
    #expect(config.contains("\"num_labels\" : 3") && config.contains("\"hidden_sizes\""))
  }

  @Test func fileLayoutIsSafetensors() throws {
    let data = try Safetensors.encode([("a", Tensor(shape: [2], values: [1, -2]))], metadata: ["format": "pt"])
    let n = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    #expect((8 + n) % 8 == 0)
    #expect(data.count == 8 + n + 8)
    let header = String(decoding: data[8..<(8 + n)], as: UTF8.self)
    #expect(header.hasPrefix("{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"data_offsets\":[0,8],\"dtype\":\"F32\",\"shape\":[2]}}"))
    #expect(Array(data.suffix(8)) == [0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0])  // 1.0, -2.0 little-endian
  }

  @Test func missingFilesAreNamed() throws {
    let dir = temporaryDirectory()
    #expect(throws: CheckpointError.missingFile(dir + "/config.json")) { try Model.fromPretrained(dir) }
    try model().config.jsonData().write(to: URL(fileURLWithPath: dir + "/config.json"))
    #expect(throws: CheckpointError.missingFile(dir + "/model.safetensors")) { try Model.fromPretrained(dir) }
  }

  @Test func truncatedFileIsAnError() throws {
    let dir = temporaryDirectory()
    try model().savePretrained(dir)
    let path = dir + "/model.safetensors"
    let full = try Data(contentsOf: URL(fileURLWithPath: path))
    try full.prefix(full.count - 10).write(to: URL(fileURLWithPath: path))
    #expect { try Model.fromPretrained(dir) } throws: { error in
      guard case CheckpointError.truncated(let file, _) = error else { return false }
      return file == path
    }
    try full.prefix(5).write(to: URL(fileURLWithPath: path))
    #expect { try Model.fromPretrained(dir) } throws: { ($0 as? CheckpointError).map { if case .truncated = $0 { true } else { false } } ?? false }
  }

  @Test func corruptHeaderIsAnError() throws {
    var bad = Data([12, 0, 0, 0, 0, 0, 0, 0])
    bad.append(contentsOf: Array("not json!!!!".utf8))
    #expect(throws: CheckpointError.corrupt(file: "<safetensors>", detail: "header is not a JSON object")) { try Safetensors.decode(bad) }
  }

  @Test func shapeMismatchNamesTheTensor() throws {
    let dir = temporaryDirectory()
    try model([5]).savePretrained(dir)
    // Same names, different hidden width: the config says 6 but the weights have 5.
    var cfg = try model([6]).config
    cfg.hiddenSizes = [6]
    try cfg.jsonData().write(to: URL(fileURLWithPath: dir + "/config.json"))
    #expect(throws: CheckpointError.shapeMismatch(file: dir + "/model.safetensors", name: "layers.0.weight", checkpoint: [5, 4], model: [6, 4])) {
      try Model.fromPretrained(dir)
    }
    let e = CheckpointError.shapeMismatch(file: "f", name: "layers.0.weight", checkpoint: [5, 4], model: [6, 4])
    #expect(e.description.contains("size mismatch for layers.0.weight"))
  }

  @Test func missingTensorIsNamed() throws {
    let m = try model()
    var tensors = Dictionary(uniqueKeysWithValues: m.stateDict)
    tensors["layers.1.bias"] = nil
    #expect(throws: CheckpointError.missingTensor(file: "<state dict>", name: "layers.1.bias")) { try m.loadStateDict(tensors) }
  }

  @Test func readsFloat64AndHalfTensors() throws {
    // Hand-built header with an F64 and an F16 tensor.
    let header = #"{"d":{"dtype":"F64","shape":[1],"data_offsets":[0,8]},"h":{"dtype":"F16","shape":[1],"data_offsets":[8,10]}}"#
    var data = Data()
    var n = UInt64(header.utf8.count).littleEndian
    withUnsafeBytes(of: &n) { data.append(contentsOf: $0) }
    data.append(contentsOf: Array(header.utf8))
    var d = (2.5).bitPattern.littleEndian
    withUnsafeBytes(of: &d) { data.append(contentsOf: $0) }
    var h = Float16(-1.5).bitPattern.littleEndian
    withUnsafeBytes(of: &h) { data.append(contentsOf: $0) }
    let (t, _) = try Safetensors.decode(data)
    #expect(t["d"]?.values == [2.5] && t["h"]?.values == [-1.5])
  }
}

/// Interoperability with Python's `safetensors` package. Runs when HPS_PYTHON is set (scripts/test
/// sets it to the venv with scripts/test-requirements.txt installed) — and then fails, rather
/// than skips, if the package is missing.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["HPS_PYTHON"] != nil, "HPS_PYTHON is not set"))
struct SafetensorsInteropTests {
  func python(_ script: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["HPS_PYTHON"] ?? "python3")
    process.arguments = ["-c", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self))
  }

  @Test func swiftWrittenFileLoadsInPython() throws {
    let dir = temporaryDirectory()
    let m = try Model(config: .mlp(features: 3, labels: 2, hidden: [4]), seed: 9)
    try m.savePretrained(dir)
    let expected = m.stateDict.map { name, t in "\"\(name)\": (\(t.shape), \(t.values.map { "\($0)" }))" }.joined(separator: ", ")
    let result = try python("""
      import numpy as np
      from safetensors.numpy import load_file
      t = load_file("\(dir)/model.safetensors")
      expected = {\(expected)}
      assert sorted(t) == sorted(expected), (sorted(t), sorted(expected))
      for k, (shape, values) in expected.items():
          assert t[k].dtype == np.float32 and list(t[k].shape) == shape, (k, t[k].dtype, t[k].shape)
          assert np.array_equal(t[k].reshape(-1), np.array(values, dtype=np.float32)), k
      print("ok")
      """)
    #expect(result.status == 0 && result.output.contains("ok"), "\(result.output)")
  }

  @Test func pythonWrittenFileLoadsInSwift() throws {
    let path = temporaryDirectory() + "/py.safetensors"
    let result = try python("""
      import numpy as np
      from safetensors.numpy import save_file
      save_file({"w": np.arange(6, dtype=np.float32).reshape(2, 3) - 2.5,
                 "b": np.array([0.25, -1.0], dtype=np.float64)}, "\(path)", metadata={"format": "pt"})
      print("ok")
      """)
    #expect(result.status == 0, "\(result.output)")
    let (tensors, metadata) = try Safetensors.read(path)
    #expect(tensors["w"] == Tensor(shape: [2, 3], values: [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]))
    #expect(tensors["b"] == Tensor(shape: [2], values: [0.25, -1]))
    #expect(metadata["format"] == "pt")
  }
}
