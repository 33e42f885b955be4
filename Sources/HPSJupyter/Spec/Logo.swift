// The hps logo: a search's "best so far" staircase stepping down across a rounded tile, drawn at
// any size (PNG for classic front ends, SVG for JupyterLab).
import Foundation

enum Logo {
  static let tile: (r: UInt8, g: UInt8, b: UInt8, a: UInt8) = (0x1F, 0x4E, 0x79, 0xFF)
  static let ink: (r: UInt8, g: UInt8, b: UInt8, a: UInt8) = (0xFF, 0xFF, 0xFF, 0xFF)
  static let accent: (r: UInt8, g: UInt8, b: UInt8, a: UInt8) = (0xF5, 0xA6, 0x23, 0xFF)

  /// The staircase in unit coordinates (0...1, y down): each step is a better trial.
  static let steps: [(x: Double, y: Double)] = [
    (0.15, 0.25), (0.35, 0.25), (0.35, 0.45), (0.55, 0.45), (0.55, 0.62), (0.72, 0.62), (0.72, 0.75), (0.87, 0.75),
  ]

  static func png(size: Int) -> Data {
    var image = PNGImage(width: size, height: size)
    let radius = Double(size) * 0.18
    for y in 0..<size {
      for x in 0..<size where insideRoundedSquare(Double(x) + 0.5, Double(y) + 0.5, Double(size), radius) {
        image[x, y] = tile
      }
    }
    let thickness = max(1, size / 16)
    for (a, b) in zip(steps, steps.dropFirst()) {
      line(&image, from: a, to: b, size: size, thickness: thickness)
    }
    if let best = steps.last {
      let cx = Int(best.x * Double(size)), cy = Int(best.y * Double(size))
      let r = max(2, size / 12)
      for dy in -r...r { for dx in -r...r where dx * dx + dy * dy <= r * r { image[cx + dx, cy + dy] = accent } }
    }
    return image.encoded()
  }

  static var svg: String {
    let path = steps.map { "\(Int($0.x * 64)),\(Int($0.y * 64))" }.joined(separator: " ")
    let best = steps.last!
    return """
      <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
        <title>hps</title>
        <rect width="64" height="64" rx="11.5" fill="#1F4E79"/>
        <polyline points="\(path)" fill="none" stroke="#FFFFFF" stroke-width="4" stroke-linejoin="round"/>
        <circle cx="\(Int(best.x * 64))" cy="\(Int(best.y * 64))" r="5" fill="#F5A623"/>
      </svg>

      """
  }

  private static func insideRoundedSquare(_ x: Double, _ y: Double, _ size: Double, _ r: Double) -> Bool {
    let cx = min(max(x, r), size - r)
    let cy = min(max(y, r), size - r)
    return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r
  }

  /// Axis-aligned segments only (the staircase has no diagonals).
  private static func line(
    _ image: inout PNGImage, from a: (x: Double, y: Double), to b: (x: Double, y: Double), size: Int, thickness: Int
  ) {
    let x0 = Int(a.x * Double(size)), y0 = Int(a.y * Double(size))
    let x1 = Int(b.x * Double(size)), y1 = Int(b.y * Double(size))
    let half = thickness / 2
    for x in (min(x0, x1) - half)...(max(x0, x1) + half) {
      for y in (min(y0, y1) - half)...(max(y0, y1) + half) { image[x, y] = ink }
    }
  }
}
