import Testing
@testable import HPSNumerics

/// `BLAS.sgemm` splits a few-row A·Bᵀ into column blocks, and a few-column one into row blocks,
/// on AVX-512 machines; the blocks must
/// tile the output exactly (no column skipped or written twice), honour leading dimensions wider
/// than the product, and accumulate with beta.
@Suite struct SmallBatchGEMMTests {
  static let shapes: [(m: Int, n: Int, k: Int)] = [
    (1, 128, 64), (9, 128, 64), (13, 128, 128), (16, 128, 64), (16, 130, 67), (17, 200, 33),
    (32, 128, 128), (33, 128, 128), (16, 10, 128), (64, 128, 64), (128, 10, 128), (360, 10, 128),
    (100, 13, 7), (70, 16, 5), (0, 10, 4), (5, 0, 4),
  ]

  @Test(arguments: shapes)
  func blockedProductMatchesDoublePrecisionReference(shape: (m: Int, n: Int, k: Int)) {
    let (m, n, k) = shape
    var rng = RandomSource(seed: UInt64(m * 1000 + n * 10 + k))
    let lda = k + 3, ldb = k + 1, ldc = n + 5
    // At least one element each, so empty products still have valid pointers.
    let a = (0..<max(1, m * lda)).map { _ in rng.uniform(-1, 1) }
    let b = (0..<max(1, n * ldb)).map { _ in rng.uniform(-1, 1) }
    let before = (0..<max(1, m * ldc)).map { _ in rng.uniform(-1, 1) }
    for beta: Float in [0, 1] {
      var c = before
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          c.withUnsafeMutableBufferPointer { pc in
            BLAS.sgemm(.none, .transposed, m: m, n: n, k: k, alpha: 0.5, a: pa.baseAddress!, lda: lda,
                       b: pb.baseAddress!, ldb: ldb, beta: beta, c: pc.baseAddress!, ldc: ldc)
          }
        }
      }
      var worst = 0.0
      for i in 0..<m {
        for j in 0..<ldc {
          guard j < n else {
            // Padding between rows of C is never written.
            #expect(c[i * ldc + j] == before[i * ldc + j])
            continue
          }
          var dot = 0.0
          for p in 0..<k { dot += Double(a[i * lda + p]) * Double(b[j * ldb + p]) }
          let expected = 0.5 * dot + Double(beta) * Double(before[i * ldc + j])
          worst = max(worst, abs(Double(c[i * ldc + j]) - expected))
        }
      }
      // Float rounding over k ≤ 128 products of magnitude < 1.
      #expect(worst < 1e-4, "m \(m) n \(n) k \(k) beta \(beta): largest error \(worst)")
    }
  }

  @Test func blocksFollowTheShape() {
    func blocks(_ m: Int, _ n: Int) -> [Int] { let b = BLAS.smallProductBlocks(m: m, n: n); return [b.rows, b.cols] }
    guard CPUFeatures.avx512 else {
      #expect(blocks(16, 128) == [16, 128] && blocks(360, 10) == [360, 10])
      return
    }
    #expect(blocks(16, 128) == [16, 64])
    #expect(blocks(13, 128) == [13, 64])
    #expect(blocks(32, 128) == [32, 32])
    #expect(blocks(8, 128) == [8, 128])  // small enough already
    #expect(blocks(64, 128) == [64, 128])  // packing pays for itself
    #expect(blocks(16, 10) == [16, 10])
    #expect(blocks(128, 10) == [64, 10])
    #expect(blocks(360, 10) == [64, 10])
    #expect(blocks(360, 64) == [360, 64])
  }
}
