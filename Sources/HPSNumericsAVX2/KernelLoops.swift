// The training step's elementwise loops, written once and compiled twice: inlined into
// HPSNumerics for the baseline x86-64 (SSE2, four lanes), and as the `AVX2Kernels` entry points
// of this module, which Package.swift compiles with the +avx2 target feature (eight lanes).
// HPSNumerics picks the AVX2 entry points when `CPUFeatures.avx2` holds. Swift neither contracts
// a·b + c into a fused multiply-add nor reassociates floating-point sums, so both builds compute
// the same bits: a run is reproducible across machines whichever path it takes.

public enum KernelLoops {
  /// Adam/AdamW (PyTorch's formula): g' = g·scale + l2·w; m ← β1·m + (1−β1)·g'; v ← β2·v + (1−β2)·g'²;
  /// w ← w·decay − stepSize·m / (√v·invSqrtBC2 + ε). `gradientScale` is gradient clipping's
  /// coefficient (1 when not clipping), applied here rather than in a pass of its own.
  ///
  /// The loop is specialised for the common cases, a scale of 1 and no L2 term (AdamW), whose
  /// operations it skips, as PyTorch does: fewer live constants let the eight-lane loop keep
  /// everything in the sixteen vector registers (measured: 8.9 → 7.8 µs per digits step).
  /// g·1 is g; g + 0·w is g except for the sign of a zero gradient, which no later value
  /// depends on.
  @inlinable @inline(__always)
  public static func adamUpdate(
    weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
    v: UnsafeMutablePointer<Float>, count n: Int, beta1 b1: Float, beta2 b2: Float, stepSize: Float,
    invSqrtBiasCorrection2 invSqrtBC2: Float, epsilon eps: Float, decayFactor: Float, l2: Float, gradientScale gs: Float = 1
  ) {
    switch (gs == 1, l2 == 0) {
    case (true, true):
      adamLoop(w, g, m, v, n, b1, b2, stepSize, invSqrtBC2, eps, decayFactor, l2, gs, scales: false, addsL2: false)
    case (false, true):
      adamLoop(w, g, m, v, n, b1, b2, stepSize, invSqrtBC2, eps, decayFactor, l2, gs, scales: true, addsL2: false)
    default:
      adamLoop(w, g, m, v, n, b1, b2, stepSize, invSqrtBC2, eps, decayFactor, l2, gs, scales: true, addsL2: true)
    }
  }

  @inlinable @inline(__always)
  static func adamLoop(
    _ w: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ m: UnsafeMutablePointer<Float>,
    _ v: UnsafeMutablePointer<Float>, _ n: Int, _ b1: Float, _ b2: Float, _ stepSize: Float, _ invSqrtBC2: Float,
    _ eps: Float, _ decayFactor: Float, _ l2: Float, _ gs: Float, scales: Bool, addsL2: Bool
  ) {
    let c1 = 1 - b1, c2 = 1 - b2
    for i in 0..<n {
      let wi = w[i]
      var gi = g[i]
      if scales { gi = gi * gs }
      if addsL2 { gi = gi + l2 * wi }
      let mi = b1 * m[i] + c1 * gi
      let vi = b2 * v[i] + c2 * gi * gi
      m[i] = mi
      v[i] = vi
      w[i] = wi * decayFactor - stepSize * mi / (vi.squareRoot() * invSqrtBC2 + eps)
    }
  }

  /// Σ x² accumulated in Double over blocks of 4096, each block summed in four independent
  /// sixteen-lane Float accumulators (one running sum made every add wait for the previous one;
  /// with a single sixteen-lane one the loop still waited on the adder's latency: 1.4 µs per
  /// digits step, against 0.5 µs for the 26k values with four). The accumulators and lanes are
  /// combined in a fixed order.
  @inlinable @inline(__always)
  public static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Double {
    let raw = UnsafeRawPointer(x)
    @inline(__always) func load(_ i: Int) -> SIMD16<Float> { raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self) }
    var total = 0.0
    var start = 0
    while start < count {
      let end = min(count, start + 4096)
      var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
      var i = start
      while i + 64 <= end {
        let v0 = load(i), v1 = load(i + 16), v2 = load(i + 32), v3 = load(i + 48)
        a0 += v0 * v0
        a1 += v1 * v1
        a2 += v2 * v2
        a3 += v3 * v3
        i += 64
      }
      while i + 16 <= end {
        let v = load(i)
        a0 += v * v
        i += 16
      }
      let lanes = (a0 + a1) + (a2 + a3)
      let half = lanes.lowHalf + lanes.highHalf
      let quarter = half.lowHalf + half.highHalf
      let pair = quarter.lowHalf + quarter.highHalf
      var s = pair[0] + pair[1]
      while i < end { s += x[i] * x[i]; i += 1 }
      total += Double(s)
      start = end
    }
    return total
  }

  /// out[j] (+)= Σ_r x[r, j]  — the bias gradient of a dense layer.
  @inlinable @inline(__always)
  public static func columnSums(
    _ x: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>, accumulate: Bool
  ) {
    if !accumulate { out.update(repeating: 0, count: cols) }
    for r in 0..<rows {
      let row = x + r * cols
      for j in 0..<cols { out[j] += row[j] }
    }
  }

  /// c[r, j] = max(c[r, j] + bias[j], 0): a dense layer's bias and ReLU in one pass.
  @inlinable @inline(__always)
  public static func biasReLU(_ c: UnsafeMutablePointer<Float>, rows: Int, cols: Int, bias: UnsafePointer<Float>) {
    for r in 0..<rows {
      let row = c + r * cols
      for j in 0..<cols { let z = row[j] + bias[j]; row[j] = z > 0 ? z : 0 }
    }
  }

  /// c[r, j] += bias[j].
  @inlinable @inline(__always)
  public static func addBias(_ c: UnsafeMutablePointer<Float>, rows: Int, cols: Int, bias: UnsafePointer<Float>) {
    for r in 0..<rows {
      let row = c + r * cols
      for j in 0..<cols { row[j] += bias[j] }
    }
  }

  /// dx = y > 0 ? dy : 0 (ReLU's backward from its output; dx may alias dy).
  @inlinable @inline(__always)
  public static func reluBackward(dy: UnsafePointer<Float>, output y: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, count: Int) {
    // Both loads first: a load under the condition keeps the loop from vectorizing.
    for i in 0..<count { let d = dy[i], v = y[i]; dx[i] = v > 0 ? d : 0 }
  }

  /// x *= a.
  @inlinable @inline(__always)
  public static func scale(_ x: UnsafeMutablePointer<Float>, count: Int, by a: Float) {
    for i in 0..<count { x[i] *= a }
  }
}

/// The loops above compiled for AVX2; call only when `CPUFeatures.avx2` holds.
public enum AVX2Kernels {
  @inline(never)
  public static func adamUpdate(
    weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
    v: UnsafeMutablePointer<Float>, count n: Int, beta1 b1: Float, beta2 b2: Float, stepSize: Float,
    invSqrtBiasCorrection2 invSqrtBC2: Float, epsilon eps: Float, decayFactor: Float, l2: Float, gradientScale gs: Float = 1
  ) {
    KernelLoops.adamUpdate(weights: w, gradients: g, m: m, v: v, count: n, beta1: b1, beta2: b2, stepSize: stepSize,
                           invSqrtBiasCorrection2: invSqrtBC2, epsilon: eps, decayFactor: decayFactor, l2: l2,
                           gradientScale: gs)
  }

  @inline(never)
  public static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Double {
    KernelLoops.sumOfSquares(x, count: count)
  }

  @inline(never)
  public static func columnSums(
    _ x: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>, accumulate: Bool
  ) {
    KernelLoops.columnSums(x, rows: rows, cols: cols, into: out, accumulate: accumulate)
  }

  @inline(never)
  public static func biasReLU(_ c: UnsafeMutablePointer<Float>, rows: Int, cols: Int, bias: UnsafePointer<Float>) {
    KernelLoops.biasReLU(c, rows: rows, cols: cols, bias: bias)
  }

  @inline(never)
  public static func addBias(_ c: UnsafeMutablePointer<Float>, rows: Int, cols: Int, bias: UnsafePointer<Float>) {
    KernelLoops.addBias(c, rows: rows, cols: cols, bias: bias)
  }

  @inline(never)
  public static func reluBackward(dy: UnsafePointer<Float>, output y: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, count: Int) {
    KernelLoops.reluBackward(dy: dy, output: y, dx: dx, count: count)
  }

  @inline(never)
  public static func scale(_ x: UnsafeMutablePointer<Float>, count: Int, by a: Float) {
    KernelLoops.scale(x, count: count, by: a)
  }
}
