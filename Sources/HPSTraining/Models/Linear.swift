// y = act(x · Wᵀ + b) with W stored out × in (PyTorch's layout, so checkpoints interoperate).
// The activation is fused into the pass that adds the bias, so each GEMM result is touched once.
import HPSNumerics

public final class Linear: Layer {
  public let inputSize: Int
  public let outputSize: Int
  public let activation: Activation
  public let weight: Parameter
  public let bias: Parameter
  public private(set) var output = Matrix(rows: 0, cols: 0)
  public private(set) var inputGradient = Matrix(rows: 0, cols: 0)
  private var preActivation = Matrix(rows: 0, cols: 0)
  private var dz = Matrix(rows: 0, cols: 0)

  /// PyTorch's default initialisation: W and b uniform in ±1/√fan_in.
  public init(_ inputSize: Int, _ outputSize: Int, activation: Activation = .identity, name: String,
              rng: inout RandomSource) {
    self.inputSize = inputSize
    self.outputSize = outputSize
    self.activation = activation
    let bound = 1 / Float(inputSize).squareRoot()
    var w = Matrix(rows: outputSize, cols: inputSize)
    w.storage.withUnsafeMutableBufferPointer { p in for i in p.indices { p[i] = rng.uniform(-bound, bound) } }
    var b = Matrix(rows: 1, cols: outputSize)
    b.storage.withUnsafeMutableBufferPointer { p in for i in p.indices { p[i] = rng.uniform(-bound, bound) } }
    weight = Parameter(name: "\(name).weight", value: w, decays: true)
    bias = Parameter(name: "\(name).bias", value: b, decays: false)
  }

  public var parameters: [Parameter] { [weight, bias] }

  public func forward(_ x: Matrix, training: Bool) {
    let n = x.rows
    output.ensure(rows: n, cols: outputSize)
    let keepInput = activation.backwardNeedsInput
    if keepInput { preActivation.ensure(rows: n, cols: outputSize) }
    let (inSize, outSize, act) = (inputSize, outputSize, activation)
    x.withUnsafePointer { px in
      weight.value.withUnsafePointer { pw in
        bias.value.withUnsafePointer { pb in
          output.withUnsafeMutablePointer { py in
            BLAS.sgemm(.none, .transposed, m: n, n: outSize, k: inSize, a: px, lda: inSize, b: pw, ldb: inSize,
                       c: py, ldc: outSize)
            if keepInput {
              preActivation.withUnsafeMutablePointer { pz in
                act.biasForward(py, rows: n, cols: outSize, bias: pb, pre: pz)
              }
            } else {
              act.biasForward(py, rows: n, cols: outSize, bias: pb, pre: nil)
            }
          }
        }
      }
    }
  }

  public func backward(_ x: Matrix, _ dy: Matrix, needInputGradient: Bool, accumulate: Bool) {
    let n = x.rows
    let (inSize, outSize) = (inputSize, outputSize)
    // dz = dy ⊙ act'(·); for the identity the incoming gradient is used as it is.
    if activation != .identity {
      dz.ensure(rows: n, cols: outSize)
      let act = activation
      let keepInput = act.backwardNeedsInput
      dy.withUnsafePointer { pdy in
        output.withUnsafePointer { py in
          preActivation.withUnsafePointer { pz in
            dz.withUnsafeMutablePointer { pdz in
              act.backward(dy: pdy, input: keepInput ? pz : nil, output: py, dx: pdz, count: n * outSize)
            }
          }
        }
      }
    }
    let g = activation == .identity ? dy : dz
    let beta: Float = accumulate ? 1 : 0
    g.withUnsafePointer { pg in
      x.withUnsafePointer { px in
        weight.grad.withUnsafeMutablePointer { pdw in
          BLAS.sgemm(.transposed, .none, m: outSize, n: inSize, k: n, a: pg, lda: outSize, b: px, ldb: inSize,
                     beta: beta, c: pdw, ldc: inSize)
        }
      }
      bias.grad.withUnsafeMutablePointer { pdb in
        Kernels.columnSums(pg, rows: n, cols: outSize, into: pdb, accumulate: accumulate)
      }
      if needInputGradient {
        inputGradient.ensure(rows: n, cols: inSize)
        weight.value.withUnsafePointer { pw in
          inputGradient.withUnsafeMutablePointer { pdx in
            BLAS.sgemm(.none, .none, m: n, n: inSize, k: outSize, a: pg, lda: outSize, b: pw, ldb: inSize,
                       c: pdx, ldc: inSize)
          }
        }
      }
    }
  }
}
