// save_pretrained / from_pretrained: a directory with config.json and model.safetensors.
import Foundation
import HPSNumerics

extension Model {
  public static let configFileName = "config.json"
  public static let weightsFileName = "model.safetensors"

  /// Tensors by name in PyTorch layout (Linear weights out × in; vectors 1-D).
  public var stateDict: [(String, Tensor)] {
    parameters.map { p in
      let shape = p.value.rows == 1 ? [p.value.cols] : [p.value.rows, p.value.cols]
      return (p.name, Tensor(shape: shape, values: p.value.values))
    }
  }

  /// Writes config.json and model.safetensors into `directory` (created if needed).
  public func savePretrained(_ directory: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try config.jsonData().write(to: URL(fileURLWithPath: directory).appendingPathComponent(Model.configFileName))
    } catch { throw CheckpointError.writeFailed("\(directory): \(error)") }
    try Safetensors.write(stateDict, to: (directory as NSString).appendingPathComponent(Model.weightsFileName),
                          metadata: ["format": "pt"])
  }

  /// Copies tensors into the parameters, checking that every name exists with the right shape.
  public func loadStateDict(_ tensors: [String: Tensor], file: String = "<state dict>", strict: Bool = true) throws {
    for p in parameters {
      guard let t = tensors[p.name] else { throw CheckpointError.missingTensor(file: file, name: p.name) }
      let expected = p.value.rows == 1 ? [p.value.cols] : [p.value.rows, p.value.cols]
      let compatible = t.shape == expected || (t.shape.reduce(1, *) == p.value.count && t.shape == [1, p.value.cols] && p.value.rows == 1)
      guard compatible else { throw CheckpointError.shapeMismatch(file: file, name: p.name, checkpoint: t.shape, model: expected) }
    }
    if strict, let extra = tensors.keys.sorted().first(where: { name in !parameters.contains { $0.name == name } }) {
      throw CheckpointError.unexpectedTensor(file: file, name: extra)
    }
    for p in parameters {
      if let t = tensors[p.name] { p.value = Matrix(rows: p.value.rows, cols: p.value.cols, values: t.values) }
    }
  }

  /// Loads a model saved by `savePretrained` (or by PyTorch with the same tensor names).
  public static func fromPretrained(_ directory: String) throws -> Model {
    let configPath = (directory as NSString).appendingPathComponent(configFileName)
    guard let data = FileManager.default.contents(atPath: configPath) else { throw CheckpointError.missingFile(configPath) }
    let config: ModelConfig
    do { config = try JSONDecoder().decode(ModelConfig.self, from: data) } catch {
      throw CheckpointError.corrupt(file: configPath, detail: "config.json does not describe a model: \(error)")
    }
    let model = try Model(config: config)
    let weightsPath = (directory as NSString).appendingPathComponent(weightsFileName)
    let (tensors, _) = try Safetensors.read(weightsPath)
    try model.loadStateDict(tensors, file: weightsPath)
    return model
  }
}
