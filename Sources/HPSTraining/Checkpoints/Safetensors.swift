// The safetensors file format: an 8-byte little-endian header length, a JSON header mapping
// tensor names to dtype, shape and byte offsets, then the raw little-endian tensor bytes.
import Foundation

public struct Tensor: Sendable, Equatable {
  public var shape: [Int]
  public var values: [Float]
  public init(shape: [Int], values: [Float]) {
    self.shape = shape
    self.values = values
  }
}

public enum CheckpointError: Error, Equatable, CustomStringConvertible {
  case missingFile(String)
  case truncated(file: String, detail: String)
  case corrupt(file: String, detail: String)
  case unsupportedDType(file: String, tensor: String, dtype: String)
  case missingTensor(file: String, name: String)
  case unexpectedTensor(file: String, name: String)
  case shapeMismatch(file: String, name: String, checkpoint: [Int], model: [Int])
  case writeFailed(String)

  public var description: String {
    switch self {
    case .missingFile(let p): return "checkpoint file not found: \(p)"
    case .truncated(let f, let d): return "\(f): file is truncated (\(d))"
    case .corrupt(let f, let d): return "\(f): not a valid safetensors file (\(d))"
    case .unsupportedDType(let f, let t, let d): return "\(f): tensor '\(t)' has unsupported dtype \(d) (F32, F64, F16, BF16 are supported)"
    case .missingTensor(let f, let n): return "\(f): tensor '\(n)' is missing"
    case .unexpectedTensor(let f, let n): return "\(f): unexpected tensor '\(n)' not in the model"
    case .shapeMismatch(let f, let n, let c, let m):
      return "\(f): size mismatch for \(n): copying a param with shape \(c) from checkpoint, the shape in current model is \(m)"
    case .writeFailed(let m): return "could not write checkpoint: \(m)"
    }
  }
}

public enum Safetensors {
  /// Serializes tensors (in the given order) as F32 with optional string metadata.
  public static func encode(_ tensors: [(String, Tensor)], metadata: [String: String] = [:]) throws -> Data {
    var header: [String: Any] = [:]
    var offset = 0
    for (name, t) in tensors {
      let bytes = t.values.count * 4
      header[name] = ["dtype": "F32", "shape": t.shape, "data_offsets": [offset, offset + bytes]] as [String: Any]
      offset += bytes
    }
    if !metadata.isEmpty { header["__metadata__"] = metadata }
    var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
    // Pad the header with spaces so tensor data starts 8-byte aligned (what the reference writer does).
    while json.count % 8 != 0 { json.append(0x20) }
    var out = Data(capacity: 8 + json.count + offset)
    var n = UInt64(json.count).littleEndian
    withUnsafeBytes(of: &n) { out.append(contentsOf: $0) }
    out.append(json)
    for (_, t) in tensors {
      #if _endian(little)
      t.values.withUnsafeBytes { out.append(contentsOf: $0) }  // already little-endian: one copy
      #else
      for v in t.values { var bits = v.bitPattern.littleEndian; withUnsafeBytes(of: &bits) { out.append(contentsOf: $0) } }
      #endif
    }
    return out
  }

  public static func write(_ tensors: [(String, Tensor)], to path: String, metadata: [String: String] = [:]) throws {
    let data = try encode(tensors, metadata: metadata)
    do { try data.write(to: URL(fileURLWithPath: path)) } catch { throw CheckpointError.writeFailed("\(path): \(error)") }
  }

  /// Reads every tensor as Float32 (F64/F16/BF16 are converted), plus the metadata.
  public static func read(_ path: String) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
    guard FileManager.default.fileExists(atPath: path) else { throw CheckpointError.missingFile(path) }
    guard let data = FileManager.default.contents(atPath: path) else { throw CheckpointError.missingFile(path) }
    return try decode(data, file: path)
  }

  public static func decode(_ data: Data, file: String = "<safetensors>") throws -> (tensors: [String: Tensor], metadata: [String: String]) {
    let bytes = [UInt8](data)
    guard bytes.count >= 8 else { throw CheckpointError.truncated(file: file, detail: "\(bytes.count) bytes, the header length alone needs 8") }
    var headerLength: UInt64 = 0
    for i in 0..<8 { headerLength |= UInt64(bytes[i]) << (8 * UInt64(i)) }
    guard headerLength <= UInt64(bytes.count - 8) else {
      throw CheckpointError.truncated(file: file, detail: "header says \(headerLength) bytes, only \(bytes.count - 8) follow")
    }
    let dataStart = 8 + Int(headerLength)
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart])),
      let header = object as? [String: Any]
    else { throw CheckpointError.corrupt(file: file, detail: "header is not a JSON object") }
    var tensors: [String: Tensor] = [:]
    var metadata: [String: String] = [:]
    for (name, entry) in header {
      if name == "__metadata__" {
        for (k, v) in (entry as? [String: Any]) ?? [:] { metadata[k] = "\(v)" }
        continue
      }
      guard let info = entry as? [String: Any], let dtype = info["dtype"] as? String,
        let shapeRaw = info["shape"] as? [Any], let offsetsRaw = info["data_offsets"] as? [Any], offsetsRaw.count == 2
      else { throw CheckpointError.corrupt(file: file, detail: "entry for '\(name)' lacks dtype, shape or data_offsets") }
      let shape = shapeRaw.compactMap { ($0 as? NSNumber)?.intValue }
      let offsets = offsetsRaw.compactMap { ($0 as? NSNumber)?.intValue }
      guard shape.count == shapeRaw.count, offsets.count == 2, shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[1] >= offsets[0] else {
        throw CheckpointError.corrupt(file: file, detail: "bad shape or data_offsets for '\(name)'")
      }
      let width: Int
      switch dtype {
      case "F32": width = 4
      case "F64": width = 8
      case "F16", "BF16": width = 2
      default: throw CheckpointError.unsupportedDType(file: file, tensor: name, dtype: dtype)
      }
      let count = shape.reduce(1, *)
      guard offsets[1] - offsets[0] == count * width else {
        throw CheckpointError.corrupt(file: file, detail: "'\(name)' has \(offsets[1] - offsets[0]) bytes for shape \(shape) of \(dtype)")
      }
      guard dataStart + offsets[1] <= bytes.count else {
        throw CheckpointError.truncated(file: file, detail: "tensor '\(name)' ends at byte \(dataStart + offsets[1]) of \(bytes.count)")
      }
      var values = [Float](repeating: 0, count: count)
      let base = dataStart + offsets[0]
      #if _endian(little)
      if dtype == "F32" {
        bytes.withUnsafeBytes { src in
          values.withUnsafeMutableBytes { dst in
            dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[base..<(base + count * 4)]))
          }
        }
        tensors[name] = Tensor(shape: shape, values: values)
        continue
      }
      #endif
      for i in 0..<count {
        let p = base + i * width
        switch dtype {
        case "F32":
          let bits = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
          values[i] = Float(bitPattern: bits)
        case "F64":
          var bits: UInt64 = 0
          for b in 0..<8 { bits |= UInt64(bytes[p + b]) << (8 * UInt64(b)) }
          values[i] = Float(Double(bitPattern: bits))
        case "BF16":
          values[i] = Float(bitPattern: (UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8) << 16)
        default:
          values[i] = Float(Float16(bitPattern: UInt16(bytes[p]) | UInt16(bytes[p + 1]) << 8))
        }
      }
      tensors[name] = Tensor(shape: shape, values: values)
    }
    return (tensors, metadata)
  }
}
