// General matrix multiply through OpenBLAS, and control of OpenBLAS's thread pool.
import COpenBLAS

public enum Transpose: Sendable {
  case none, transposed
  @usableFromInline var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

public enum BLAS {
  /// C[m×n] = alpha · op(A) · op(B) + beta · C, all row-major with leading dimensions given.
  @inlinable
  public static func sgemm(
    _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
    alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    cblas_sgemm(
      CblasRowMajor, transA.cblas, transB.cblas, blasint(m), blasint(n), blasint(k), alpha,
      a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
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
