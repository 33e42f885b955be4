// An .ipynb file (nbformat 4) read into Foundation JSON objects, so fields hps does not know
// (widgets, tags, attachments) survive a run unchanged. Only what the runner writes is typed.
import Foundation

public enum NotebookError: Error, CustomStringConvertible, Equatable {
  case unreadable(path: String, reason: String)
  case invalid(path: String, reason: String)
  case unwritable(path: String, reason: String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): return "cannot read notebook '\(path)': \(reason)"
    case .invalid(let path, let reason): return "'\(path)' is not a valid nbformat 4 notebook: \(reason)"
    case .unwritable(let path, let reason): return "cannot write '\(path)': \(reason)"
    }
  }
}

public struct NotebookDocument {
  /// The whole document; `cells` is kept in `cells` below and merged back by `jsonObject()`.
  var root: [String: Any]
  public var cells: [[String: Any]]
  public let path: String

  public init(path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
      throw NotebookError.unreadable(path: path, reason: reason)
    }
    try self.init(data: data, path: path)
  }

  public init(data: Data, path: String = "<notebook>") throws {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw NotebookError.invalid(path: path, reason: "not JSON (\(error.localizedDescription))")
    }
    guard let root = object as? [String: Any] else { throw NotebookError.invalid(path: path, reason: "the top level is not an object") }
    guard let major = root["nbformat"] as? Int else { throw NotebookError.invalid(path: path, reason: "no 'nbformat' version") }
    guard major == 4 else { throw NotebookError.invalid(path: path, reason: "nbformat \(major) is not supported; convert it with `jupyter nbconvert --to notebook`") }
    guard let cells = root["cells"] as? [[String: Any]] else { throw NotebookError.invalid(path: path, reason: "'cells' is missing or not a list of objects") }
    for (i, cell) in cells.enumerated() {
      guard let type = cell["cell_type"] as? String, ["code", "markdown", "raw"].contains(type) else {
        throw NotebookError.invalid(path: path, reason: "cell \(i) has no valid 'cell_type'")
      }
    }
    self.root = root
    self.cells = cells
    self.path = path
  }

  /// A cell's source: nbformat allows a string or a list of lines.
  public static func source(_ cell: [String: Any]) -> String {
    if let s = cell["source"] as? String { return s }
    if let lines = cell["source"] as? [String] { return lines.joined() }
    return ""
  }

  static func cellType(_ cell: [String: Any]) -> String { cell["cell_type"] as? String ?? "" }

  /// Upgrades to nbformat 4.5: every cell gets a unique `id` (kept when already valid).
  mutating func ensureCellIDs() {
    var used = Set<String>()
    for i in cells.indices {
      if let id = cells[i]["id"] as? String, NotebookDocument.isValidID(id), !used.contains(id) {
        used.insert(id)
        continue
      }
      var id: String
      repeat { id = String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(8)) } while used.contains(id)
      used.insert(id)
      cells[i]["id"] = id
    }
    if (root["nbformat_minor"] as? Int ?? 0) < 5 { root["nbformat_minor"] = 5 }
  }

  static func isValidID(_ id: String) -> Bool {
    (1...64).contains(id.count) && id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" }
  }

  /// The kernel the notebook was last run with, when it names one.
  public var kernelName: String? { ((root["metadata"] as? [String: Any])?["kernelspec"] as? [String: Any])?["name"] as? String }

  /// The hps kernelspec and language_info, as the Jupyter kernel reports them.
  mutating func setHPSMetadata() {
    var metadata = root["metadata"] as? [String: Any] ?? [:]
    metadata["kernelspec"] = ["name": "hps", "display_name": "hps", "language": "hps"]
    metadata["language_info"] = [
      "name": "hps", "version": HPSVersion.current, "file_extension": ".hps", "mimetype": "text/x-hps",
      "codemirror_mode": "python", "pygments_lexer": "python",
    ] as [String: Any]
    root["metadata"] = metadata
  }

  public func jsonObject() -> [String: Any] {
    var out = root
    out["cells"] = cells
    return out
  }

  /// The file as Jupyter writes it (nbformat's `writes`): lines split, sorted keys, indent 1.
  public func serialized() throws -> Data {
    Data((NotebookJSON.serialize(NotebookJSON.splitLines(jsonObject())) + "\n").utf8)
  }

  public func write(to path: String) throws {
    do {
      try serialized().write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch let e as NotebookError {
      throw e
    } catch {
      throw NotebookError.unwritable(path: path, reason: error.localizedDescription)
    }
  }
}
