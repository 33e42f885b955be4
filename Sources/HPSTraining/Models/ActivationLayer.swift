// A standalone activation (ReLU, GELU, Tanh, Sigmoid, SiLU); used where it cannot be fused into the
// preceding Linear (for example after a LayerNorm).
import HPSNumerics

public final class ActivationLayer: Layer {
  public let activation: Activation
  public let inputSize: Int
  public var outputSize: Int { inputSize }
  public var parameters: [Parameter] { [] }
  public private(set) var output = Matrix(rows: 0, cols: 0)
  public private(set) var inputGradient = Matrix(rows: 0, cols: 0)

  public init(_ activation: Activation, size: Int) {
    self.activation = activation
    self.inputSize = size
  }

  public func forward(_ x: Matrix, training: Bool) {
    output.ensure(rows: x.rows, cols: x.cols)
    let act = activation
    let n = x.count
    x.withUnsafePointer { px in output.withUnsafeMutablePointer { py in act.forward(px, py, count: n) } }
  }

  public func backward(_ x: Matrix, _ dy: Matrix, needInputGradient: Bool, accumulate: Bool) {
    guard needInputGradient else { return }
    inputGradient.ensure(rows: x.rows, cols: x.cols)
    let act = activation
    let n = x.count
    x.withUnsafePointer { px in
      output.withUnsafePointer { py in
        dy.withUnsafePointer { pdy in
          inputGradient.withUnsafeMutablePointer { pdx in
            act.backward(dy: pdy, input: px, output: py, dx: pdx, count: n)
          }
        }
      }
    }
  }
}
