// `math` functions about the IEEE double format itself: remainder, nextafter, ulp, cbrt, exp2.
import Foundation

extension MathModule {
  static func f2(_ name: String, _ params: String, _ body: @escaping (Double, Double) throws -> Double) -> (String, Value) {
    (name, .object(NativeFunction(name, signature: "(\(params), /)") { _, args, kw in
      try expectArgs(name, args, kw, min: 2, max: 2)
      return .float(try body(num(try args.at(0), name), num(try args.at(1), name)))
    }))
  }

  static var ieeeFunctions: [(String, Value)] {
    [
      f1("cbrt") { cbrt($0) },
      f1("exp2") { x in try checked(x, exp2(x)) },
      // IEEE 754 remainder: x - n*y with n the integer nearest x/y (ties to even).
      f2("remainder", "x, y") { x, y in
        if x.isNaN || y.isNaN { return .nan }
        try domain(!x.isInfinite && y != 0)
        return x.remainder(dividingBy: y)
      },
      f2("nextafter", "x, y") { x, y in
        if x.isNaN || y.isNaN { return .nan }
        if x == y { return y }
        return x < y ? x.nextUp : x.nextDown
      },
      f1("ulp") { x in
        if x.isNaN || x.isInfinite { return abs(x) }
        let m = abs(x)
        // The largest finite double has no next value: measure the gap below it instead.
        return m == .greatestFiniteMagnitude ? m - m.nextDown : m.nextUp - m
      },
    ]
  }
}
