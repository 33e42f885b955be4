// The searcher contract of the Ray dialect (Ray's `SearchAlgorithm`/`Searcher`): hand out trial
// configs, hear how trials ended. The Tuner owns an HPSSearch study; engine-backed searchers
// suggest through that study's trial so every trial lands in one storage.
import Foundation

/// "min" or "max", Ray's `mode`.
public enum TuneMode: String, Sendable, Equatable {
  case min, max

  /// Parses Ray's spelling. - Throws: `invalidArgument` naming `function`.
  public init(parsing text: String, function: String) throws {
    guard let mode = TuneMode(rawValue: text) else {
      throw TuneError.invalidArgument(function: function, argument: "mode", message: "`mode` must be 'min' or 'max' (got '\(text)')")
    }
    self = mode
  }

  /// +1 for max, -1 for min: Ray's `metric_op`, which turns every comparison into "larger is better".
  public var sign: Double { self == .max ? 1 : -1 }
  public var direction: StudyDirection { self == .max ? .maximize : .minimize }
}

/// A searcher's answer to "what next?".
public enum TuneSuggestion: Sendable, Equatable {
  case config(TuneValue)
  /// Nothing now (concurrency limit); ask again after a trial finishes.
  case wait
  /// No more trials.
  case finished
}

/// What a searcher may use to build a suggestion: the Tuner's study and, on demand, a new
/// running trial in it (engine searchers suggest their parameters on that trial).
public final class TuneSuggestContext {
  public let study: Study
  public private(set) var trial: Trial?
  init(study: Study) { self.study = study }

  /// Starts (once) the study trial that will record this suggestion.
  public func startTrial() throws -> Trial {
    if let trial { return trial }
    let started = try study.ask()
    trial = started
    return started
  }
}

/// A Ray search algorithm.
public protocol TuneSearchAlgorithm: AnyObject {
  /// Receives TuneConfig's metric/mode and the param space before the first suggestion. Returns
  /// false when the searcher was built with its own metric or mode and the Tuner sets them too
  /// (the Tuner then raises, as Ray does).
  func setSearchProperties(metric: String?, mode: TuneMode?, paramSpace: TuneValue, numSamples: Int) throws -> Bool
  func suggest(_ context: TuneSuggestContext) throws -> TuneSuggestion
  /// Called once the Tuner has numbered a trial built from the last suggestion.
  func onTrialStarted(trialNumber: Int)
  /// Called when a trial ends (`result` is its last result; nil when it never reported).
  func onTrialComplete(trialNumber: Int, result: TuneDict?, error: Bool)
  /// A model-based searcher (Ray's SearchGenerator); PBT refuses those.
  var isModelBased: Bool { get }
  /// The HPSSearch sampler the Tuner's study should use (nil: the study samples nothing itself).
  var engineSampler: (any Sampler)? { get }
}

extension TuneSearchAlgorithm {
  public func onTrialStarted(trialNumber: Int) {}
  public func onTrialComplete(trialNumber: Int, result: TuneDict?, error: Bool) {}
  public var isModelBased: Bool { true }
  public var engineSampler: (any Sampler)? { nil }
}

/// Caps the number of live trials of a searcher (Ray's `ConcurrencyLimiter`).
public final class ConcurrencyLimiter: TuneSearchAlgorithm {
  public let searcher: any TuneSearchAlgorithm
  public let maxConcurrent: Int
  private var live = Set<Int>()

  /// - Throws: `invalidArgument` when `maxConcurrent` < 1.
  public init(_ searcher: any TuneSearchAlgorithm, maxConcurrent: Int) throws {
    guard maxConcurrent >= 1 else {
      throw TuneError.invalidArgument(
        function: "ConcurrencyLimiter", argument: "max_concurrent", message: "must be at least 1 (got \(maxConcurrent))")
    }
    self.searcher = searcher
    self.maxConcurrent = maxConcurrent
  }

  public func setSearchProperties(metric: String?, mode: TuneMode?, paramSpace: TuneValue, numSamples: Int) throws -> Bool {
    try searcher.setSearchProperties(metric: metric, mode: mode, paramSpace: paramSpace, numSamples: numSamples)
  }

  public func suggest(_ context: TuneSuggestContext) throws -> TuneSuggestion {
    guard live.count < maxConcurrent else { return .wait }
    return try searcher.suggest(context)
  }

  public func onTrialStarted(trialNumber: Int) {
    live.insert(trialNumber)
    searcher.onTrialStarted(trialNumber: trialNumber)
  }

  public func onTrialComplete(trialNumber: Int, result: TuneDict?, error: Bool) {
    live.remove(trialNumber)
    searcher.onTrialComplete(trialNumber: trialNumber, result: result, error: error)
  }

  public var isModelBased: Bool { searcher.isModelBased }
  public var engineSampler: (any Sampler)? { searcher.engineSampler }
  var liveCount: Int { live.count }
}
