// A grid of terminal cells with a Braille sub-grid (2×4 dots per cell) for lines, so a text chart
// has eight times the resolution of its characters. Glyphs (markers, bars, shades) sit on top.

struct CharacterCanvas {
  let columns: Int
  let rows: Int
  private var dots: [[UInt8]]
  private var glyphs: [[Character?]]
  private var background: [[Character?]]

  init(columns: Int, rows: Int) {
    self.columns = max(columns, 1)
    self.rows = max(rows, 1)
    dots = Array(repeating: Array(repeating: 0, count: self.columns), count: self.rows)
    glyphs = Array(repeating: Array(repeating: nil, count: self.columns), count: self.rows)
    background = glyphs
  }

  var pixelWidth: Int { columns * 2 }
  var pixelHeight: Int { rows * 4 }

  /// Fractions in [0, 1] (y up) → the dot grid.
  func pixel(_ fx: Double, _ fy: Double) -> (Int, Int) {
    let x = Int((fx * Double(pixelWidth - 1)).rounded())
    let y = Int(((1 - fy) * Double(pixelHeight - 1)).rounded())
    return (x, y)
  }

  func cell(_ fx: Double, _ fy: Double) -> (column: Int, row: Int) {
    let (x, y) = pixel(fx, fy)
    return (x / 2, y / 4)
  }

  // Braille dot bits by (column within cell, row within cell), Unicode's numbering.
  private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  mutating func setDot(_ x: Int, _ y: Int) {
    guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return }
    dots[y / 4][x / 2] |= CharacterCanvas.bits[x % 2][y % 4]
  }

  /// A line between fractional positions; with `dashed`, every other run of three dots is left out.
  mutating func line(from a: (Double, Double), to b: (Double, Double), dashed: Bool = false) {
    let (x0, y0) = pixel(a.0, a.1)
    let (x1, y1) = pixel(b.0, b.1)
    let steps = max(abs(x1 - x0), abs(y1 - y0), 1)
    for s in 0...steps {
      if dashed && (s / 3) % 2 == 1 { continue }
      let t = Double(s) / Double(steps)
      setDot(Int((Double(x0) + t * Double(x1 - x0)).rounded()), Int((Double(y0) + t * Double(y1 - y0)).rounded()))
    }
  }

  mutating func setGlyph(_ column: Int, _ row: Int, _ c: Character) {
    guard column >= 0, row >= 0, column < columns, row < rows else { return }
    glyphs[row][column] = c
  }

  mutating func setBackground(_ column: Int, _ row: Int, _ c: Character) {
    guard column >= 0, row >= 0, column < columns, row < rows else { return }
    background[row][column] = c
  }

  func glyph(_ column: Int, _ row: Int) -> Character? { glyphs[row][column] }

  /// Row `r` as text: glyph, else Braille dots, else background, else a space.
  func line(_ r: Int) -> String {
    var out = ""
    for c in 0..<columns {
      if let g = glyphs[r][c] {
        out.append(g)
      } else if dots[r][c] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(dots[r][c])) {
        out.append(Character(scalar))
      } else {
        out.append(background[r][c] ?? " ")
      }
    }
    return out
  }
}
