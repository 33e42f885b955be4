// One Ray trial as the runner and schedulers see it: config, status, every result so far and the
// latest checkpoint the trainable reported.
import Foundation

/// Ray's trial statuses.
public enum TuneTrialStatus: String, Sendable {
  case pending = "PENDING"
  case running = "RUNNING"
  case paused = "PAUSED"
  case terminated = "TERMINATED"
  case error = "ERROR"

  public var isFinished: Bool { self == .terminated || self == .error }
}

/// State a trainable hands to Tune with `report(metrics, checkpoint:)` and gets back when it is
/// restored (a PBT exploit, or a paused trial restarted). Opaque to Tune: the Trainer
/// integration stores its model and optimizer state here.
public final class TuneCheckpoint: @unchecked Sendable {
  public let state: Any
  /// The trial's `training_iteration` and `time_total_s` when it was saved; a restored trial
  /// continues counting from them, as Ray's trainables do.
  public internal(set) var trainingIteration = 0
  public internal(set) var timeTotalS = 0.0

  public init(_ state: Any) { self.state = state }
}

/// A trial of a Tuner run. Schedulers read it and may set `status` to `.pending` (to resume a
/// paused trial); everything else is written by the runner.
public final class TuneTrial: @unchecked Sendable, CustomStringConvertible {
  /// Ray-style id: `<run prefix>_<5-digit number>`.
  public let trialID: String
  /// The number of the study trial that records it.
  public let number: Int
  public internal(set) var config: TuneValue
  public var status: TuneTrialStatus = .pending
  /// Every result, in order, with the auto-filled fields.
  public internal(set) var results: [TuneDict] = []
  public internal(set) var latestCheckpoint: TuneCheckpoint?
  /// True when `latestCheckpoint` came with (or was saved after) the latest result.
  var checkpointIsCurrent = false
  /// The error text when status is `.error`.
  public internal(set) var errorMessage: String?
  /// True when a scheduler (or the time budget) stopped it before it returned by itself.
  public internal(set) var stoppedEarly = false
  /// How many times PBT replaced its config and state.
  public internal(set) var perturbations = 0

  public init(trialID: String, number: Int, config: TuneValue) {
    self.trialID = trialID
    self.number = number
    self.config = config
  }

  public var lastResult: TuneDict? { results.last }

  public var description: String { "Trial(\(trialID), \(status.rawValue))" }
}

/// What schedulers may ask of the runner (Ray's TuneController, reduced to what they use).
public protocol TuneTrialRunner: AnyObject {
  /// All trials so far, in creation order.
  var trials: [TuneTrial] { get }
  /// Stops a paused or pending trial (HyperBand's halving).
  func stopTrial(_ trial: TuneTrial)
  /// The trial's state now: the checkpoint reported with its latest result, else one saved on
  /// demand through the trainable's `checkpointSaver` (nil when it has neither).
  func saveCheckpoint(_ trial: TuneTrial) -> TuneCheckpoint?
  /// Replaces a paused trial's config and state: when it runs again its trainable restarts with
  /// `config` and `checkpoint` (PBT's synchronous mode exploits trials other than the reporter).
  func exploit(_ trial: TuneTrial, source: Int, config: TuneValue, checkpoint: TuneCheckpoint?)
  var searchAlgorithm: (any TuneSearchAlgorithm)? { get }
}

extension TuneTrialRunner {
  public var liveTrials: [TuneTrial] { trials.filter { !$0.status.isFinished } }
}

/// A standalone runner for driving schedulers by hand (tests, offline replays).
public final class ManualTrialRunner: TuneTrialRunner {
  public var trials: [TuneTrial] = []
  public var searchAlgorithm: (any TuneSearchAlgorithm)?
  public private(set) var stopped: [Int] = []
  public init(trials: [TuneTrial] = []) { self.trials = trials }
  public func stopTrial(_ trial: TuneTrial) {
    trial.status = .terminated
    stopped.append(trial.number)
  }
  public func saveCheckpoint(_ trial: TuneTrial) -> TuneCheckpoint? { trial.latestCheckpoint }
  public private(set) var exploits: [(trial: Int, source: Int)] = []
  public func exploit(_ trial: TuneTrial, source: Int, config: TuneValue, checkpoint: TuneCheckpoint?) {
    trial.config = config
    trial.perturbations += 1
    exploits.append((trial.number, source))
  }
}
