// Learning-rate schedules under Transformers' names; each maps a step to a multiplier of the
// initial learning rate, matching transformers.optimization's lambdas.
import Foundation

public enum SchedulerType: String, Sendable, CaseIterable {
  case linear, cosine
  case cosineWithRestarts = "cosine_with_restarts"
  case polynomial, constant
  case constantWithWarmup = "constant_with_warmup"
  case inverseSqrt = "inverse_sqrt"
  case reduceLROnPlateau = "reduce_lr_on_plateau"
}

public struct LearningRateSchedule: Sendable {
  public let type: SchedulerType
  public let warmupSteps: Int
  public let totalSteps: Int
  public let numCycles: Double
  public let power: Double
  public let lrEnd: Double
  public let initialLR: Double

  public init(type: SchedulerType, initialLR: Double, warmupSteps: Int, totalSteps: Int,
              numCycles: Double? = nil, power: Double = 1, lrEnd: Double = 1e-7) {
    self.type = type
    self.initialLR = initialLR
    self.warmupSteps = warmupSteps
    self.totalSteps = totalSteps
    self.numCycles = numCycles ?? (type == .cosineWithRestarts ? 1 : 0.5)
    self.power = power
    self.lrEnd = lrEnd
  }

  /// The multiplier for optimizer step `step` (0-based, before the step is taken).
  public func multiplier(at step: Int) -> Double {
    let s = Double(step), w = Double(warmupSteps), total = Double(totalSteps)
    let inWarmup = step < warmupSteps
    let warm = s / max(1, w)
    switch type {
    case .constant, .reduceLROnPlateau: return 1
    case .constantWithWarmup: return inWarmup ? warm : 1
    case .linear:
      return inWarmup ? warm : max(0, (total - s) / max(1, total - w))
    case .cosine:
      if inWarmup { return warm }
      let progress = (s - w) / max(1, total - w)
      return max(0, 0.5 * (1 + cos(Double.pi * numCycles * 2 * progress)))
    case .cosineWithRestarts:
      if inWarmup { return warm }
      let progress = (s - w) / max(1, total - w)
      if progress >= 1 { return 0 }
      return max(0, 0.5 * (1 + cos(Double.pi * (numCycles * progress).truncatingRemainder(dividingBy: 1))))
    case .polynomial:
      if inWarmup { return warm }
      if s > total { return lrEnd / initialLR }
      let range = initialLR - lrEnd
      let remaining = 1 - (s - w) / max(1, total - w)
      return (range * pow(remaining, power) + lrEnd) / initialLR
    case .inverseSqrt:
      if inWarmup { return warm }
      let timescale = warmupSteps > 0 ? w : 10_000
      let shift = timescale - w
      return 1 / ((s + shift) / timescale).squareRoot()
    }
  }
}

/// PyTorch's ReduceLROnPlateau in "min" or "max" mode with a relative threshold: after `patience`
/// evaluations without improvement the multiplier is scaled by `factor`.
public struct PlateauTracker: Sendable {
  public var factor = 0.1, patience = 10, threshold = 1e-4, minMultiplier = 0.0
  public var greaterIsBetter = false
  public private(set) var multiplier = 1.0
  private var best: Double?
  private var bad = 0

  public init(greaterIsBetter: Bool = false) { self.greaterIsBetter = greaterIsBetter }

  public mutating func record(_ value: Double) {
    let improved: Bool
    if let best {
      improved = greaterIsBetter ? value > best * (1 + threshold * (best >= 0 ? 1 : -1))
        : value < best * (1 - threshold * (best >= 0 ? 1 : -1))
    } else { improved = true }
    if improved { best = value; bad = 0 } else { bad += 1 }
    if bad > patience { multiplier = max(minMultiplier, multiplier * factor); bad = 0 }
  }
}
