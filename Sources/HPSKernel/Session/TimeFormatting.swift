// Durations printed the way IPython's %time and %timeit print them, so their output reads the same.

enum TimeFormatting {
  /// IPython's `_format_time`: three significant digits in s/ms/µs/ns, or "1min 5s" past a minute.
  static func format(_ seconds: Double, precision: Int = 3) -> String {
    if seconds >= 60 {
      var rest = seconds
      var parts: [String] = []
      for (suffix, length) in [("d", 86_400.0), ("h", 3_600.0), ("min", 60.0), ("s", 1.0)] {
        let value = (rest / length).rounded(.down)
        if value > 0 {
          rest -= value * length
          parts.append("\(Int(value))\(suffix)")
        }
        if rest < 1 { break }
      }
      return parts.joined(separator: " ")
    }
    let units = ["s", "ms", "µs", "ns"]
    let scaling = [1.0, 1e3, 1e6, 1e9]
    var order = 3
    if seconds > 0 {
      let exponent = Int((log10(seconds)).rounded(.down))
      order = min(-floorDivide(exponent, 3), 3)
      order = max(order, 0)
    }
    return "\(significant(seconds * scaling[order], digits: precision)) \(units[order])"
  }

  /// `%.<digits>g` without Foundation's locale-dependent formatter.
  static func significant(_ value: Double, digits: Int) -> String {
    guard value.isFinite, value != 0 else { return value == 0 ? "0" : "\(value)" }
    let magnitude = Int((log10(abs(value))).rounded(.down))
    let decimals = max(0, digits - 1 - magnitude)
    let factor = pow(10.0, Double(decimals))
    let rounded = (value * factor).rounded() / factor
    var text = decimals == 0 ? String(Int(rounded)) : String(rounded)
    if text.contains("."), decimals > 0 {
      // %g drops trailing zeros.
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    if text.contains("e") { return String(format: "%.\(digits)g", value) }
    return text
  }

  /// Groups thousands with commas, as `f"{n:,}"` does.
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return n < 0 ? "-" + out : out
  }

  private static func floorDivide(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
