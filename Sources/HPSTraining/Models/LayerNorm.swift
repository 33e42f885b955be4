// Layer normalisation over the features of each row: y = (x − μ)/√(σ² + ε) · γ + β.
import HPSNumerics

public final class LayerNorm: Layer {
  public let inputSize: Int
  public var outputSize: Int { inputSize }
  public let epsilon: Float
  public let gamma: Parameter
  public let beta: Parameter
  public var parameters: [Parameter] { [gamma, beta] }
  public private(set) var output = Matrix(rows: 0, cols: 0)
  public private(set) var inputGradient = Matrix(rows: 0, cols: 0)
  private var normalized = Matrix(rows: 0, cols: 0)
  private var inverseStd: [Float] = []

  public init(_ size: Int, epsilon: Float = 1e-5, name: String) {
    inputSize = size
    self.epsilon = epsilon
    gamma = Parameter(name: "\(name).weight", value: Matrix(rows: 1, cols: size, repeating: 1), decays: false)
    beta = Parameter(name: "\(name).bias", value: Matrix(rows: 1, cols: size), decays: false)
  }

  public func forward(_ x: Matrix, training: Bool) {
    let (n, d) = (x.rows, inputSize)
    output.ensure(rows: n, cols: d)
    normalized.ensure(rows: n, cols: d)
    if inverseStd.count < n { inverseStd = [Float](repeating: 0, count: n) }
    let eps = epsilon
    x.withUnsafePointer { px in
      gamma.value.withUnsafePointer { pg in
        beta.value.withUnsafePointer { pb in
          normalized.withUnsafeMutablePointer { pxh in
            output.withUnsafeMutablePointer { py in
              for r in 0..<n {
                let row = px + r * d
                var mean: Float = 0
                for j in 0..<d { mean += row[j] }
                mean /= Float(d)
                var variance: Float = 0
                for j in 0..<d { let c = row[j] - mean; variance += c * c }
                variance /= Float(d)
                let rstd = 1 / (variance + eps).squareRoot()
                inverseStd[r] = rstd
                let xh = pxh + r * d
                let y = py + r * d
                for j in 0..<d { let v = (row[j] - mean) * rstd; xh[j] = v; y[j] = v * pg[j] + pb[j] }
              }
            }
          }
        }
      }
    }
  }

  public func backward(_ x: Matrix, _ dy: Matrix, needInputGradient: Bool, accumulate: Bool) {
    let (n, d) = (x.rows, inputSize)
    if needInputGradient { inputGradient.ensure(rows: n, cols: d) }
    if !accumulate { gamma.grad.fill(0); beta.grad.fill(0) }
    dy.withUnsafePointer { pdy in
      normalized.withUnsafePointer { pxh in
        gamma.value.withUnsafePointer { pg in
          gamma.grad.withUnsafeMutablePointer { pdg in
            beta.grad.withUnsafeMutablePointer { pdb in
              for r in 0..<n {
                let g = pdy + r * d, xh = pxh + r * d
                for j in 0..<d { pdg[j] += g[j] * xh[j]; pdb[j] += g[j] }
              }
            }
          }
          guard needInputGradient else { return }
          inputGradient.withUnsafeMutablePointer { pdx in
            for r in 0..<n {
              let g = pdy + r * d, xh = pxh + r * d, dx = pdx + r * d
              var meanG: Float = 0, meanGX: Float = 0
              for j in 0..<d { let v = g[j] * pg[j]; meanG += v; meanGX += v * xh[j] }
              meanG /= Float(d)
              meanGX /= Float(d)
              let rstd = inverseStd[r]
              for j in 0..<d { dx[j] = rstd * (g[j] * pg[j] - meanG - xh[j] * meanGX) }
            }
          }
        }
      }
    }
  }
}
