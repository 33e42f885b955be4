// A minimal SVG text builder: elements with escaped attributes and text, numbers with two decimals.
import Foundation

struct SVGWriter {
  private(set) var text = ""

  static func escape(_ s: String) -> String {
    // Most attribute values (numbers, colors) need nothing: skip the copy.
    if !s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) { return s }
    var out = ""
    out.reserveCapacity(s.count)
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  /// Coordinates with at most two decimals (`12`, `12.5`, `-0.25`), without Foundation formatting,
  /// which dominated the time of plots with tens of thousands of points.
  static func number(_ v: Double) -> String {
    guard v.isFinite, abs(v) < 1e15 else { return v.isFinite ? String(v) : "0" }
    let hundredths = Int((v * 100).rounded())
    let magnitude = abs(hundredths)
    let sign = hundredths < 0 ? "-" : ""
    let whole = magnitude / 100
    let fraction = magnitude % 100
    if fraction == 0 { return sign + String(whole) }
    if fraction % 10 == 0 { return sign + String(whole) + "." + String(fraction / 10) }
    return sign + String(whole) + (fraction < 10 ? ".0" : ".") + String(fraction)
  }

  private static func attributes(_ attrs: [(String, String)]) -> String {
    attrs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
  }

  mutating func open(_ tag: String, _ attrs: [(String, String)] = []) { text += "<\(tag)\(SVGWriter.attributes(attrs))>" }
  mutating func close(_ tag: String) { text += "</\(tag)>\n" }
  mutating func empty(_ tag: String, _ attrs: [(String, String)]) { text += "<\(tag)\(SVGWriter.attributes(attrs))/>\n" }
  mutating func element(_ tag: String, _ attrs: [(String, String)], text content: String) {
    text += "<\(tag)\(SVGWriter.attributes(attrs))>\(SVGWriter.escape(content))</\(tag)>\n"
  }
  /// An element with a `<title>` child (a tooltip in browsers).
  mutating func element(_ tag: String, _ attrs: [(String, String)], tooltip: String?) {
    guard let tooltip else { return empty(tag, attrs) }
    text += "<\(tag)\(SVGWriter.attributes(attrs))><title>\(SVGWriter.escape(tooltip))</title></\(tag)>\n"
  }
  mutating func raw(_ s: String) { text += s }
}
