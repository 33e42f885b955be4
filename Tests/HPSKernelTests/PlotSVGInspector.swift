import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Parses an SVG with Foundation's XMLParser and answers the questions plot tests ask: which
/// elements sit inside which `<g class=... data-name=...>` groups, and what the texts say.
final class PlotSVGInspector: NSObject, XMLParserDelegate {
  struct Element {
    var name: String
    var attributes: [String: String]
    /// Enclosing groups' (class, data-name), outermost first.
    var groups: [(cls: String, name: String)]
    var text = ""
  }

  private(set) var elements: [Element] = []
  private var stack: [Int] = []
  private(set) var parseError: Error?

  init(_ svg: String) {
    super.init()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = self
    if !parser.parse() { parseError = parser.parserError ?? NSError(domain: "svg", code: 1) }
  }

  var isWellFormed: Bool { parseError == nil }

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    let groups = stack.compactMap { i -> (String, String)? in
      elements[i].name == "g" ? (elements[i].attributes["class"] ?? "", elements[i].attributes["data-name"] ?? "") : nil
    }
    elements.append(Element(name: name, attributes: attributes, groups: groups))
    stack.append(elements.count - 1)
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let i = stack.last { elements[i].text += string }
  }

  /// Elements named `name` inside a series group called `series`.
  func count(_ name: String, inSeries series: String) -> Int {
    elements.filter { $0.name == name && $0.groups.contains { $0.cls == "series" && $0.name == series } }.count
  }

  func texts(withClass cls: String) -> [String] {
    elements.filter { $0.name == "text" && ($0.attributes["class"] ?? "").split(separator: " ").map(String.init).contains(cls) }.map(\.text)
  }

  /// Tick labels of an axis ("x" or "y").
  func tickLabels(_ axis: String) -> [String] {
    elements.filter { $0.name == "text" && $0.groups.contains { $0.cls == "tick \(axis)" } }.map(\.text)
  }

  var seriesNames: [String] {
    elements.filter { $0.name == "g" && $0.attributes["class"] == "series" }.compactMap { $0.attributes["data-name"] }
  }
}
