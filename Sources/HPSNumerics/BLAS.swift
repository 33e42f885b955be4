// General matrix multiply through OpenBLAS, and control of OpenBLAS's thread pool.
import COpenBLAS

public enum Transpose: Sendable {
  case none, transposed
  @usableFromInline var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

public enum BLAS {
  /// C[m×n] = alpha · op(A) · op(B) + beta · C, all row-major with leading dimensions given.
  public static func sgemm(
    _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
    alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    let width = transA == .none && transB == .transposed ? smallRowsColumnBlock(m: m, n: n) : n
    var j = 0
    while j < n {
      let cols = min(width, n - j)
      cblas_sgemm(
        CblasRowMajor, transA.cblas, transB.cblas, blasint(m), blasint(cols), blasint(k), alpha,
        a, blasint(lda), b + j * ldb, blasint(ldb), beta, c + j, blasint(ldc))
      j += cols
    }
  }

  /// Output columns per call for a row-major A·Bᵀ with `m` rows (a layer's forward pass, B being
  /// the weights). OpenBLAS's AVX-512 builds multiply small products without packing, but take
  /// that path for this case only while the output block is small (rows × columns up to about
  /// 1200); beyond it they pack all of B for a handful of rows, and the packing costs as much as
  /// the multiply. Measured (batch 16, 128 outputs, 128 inputs): one call 8.2 µs, two calls of 64
  /// columns 5.6 µs; at 32 rows, 13.5 µs against 11.1 µs in blocks of 32. From 64 rows on the
  /// packed path is as fast, so larger products stay one call, as does every product elsewhere
  /// (no such path, so splitting would only add calls).
  @inline(__always)
  static func smallRowsColumnBlock(m: Int, n: Int) -> Int {
    guard CPUFeatures.avx512, m > 0, m <= 32, m * n > 1024 else { return n }
    let limit = 1024 / m
    return max(16, 1 << (Int.bitWidth - 1 - limit.leadingZeroBitCount))
  }

  /// C = alpha · op(A) · op(B) + beta · C for matrices; C must already have the result's shape.
  public static func gemm(
    _ a: Matrix, _ b: Matrix, into c: inout Matrix, transA: Transpose = .none, transB: Transpose = .none,
    alpha: Float = 1, beta: Float = 0
  ) {
    let m = transA == .none ? a.rows : a.cols
    let k = transA == .none ? a.cols : a.rows
    let kb = transB == .none ? b.rows : b.cols
    let n = transB == .none ? b.cols : b.rows
    precondition(k == kb, "gemm inner dimensions differ: \(k) vs \(kb)")
    if c.rows != m || c.cols != n { c.reshape(rows: m, cols: n) }
    a.withUnsafePointer { pa in
      b.withUnsafePointer { pb in
        c.withUnsafeMutablePointer { pc in
          sgemm(transA, transB, m: m, n: n, k: k, alpha: alpha, a: pa, lda: a.cols, b: pb, ldb: b.cols,
                beta: beta, c: pc, ldc: n)
        }
      }
    }
  }

  /// OpenBLAS's thread count is process-wide. Trainers set it at the start of training; parallel
  /// trials each run with 1 (see docs/trainer.md).
  public static var threadCount: Int {
    get { Int(openblas_get_num_threads()) }
    set { openblas_set_num_threads(Int32(max(1, newValue))) }
  }

  /// Cores OpenBLAS can use on this machine.
  public static var availableCores: Int { Int(openblas_get_num_procs()) }
}
