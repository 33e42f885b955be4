import Testing
@testable import HPSNumerics
import HPSNumericsAVX2

@Suite struct GEMMTests {
  func naive(_ a: Matrix, _ ta: Bool, _ b: Matrix, _ tb: Bool) -> [Double] {
    let m = ta ? a.cols : a.rows, k = ta ? a.rows : a.cols, n = tb ? b.rows : b.cols
    var out = [Double](repeating: 0, count: m * n)
    for i in 0..<m { for j in 0..<n { for p in 0..<k {
      let x = ta ? a[p, i] : a[i, p]
      let y = tb ? b[j, p] : b[p, j]
      out[i * n + j] += Double(x) * Double(y)
    } } }
    return out
  }

  @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
  func gemmMatchesNaiveProduct(ta: Bool, tb: Bool) {
    var rng = RandomSource(seed: 7)
    let a = Matrix(rows: ta ? 5 : 3, cols: ta ? 3 : 5, values: (0..<15).map { _ in rng.uniform(-1, 1) })
    let b = Matrix(rows: tb ? 4 : 5, cols: tb ? 5 : 4, values: (0..<20).map { _ in rng.uniform(-1, 1) })
    var c = Matrix(rows: 0, cols: 0)
    BLAS.gemm(a, b, into: &c, transA: ta ? .transposed : .none, transB: tb ? .transposed : .none)
    #expect(c.rows == 3 && c.cols == 4)
    let expected = naive(a, ta, b, tb)
    for i in 0..<12 { #expect(abs(Double(c.storage[i]) - expected[i]) < 1e-5) }
  }

  @Test func gemmAccumulatesWithBeta() {
    let a = Matrix(rows: 1, cols: 2, values: [1, 2])
    let b = Matrix(rows: 2, cols: 1, values: [3, 4])
    var c = Matrix(rows: 1, cols: 1, values: [10])
    BLAS.gemm(a, b, into: &c, alpha: 2, beta: 1)
    #expect(c[0, 0] == 10 + 2 * 11)
  }

  @Test func threadCountIsSettable() {
    let before = BLAS.threadCount
    BLAS.threadCount = 1
    #expect(BLAS.threadCount == 1)
    BLAS.threadCount = before
  }
}

@Suite struct RandomSourceTests {
  @Test func sameSeedSameStream() {
    var a = RandomSource(seed: 123), b = RandomSource(seed: 123), c = RandomSource(seed: 124)
    let xa = (0..<100).map { _ in a.next() }
    #expect(xa == (0..<100).map { _ in b.next() })
    #expect(xa != (0..<100).map { _ in c.next() })
  }

  @Test func splitStreamsDiffer() {
    var a = RandomSource(seed: 1)
    var c1 = a.split(), c2 = a.split()
    #expect(c1.next() != c2.next())
  }

  @Test func uniformAndNormalMoments() {
    var r = RandomSource(seed: 9)
    let n = 20000
    var sum = 0.0, sumN = 0.0, sumN2 = 0.0
    for _ in 0..<n {
      let u = r.nextFloat()
      #expect(u >= 0 && u < 1)
      sum += Double(u)
      let z = r.normal(); sumN += z; sumN2 += z * z
    }
    #expect(abs(sum / Double(n) - 0.5) < 0.01)
    #expect(abs(sumN / Double(n)) < 0.03)
    #expect(abs(sumN2 / Double(n) - 1) < 0.05)
  }

  @Test func permutationIsAPermutation() {
    var r = RandomSource(seed: 3)
    let p = r.permutation(50)
    #expect(p.sorted() == Array(0..<50))
    #expect(p != Array(0..<50))
  }
}

@Suite struct KernelTests {
  @Test func matrixReshapeGrowsButKeepsStorage() {
    var m = Matrix(rows: 4, cols: 3, repeating: 1)
    m.reshape(rows: 2, cols: 3)
    #expect(m.count == 6 && m.storage.count == 12)
    m.reshape(rows: 5, cols: 3)
    #expect(m.storage.count == 15)
    #expect(Matrix(rows: 1, cols: 2, values: [1, 2]) != Matrix(rows: 2, cols: 1, values: [1, 2]))
  }

  @Test func biasActivationAndColumnSums() {
    var c: [Float] = [-1, 2, 3, -4]
    let bias: [Float] = [0.5, -3]
    c.withUnsafeMutableBufferPointer { pc in
      bias.withUnsafeBufferPointer { pb in
        Activation.relu.biasForward(pc.baseAddress!, rows: 2, cols: 2, bias: pb.baseAddress!, pre: nil)
      }
    }
    #expect(c == [0, 0, 3.5, 0])
    var sums: [Float] = [0, 0]
    let x: [Float] = [1, 2, 3, 4, 5, 6]
    x.withUnsafeBufferPointer { px in sums.withUnsafeMutableBufferPointer { ps in
      Kernels.columnSums(px.baseAddress!, rows: 3, cols: 2, into: ps.baseAddress!, accumulate: false)
    } }
    #expect(sums == [9, 12])
  }

  @Test(arguments: Activation.allCases)
  func activationDerivativeMatchesFiniteDifference(_ act: Activation) {
    let xs: [Float] = [-2.1, -0.7, -0.2, 0.3, 0.9, 1.7]
    var y = [Float](repeating: 0, count: xs.count)
    var dx = [Float](repeating: 0, count: xs.count)
    let ones = [Float](repeating: 1, count: xs.count)
    xs.withUnsafeBufferPointer { px in y.withUnsafeMutableBufferPointer { py in
      act.forward(px.baseAddress!, py.baseAddress!, count: xs.count)
    } }
    xs.withUnsafeBufferPointer { px in y.withUnsafeBufferPointer { py in ones.withUnsafeBufferPointer { po in
      dx.withUnsafeMutableBufferPointer { pd in
        act.backward(dy: po.baseAddress!, input: px.baseAddress!, output: py.baseAddress!, dx: pd.baseAddress!, count: xs.count)
      }
    } } }
    for (i, x) in xs.enumerated() {
      let h: Float = 1e-3
      let numeric = (Double(act.apply(x + h)) - Double(act.apply(x - h))) / Double(2 * h)
      #expect(abs(numeric - Double(dx[i])) < 2e-3, "\(act) at \(x): \(numeric) vs \(dx[i])")
    }
  }

  @Test func finiteCheck() {
    let ok: [Float] = [1, 2, 3], bad: [Float] = [1, .nan, 3], inf: [Float] = [.infinity]
    #expect(ok.withUnsafeBufferPointer { Kernels.allFinite($0.baseAddress!, count: 3) })
    #expect(!bad.withUnsafeBufferPointer { Kernels.allFinite($0.baseAddress!, count: 3) })
    #expect(!inf.withUnsafeBufferPointer { Kernels.allFinite($0.baseAddress!, count: 1) })
  }
}

@Suite struct SumOfSquaresTests {
  /// The clipping norm's Σx²: lanes and tail (lengths around the vector width and the 4096 block).
  @Test(arguments: [0, 1, 15, 16, 17, 4095, 4096, 4097, 26_122])
  func matchesADoubleSum(count: Int) {
    var rng = RandomSource(seed: UInt64(count))
    let x = (0..<count).map { _ in rng.uniform(-2, 2) }
    let expected = x.reduce(0.0) { $0 + Double($1) * Double($1) }
    let got = x.withUnsafeBufferPointer { p in
      p.baseAddress.map { Kernels.sumOfSquares($0, count: count) } ?? 0
    }
    #expect(abs(got - expected) <= 1e-5 * max(1, expected))
  }
}

/// The AVX2 build of each training loop computes the same bits as the baseline build, so a run is
/// reproducible whichever path the CPU takes. (Runs where the CPU has AVX2; elsewhere the AVX2
/// code is never called.)
@Suite(.enabled(if: CPUFeatures.avx2, "the CPU has no AVX2")) struct AVX2KernelTests {
  func random(_ n: Int, _ seed: UInt64, _ low: Float = -1, _ high: Float = 1) -> [Float] {
    var rng = RandomSource(seed: seed)
    return (0..<n).map { _ in rng.uniform(low, high) }
  }

  @Test(arguments: [1, 7, 8, 9, 100, 8_320])
  func adamMatchesTheBaselineBitForBit(count n: Int) {
    let g = random(n, 1), w0 = random(n, 2), m0 = random(n, 3), v0 = random(n, 4, 0, 1)
    var (wa, ma, va) = (w0, m0, v0), (wb, mb, vb) = (w0, m0, v0)
    for _ in 0..<3 {
      AVX2Kernels.adamUpdate(weights: &wa, gradients: g, m: &ma, v: &va, count: n, beta1: 0.9, beta2: 0.999, stepSize: 1e-3,
                             invSqrtBiasCorrection2: 1.3, epsilon: 1e-8, decayFactor: 0.99, l2: 0.01)
      KernelLoops.adamUpdate(weights: &wb, gradients: g, m: &mb, v: &vb, count: n, beta1: 0.9, beta2: 0.999, stepSize: 1e-3,
                             invSqrtBiasCorrection2: 1.3, epsilon: 1e-8, decayFactor: 0.99, l2: 0.01)
    }
    #expect(wa.map(\.bitPattern) == wb.map(\.bitPattern))
    #expect(ma.map(\.bitPattern) == mb.map(\.bitPattern) && va.map(\.bitPattern) == vb.map(\.bitPattern))
  }

  @Test(arguments: [1, 7, 8, 9, 100, 8_320])
  func adamWithAGradientScaleMatchesTheBaselineBitForBit(count n: Int) {
    let g = random(n, 1), w0 = random(n, 2), m0 = random(n, 3), v0 = random(n, 4, 0, 1)
    var (wa, ma, va) = (w0, m0, v0), (wb, mb, vb) = (w0, m0, v0)
    for _ in 0..<3 {
      AVX2Kernels.adamUpdate(weights: &wa, gradients: g, m: &ma, v: &va, count: n, beta1: 0.9, beta2: 0.999, stepSize: 1e-3,
                             invSqrtBiasCorrection2: 1.3, epsilon: 1e-8, decayFactor: 0.99, l2: 0, gradientScale: 0.37)
      KernelLoops.adamUpdate(weights: &wb, gradients: g, m: &mb, v: &vb, count: n, beta1: 0.9, beta2: 0.999, stepSize: 1e-3,
                             invSqrtBiasCorrection2: 1.3, epsilon: 1e-8, decayFactor: 0.99, l2: 0, gradientScale: 0.37)
    }
    #expect(wa.map(\.bitPattern) == wb.map(\.bitPattern))
    #expect(ma.map(\.bitPattern) == mb.map(\.bitPattern) && va.map(\.bitPattern) == vb.map(\.bitPattern))
  }

  @Test(arguments: [(1, 10), (16, 128), (17, 64), (5, 3)])
  func layerLoopsMatchTheBaselineBitForBit(rows: Int, cols: Int) {
    let x = random(rows * cols, 5), bias = random(cols, 6), dy = random(rows * cols, 7)
    #expect(AVX2Kernels.sumOfSquares(x, count: x.count).bitPattern == KernelLoops.sumOfSquares(x, count: x.count).bitPattern)
    var (sa, sb) = ([Float](repeating: 0, count: cols), [Float](repeating: 0, count: cols))
    AVX2Kernels.columnSums(x, rows: rows, cols: cols, into: &sa, accumulate: false)
    KernelLoops.columnSums(x, rows: rows, cols: cols, into: &sb, accumulate: false)
    #expect(sa.map(\.bitPattern) == sb.map(\.bitPattern))
    var (ra, rb) = (x, x)
    AVX2Kernels.biasReLU(&ra, rows: rows, cols: cols, bias: bias)
    KernelLoops.biasReLU(&rb, rows: rows, cols: cols, bias: bias)
    #expect(ra.map(\.bitPattern) == rb.map(\.bitPattern))
    var (ba, bb) = (x, x)
    AVX2Kernels.addBias(&ba, rows: rows, cols: cols, bias: bias)
    KernelLoops.addBias(&bb, rows: rows, cols: cols, bias: bias)
    #expect(ba.map(\.bitPattern) == bb.map(\.bitPattern))
    var (da, db) = ([Float](repeating: 0, count: x.count), [Float](repeating: 0, count: x.count))
    AVX2Kernels.reluBackward(dy: dy, output: ra, dx: &da, count: x.count)
    KernelLoops.reluBackward(dy: dy, output: rb, dx: &db, count: x.count)
    #expect(da.map(\.bitPattern) == db.map(\.bitPattern))
    var (ka, kb) = (x, x)
    AVX2Kernels.scale(&ka, count: x.count, by: 0.37)
    KernelLoops.scale(&kb, count: x.count, by: 0.37)
    #expect(ka.map(\.bitPattern) == kb.map(\.bitPattern))
  }
}
