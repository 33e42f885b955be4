// A minimal SVG text builder: elements with escaped attributes and text, numbers with two decimals.
import Foundation

struct SVGWriter {
  private(set) var text = ""

  static func escape(_ s: String) -> String {
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

  static func number(_ v: Double) -> String {
    let rounded = (v * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(format: "%.2f", rounded)
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
