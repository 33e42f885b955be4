// A function of two doubles remembered by its arguments' bits in a direct-mapped table. TPE asks
// for the same truncated-normal quantities suggestion after suggestion — a kernel that keeps its
// bandwidth keeps its bounds, and the candidates repeat a small grid's values — and each costs
// an `erfc` and a `log` or more. A hit returns the very number the computation gives. The table
// is raw memory: a class's array properties pay an exclusivity check per access, which cost more
// than the lookups saved.
final class PairMemo<Value> {
  private struct Entry {
    var a: UInt64, b: UInt64, value: Value
  }
  private let slotBits: Int
  private let table: UnsafeMutablePointer<Entry>
  private let compute: (Double, Double) -> Value

  /// 2^`slotBits` entries; `placeholder` fills the empty ones, whose NaN keys never match (the
  /// arguments are never NaN).
  init(slotBits: Int, placeholder: Value, compute: @escaping (Double, Double) -> Value) {
    self.slotBits = slotBits
    self.compute = compute
    table = UnsafeMutablePointer<Entry>.allocate(capacity: 1 << slotBits)
    table.initialize(repeating: Entry(a: Double.nan.bitPattern, b: Double.nan.bitPattern, value: placeholder),
                     count: 1 << slotBits)
  }

  deinit {
    table.deinitialize(count: 1 << slotBits)
    table.deallocate()
  }

  func value(_ a: Double, _ b: Double) -> Value {
    let ka = a.bitPattern, kb = b.bitPattern
    let mixed = (ka ^ (kb &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
    let entry = table + Int(truncatingIfNeeded: mixed >> UInt64(64 - slotBits))
    if entry.pointee.a == ka && entry.pointee.b == kb { return entry.pointee.value }
    let value = compute(a, b)
    entry.pointee = Entry(a: ka, b: kb, value: value)
    return value
  }
}

/// Optuna's quantile's two log-tail terms per truncation (`OptunaTruncatedNormal.logTails`), for
/// l(x)'s kernels.
typealias TruncatedNormalMemo = PairMemo<(below: Double, inside: Double)>

extension PairMemo where Value == (below: Double, inside: Double) {
  convenience init() { self.init(slotBits: 10, placeholder: (0, 0), compute: OptunaTruncatedNormal.logTails) }
}

/// `TruncatedNormal.logMass` per kernel and grid value, for the stepped dimensions (768 kB).
typealias LogMassMemo = PairMemo<Double>

extension PairMemo where Value == Double {
  convenience init() { self.init(slotBits: 15, placeholder: 0, compute: TruncatedNormal.logMass) }
}
