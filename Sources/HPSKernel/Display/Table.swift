// Tables (trials, studies, comparisons) as HTML for notebooks and aligned text for terminals.
// Numbers align right, text left, as pandas shows a DataFrame.
import Foundation
import HPSSearch

public struct Table: Equatable {
  public var columns: [String]
  public var rows: [[String]]
  /// Per column: align right (numbers).
  public var numeric: [Bool]
  /// Rows beyond this are elided in the middle ("…"), like pandas' display.max_rows.
  public var maxRows: Int

  public init(columns: [String], rows: [[String]], numeric: [Bool]? = nil, maxRows: Int = 60) {
    self.columns = columns
    self.rows = rows.map { row in (0..<columns.count).map { $0 < row.count ? row[$0] : "" } }
    self.numeric = numeric ?? columns.indices.map { c in
      let cells = rows.compactMap { c < $0.count ? $0[c] : nil }.filter { !$0.isEmpty && $0 != "None" && $0 != "NaN" }
      return !cells.isEmpty && cells.allSatisfy { Double($0) != nil }
    }
    self.maxRows = max(maxRows, 2)
  }

  /// Optuna's trials_dataframe columns; values printed as pandas would (None for missing).
  public init(_ table: TrialsTable, maxRows: Int = 60) {
    func cell(_ v: JSONValue) -> String {
      switch v {
      case .null: return "None"
      case .string(let s): return s
      case .bool(let b): return b ? "True" : "False"
      case .int(let i): return String(i)
      case .double(let d): return TickFormat.value(d)
      default: return v.jsonText
      }
    }
    self.init(columns: table.columns, rows: table.rows.map { $0.map(cell) }, maxRows: maxRows)
  }

  /// Row indices to show, with nil marking the elision.
  private var visibleRows: [Int?] {
    guard rows.count > maxRows else { return rows.indices.map { $0 } }
    let head = maxRows / 2
    let tail = maxRows - head
    return Array(0..<head).map { $0 } + [nil] + Array((rows.count - tail)..<rows.count).map { $0 }
  }

  public func text() -> String {
    var widths = columns.map(\.count)
    for row in rows { for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.count) } }
    func pad(_ s: String, _ c: Int) -> String {
      let fill = String(repeating: " ", count: max(0, widths[c] - s.count))
      return numeric[c] ? fill + s : s + fill
    }
    var lines = [columns.indices.map { pad(columns[$0], $0) }.joined(separator: "  ")]
    lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
    for index in visibleRows {
      guard let index else {
        lines.append(columns.indices.map { pad("…", $0) }.joined(separator: "  "))
        continue
      }
      lines.append(rows[index].indices.map { pad(rows[index][$0], $0) }.joined(separator: "  "))
    }
    lines.append("[\(rows.count) row\(rows.count == 1 ? "" : "s") × \(columns.count) column\(columns.count == 1 ? "" : "s")]")
    return lines.map { line in
      var l = line
      while l.last == " " { l.removeLast() }
      return l
    }.joined(separator: "\n")
  }

  public func html() -> String {
    let e = SVGWriter.escape
    var out = "<table class=\"hps-table\">\n<thead><tr>"
    out += columns.enumerated().map { c, name in "<th style=\"text-align:\(numeric[c] ? "right" : "left")\">\(e(name))</th>" }.joined()
    out += "</tr></thead>\n<tbody>\n"
    for index in visibleRows {
      guard let index else {
        out += "<tr>" + columns.map { _ in "<td>…</td>" }.joined() + "</tr>\n"
        continue
      }
      out += "<tr>" + rows[index].enumerated().map { c, cell in "<td style=\"text-align:\(numeric[c] ? "right" : "left")\">\(e(cell))</td>" }.joined() + "</tr>\n"
    }
    out += "</tbody>\n</table>\n<p>\(rows.count) rows × \(columns.count) columns</p>\n"
    return out
  }

  public func mimeBundle(accepting accepted: Set<String>) -> MimeBundle {
    var bundle = MimeBundle()
    if accepted.contains(MimeType.html) { bundle[MimeType.html] = html() }
    bundle[MimeType.plainText] = text()
    return bundle
  }
}

/// The Swift object inside a script table value.
public final class TableBox: MimeRepresentable {
  public var table: Table
  public init(_ table: Table) { self.table = table }
  public func mimeBundle(accepting accepted: Set<String>) -> MimeBundle { table.mimeBundle(accepting: accepted) }
}
