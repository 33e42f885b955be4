// A value's representations keyed by MIME type, the unit Jupyter's execute_result, display_data
// and update_display_data messages and nbformat outputs carry. The front end picks one to show.
import Foundation
import HPSSearch

/// Ordered MIME type → data, plus per-bundle metadata.
///
/// Data are strings as Jupyter transports them: text, SVG and HTML verbatim, `image/png` as
/// base64, and JSON types (`application/json`, `*+json`) as JSON text that `jsonObject()` turns
/// back into a JSON object for the wire.
public struct MimeBundle: Equatable, CustomStringConvertible {
  public private(set) var items: [(mime: String, data: String)]
  /// Jupyter's `metadata` dict (e.g. `{"image/png": {"width": 320}}`).
  public var metadata: [String: HPSSearch.JSONValue]

  public init(_ items: [(String, String)] = [], metadata: [String: HPSSearch.JSONValue] = [:]) {
    self.items = []
    self.metadata = metadata
    for (mime, data) in items { self[mime] = data }
  }

  /// A bundle with only `text/plain`.
  public init(text: String) { self.init([(MimeType.plainText, text)]) }

  /// The data for one type; setting replaces in place or appends, nil removes.
  public subscript(mime: String) -> String? {
    get { items.first { $0.mime == mime }?.data }
    set {
      if let i = items.firstIndex(where: { $0.mime == mime }) {
        if let newValue { items[i].data = newValue } else { items.remove(at: i) }
      } else if let newValue {
        items.append((mime, newValue))
      }
    }
  }

  public var mimeTypes: [String] { items.map(\.mime) }
  public var isEmpty: Bool { items.isEmpty }
  public var plainText: String? { self[MimeType.plainText] }

  /// Only the types a front end accepts (nil accepts everything); order and metadata of kept
  /// types are preserved.
  public func restricted(to accepted: Set<String>?) -> MimeBundle {
    guard let accepted else { return self }
    var out = MimeBundle(items.filter { accepted.contains($0.mime) }.map { ($0.mime, $0.data) })
    out.metadata = metadata.filter { accepted.contains($0.key) || !$0.key.contains("/") }
    return out
  }

  /// The richest representation present, in `MimeType.richness` order (then bundle order).
  public var richest: (mime: String, data: String)? {
    for mime in MimeType.richness { if let d = self[mime] { return (mime, d) } }
    return items.first
  }

  /// Jupyter's `data` dict: JSON types as parsed JSON, everything else as strings.
  public func dataJSONObject() -> [String: Any] {
    var out: [String: Any] = [:]
    for (mime, data) in items {
      if MimeType.isJSON(mime), let parsed = try? JSONSerialization.jsonObject(with: Data(data.utf8), options: [.fragmentsAllowed]) {
        out[mime] = parsed
      } else {
        out[mime] = data
      }
    }
    return out
  }

  /// Jupyter's `metadata` dict as Foundation JSON objects.
  public func metadataJSONObject() -> [String: Any] {
    metadata.mapValues { MimeBundle.foundationJSON($0) }
  }

  /// `{"data": {...}, "metadata": {...}}`, ready for JSONSerialization.
  public func jsonObject() -> [String: Any] {
    ["data": dataJSONObject(), "metadata": metadataJSONObject()]
  }

  static func foundationJSON(_ v: HPSSearch.JSONValue) -> Any {
    switch v {
    case .null: return NSNull()
    case .bool(let b): return b
    case .int(let i): return i
    case .double(let d): return d
    case .string(let s): return s
    case .array(let a): return a.map(foundationJSON)
    case .object(let o): return o.mapValues(foundationJSON)
    }
  }

  public static func == (a: MimeBundle, b: MimeBundle) -> Bool {
    a.items.count == b.items.count && zip(a.items, b.items).allSatisfy { $0.mime == $1.mime && $0.data == $1.data }
      && a.metadata == b.metadata
  }

  public var description: String {
    "MimeBundle(" + items.map { "\($0.mime): \($0.data.count) chars" }.joined(separator: ", ") + ")"
  }
}

/// The MIME types hps produces and the order front ends prefer them in.
public enum MimeType {
  public static let plainText = "text/plain"
  public static let html = "text/html"
  public static let markdown = "text/markdown"
  public static let latex = "text/latex"
  public static let svg = "image/svg+xml"
  public static let png = "image/png"
  public static let jpeg = "image/jpeg"
  public static let json = "application/json"

  /// Richest first, as Jupyter front ends rank them.
  public static let richness = [json, html, markdown, svg, png, jpeg, latex, plainText]

  /// What a terminal shows.
  public static let terminal: Set<String> = [plainText]
  /// What notebooks (JupyterLab, the notebook runner) render.
  public static let notebook: Set<String> = Set(richness)

  /// JSON-valued types travel as JSON objects, not strings, in Jupyter messages and nbformat.
  public static func isJSON(_ mime: String) -> Bool { mime == json || mime.hasSuffix("+json") }
}
