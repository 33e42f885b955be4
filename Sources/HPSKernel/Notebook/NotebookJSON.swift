// Writes notebooks byte for byte as Jupyter does (nbformat's `writes`: multi-line strings split
// into lists of lines, then JSON with sorted keys, one-space indent, non-ASCII kept), so running a
// notebook with --inplace leaves a diff of outputs only.
import Foundation

enum NotebookJSON {
  // MARK: - nbformat's split_lines

  /// MIME types whose data stay one string (base64), as nbformat keeps them.
  static let unsplitMimes: Set<String> = ["image/png", "image/jpeg", "application/pdf"]

  static func splitLines(_ root: [String: Any]) -> [String: Any] {
    var root = root
    guard let cells = root["cells"] as? [[String: Any]] else { return root }
    root["cells"] = cells.map { cell -> [String: Any] in
      var cell = cell
      if let source = cell["source"] as? String { cell["source"] = lines(source) }
      if var attachments = cell["attachments"] as? [String: Any] {
        for (name, bundle) in attachments { if let b = bundle as? [String: Any] { attachments[name] = splitBundle(b) } }
        cell["attachments"] = attachments
      }
      if cell["cell_type"] as? String == "code", let outputs = cell["outputs"] as? [[String: Any]] {
        cell["outputs"] = outputs.map { output -> [String: Any] in
          var output = output
          switch output["output_type"] as? String {
          case "execute_result", "display_data":
            if let data = output["data"] as? [String: Any] { output["data"] = splitBundle(data) }
          case "stream":
            if let text = output["text"] as? String { output["text"] = lines(text) }
          default:
            break
          }
          return output
        }
      }
      return cell
    }
    return root
  }

  static func splitBundle(_ bundle: [String: Any]) -> [String: Any] {
    var out = bundle
    for (mime, value) in bundle {
      if let s = value as? String, !MimeType.isJSON(mime), !unsplitMimes.contains(mime) { out[mime] = lines(s) }
    }
    return out
  }

  /// Python's `str.splitlines(keepends=True)`.
  static func lines(_ s: String) -> [String] {
    var result: [String] = []
    var current = String.UnicodeScalarView()
    let scalars = Array(s.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      current.append(c)
      let isBreak: Bool
      switch c.value {
      case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: isBreak = true
      case 0x0D:
        if i + 1 < scalars.count, scalars[i + 1].value == 0x0A {
          current.append(scalars[i + 1])
          i += 1
        }
        isBreak = true
      default: isBreak = false
      }
      if isBreak {
        result.append(String(current))
        current = String.UnicodeScalarView()
      }
      i += 1
    }
    if !current.isEmpty { result.append(String(current)) }
    return result
  }

  // MARK: - Python's json.dumps(sort_keys=True, indent=1, ensure_ascii=False)

  static func serialize(_ value: Any) -> String {
    var out = ""
    write(value, indent: 0, into: &out)
    return out
  }

  private static func write(_ value: Any, indent: Int, into out: inout String) {
    let pad = String(repeating: " ", count: indent + 1)
    let closePad = String(repeating: " ", count: indent)
    switch value {
    case let dict as [String: Any]:
      if dict.isEmpty { out += "{}"; return }
      out += "{\n"
      let keys = dict.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
      for (k, key) in keys.enumerated() {
        out += pad
        string(key, into: &out)
        out += ": "
        write(dict[key] ?? NSNull(), indent: indent + 1, into: &out)
        out += k + 1 < keys.count ? ",\n" : "\n"
      }
      out += closePad + "}"
    case let array as [Any]:
      if array.isEmpty { out += "[]"; return }
      out += "[\n"
      for (k, item) in array.enumerated() {
        out += pad
        write(item, indent: indent + 1, into: &out)
        out += k + 1 < array.count ? ",\n" : "\n"
      }
      out += closePad + "]"
    case let s as String:
      string(s, into: &out)
    case is NSNull:
      out += "null"
    default:
      scalar(value, into: &out)
    }
  }

  /// Numbers and booleans. Foundation's parser gives NSNumbers whose `objCType` tells a boolean
  /// ("c") from an integer or a double; values built in Swift are plain Bool/Int/Double.
  private static func scalar(_ value: Any, into out: inout String) {
    if type(of: value) == Bool.self, let b = value as? Bool {
      out += b ? "true" : "false"
    } else if type(of: value) == Int.self, let i = value as? Int {
      out += String(i)
    } else if type(of: value) == Double.self, let d = value as? Double {
      out += double(d)
    } else if let n = value as? NSNumber {
      switch String(cString: n.objCType) {
      case "c", "B": out += n.boolValue ? "true" : "false"
      case "d", "f": out += double(n.doubleValue)
      case "Q", "L": out += String(n.uint64Value)
      default: out += String(n.int64Value)
      }
    } else {
      string("\(value)", into: &out)
    }
  }

  private static func double(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
    return d.description
  }

  private static func string(_ s: String, into out: inout String) {
    out += "\""
    for c in s.unicodeScalars {
      switch c.value {
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case 0x0A: out += "\\n"
      case 0x0D: out += "\\r"
      case 0x09: out += "\\t"
      case 0x08: out += "\\b"
      case 0x0C: out += "\\f"
      case 0..<0x20: out += String(format: "\\u%04x", c.value)
      default: out.unicodeScalars.append(c)
      }
    }
    out += "\""
  }
}
