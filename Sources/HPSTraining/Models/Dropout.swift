// Inverted dropout: in training, zero each element with probability p and scale the rest by
// 1/(1−p); in evaluation, the identity. Draws from its own seeded stream.
import HPSNumerics

public final class Dropout: Layer {
  public let probability: Float
  public let inputSize: Int
  public var outputSize: Int { inputSize }
  public var parameters: [Parameter] { [] }
  public private(set) var output = Matrix(rows: 0, cols: 0)
  public private(set) var inputGradient = Matrix(rows: 0, cols: 0)
  private var mask = Matrix(rows: 0, cols: 0)
  private var lastWasTraining = false
  public var rng: RandomSource

  public init(_ probability: Float, size: Int, rng: RandomSource) {
    self.probability = probability
    self.inputSize = size
    self.rng = rng
  }

  public func forward(_ x: Matrix, training: Bool) {
    output.ensure(rows: x.rows, cols: x.cols)
    let n = x.count
    lastWasTraining = training && probability > 0
    if !lastWasTraining {
      x.withUnsafePointer { px in output.withUnsafeMutablePointer { py in py.update(from: px, count: n) } }
      return
    }
    mask.ensure(rows: x.rows, cols: x.cols)
    let keep = 1 - probability
    let scale = 1 / keep
    for i in 0..<n { mask.storage[i] = rng.nextFloat() < keep ? scale : 0 }
    x.withUnsafePointer { px in
      mask.withUnsafePointer { pm in
        output.withUnsafeMutablePointer { py in for i in 0..<n { py[i] = px[i] * pm[i] } }
      }
    }
  }

  public func backward(_ x: Matrix, _ dy: Matrix, needInputGradient: Bool, accumulate: Bool) {
    guard needInputGradient else { return }
    inputGradient.ensure(rows: x.rows, cols: x.cols)
    let n = x.count
    let training = lastWasTraining
    dy.withUnsafePointer { pdy in
      mask.withUnsafePointer { pm in
        inputGradient.withUnsafeMutablePointer { pdx in
          if training { for i in 0..<n { pdx[i] = pdy[i] * pm[i] } } else { pdx.update(from: pdy, count: n) }
        }
      }
    }
  }
}
