// `math`: CPython's functions and constants, with "math domain error" on invalid input.
import BigInt
import Foundation

enum MathModule {
  static func num(_ v: Value, _ fname: String) throws -> Double {
    switch v {
    case .float(let d): return d
    case .int(let i): return Double(i)
    case .bool(let b): return b ? 1 : 0
    case .big: return try IntMath.double(v) ?? 0
    default:
      throw typeError("must be real number, not \(v.typeName)")
    }
  }

  static func f1(_ name: String, doc: String = "", _ body: @escaping (Double) throws -> Double) -> (String, Value) {
    (name, .object(NativeFunction(name, signature: "(x, /)", doc: doc) { _, args, kw in
      try expectArgs(name, args, kw, min: 1, max: 1)
      let r = try body(num((try args.at(0)), name))
      return .float(r)
    }))
  }

  static func domain(_ ok: Bool) throws {
    if !ok { throw valueError("math domain error") }
  }

  static func checked(_ x: Double, _ r: Double) throws -> Double {
    if r.isNaN && !x.isNaN { throw valueError("math domain error") }
    if r.isInfinite && x.isFinite { throw overflowError("math range error") }
    return r
  }

  static func intArg(_ v: Value, _ name: String) throws -> BigInt {
    if case .float = v { throw typeError("'float' object cannot be interpreted as an integer") }
    guard let b = IntMath.bigOf(v) else { throw typeError("'\(v.typeName)' object cannot be interpreted as an integer") }
    return b
  }

  static let module = NativeModule("math", doc: "Mathematical functions.") { vm in
    [
      ("pi", .float(Double.pi)), ("e", .float(M_E)), ("tau", .float(2 * Double.pi)),
      ("inf", .float(.infinity)), ("nan", .float(.nan)),
      f1("sqrt") { x in try domain(x >= 0 || x.isNaN); return x.squareRoot() },
      f1("exp") { x in try checked(x, exp(x)) },
      f1("expm1") { x in try checked(x, expm1(x)) },
      f1("log2") { x in try domain(x > 0 || x.isNaN); return log2(x) },
      f1("log10") { x in try domain(x > 0 || x.isNaN); return log10(x) },
      f1("log1p") { x in try domain(x > -1 || x.isNaN); return log1p(x) },
      f1("sin") { x in try checked(x, sin(x)) }, f1("cos") { x in try checked(x, cos(x)) },
      f1("tan") { x in try checked(x, tan(x)) },
      f1("asin") { x in try domain(abs(x) <= 1 || x.isNaN); return asin(x) },
      f1("acos") { x in try domain(abs(x) <= 1 || x.isNaN); return acos(x) },
      f1("atan") { atan($0) }, f1("sinh") { x in try checked(x, sinh(x)) },
      f1("cosh") { x in try checked(x, cosh(x)) }, f1("tanh") { tanh($0) },
      f1("asinh") { asinh($0) }, f1("acosh") { x in try domain(x >= 1 || x.isNaN); return acosh(x) },
      f1("atanh") { x in try domain(abs(x) < 1 || x.isNaN); return atanh(x) },
      f1("fabs") { abs($0) }, f1("degrees") { $0 * 180 / Double.pi }, f1("radians") { $0 * Double.pi / 180 },
      f1("erf") { erf($0) }, f1("erfc") { erfc($0) },
      f1("gamma") { x in
        try domain(!(x <= 0 && x == x.rounded()) && x != -.infinity)
        return try checked(x, tgamma(x))
      },
      f1("lgamma") { x in
        try domain(!(x <= 0 && x == x.rounded()))
        return lgamma(x)
      },
      ("log", .object(NativeFunction("log", signature: "(x, base=math.e)") { vm, args, kw in
        try expectArgs("log", args, kw, min: 1, max: 2)
        func ln(_ v: Value) throws -> Double {
          if case .big(let b) = v, b.value > 0 {
            // Large ints: log via bit length, as CPython does.
            let shift = max(0, b.value.bitWidth - 60)
            return log(Double(b.value >> shift)) + Double(shift) * M_LN2
          }
          let x = try num(v, "log")
          try domain(x > 0 || x.isNaN)
          return log(x)
        }
        let r = try ln((try args.at(0)))
        if args.count == 2 {
          let d = try ln((try args.at(1)))
          if d == 0 { throw zeroDivisionError("float division by zero") }
          return .float(r / d)
        }
        return .float(r)
      })),
      ("pow", .object(NativeFunction("pow", signature: "(x, y, /)") { vm, args, kw in
        try expectArgs("pow", args, kw, min: 2, max: 2)
        let x = try num((try args.at(0)), "pow"), y = try num((try args.at(1)), "pow")
        if x == 0 && y < 0 { throw valueError("math domain error") }
        if x < 0 && y != y.rounded() && y.isFinite { throw valueError("math domain error") }
        let r = pow(x, y)
        if r.isInfinite && x.isFinite && y.isFinite { throw overflowError("math range error") }
        return .float(r)
      })),
      ("atan2", .object(NativeFunction("atan2", signature: "(y, x, /)") { _, a, kw in
        try expectArgs("atan2", a, kw, min: 2, max: 2)
        return .float(atan2(try num((try a.at(0)), "atan2"), try num((try a.at(1)), "atan2")))
      })),
      ("hypot", .object(NativeFunction("hypot", signature: "(*coordinates)") { _, a, _ in
        .float(try a.map { try num($0, "hypot") }.reduce(0) { $0 + $1 * $1 }.squareRoot())
      })),
      ("copysign", .object(NativeFunction("copysign", signature: "(x, y, /)") { _, a, kw in
        try expectArgs("copysign", a, kw, min: 2, max: 2)
        return .float(copysign(try num((try a.at(0)), "copysign"), try num((try a.at(1)), "copysign")))
      })),
      ("fmod", .object(NativeFunction("fmod", signature: "(x, y, /)") { _, a, kw in
        try expectArgs("fmod", a, kw, min: 2, max: 2)
        let x = try num((try a.at(0)), "fmod"), y = try num((try a.at(1)), "fmod")
        try domain(!(y == 0 || x.isInfinite) || x.isNaN || y.isNaN)
        return .float(fmod(x, y))
      })),
      ("floor", .object(NativeFunction("floor", signature: "(x, /)") { vm, a, kw in
        try expectArgs("floor", a, kw, min: 1, max: 1)
        if vm.isIntLike((try a.at(0))) { return .integer(IntMath.bigOf((try a.at(0))) ?? 0) }
        return try toInt(num((try a.at(0)), "floor").rounded(.down))
      })),
      ("ceil", .object(NativeFunction("ceil", signature: "(x, /)") { vm, a, kw in
        try expectArgs("ceil", a, kw, min: 1, max: 1)
        if vm.isIntLike((try a.at(0))) { return .integer(IntMath.bigOf((try a.at(0))) ?? 0) }
        return try toInt(num((try a.at(0)), "ceil").rounded(.up))
      })),
      ("trunc", .object(NativeFunction("trunc", signature: "(x, /)") { vm, a, kw in
        try expectArgs("trunc", a, kw, min: 1, max: 1)
        if vm.isIntLike((try a.at(0))) { return .integer(IntMath.bigOf((try a.at(0))) ?? 0) }
        return try toInt(num((try a.at(0)), "trunc").rounded(.towardZero))
      })),
      ("isnan", .object(NativeFunction("isnan", signature: "(x, /)") { _, a, _ in .bool(try num((try a.at(0)), "isnan").isNaN) })),
      ("isinf", .object(NativeFunction("isinf", signature: "(x, /)") { _, a, _ in .bool(try num((try a.at(0)), "isinf").isInfinite) })),
      ("isfinite", .object(NativeFunction("isfinite", signature: "(x, /)") { _, a, _ in .bool(try num((try a.at(0)), "isfinite").isFinite) })),
      ("isclose", .object(NativeFunction("isclose", Signature([.init("a"), .init("b"), .init("rel_tol", default: .float(1e-9), keywordOnly: true), .init("abs_tol", default: .float(0), keywordOnly: true)])) { _, b in
        let x = try num(b[0], "isclose"), y = try num(b[1], "isclose")
        let rt = try num(b[2], "isclose"), at = try num(b[3], "isclose")
        if rt < 0 || at < 0 { throw valueError("tolerances must be non-negative") }
        if x == y { return .bool(true) }
        if x.isInfinite || y.isInfinite { return .bool(false) }
        let diff = abs(x - y)
        return .bool(diff <= abs(rt * y) || diff <= abs(rt * x) || diff <= at)
      })),
      ("factorial", .object(NativeFunction("factorial", signature: "(n, /)") { _, a, kw in
        try expectArgs("factorial", a, kw, min: 1, max: 1)
        let n = try intArg((try a.at(0)), "factorial")
        if n < 0 { throw valueError("factorial() not defined for negative values") }
        var r = BigInt(1)
        var i = BigInt(2)
        while i <= n {
          r *= i
          i += 1
        }
        return .integer(r)
      })),
      ("gcd", .object(NativeFunction("gcd", signature: "(*integers)") { _, a, _ in
        var g = BigInt(0)
        for v in a { g = BigInt(g.greatestCommonDivisor(with: try intArg(v, "gcd"))) }
        return .integer(g)
      })),
      ("lcm", .object(NativeFunction("lcm", signature: "(*integers)") { _, a, _ in
        var l = BigInt(1)
        for v in a {
          let x = try intArg(v, "lcm")
          if x == 0 { return .int(0) }
          l = (l * x).magnitude.asSigned / BigInt(l.greatestCommonDivisor(with: x))
        }
        return .integer(l)
      })),
      ("isqrt", .object(NativeFunction("isqrt", signature: "(n, /)") { _, a, _ in
        let n = try intArg((try a.at(0)), "isqrt")
        if n < 0 { throw valueError("isqrt() argument must be nonnegative") }
        return .integer(BigInt(n.magnitude.squareRoot()))
      })),
      ("comb", .object(NativeFunction("comb", signature: "(n, k, /)") { _, a, _ in
        let n = try intArg((try a.at(0)), "comb"), k = try intArg((try a.at(1)), "comb")
        if n < 0 || k < 0 { throw valueError("n must be a non-negative integer") }
        if k > n { return .int(0) }
        let kk = min(k, n - k)
        var r = BigInt(1)
        var i = BigInt(0)
        while i < kk {
          r = r * (n - i) / (i + 1)
          i += 1
        }
        return .integer(r)
      })),
      ("perm", .object(NativeFunction("perm", signature: "(n, k=None, /)") { _, a, _ in
        let n = try intArg((try a.at(0)), "perm")
        let k = try a.count > 1 && !a.at(1).isNone ? intArg(a.at(1), "perm") : n
        if n < 0 || k < 0 { throw valueError("n must be a non-negative integer") }
        if k > n { return .int(0) }
        var r = BigInt(1)
        var i = n - k + 1
        while i <= n {
          r *= i
          i += 1
        }
        return .integer(r)
      })),
      ("prod", .object(NativeFunction("prod", signature: "(iterable, /, *, start=1)") { vm, a, kw in
        var acc: Value = kw.first(where: { $0.0 == "start" })?.1 ?? .int(1)
        try vm.forEach(a.first ?? .tuple([])) { x in acc = try vm.binary(.multiply, acc, x) }
        return acc
      })),
      ("fsum", .object(NativeFunction("fsum", signature: "(seq, /)") { vm, a, _ in
        // Shewchuk's exact summation, as CPython's fsum.
        var partials: [Double] = []
        try vm.forEach(a.first ?? .tuple([])) { v in
          var x = try num(v, "fsum")
          var i = 0
          for var y in partials {
            if abs(x) < abs(y) { swap(&x, &y) }
            let hi = x + y
            let lo = y - (hi - x)
            if lo != 0 {
              partials[i] = lo
              i += 1
            }
            x = hi
          }
          partials.removeSubrange(i...)
          partials.append(x)
        }
        var hi = 0.0
        var n = partials.count
        if n > 0 {
          n -= 1
          hi = partials[n]
          var lo = 0.0
          while n > 0 {
            let x = hi
            n -= 1
            let y = partials[n]
            hi = x + y
            let yr = hi - x
            lo = y - yr
            if lo != 0 { break }
          }
          if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
            let y = lo * 2
            let x = hi + y
            if y == x - hi { hi = x }
          }
        }
        return .float(hi)
      })),
      ("dist", .object(NativeFunction("dist", signature: "(p, q, /)") { vm, a, _ in
        let p = try vm.iterate((try a.at(0))).map { try num($0, "dist") }, q = try vm.iterate((try a.at(1))).map { try num($0, "dist") }
        if p.count != q.count { throw valueError("both points must have the same number of dimensions") }
        return .float(zip(p, q).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot())
      })),
      ("modf", .object(NativeFunction("modf", signature: "(x, /)") { _, a, _ in
        let x = try num((try a.at(0)), "modf")
        let i = x.rounded(.towardZero)
        return .tuple([.float(x.isInfinite ? copysign(0, x) : x - i), .float(i)])
      })),
      ("frexp", .object(NativeFunction("frexp", signature: "(x, /)") { _, a, _ in
        var e: Int32 = 0
        let m = frexp(try num((try a.at(0)), "frexp"), &e)
        return .tuple([.float(m), .int(Int(e))])
      })),
      ("ldexp", .object(NativeFunction("ldexp", signature: "(x, i, /)") { _, a, _ in
        .float(ldexp(try num((try a.at(0)), "ldexp"), Int32(clamping: try intArg((try a.at(1)), "ldexp").description.count > 10 ? 100000 : Int(try intArg((try a.at(1)), "ldexp")))))
      })),
    ] + ieeeFunctions
  }

  static func toInt(_ d: Double) throws -> Value {
    if d.isNaN { throw valueError("cannot convert float NaN to integer") }
    if d.isInfinite { throw overflowError("cannot convert float infinity to integer") }
    if let i = Int(exactly: d) { return .int(i) }
    return .integer(BigInt(d))
  }
}
