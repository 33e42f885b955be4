// The six functions of `hps-bench sampler` (mirrored in bench/sampler/functions.py so every peer
// sees the same space and the same values). Each formula rounds in the order of its Python twin
// (`x ** 2` as one product, `v ** 4` as `pow`), so a trial scores the same to the last bit in both
// and a seeded hps TPE study can follow the seeded Optuna study it reproduces.
import Foundation
import HPSSearch

struct SamplerFunction {
  let name: String
  let space: [(name: String, distribution: Distribution)]
  let evaluate: ([String: ParamValue]) -> Double
  let minimum: Double
}

enum SamplerFunctions {
  static func all() throws -> [SamplerFunction] {
    [try branin(), try hartmann6(), try box("rosenbrock5", 5, -5, 10, 0, rosenbrock),
     try box("styblinski8", 8, -5, 5, -313.329, styblinski), try box("ackley5", 5, -32.768, 32.768, 0, ackley),
     try mixed()]
  }

  static func xs(_ p: [String: ParamValue], _ n: Int) -> [Double] {
    (0..<n).map { p["x\($0)"]?.doubleValue ?? .nan }
  }

  static func box(_ name: String, _ n: Int, _ low: Double, _ high: Double, _ minimum: Double,
                  _ f: @escaping ([Double]) -> Double) throws -> SamplerFunction {
    SamplerFunction(name: name, space: try (0..<n).map { ("x\($0)", try .float(low, high)) },
                    evaluate: { f(xs($0, n)) }, minimum: minimum)
  }

  static func branin() throws -> SamplerFunction {
    SamplerFunction(name: "branin", space: [("x0", try .float(-5, 10)), ("x1", try .float(0, 15))], evaluate: { p in
      let x = xs(p, 2)
      let b = 5.1 / (4 * (Double.pi * Double.pi)), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
      let a = x[1] - b * (x[0] * x[0]) + c * x[0] - 6
      return a * a + 10 * (1 - t) * cos(x[0]) + 10
    }, minimum: 0.397887)
  }

  static let hartmannA: [[Double]] = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                                      [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
  static let hartmannP: [[Double]] = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                                      [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
  static let hartmannAlpha: [Double] = [1.0, 1.2, 3.0, 3.2]

  static func hartmann6() throws -> SamplerFunction {
    try box("hartmann6", 6, 0, 1, -3.32237) { x in
      var total = 0.0
      for i in 0..<4 {
        var inner = 0.0
        for j in 0..<6 { inner += hartmannA[i][j] * pow(x[j] - 1e-4 * hartmannP[i][j], 2) }
        total += hartmannAlpha[i] * exp(-inner)
      }
      return -total
    }
  }

  static func rosenbrock(_ x: [Double]) -> Double {
    var s = 0.0
    for i in 0..<(x.count - 1) {
      let a = x[i + 1] - x[i] * x[i], b = 1 - x[i]
      s += 100 * (a * a) + b * b
    }
    return s
  }

  static func styblinski(_ x: [Double]) -> Double {
    var s = 0.0
    for v in x {
      s += pow(v, 4) - 16 * (v * v) + 5 * v
    }
    return s / 2
  }

  static func ackley(_ x: [Double]) -> Double {
    let n = Double(x.count)
    var s1 = 0.0, s2 = 0.0
    for v in x {
      s1 += v * v
      s2 += cos(2 * Double.pi * v)
    }
    let e = exp(1.0)
    return -20 * exp(-0.2 * (s1 / n).squareRoot()) - exp(s2 / n) + 20 + e
  }

  static let optimizers: [(String, Double, Double)] = [
    ("sgd", -1.5, 0.30), ("momentum", -2.0, 0.12), ("adam", -3.0, 0), ("rmsprop", -3.3, 0.05),
  ]

  static func mixed() throws -> SamplerFunction {
    let space: [(name: String, distribution: Distribution)] = [
      ("lr", try .float(1e-5, 1e-1, log: true)), ("wd", try .float(1e-6, 1e-2, log: true)),
      ("layers", try .int(1, 8)), ("optimizer", try .categorical(optimizers.map { .string($0.0) })),
    ]
    return SamplerFunction(name: "mixed_ml", space: space, evaluate: { p in
      let u = log10(p["lr"]?.doubleValue ?? .nan), v = log10(p["wd"]?.doubleValue ?? .nan)
      let layers = Double(p["layers"]?.intValue ?? 0)
      let opt = optimizers.first { $0.0 == p["optimizer"]?.stringValue } ?? optimizers[0]
      let du = u - opt.1 + 0.1 * (layers - 4)
      let dv = v + 4 - 0.5 * du
      return 0.1 + opt.2 + 0.25 * du * du + 0.08 * (dv * dv) + 0.02 * ((layers - 4) * (layers - 4)) + 2 * max(0, du - 1)
    }, minimum: 0.1)
  }
}
