// Loads a user's CSV file: a header row, numeric feature columns, one label column.
import Foundation
import HPSNumerics

public enum CSVLoader {
  public enum Task: Sendable {
    /// Numeric labels are class ids; any non-numeric label makes every label a class name.
    case classification
    case regression
    /// Classification if any label is non-numeric or every label is a small non-negative integer.
    case auto
  }

  public static func load(path: String, labelColumn: String? = nil, task: Task = .auto) throws -> Dataset {
    guard let data = FileManager.default.contents(atPath: path) else { throw DataError.fileNotFound(path) }
    guard let text = String(data: data, encoding: .utf8) else {
      throw DataError.csv(file: path, line: 1, column: "", message: "file is not UTF-8 text")
    }
    return try parse(text, file: path, labelColumn: labelColumn, task: task)
  }

  /// Splits one CSV line into fields (double-quoted fields may contain commas and "" escapes).
  static func fields(_ line: Substring) -> [String] {
    if !line.contains("\"") { return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    var out: [String] = [], cur = "", quoted = false
    var it = line.makeIterator()
    while let ch = it.next() {
      if quoted {
        if ch == "\"" {
          if let nxt = it.next() {
            if nxt == "\"" { cur.append("\"") } else { quoted = false; if nxt == "," { out.append(cur); cur = "" } else { cur.append(nxt) } }
          } else { quoted = false }
        } else { cur.append(ch) }
      } else if ch == "\"" { quoted = true } else if ch == "," { out.append(cur); cur = "" } else { cur.append(ch) }
    }
    out.append(cur)
    return out
  }

  public static func parse(_ text: String, file: String = "<csv>", labelColumn: String? = nil, task: Task = .auto) throws -> Dataset {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
    guard let headerLine = lines.first else { throw DataError.csv(file: file, line: 1, column: "", message: "file is empty (no header)") }
    let header = fields(headerLine).map { $0.trimmingCharacters(in: .whitespaces) }
    guard header.count >= 2 else {
      throw DataError.csv(file: file, line: 1, column: "", message: "need at least one feature column and a label column")
    }
    let labelIndex: Int
    if let labelColumn {
      guard let i = header.firstIndex(of: labelColumn) else {
        throw DataError.csv(file: file, line: 1, column: labelColumn, message: "no such column; columns are \(header.joined(separator: ", "))")
      }
      labelIndex = i
    } else { labelIndex = header.count - 1 }
    let featureIdx = (0..<header.count).filter { $0 != labelIndex }
    let n = lines.count - 1
    guard n > 0 else { throw DataError.csv(file: file, line: 2, column: "", message: "no data rows") }
    var x = Matrix(rows: n, cols: featureIdx.count)
    var rawLabels: [String] = []
    rawLabels.reserveCapacity(n)
    var isFeature = [Bool](repeating: true, count: header.count)
    isFeature[labelIndex] = false
    var fieldStarts = [Int](repeating: 0, count: header.count + 1)
    var fieldEnds = [Int](repeating: 0, count: header.count + 1)
    var numberBuffer = [CChar](repeating: 0, count: 64)
    for r in 0..<n {
      let lineNo = r + 2
      let line = lines[r + 1]
      // Fast path: unquoted lines are split and parsed on their UTF-8 bytes with strtof.
      let parsed: Bool = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
        if bytes.contains(UInt8(ascii: "\"")) { return false }
        var count = 0, start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: ",") {
          if count < fieldStarts.count { fieldStarts[count] = start; fieldEnds[count] = i }
          count += 1
          start = i + 1
        }
        guard count == header.count else { return false }
        var j = 0
        for c in 0..<count where isFeature[c] {
          var a = fieldStarts[c], b = fieldEnds[c]
          while a < b && (bytes[a] == 32 || bytes[a] == 9) { a += 1 }
          while b > a && (bytes[b - 1] == 32 || bytes[b - 1] == 9) { b -= 1 }
          guard b > a, b - a < numberBuffer.count else { return false }
          let value: Float? = numberBuffer.withUnsafeMutableBufferPointer { buf -> Float? in
            for k in 0..<(b - a) { buf[k] = CChar(bitPattern: bytes[a + k]) }
            buf[b - a] = 0
            guard let base = buf.baseAddress else { return nil }
            var end: UnsafeMutablePointer<CChar>?
            let v = strtof(base, &end)
            guard let end, end == base + (b - a) else { return nil }
            return v
          }
          guard let value else { return false }
          x.storage[r * featureIdx.count + j] = value
          j += 1
        }
        let l = String(decoding: bytes[fieldStarts[labelIndex]..<fieldEnds[labelIndex]], as: UTF8.self)
          .trimmingCharacters(in: .whitespaces)
        if l.isEmpty { return false }
        rawLabels.append(l)
        return true
      } ?? false
      if parsed { continue }
      // Slow path (quotes, or an error to report precisely).
      let f = fields(line)
      guard f.count == header.count else {
        throw DataError.csv(file: file, line: lineNo, column: f.count < header.count ? header[f.count] : "",
                            message: "expected \(header.count) fields, found \(f.count)")
      }
      for (j, c) in featureIdx.enumerated() {
        let s = f[c].trimmingCharacters(in: .whitespaces)
        if s.isEmpty { throw DataError.csv(file: file, line: lineNo, column: header[c], message: "missing value") }
        guard let v = Float(s) else {
          throw DataError.csv(file: file, line: lineNo, column: header[c], message: "'\(s)' is not a number")
        }
        x.storage[r * featureIdx.count + j] = v
      }
      let label = f[labelIndex].trimmingCharacters(in: .whitespaces)
      if label.isEmpty { throw DataError.csv(file: file, line: lineNo, column: header[labelIndex], message: "missing value") }
      rawLabels.append(label)
    }
    let numeric = rawLabels.map { Double($0) }
    let allNumeric = numeric.allSatisfy { $0 != nil }
    let isClassification: Bool
    switch task {
    case .classification: isClassification = true
    case .regression:
      if let bad = numeric.firstIndex(where: { $0 == nil }) {
        throw DataError.csv(file: file, line: bad + 2, column: header[labelIndex], message: "'\(rawLabels[bad])' is not a number")
      }
      isClassification = false
    case .auto:
      isClassification = !allNumeric || numeric.allSatisfy { v in v.map { $0 >= 0 && $0 == $0.rounded() && $0 < 1000 } ?? false }
    }
    let names = featureIdx.map { header[$0] }
    if !isClassification {
      let y = Matrix(rows: n, cols: 1, values: numeric.map { Float($0 ?? 0) })
      return try Dataset(features: x, labels: .values(y), featureNames: names, labelName: header[labelIndex])
    }
    if allNumeric, numeric.allSatisfy({ v in v.map { $0 >= 0 && $0 == $0.rounded() } ?? false }) {
      let ids = numeric.map { Int32($0 ?? 0) }
      return try Dataset(features: x, labels: .classes(ids), featureNames: names, labelName: header[labelIndex])
    }
    // String labels: class ids in sorted order of the names (scikit-learn's LabelEncoder convention).
    let classes = Array(Set(rawLabels)).sorted()
    let lookup = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, Int32($0)) })
    let ids = rawLabels.map { lookup[$0] ?? 0 }
    return try Dataset(features: x, labels: .classes(ids), featureNames: names, labelName: header[labelIndex],
                       classNames: classes)
  }
}
