// Hyperband over successive-halving brackets (Optuna's HyperbandPruner, after Li et al. 2018).
// A trial's bracket is a deterministic hash of (study name, trial number), so every process
// assigns it the same way; each bracket's pruner only sees trials of its bracket.
import Foundation

/// Runs several SuccessiveHalving pruners with increasing minimum early-stopping rates.
public final class HyperbandPruner: Pruner, @unchecked Sendable {
  public enum MaxResource: Sendable, Equatable {
    /// The longest completed trial's last step + 1.
    case auto
    case steps(Int)
  }

  public let minResource: Int
  public let maxResource: MaxResource
  public let reductionFactor: Int
  public let bootstrapCount: Int

  private struct Brackets {
    var pruners: [SuccessiveHalvingPruner] = []
    var budgets: [Int] = []
    var total = 0
  }

  private let brackets = Locked(Brackets())

  public init(minResource: Int = 1, maxResource: MaxResource = .auto, reductionFactor: Int = 3, bootstrapCount: Int = 0) throws {
    guard minResource >= 1 else {
      throw PruningMath.invalid("HyperbandPruner", "min_resource", "must be >= 1 (got \(minResource))")
    }
    if case .steps(let m) = maxResource, m < minResource {
      throw PruningMath.invalid("HyperbandPruner", "max_resource", "must be >= min_resource (got \(m))")
    }
    guard reductionFactor >= 2 else {
      throw PruningMath.invalid("HyperbandPruner", "reduction_factor", "must be >= 2 (got \(reductionFactor))")
    }
    self.minResource = minResource
    self.maxResource = maxResource
    self.reductionFactor = reductionFactor
    self.bootstrapCount = bootstrapCount
  }

  /// Number of brackets once initialized (0 before the first completed trial with "auto").
  public var bracketCount: Int { brackets.withLock { $0.pruners.count } }

  public func prune(study: any StudyView, trial: FrozenTrial) throws -> Bool {
    try initializeIfNeeded(study)
    guard let (pruner, id) = brackets.withLock({ b -> (SuccessiveHalvingPruner, Int)? in
      guard !b.pruners.isEmpty else { return nil }
      let id = Self.bracketID(studyName: study.studyName, trialNumber: trial.number, budgets: b.budgets, total: b.total)
      return (b.pruners[id], id)
    }) else { return false }
    let view = BracketStudyView(base: study, bracket: id, owner: self)
    return try pruner.prune(study: view, trial: trial)
  }

  /// The bracket of a trial (Optuna: crc32 of "{study}_{number}" modulo the total budget).
  public func bracketID(studyName: String, trialNumber: Int) -> Int? {
    brackets.withLock { b in
      b.pruners.isEmpty ? nil : Self.bracketID(studyName: studyName, trialNumber: trialNumber, budgets: b.budgets, total: b.total)
    }
  }

  static func bracketID(studyName: String, trialNumber: Int, budgets: [Int], total: Int) -> Int {
    var n = Int(CRC32.checksum(Array("\(studyName)_\(trialNumber)".utf8))) % max(total, 1)
    for (id, budget) in budgets.enumerated() {
      n -= budget
      if n < 0 { return id }
    }
    return max(budgets.count - 1, 0)
  }

  private func initializeIfNeeded(_ study: any StudyView) throws {
    if bracketCount > 0 { return }
    let maximum: Int
    switch maxResource {
    case .steps(let m): maximum = m
    case .auto:
      let steps = study.trials(states: [.complete]).compactMap(\.lastStep)
      guard let longest = steps.max() else { return }
      maximum = longest + 1
    }
    let rf = Double(reductionFactor)
    let n = Int((Foundation.log(Double(maximum) / Double(minResource)) / Foundation.log(rf)).rounded(.down)) + 1
    var built = Brackets()
    for id in 0..<max(n, 1) {
      let s = n - 1 - id
      let budget = Int((Double(n) * pow(rf, Double(s)) / Double(s + 1)).rounded(.up))
      built.budgets.append(budget)
      built.total += budget
      built.pruners.append(
        try SuccessiveHalvingPruner(
          minResource: .steps(minResource), reductionFactor: reductionFactor, minEarlyStoppingRate: id,
          bootstrapCount: bootstrapCount))
    }
    brackets.withLock { if $0.pruners.isEmpty { $0 = built } }
  }
}

/// The study as one Hyperband bracket sees it: only the trials assigned to that bracket.
struct BracketStudyView: StudyView {
  let base: any StudyView
  let bracket: Int
  let owner: HyperbandPruner

  var studyName: String { base.studyName }
  var directions: [StudyDirection] { base.directions }
  var systemAttrs: [String: JSONValue] { base.systemAttrs }
  var userAttrs: [String: JSONValue] { base.userAttrs }

  func trials(states: Set<TrialState>?) -> [FrozenTrial] {
    base.trials(states: states).filter { owner.bracketID(studyName: studyName, trialNumber: $0.number) == bracket }
  }

  func setSystemAttr(_ key: String, _ value: JSONValue) throws { try base.setSystemAttr(key, value) }
  func setTrialSystemAttr(trialID: Int, key: String, value: JSONValue) throws {
    try base.setTrialSystemAttr(trialID: trialID, key: key, value: value)
  }
  func stop() { base.stop() }
}

/// CRC-32 (IEEE 802.3, the polynomial of zlib and Python's `binascii.crc32`).
enum CRC32 {
  static let table: [UInt32] = (0..<256).map { i -> UInt32 in
    var c = UInt32(i)
    for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for b in bytes { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
