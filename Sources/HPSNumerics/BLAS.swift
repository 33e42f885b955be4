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
    let block = transA == .none && transB == .transposed ? smallProductBlocks(m: m, n: n) : (rows: m, cols: n)
    var i = 0
    while i < m {
      let rows = min(block.rows, m - i)
      var j = 0
      while j < n {
        let cols = min(block.cols, n - j)
        cblas_sgemm(
          CblasRowMajor, transA.cblas, transB.cblas, blasint(rows), blasint(cols), blasint(k), alpha,
          a + i * lda, blasint(lda), b + j * ldb, blasint(ldb), beta, c + i * ldc + j, blasint(ldc))
        j += cols
      }
      i += rows
    }
  }

  /// The blocks a row-major A·Bᵀ (a layer's forward pass, B being the weights) is computed in.
  /// OpenBLAS's AVX-512 builds multiply small products without packing, but take that path for
  /// this case only while the output block is small (rows × columns up to about 1200); beyond it
  /// they pack B for the whole product, which for few rows, or few columns, costs about as much
  /// as the multiply. Measured on digits-sized layers:
  /// - few rows (a batch of 16, 128 outputs, 128 inputs): one call 8.2 µs, two blocks of 64
  ///   columns 5.6 µs; 32 rows: 13.5 µs against 11.1 µs in blocks of 32 columns;
  /// - few columns (the 10-class output layer, 128 inputs): 128 rows 7.0 µs in one call, 3.6 µs in
  ///   blocks of 64 rows; 360 rows (an evaluation pass) 18.7 µs against 10.5 µs.
  /// Other products (64 rows or more and wide outputs, where packing pays for itself) stay one
  /// call, as does every product on CPUs without AVX-512, whose kernels have no such path.
  @inline(__always)
  static func smallProductBlocks(m: Int, n: Int) -> (rows: Int, cols: Int) {
    guard CPUFeatures.avx512, m > 0, n > 0, m * n > 1024 else { return (m, n) }
    func powerOfTwoAtMost(_ x: Int) -> Int { 1 << (Int.bitWidth - 1 - x.leadingZeroBitCount) }
    if m <= 32 { return (m, max(16, powerOfTwoAtMost(1024 / m))) }
    if n <= 16 { return (max(16, powerOfTwoAtMost(1024 / n)), n) }
    return (m, n)
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
